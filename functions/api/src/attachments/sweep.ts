import { isExpired, shanghaiIso } from "@weiquan/domain";
import {
  AttachmentsRepository,
  type ObjectStore,
  type TenantAccess,
  type TenantsRepository,
  type TenantTable,
} from "@weiquan/store";
import { forEachActiveTenant } from "../jobs/tenants.ts";

/** How many expired uploads one sweep of a tenant removes (the rest wait for the next run). */
const SWEEP_PAGE = 200;

/**
 * Deletes the uploads nobody linked within 24 hours (and the files let go by deleted records): first the
 * object, then the record. An expired upload can no longer be linked (the link's condition checks the
 * expiry), so nothing linked is ever removed. Reads only the due entries of the pending index, whose sort
 * key is the Shanghai expiry time.
 */
export async function sweepAttachments(table: TenantTable, store: ObjectStore, now: Date): Promise<number> {
  const repo = new AttachmentsRepository(table);
  const files = store.forTenant(table);
  let removed = 0;
  for (const due of await repo.expired(shanghaiIso(now), SWEEP_PAGE)) {
    const a = await repo.get(due.id);
    if (!a || !isExpired(a, now)) continue;
    await files.remove(a.id);
    if (await repo.forget(a.id)) removed++;
  }
  return removed;
}

/** The attachments sweep of every active tenant (the scheduler's run and the local stack's hourly one). */
export async function sweepAllTenantsAttachments(
  deps: { tenants: TenantsRepository; tenantAccess: TenantAccess; files?: ObjectStore },
  now: Date,
) {
  const { files } = deps;
  if (!files) return [];
  return forEachActiveTenant(deps, (table) => sweepAttachments(table, files, now));
}
