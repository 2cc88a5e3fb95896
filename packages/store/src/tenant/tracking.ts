import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { T, TQ } from "../keys.ts";
import { queryPage } from "../query.ts";
import type { TenantTable } from "../tenant-access.ts";
import { putIf, type TransactItem } from "../writes.ts";

/** A tracking number taken and then not used by any case, with why (作废). */
export interface VoidedNumber {
  trackingNo: string;
  /** The Shanghai day (yyyy-mm-dd) whose sequence the number belongs to. */
  day: string;
  seq: number;
  at: string;
  reason: "duplicate_request" | "write_failed";
  /** The error's name for `write_failed` (e.g. a DynamoDB timeout). */
  detail?: string;
  by: string;
}

/**
 * The per-day sequence behind tracking numbers. A number is reserved with one atomic ADD outside the
 * case's transaction, so registrations never wait on each other for it; a reserved number whose case is
 * then not written is recorded as voided with its reason, so every number of the day is either a case or
 * a voided entry an auditor can read (the month's voided numbers are one query on a sparse index).
 */
export class TrackingRepository {
  constructor(private readonly t: TenantTable) {}

  /** Reserves the day's next sequence number (1, 2, …). */
  async reserve(day: string): Promise<number> {
    const out = await this.t.doc.send(
      new UpdateCommand({
        TableName: this.t.tableName,
        Key: T.caseCounter(day),
        UpdateExpression: "ADD seq :one",
        ExpressionAttributeValues: { ":one": 1 },
        ReturnValues: "UPDATED_NEW",
      }),
    );
    return Number(out.Attributes?.seq);
  }

  /** The last sequence number reserved on a day (0 if none yet). */
  async lastSeq(day: string): Promise<number> {
    const out = await this.t.doc.send(
      new GetCommand({ TableName: this.t.tableName, Key: T.caseCounter(day), ConsistentRead: true }),
    );
    return (out.Item?.seq as number | undefined) ?? 0;
  }

  /** The pointer from a tracking number to its case, written in the case's transaction; never overwritten. */
  pointer(trackingNo: string, caseId: string): TransactItem {
    return {
      Put: {
        TableName: this.t.tableName,
        Item: { ...T.tracking(trackingNo), caseId },
        ConditionExpression: "attribute_not_exists(PK)",
      },
    };
  }

  async idByTrackingNo(trackingNo: string): Promise<string | null> {
    const out = await this.t.doc.send(
      new GetCommand({ TableName: this.t.tableName, Key: T.tracking(trackingNo), ConsistentRead: true }),
    );
    return (out.Item?.caseId as string | undefined) ?? null;
  }

  /**
   * Settles a reserved number whose case write failed or whose outcome is unknown (a timeout): the number's
   * pointer is taken for the void, with its entry in the month's list, unless the case's transaction took
   * it first. Whichever lands first wins — a case's transaction arriving late then fails its condition —
   * so a number ends as exactly one case or one voided entry. "taken": the case was written after all.
   */
  async settle(v: VoidedNumber): Promise<"voided" | "taken"> {
    const voided = await putIf(
      this.t.doc,
      this.t.tableName,
      { ...T.tracking(v.trackingNo), ...T.voidedIndex(v.day, v.trackingNo), voided: true, ...v },
      "attribute_not_exists(PK)",
    );
    return voided ? "voided" : "taken";
  }

  /** A month's voided numbers in number order, a page at a time. */
  async voided(
    month: string,
    limit: number,
    cursor?: string,
  ): Promise<{ items: VoidedNumber[]; nextCursor: string | null }> {
    const p = TQ.voidedNumbers(month);
    const page = await queryPage<VoidedNumber & { voided?: true }>(
      this.t.doc,
      this.t.tableName,
      p,
      limit,
      cursor,
    );
    return { ...page, items: page.items.map(({ voided: _v, ...v }) => v) };
  }
}
