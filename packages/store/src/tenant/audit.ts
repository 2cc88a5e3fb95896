import { PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { decodeCursor, encodeCursor } from "../cursor.ts";
import { T, withoutKeys } from "../keys.ts";
import type { TenantTable } from "../tenant-access.ts";

export interface AuditEntry {
  id: string;
  at: string;
  userId: string;
  username: string;
  displayName: string;
  unitId: string;
  caseId: string;
  trackingNo: string;
  action: "read_personal_data" | "download_attachment";
  /** For a download: which file of the case. */
  attachmentId?: string;
  fileName?: string;
}

/** Append-only trail of who read unmasked personal data, partitioned by month. */
export class AuditRepository {
  constructor(private readonly t: TenantTable) {}

  async record(e: AuditEntry): Promise<void> {
    await this.t.doc.send(
      new PutCommand({
        TableName: this.t.tableName,
        Item: { ...T.audit(e.at.slice(0, 7), e.at, e.id), ...e },
        ConditionExpression: "attribute_not_exists(PK)",
      }),
    );
  }

  /** A month's entries, newest first. */
  async list(month: string, limit: number, cursor?: string) {
    const out = await this.t.doc.send(
      new QueryCommand({
        TableName: this.t.tableName,
        KeyConditionExpression: "PK = :pk",
        ExpressionAttributeValues: { ":pk": T.audit(month, "", "").PK },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, ["PK", "SK"]),
      }),
    );
    return {
      items: (out.Items ?? []).map((i) => withoutKeys<AuditEntry>(i)),
      nextCursor: encodeCursor(out.LastEvaluatedKey),
    };
  }
}
