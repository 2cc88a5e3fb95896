import { BatchGetCommand, DeleteCommand, GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { AttachmentLink, AttachmentRecord } from "@weiquan/domain";
import { attachmentObjectKey, T, TQ, withoutKeys } from "../keys.ts";
import { queryOf } from "../query.ts";
import type { TenantTable } from "../tenant-access.ts";
import { putIf, type TransactItem, updateVersioned } from "../writes.ts";

/** DynamoDB's TTL removes a forgotten record a week after expiry, long after the sweep deleted its object. */
const TTL_GRACE_S = 7 * 24 * 3600;
const epochSeconds = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

/**
 * Attachment records. An unlinked record sits in the `ATT_PENDING` index by expiry (what the sweep
 * reads); linking it to a record happens inside that record's own transaction (`linkItems`).
 */
export class AttachmentsRepository {
  constructor(private readonly t: TenantTable) {}

  /** The object key of an attachment of this tenant. */
  objectKey(id: string) {
    return attachmentObjectKey(this.t.tenantId, id);
  }

  async create(a: AttachmentRecord): Promise<boolean> {
    return putIf(
      this.t.doc,
      this.t.tableName,
      {
        ...T.attachment(a.id),
        ...T.attachmentPending(a.expiresAt, a.id),
        ttl: epochSeconds(a.expiresAt) + TTL_GRACE_S,
        ...a,
      },
      "attribute_not_exists(PK)",
    );
  }

  async get(id: string): Promise<AttachmentRecord | null> {
    const out = await this.t.doc.send(
      new GetCommand({ TableName: this.t.tableName, Key: T.attachment(id), ConsistentRead: true }),
    );
    return out.Item ? withoutKeys<AttachmentRecord>(out.Item) : null;
  }

  /** The records of a body's attachment ids (at most a record's 20), by id; absent ids are missing. */
  async getMany(ids: readonly string[]): Promise<Map<string, AttachmentRecord>> {
    const found = new Map<string, AttachmentRecord>();
    let keys = [...new Set(ids)].map((id) => T.attachment(id));
    for (let attempt = 0; keys.length; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(500, 20 * 2 ** attempt)));
      const out = await this.t.doc.send(
        new BatchGetCommand({
          RequestItems: { [this.t.tableName]: { Keys: keys.slice(0, 100), ConsistentRead: true } },
        }),
      );
      for (const item of out.Responses?.[this.t.tableName] ?? []) {
        const a = withoutKeys<AttachmentRecord>(item);
        found.set(a.id, a);
      }
      keys = [
        ...((out.UnprocessedKeys?.[this.t.tableName]?.Keys ?? []) as ReturnType<typeof T.attachment>[]),
        ...keys.slice(100),
      ];
      if (attempt > 10 && keys.length) throw new Error("attachments: DynamoDB kept keys unprocessed");
    }
    return found;
  }

  /** Records the check of the uploaded bytes; null if someone else settled it first (read it again). */
  async settle(a: AttachmentRecord, state: "ready" | "rejected", reason?: string) {
    const next = await updateVersioned(
      this.t.doc,
      this.t.tableName,
      T.attachment(a.id),
      a.version,
      reason ? { state, rejectedFor: reason } : { state },
    );
    return next ? withoutKeys<AttachmentRecord>(next) : null;
  }

  /**
   * The items that link the uploader's checked attachments to a record, for the record's own transaction:
   * each fails unless the attachment is still unlinked, checked, the uploader's and not expired — so two
   * records racing for one file cannot both have it.
   */
  linkItems(ids: readonly string[], link: AttachmentLink, uploadedBy: string, now: string): TransactItem[] {
    return ids.map((id) => ({
      Update: {
        TableName: this.t.tableName,
        Key: T.attachment(id),
        UpdateExpression: "SET #link = :link, #version = #version + :one REMOVE GSI2PK, GSI2SK, #ttl",
        ConditionExpression:
          "attribute_exists(PK) AND attribute_not_exists(#link) AND #state = :ready AND uploadedBy = :by AND expiresAt > :now",
        ExpressionAttributeNames: {
          "#link": "link",
          "#version": "version",
          "#state": "state",
          "#ttl": "ttl",
        },
        ExpressionAttributeValues: {
          ":link": link,
          ":one": 1,
          ":ready": "ready",
          ":by": uploadedBy,
          ":now": now,
        },
      },
    }));
  }

  /**
   * The items that let go of a record's attachments (the record is deleted, or a file removed from it):
   * they become unlinked and already expired, so the next sweep deletes their objects.
   */
  releaseItems(ids: readonly string[], recordId: string, now: string): TransactItem[] {
    return ids.map((id) => ({
      Update: {
        TableName: this.t.tableName,
        Key: T.attachment(id),
        UpdateExpression:
          "SET expiresAt = :now, GSI2PK = :pk, GSI2SK = :sk, #ttl = :ttl, #version = #version + :one REMOVE #link",
        ConditionExpression: "#link.id = :record",
        ExpressionAttributeNames: { "#link": "link", "#version": "version", "#ttl": "ttl" },
        ExpressionAttributeValues: {
          ":now": now,
          ":pk": T.attachmentPending(now, id).GSI2PK,
          ":sk": T.attachmentPending(now, id).GSI2SK,
          ":ttl": epochSeconds(now) + TTL_GRACE_S,
          ":one": 1,
          ":record": recordId,
        },
      },
    }));
  }

  /** Up to `limit` unlinked attachments that expired before `before`, oldest first (the sweep's page). */
  async expired(before: string, limit: number): Promise<AttachmentRecord[]> {
    const out = await this.t.doc.send(
      new QueryCommand(queryOf(this.t.tableName, TQ.attachmentsPendingBefore(before), { Limit: limit })),
    );
    return (out.Items ?? []).map((i) => withoutKeys<AttachmentRecord>(i));
  }

  /** Deletes the record of an attachment that is still unlinked (its object is gone); false if linked meanwhile. */
  async forget(id: string): Promise<boolean> {
    try {
      await this.t.doc.send(
        new DeleteCommand({
          TableName: this.t.tableName,
          Key: T.attachment(id),
          ConditionExpression: "attribute_not_exists(#link)",
          ExpressionAttributeNames: { "#link": "link" },
        }),
      );
      return true;
    } catch (e) {
      if (e instanceof Error && e.name === "ConditionalCheckFailedException") return false;
      throw e;
    }
  }
}
