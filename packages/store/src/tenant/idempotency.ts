import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { T } from "../keys.ts";
import type { TenantTable } from "../tenant-access.ts";
import type { TransactItem } from "../writes.ts";

export interface IdempotencyRecord {
  bodyHash: string;
  /** The first answer, replayed verbatim. */
  response: string;
  /** Epoch seconds; also the table's TTL attribute, though DynamoDB deletes expired items lazily. */
  expiresAt: number;
}

/**
 * `Idempotency-Key` records, per user within the tenant's own table — so the same key from another
 * user or another tenant is another request.
 */
export class IdempotencyRepository {
  constructor(private readonly t: TenantTable) {}

  async find(userId: string, key: string, now: Date): Promise<IdempotencyRecord | null> {
    const out = await this.t.doc.send(
      new GetCommand({ TableName: this.t.tableName, Key: T.idempotency(userId, key), ConsistentRead: true }),
    );
    const item = out.Item as IdempotencyRecord | undefined;
    if (!item || item.expiresAt <= Math.floor(now.getTime() / 1000)) return null;
    return { bodyHash: item.bodyHash, response: item.response, expiresAt: item.expiresAt };
  }

  /** The transaction item that records the first answer; it fails if a live record holds the key. */
  claim(userId: string, key: string, r: IdempotencyRecord & { now: number }): TransactItem {
    return {
      Put: {
        TableName: this.t.tableName,
        Item: {
          ...T.idempotency(userId, key),
          bodyHash: r.bodyHash,
          response: r.response,
          expiresAt: r.expiresAt,
          ttl: r.expiresAt,
        },
        ConditionExpression: "attribute_not_exists(PK) OR expiresAt <= :now",
        ExpressionAttributeValues: { ":now": r.now },
      },
    };
  }
}
