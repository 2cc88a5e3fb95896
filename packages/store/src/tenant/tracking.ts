import { GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { T, TQ } from "../keys.ts";
import { queryPage } from "../query.ts";
import type { TenantTable } from "../tenant-access.ts";
import type { TransactItem } from "../writes.ts";

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
 * a voided entry an auditor can read.
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

  /** Records a reserved number as voided (once: a second record of the same number changes nothing). */
  async void(v: VoidedNumber): Promise<void> {
    await this.t.doc
      .send(
        new PutCommand({
          TableName: this.t.tableName,
          Item: { ...T.voidedNumber(v.day, v.trackingNo), ...v },
          ConditionExpression: "attribute_not_exists(PK)",
        }),
      )
      .catch((e: unknown) => {
        if (!(e instanceof Error && e.name === "ConditionalCheckFailedException")) throw e;
      });
  }

  /** A month's voided numbers in number order, a page at a time. */
  async voided(
    month: string,
    limit: number,
    cursor?: string,
  ): Promise<{ items: VoidedNumber[]; nextCursor: string | null }> {
    return queryPage<VoidedNumber>(this.t.doc, this.t.tableName, TQ.voidedNumbers(month), limit, cursor);
  }
}
