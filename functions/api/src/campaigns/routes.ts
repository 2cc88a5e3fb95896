import {
  Campaign,
  CampaignInspectionInput,
  CampaignListQuery,
  CampaignUnit,
  CampaignUnitsQuery,
  CampaignWithProgress,
  CreateCampaignInput,
  DrawSampleInput,
  MarkCreatedInput,
  PatchCampaignInput,
} from "@weiquan/domain";
import { CampaignsRepository } from "@weiquan/store";
import { Hono } from "hono";
import { z } from "zod";
import { doc } from "../http/docs.ts";
import { IdempotencyHeader } from "../http/idempotency.ts";
import { ListQuery, page } from "../http/lists.ts";
import { type ScopedEnv, tenantScoped } from "../http/scope.ts";
import { valid } from "../http/validate.ts";
import { createCampaign } from "./create.ts";
import {
  campaignView,
  patchCampaign,
  readCampaign,
  sampledSet,
  unitView,
  visibleCampaignUnit,
} from "./read.ts";
import { drawSample } from "./sample.ts";
import { declareCreated, listCampaignUnits, recordInspection } from "./units.ts";

const tags = ["campaigns"];
const Id = z.string().min(1).max(64);
const IdParam = z.object({ id: Id });
const UnitParam = z.object({ id: Id, unitId: Id });

/** Creation campaigns (创建活动, seed 003: 无传销社区). */
export const campaignRoutes = new Hono<ScopedEnv>()
  .use("/v1/campaigns", ...tenantScoped)
  .use("/v1/campaigns/*", ...tenantScoped)
  .post(
    "/v1/campaigns",
    doc({
      summary:
        "Start a campaign over enrolled points (default every active point) with targets, a 100-point score sheet (422 SCORE_SHEET_NOT_100), a pass mark and the sample share (default 1/3); the bureau (Idempotency-Key supported)",
      tags,
      ok: { status: 201, schema: Campaign },
      errors: [400, 403, 404, 422],
    }),
    valid("header", IdempotencyHeader),
    valid("json", CreateCampaignInput),
    async (c) => {
      const { scope, deps } = c.var;
      const key = c.req.valid("header")["idempotency-key"];
      const made = await createCampaign(scope, c.req.valid("json"), deps.now(), key);
      return c.json(await campaignView(scope, made), 201);
    },
  )
  .get(
    "/v1/campaigns",
    doc({ summary: "Campaigns, newest year first", tags, ok: { schema: page(Campaign) }, errors: [400] }),
    valid("query", ListQuery.extend(CampaignListQuery.shape)),
    async (c) => {
      const q = c.req.valid("query");
      return c.json(await new CampaignsRepository(c.var.scope.table).list(q.year, q.limit, q.cursor));
    },
  )
  .get(
    "/v1/campaigns/:id",
    doc({
      summary:
        "A campaign with its progress against the targets (creation rate, pass rate) per station and in total",
      tags,
      ok: { schema: CampaignWithProgress },
      errors: [404],
    }),
    valid("param", IdParam),
    async (c) =>
      c.json(await campaignView(c.var.scope, await readCampaign(c.var.scope, c.req.valid("param").id))),
  )
  .patch(
    "/v1/campaigns/:id",
    doc({
      summary:
        "Edit a campaign with version (score sheet and pass mark before any check, sample share before the draw; status closed / active)",
      tags,
      ok: { schema: CampaignWithProgress },
      errors: [400, 403, 404, 409, 422],
    }),
    valid("param", IdParam),
    valid("json", PatchCampaignInput),
    async (c) =>
      c.json(
        await patchCampaign(c.var.scope, c.req.valid("param").id, c.req.valid("json"), c.var.deps.now()),
      ),
  )
  .get(
    "/v1/campaigns/:id/units",
    doc({
      summary:
        "The enrolled units the caller may see, in tree order (by station, status, or `sampled=true` for the drawn sample)",
      tags,
      ok: { schema: page(CampaignUnit) },
      errors: [400, 404],
    }),
    valid("param", IdParam),
    valid("query", ListQuery.extend(CampaignUnitsQuery.shape)),
    async (c) => c.json(await listCampaignUnits(c.var.scope, c.req.valid("param").id, c.req.valid("query"))),
  )
  .get(
    "/v1/campaigns/:id/units/:unitId",
    doc({ summary: "One enrolled unit", tags, ok: { schema: CampaignUnit }, errors: [404] }),
    valid("param", UnitParam),
    async (c) => {
      const { scope } = c.var;
      const p = c.req.valid("param");
      return c.json(
        unitView(await visibleCampaignUnit(scope, p.id, p.unitId), await sampledSet(scope, p.id), scope),
      );
    },
  )
  .post(
    "/v1/campaigns/:id/units/:unitId/created",
    doc({
      summary:
        "The unit (or a unit above it) declares its creation checklist done: enrolled → created (422 CHECKLIST_INCOMPLETE)",
      tags,
      ok: { schema: CampaignUnit },
      errors: [400, 403, 404, 409, 422],
    }),
    valid("param", UnitParam),
    valid("json", MarkCreatedInput),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await declareCreated(c.var.scope, p.id, p.unitId, c.req.valid("json"), c.var.deps.now()));
    },
  )
  .post(
    "/v1/campaigns/:id/sample",
    doc({
      summary:
        "Draw the on-site check's sample: the sample share of each station's created units, reproducibly from the recorded seed (409 SAMPLE_EXISTS once drawn)",
      tags,
      ok: { schema: CampaignWithProgress },
      errors: [400, 403, 404, 409, 422],
    }),
    valid("param", IdParam),
    valid("json", DrawSampleInput),
    async (c) =>
      c.json(
        await drawSample(c.var.scope, c.req.valid("param").id, c.req.valid("json").seed, c.var.deps.now()),
      ),
  )
  .post(
    "/v1/campaigns/:id/units/:unitId/inspection",
    doc({
      summary: "The on-site check of a created unit: scores per item, passed or failed by the pass mark",
      tags,
      ok: { schema: CampaignUnit },
      errors: [400, 403, 404, 409, 422],
    }),
    valid("param", UnitParam),
    valid("json", CampaignInspectionInput),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(
        await recordInspection(c.var.scope, p.id, p.unitId, c.req.valid("json"), c.var.deps.now()),
      );
    },
  );
