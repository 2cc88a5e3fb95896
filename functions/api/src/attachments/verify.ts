import { type AttachmentRecord, SNIFF_BYTES, verifyUpload } from "@weiquan/domain";
import { AttachmentsRepository, type TenantFiles, type TenantTable } from "@weiquan/store";

/**
 * Settles a pending attachment from its uploaded bytes: ready when the size and the sniffed type match the
 * declaration; rejected (and the object deleted) otherwise; still pending while nothing is uploaded.
 * Runs on first use (the uploader's GET, or a record naming it), so a file is checked before anyone sees it.
 */
export async function settleUpload(
  table: TenantTable,
  files: TenantFiles,
  a: AttachmentRecord,
): Promise<AttachmentRecord> {
  if (a.state !== "pending") return a;
  const repo = new AttachmentsRepository(table);
  const verdict = verifyUpload(a, await files.inspect(a.id, SNIFF_BYTES));
  if (verdict.outcome === "missing") return a;
  if (verdict.outcome === "rejected") await files.remove(a.id);
  const next =
    verdict.outcome === "ready"
      ? await repo.settle(a, "ready")
      : await repo.settle(a, "rejected", verdict.reason);
  // Settled concurrently by another request: its answer is as good as ours.
  return next ?? (await repo.get(a.id)) ?? a;
}
