import { OnboardTenantInput, Tenant } from "@weiquan/domain";
import { Hono } from "hono";
import { z } from "zod";
import { authenticated, requireRole } from "../http/caller.ts";
import { doc } from "../http/docs.ts";
import type { AppEnv } from "../http/env.ts";
import { ListQuery, page } from "../http/lists.ts";
import { valid } from "../http/validate.ts";
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
      return c.json({ items: out.items.map(tenantView), nextCursor: out.nextCursor });
    },
  )
  .get(
    "/v1/platform/tenants/:id",
    doc({
      summary: "One tenant with its provisioning progress",
      tags,
      ok: { schema: Tenant },
      errors: [403, 404],
    }),
    valid("param", IdParam),
    async (c) => c.json(tenantView(await getTenant(c.var.deps, c.req.valid("param").id))),
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
    async (c) => c.json(await setTenantSuspended(c.var.deps, c.req.valid("param").id, true)),
  )
  .post(
    "/v1/platform/tenants/:id/resume",
    doc({ summary: "Resume a suspended tenant", tags, ok: { schema: Tenant }, errors: [403, 404, 422] }),
    valid("param", IdParam),
    async (c) => c.json(await setTenantSuspended(c.var.deps, c.req.valid("param").id, false)),
  );
