import type { TenantAccess, TenantsRepository, TenantTable } from "@weiquan/store";

/**
 * Runs a job over every active tenant's table, one tenant at a time (jobs, never a request path). A tenant
 * that fails is reported with its error and the others still run.
 */
export async function forEachActiveTenant<R>(
  deps: { tenants: TenantsRepository; tenantAccess: TenantAccess },
  job: (table: TenantTable) => Promise<R>,
): Promise<({ tenantId: string } & ({ result: R } | { error: string }))[]> {
  const out: ({ tenantId: string } & ({ result: R } | { error: string }))[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.tenants.list(100, cursor);
    for (const tenant of page.items) {
      if (tenant.status !== "active") continue;
      try {
        out.push({ tenantId: tenant.id, result: await job(await deps.tenantAccess.forTenant(tenant.id)) });
      } catch (e) {
        out.push({ tenantId: tenant.id, error: (e as Error).message });
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}
