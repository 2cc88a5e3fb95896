import { OnboardTenantInput, StartedExport, Tenant, TenantExport } from "@weiquan/domain";
import { Hono } from "hono";
import { z } from "zod";
import { authenticated, requireRole } from "../http/caller.ts";
import { doc } from "../http/docs.ts";
import type { AppEnv } from "../http/env.ts";
import { ListQuery, page } from "../http/lists.ts";
import { noBody, valid } from "../http/validate.ts";
import { deleteTenant, startTenantExport, tenantDetail } from "./lifecycle.ts";
import { getTenant, onboardTenant, setTenantSuspended, tenantView } from "./tenants.ts";

const IdParam = z.object({ id: z.string().min(1).max(64) });
const tags = ["platform"];

export const platformRoutes = new Hono<AppEnv>()
  .use("/v1/platform/*", authenticated, requireRole("platform_admin"))
  .post(
    "/v1/platform/tenants",
    doc({
      summary: "Onboard a county tenant",
      tags,
      ok: { status: 201, schema: Tenant },
      errors: [400, 403, 409, 422],
    }),
    valid("json", OnboardTenantInput),
    async (c) => {
      const { created, tenant } = await onboardTenant(c.var.deps, c.req.valid("json"));
      return c.json(tenant, created ? 201 : 200);
    },
  )
  .get(
    "/v1/platform/tenants",
    doc({ summary: "List tenants, newest first", tags, ok: { schema: page(Tenant) }, errors: [400, 403] }),
    valid("query", ListQuery),
    async (c) => {
      const { limit, cursor } = c.req.valid("query");
      const out = await c.var.deps.control.tenants.list(limit, cursor);
      return c.json({
        items: out.items.map((t) => tenantView(t, c.var.deps.placement)),
        nextCursor: out.nextCursor,
      });
    },
  )
  .get(
    "/v1/platform/tenants/:id",
    doc({
      summary: "One tenant with its provisioning progress and, while its table exists, its usage figures",
      tags,
      ok: { schema: Tenant },
      errors: [403, 404],
    }),
    valid("param", IdParam),
    async (c) => c.json(await tenantDetail(c.var.deps, c.req.valid("param").id)),
  )
  .post(
    "/v1/platform/tenants/:id/suspend",
    doc({
      summary: "Suspend a tenant (every call answers 403, data kept)",
      tags,
      ok: { schema: Tenant },
      errors: [403, 404, 422],
    }),
    valid("param", IdParam),
    noBody,
    async (c) => c.json(await setTenantSuspended(c.var.deps, c.req.valid("param").id, true)),
  )
  .post(
    "/v1/platform/tenants/:id/resume",
    doc({ summary: "Resume a suspended tenant", tags, ok: { schema: Tenant }, errors: [403, 404, 422] }),
    valid("param", IdParam),
    noBody,
    async (c) => c.json(await setTenantSuspended(c.var.deps, c.req.valid("param").id, false)),
  )
  .post(
    "/v1/platform/tenants/:id/export",
    doc({
      summary:
        "Export every item of the tenant's table (gzip JSON Lines, DynamoDB JSON); follow it in the exports list",
      tags,
      ok: { status: 202, schema: StartedExport },
      errors: [403, 404, 422],
    }),
    valid("param", IdParam),
    noBody,
    async (c) => c.json(await startTenantExport(c.var.deps, c.req.valid("param").id), 202),
  )
  .get(
    "/v1/platform/tenants/:id/exports",
    doc({
      summary: "The tenant's exports, newest first",
      tags,
      ok: { schema: page(TenantExport) },
      errors: [400, 403, 404],
    }),
    valid("param", IdParam),
    valid("query", ListQuery),
    async (c) => {
      const { limit, cursor } = c.req.valid("query");
      const t = await getTenant(c.var.deps, c.req.valid("param").id);
      return c.json(await c.var.deps.control.exports.list(t.id, limit, cursor));
    },
  )
  .delete(
    "/v1/platform/tenants/:id",
    doc({
      summary:
        "Delete a suspended tenant's table after a completed export newer than the suspension; the record stays (offboarded)",
      tags,
      ok: { schema: Tenant },
      errors: [403, 404, 409, 503],
    }),
    valid("param", IdParam),
    noBody,
    async (c) => c.json(await deleteTenant(c.var.deps, c.req.valid("param").id)),
  );
