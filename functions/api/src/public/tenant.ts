import { createHash } from "node:crypto";
import { NotFound } from "@weiquan/domain";
import type { TenantRecord, TenantTable } from "@weiquan/store";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { clientAddress } from "../http/client-address.ts";
import type { AppEnv } from "../http/env.ts";
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
  c.set("county", { tenant, table: await deps.tenantAccess.forTenant(tenant.id) });
  c.set("source", sourceOf(c));
  await next();
});

/** The client's address (http/client-address.ts: CloudFront's word only when provably from it), hashed. */
function sourceOf(c: Context<PublicEnv>): string {
  const ip = clientAddress(c, c.var.deps.originSecret);
  return createHash("sha256").update(`weiquan-public:${ip}`).digest("hex").slice(0, 20);
}
