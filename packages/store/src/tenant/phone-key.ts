import { createHash } from "node:crypto";
import { normalisePhone } from "@weiquan/domain";

/**
 * The ledger's lookup key of a consumer's phone: SHA-256 of the tenant id and the normalised number, so a
 * ledger row (and whatever copies it: backups, exports of the table) never holds the number in clear, and
 * the same number gives unrelated keys in two tenants (no linking people across tenants).
 *
 * Why a salted hash and not an HMAC with a platform secret (like the list cursors' MAC): every case write
 * — the API, the public intake, the jobs, the demo seed — goes through `CasesRepository.write`, which knows
 * the tenant but not the control table's secrets (a tenant's session cannot read them). The honest limit:
 * phone numbers are a small space (~10^10), so someone holding both the table and the tenant id could
 * recover a number by trying them all; the key hides numbers from sight, it is not encryption. The `v1`
 * tag lets a keyed version replace it with a backfill of the ledger rows.
 */
export function phoneKeyOf(tenantId: string, phone: string): string {
  return createHash("sha256")
    .update(`weiquan-phone-v1\n${tenantId}\n${normalisePhone(phone)}`)
    .digest("hex");
}
