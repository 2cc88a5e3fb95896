import { NotFound } from "@weiquan/domain";
import type { TenantRecord, TenantTable } from "@weiquan/store";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../http/env.ts";
import { sourceOf } from "../http/source.ts";
import { assertTenantServing } from "../http/tenant-status.ts";

/** The county a public request is for, and its source for the rate limits. */
export type PublicEnv = AppEnv & {
  Variables: AppEnv["Variables"] & { county: { tenant: TenantRecord; table: TenantTable }; source: string };
};

/**
 * Resolves `:countyCode` to a serving tenant and its table — a county that is not (or no longer) a
 * tenant is 404 — and names the request's source for the rate limits.
 */
export const publicCounty = createMiddleware<PublicEnv>(async (c, next) => {
  const code = c.req.param("countyCode") ?? "";
  const deps = c.var.deps;
  const tenant = /^\d{6}$/.test(code) ? await deps.control.tenants.getByCountyCode(code) : null;
  if (!tenant || tenant.status === "provisioning") throw NotFound("县级局");
  assertTenantServing(tenant);
  c.set("county", { tenant, table: await deps.tenantAccess.forTenant(tenant.id, "public") });
  c.set("source", sourceOf(c, "public"));
  await next();
});
