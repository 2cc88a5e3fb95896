import {
  CallbackInput,
  CloseFollowUpInput,
  ConsumerContact,
  DrawRoundInput,
  FollowUp,
  Round,
  RoundItem,
  RoundSummary,
  YearInput,
} from "@weiquan/domain";
import { Hono } from "hono";
import { z } from "zod";
import { doc, XLSX_BODY } from "../http/docs.ts";
import { ListQuery, page } from "../http/lists.ts";
import { type ScopedEnv, tenantScoped } from "../http/scope.ts";
import { valid } from "../http/validate.ts";
import { attachment, XLSX } from "../http/xlsx.ts";
import { consumerContact, recordCallback } from "./callbacks.ts";
import { closeFollowUp, listFollowUps, readFollowUp } from "./follow-ups.ts";
import { drawRound, listRounds, readRound } from "./rounds.ts";

const tags = ["sampling"];
const Id = z.string().min(1).max(200);
const RoundParam = z.object({ id: Id });
const ItemParam = z.object({ id: Id, caseId: z.string().min(1).max(64) });

/** 抽查回访 (api.md § Supervision — Sampling and callbacks). */
export const samplingRoutes = new Hono<ScopedEnv>()
  .use("/v1/sampling/*", ...tenantScoped)
  .post(
    "/v1/sampling/rounds",
    doc({
      summary: "Draw a month's stratified, reproducible callback sample (bureau / office for its subtree)",
      tags,
      ok: { status: 201, schema: Round },
      errors: [400, 403, 404, 409, 422],
    }),
    valid("json", DrawRoundInput),
    async (c) => c.json(await drawRound(c.var.scope, c.req.valid("json"), c.var.deps.now()), 201),
  )
  .get(
    "/v1/sampling/rounds",
    doc({
      summary: "A year's rounds the caller may read",
      tags,
      ok: { schema: page(RoundSummary) },
      errors: [400],
    }),
    valid("query", ListQuery.extend({ year: YearInput.optional() })),
    async (c) => c.json(await listRounds(c.var.scope, c.req.valid("query"), c.var.deps.now())),
  )
  .get(
    "/v1/sampling/rounds/:id",
    doc({
      summary: "A round with its items and progress (a supervised unit sees its own part)",
      tags,
      ok: { schema: Round },
      errors: [404],
    }),
    valid("param", RoundParam),
    async (c) => c.json(await readRound(c.var.scope, c.req.valid("param").id)),
  )
  .get(
    "/v1/sampling/rounds/:id/callbacks.xlsx",
    doc({
      summary: "A round's callback list and how it was drawn, as an Excel workbook (Chinese headers)",
      tags,
      ok: XLSX_BODY,
      errors: [404],
    }),
    valid("param", RoundParam),
    async (c) => {
      const { roundWorkbook } = await import("../supervision/excel.ts");
      const { month, body } = await roundWorkbook(c.var.scope, c.req.valid("param").id);
      return c.body(new Uint8Array(body), 200, {
        "content-type": XLSX,
        "content-disposition": attachment(`callbacks-${month}.xlsx`, `抽查回访${month}.xlsx`),
      });
    },
  )
  .post(
    "/v1/sampling/rounds/:id/items/:caseId/callback",
    doc({
      summary:
        "Record a callback attempt (reached or not; result, issues, note); unsatisfied opens a follow-up",
      tags,
      ok: { schema: RoundItem },
      errors: [400, 403, 404, 409, 422],
    }),
    valid("param", ItemParam),
    valid("json", CallbackInput),
    async (c) => {
      const { id, caseId } = c.req.valid("param");
      return c.json(await recordCallback(c.var.scope, id, caseId, c.req.valid("json"), c.var.deps.now()));
    },
  )
  .get(
    "/v1/sampling/rounds/:id/items/:caseId/contact",
    doc({
      summary: "The consumer's name and phone for the call (those who may call back; audit-logged)",
      tags,
      ok: { schema: ConsumerContact },
      errors: [403, 404, 422],
    }),
    valid("param", ItemParam),
    async (c) => {
      const { id, caseId } = c.req.valid("param");
      return c.json(await consumerContact(c.var.scope, id, caseId, c.var.deps.now()));
    },
  )
  .get(
    "/v1/sampling/follow-ups",
    doc({
      summary: "Follow-ups owed after unsatisfied verified callbacks, by a unit and the units below it",
      tags,
      ok: { schema: page(FollowUp) },
      errors: [400, 404],
    }),
    valid(
      "query",
      ListQuery.extend({
        status: z.enum(["open", "closed"]).default("open"),
        unitId: z.string().min(1).max(64).optional(),
      }),
    ),
    async (c) => c.json(await listFollowUps(c.var.scope, c.req.valid("query"))),
  )
  .get(
    "/v1/sampling/follow-ups/:id",
    doc({ summary: "One follow-up", tags, ok: { schema: FollowUp }, errors: [404] }),
    valid("param", RoundParam),
    async (c) => {
      const { unitPath: _p, ...f } = await readFollowUp(c.var.scope, c.req.valid("param").id);
      return c.json(f);
    },
  )
  .post(
    "/v1/sampling/follow-ups/:id/close",
    doc({
      summary: "Close a follow-up with what the unit did (its staff; with version)",
      tags,
      ok: { schema: FollowUp },
      errors: [400, 403, 404, 409, 422],
    }),
    valid("param", RoundParam),
    valid("json", CloseFollowUpInput),
    async (c) =>
      c.json(
        await closeFollowUp(c.var.scope, c.req.valid("param").id, c.req.valid("json"), c.var.deps.now()),
      ),
  );
