import { z } from "zod";

export const TenantExportStatus = z.enum(["running", "completed", "failed"]);
export type TenantExportStatus = z.infer<typeof TenantExportStatus>;

/**
 * One complete export of a tenant's table: every item, one DynamoDB-JSON `{"Item": …}` object per line,
 * gzip-compressed — the format DynamoDB's ImportTable reads back (DYNAMODB_JSON, GZIP).
 */
export const TenantExport = z.object({
  exportId: z.string(),
  tenantId: z.string(),
  status: TenantExportStatus,
  /** `file:///…/x.jsonl.gz` locally, `s3://bucket/key` in AWS. */
  location: z.string(),
  format: z.literal("dynamodb-json-lines+gzip"),
  startedAt: z.string(),
  completedAt: z.string().nullable(),
  itemCount: z.number().int().min(0).nullable(),
  /** Size of the gzip file. */
  bytes: z.number().int().min(0).nullable(),
  /** SHA-256 (hex) of the gzip file, as `sha256sum` prints it. */
  sha256: z.string().nullable(),
  error: z.string().nullable(),
});
export type TenantExport = z.infer<typeof TenantExport>;

export const StartedExport = z.object({ exportId: z.string(), status: TenantExportStatus });
