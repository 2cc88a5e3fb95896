import { NotFound } from "@weiquan/domain";
import { type RebuildResult, rebuildRollups } from "@weiquan/store";
import type { AppDeps } from "../deps.ts";
import { localDeps } from "../local-runtime.ts";

/**
 * The rollup rebuild job for one tenant (by id or county code): offline, paged through the bureau's
 * ledger, replaying every case's timeline with the write path's counter functions, then replacing the
 * tenant's rollup items. Run it in a maintenance window (no case writes meanwhile): after a unit move,
 * to re-attribute history to the new parents, or to repair figures after a fault.
 *
 * Locally: `tsx functions/api/src/figures/rebuild.ts 120115` (WEIQUAN_DYNAMODB_ENDPOINT, WEIQUAN_STAGE).
 * In AWS the same function runs from a one-off invocation with the tenant's data-access role.
 */
export async function rebuildTenantFigures(deps: AppDeps, tenant: string): Promise<RebuildResult> {
  const record =
    (await deps.control.tenants.get(tenant)) ?? (await deps.control.tenants.getByCountyCode(tenant));
  if (!record) throw NotFound("租户");
  return rebuildRollups(await deps.tenantAccess.forTenant(record.id));
}

if (import.meta.main) {
  const tenant = process.argv[2];
  if (!tenant) {
    console.error("usage: rebuild.ts <tenantId|countyCode>");
    process.exit(2);
  }
  const deps = localDeps({
    endpoint: process.env.WEIQUAN_DYNAMODB_ENDPOINT ?? "http://127.0.0.1:8000",
    stage: process.env.WEIQUAN_STAGE,
  });
  const t0 = Date.now();
  const result = await rebuildTenantFigures(deps, tenant);
  console.log(JSON.stringify({ ...result, seconds: (Date.now() - t0) / 1000 }));
}
