import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { MAX_WARNING_AUDIENCE, type ReceivedWarning, type WarningRecord } from "@weiquan/domain";
import { T, TQ, withoutKeys } from "../keys.ts";
import { queryOf, queryPages } from "../query.ts";
import type { TenantTable } from "../tenant-access.ts";
import { ifConditionHolds, type TransactItem } from "../writes.ts";
import { boundedPage, getRecord, putRecord } from "./records.ts";

/**
 * Warnings: the record (on GSI1 by date), and one audience row per unit in the warning's own partition —
 * which is also that unit's inbox entry (GSI1) and, until acknowledged, its to-do (GSI2, sparse).
 */
export class WarningsRepository {
  constructor(private readonly t: TenantTable) {}

  get(id: string) {
    return getRecord<WarningRecord>(this.t, T.warning(id));
  }

  put(w: WarningRecord): TransactItem {
    return putRecord(this.t, { ...T.warning(w.id), ...T.warningIndex(w.sentAt, w.id), ...w });
  }

  /** A unit's audience row; written once (a delivery resumed after a failure skips what is there). */
  audienceRow(w: WarningRecord, unitId: string): TransactItem {
    const row: ReceivedWarning = {
      id: w.id,
      unitId,
      title: w.title,
      category: w.category,
      severity: w.severity,
      senderUnitId: w.senderUnitId,
      sentAt: w.sentAt,
    };
    return {
      Put: {
        TableName: this.t.tableName,
        Item: {
          ...T.warningAudience(w.id, unitId),
          ...T.warningInbox(unitId, w.sentAt, w.id),
          ...T.warningUnacked(unitId, w.sentAt, w.id),
          ...row,
        },
        ConditionExpression: "attribute_not_exists(PK)",
      },
    };
  }

  /** Every audience row of a warning (at most the audience cap, a few pages). */
  async audience(id: string): Promise<ReceivedWarning[]> {
    const out: ReceivedWarning[] = [];
    for await (const page of queryPages(
      this.t.doc,
      queryOf(this.t.tableName, TQ.warningAudience(id), { ConsistentRead: true }),
    )) {
      for (const item of page.Items ?? []) out.push(withoutKeys<ReceivedWarning>(item));
      if (out.length > MAX_WARNING_AUDIENCE) break;
    }
    return out;
  }

  row(id: string, unitId: string) {
    return getRecord<ReceivedWarning>(this.t, T.warningAudience(id, unitId));
  }

  /** The unit's acknowledgement: only the first counts (a repeat fails the condition and changes nothing). */
  ackItems(w: WarningRecord, unitId: string, by: string, at: string): TransactItem[] {
    return [
      {
        Update: {
          TableName: this.t.tableName,
          Key: T.warningAudience(w.id, unitId),
          UpdateExpression: "SET ackedAt = :at, ackedBy = :by REMOVE GSI2PK, GSI2SK",
          ConditionExpression: "attribute_exists(PK) AND attribute_not_exists(ackedAt)",
          ExpressionAttributeValues: { ":at": at, ":by": by },
        },
      },
      {
        Update: {
          TableName: this.t.tableName,
          Key: T.warning(w.id),
          UpdateExpression: "ADD acked :one",
          ExpressionAttributeValues: { ":one": 1 },
        },
      },
    ];
  }

  async markDelivered(id: string): Promise<void> {
    await this.t.doc.send(
      new UpdateCommand({
        TableName: this.t.tableName,
        Key: T.warning(id),
        UpdateExpression: "SET delivered = :true",
        ExpressionAttributeValues: { ":true": true },
      }),
    );
  }

  /** Claims a reminder: false if the last one was sent after `notBefore`. */
  claimReminder(id: string, at: string, notBefore: string): Promise<boolean> {
    return ifConditionHolds(
      this.t.doc.send(
        new UpdateCommand({
          TableName: this.t.tableName,
          Key: T.warning(id),
          UpdateExpression: "SET remindedAt = :at",
          ConditionExpression: "attribute_not_exists(remindedAt) OR remindedAt < :notBefore",
          ExpressionAttributeValues: { ":at": at, ":notBefore": notBefore },
        }),
      ),
    );
  }

  /** The tenant's warnings, newest first; only those a sender below `senderPath` sent, when given. */
  list(q: { senderPath?: string; limit: number; cursor?: string }) {
    return boundedPage<WarningRecord>(this.t, TQ.warnings(), {
      limit: q.limit,
      cursor: q.cursor,
      extras: {
        ScanIndexForward: false,
        ...(q.senderPath && {
          FilterExpression: "begins_with(senderPath, :path)",
          ExpressionAttributeValues: { ":path": q.senderPath },
        }),
      },
    });
  }

  /** What a unit received, newest first; only what it has not acknowledged yet, when asked. */
  inbox(q: { unitId: string; unacked: boolean; limit: number; cursor?: string }) {
    return boundedPage<ReceivedWarning>(this.t, TQ.warningInbox(q.unitId, q.unacked), {
      limit: q.limit,
      cursor: q.cursor,
      extras: { ScanIndexForward: false },
    });
  }
}
