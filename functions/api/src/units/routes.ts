import { ComplianceSummary, CreateUnitInput, PatchUnitInput, Unit } from "@weiquan/domain";
import { Hono } from "hono";
import { z } from "zod";
import { visibleUnit } from "../access/scope.ts";
import { doc } from "../http/docs.ts";
import { type ScopedEnv, tenantScoped } from "../http/scope.ts";
import { valid } from "../http/validate.ts";
import { complianceOf, createUnit, listUnits, patchUnit, unitView } from "./service.ts";

const IdParam = z.object({ id: z.string().min(1).max(64) });
const tags = ["units"];

export const unitRoutes = new Hono<ScopedEnv>()
  .use("/v1/units", ...tenantScoped)
  .use("/v1/units/*", ...tenantScoped)
  .get(
    "/v1/units",
    doc({
      summary: "Every unit visible to the caller, flat, in tree order",
      tags,
      ok: { schema: z.object({ items: z.array(Unit) }) },
    }),
    async (c) => {
      const { scope } = c.var;
      return c.json({ items: (await listUnits(scope)).map((u) => unitView(u, scope)) });
    },
  )
  .get(
    "/v1/units/compliance",
    doc({
      summary:
        "四个一 compliance of the visible active stations and points, who falls short, and coverage (villages with an active point, townships with an active station)",
      tags,
      ok: { schema: ComplianceSummary },
    }),
    async (c) => c.json(complianceOf(await listUnits(c.var.scope))),
  )
  .post(
    "/v1/units",
    doc({
      summary: "Create an office, station or point",
      tags,
      ok: { status: 201, schema: Unit },
      errors: [400, 403, 404, 422],
    }),
    valid("json", CreateUnitInput),
    async (c) => {
      const { scope, deps } = c.var;
      return c.json(unitView(await createUnit(scope, c.req.valid("json"), deps.now()), scope), 201);
    },
  )
  .get(
    "/v1/units/:id",
    doc({ summary: "One unit", tags, ok: { schema: Unit }, errors: [404] }),
    valid("param", IdParam),
    async (c) => c.json(unitView(await visibleUnit(c.var.scope, c.req.valid("param").id), c.var.scope)),
  )
  .patch(
    "/v1/units/:id",
    doc({
      summary:
        "Edit a unit's facts and status, or move it with its subtree under another parent (`parentId`; same type rules as create, not under itself, at most 99 units in one move); with version",
      tags,
      ok: { schema: Unit },
      errors: [400, 403, 404, 409, 422],
    }),
    valid("param", IdParam),
    valid("json", PatchUnitInput),
    async (c) => {
      const { scope, deps } = c.var;
      const unit = await patchUnit(scope, c.req.valid("param").id, c.req.valid("json"), deps.now());
      return c.json(unitView(unit, scope));
    },
  );
