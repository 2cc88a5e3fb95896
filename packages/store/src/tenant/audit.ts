import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { T, TQ } from "../keys.ts";
import { queryPage } from "../query.ts";
import type { TenantTable } from "../tenant-access.ts";

export interface AuditEntry {
  id: string;
  at: string;
  userId: string;
  username: string;
  displayName: string;
  unitId: string;
  /** The case read ("" for a search by phone, which reads no single case). */
  caseId: string;
  trackingNo: string;
  action: "read_personal_data" | "download_attachment" | "search_by_phone";
  /** For a download: which file of the case. */
  attachmentId?: string;
  fileName?: string;
  /** For a search by phone: the number searched, masked, and how many cases that page listed. */
  phone?: string;
  resultCount?: number;
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
    return queryPage<AuditEntry>(this.t.doc, this.t.tableName, TQ.audit(month), limit, cursor, {
      ScanIndexForward: false,
    });
  }
}
