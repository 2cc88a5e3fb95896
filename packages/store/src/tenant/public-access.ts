import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { T } from "../keys.ts";
import type { TenantTable } from "../tenant-access.ts";
import type { TransactItem } from "../writes.ts";

/** What the public page may use to reach a case: the case id and the salted hash of its query code. */
export interface PublicAccessRecord {
  caseId: string;
  /** hex of sha256(salt:code); the code itself is never stored. */
  codeHash: string;
  salt: string;
}

/**
 * The public page's key to a case, kept beside the tracking-number pointer (same partition) and written
 * in the case's own creation transaction, so no case filed online is ever without one.
 */
export class PublicAccessRepository {
  constructor(private readonly t: TenantTable) {}

  async get(trackingNo: string): Promise<PublicAccessRecord | null> {
    const out = await this.t.doc.send(
      new GetCommand({ TableName: this.t.tableName, Key: T.publicAccess(trackingNo), ConsistentRead: true }),
    );
    if (!out.Item) return null;
    return { caseId: out.Item.caseId, codeHash: out.Item.codeHash, salt: out.Item.salt };
  }

  put(trackingNo: string, r: PublicAccessRecord): TransactItem {
    return {
      Put: {
        TableName: this.t.tableName,
        Item: { ...T.publicAccess(trackingNo), ...r },
        ConditionExpression: "attribute_not_exists(PK)",
      },
    };
  }
}
