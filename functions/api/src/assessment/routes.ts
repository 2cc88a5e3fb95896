import {
  Assessment,
  AssessmentHeader,
  AssessmentListQuery,
  CreateAssessmentInput,
  CreateTemplateInput,
  PatchSheetInput,
  PatchTemplateInput,
  Sheet,
  SheetsQuery,
  SignOffInput,
  Template,
} from "@weiquan/domain";
import { AssessmentsRepository } from "@weiquan/store";
import { Hono } from "hono";
import { z } from "zod";
import { createOnce } from "../capacity/commit.ts";
import { doc, XLSX_BODY } from "../http/docs.ts";
import { IdempotencyHeader } from "../http/idempotency.ts";
import { ListQuery, page } from "../http/lists.ts";
import { type ScopedEnv, tenantScoped } from "../http/scope.ts";
import { noBody, valid } from "../http/validate.ts";
import { createAssessment } from "./create.ts";
import { finalizeAssessment, signOff } from "./finalize.ts";
import { readAssessment, scoreSheet, visibleSheet } from "./sheets.ts";
import { createTemplate, patchTemplate, readTemplate } from "./templates.ts";
import { headerView, sheetView, templateView } from "./view.ts";

const tags = ["assessment"];
const Id = z.string().min(1).max(64);
const IdParam = z.object({ id: Id });
const SheetParam = z.object({ id: Id, unitId: Id });
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The annual assessment (绩效考核, seed 004) with the 综治 co-assessment sign-off. */
export const assessmentRoutes = new Hono<ScopedEnv>()
  .use("/v1/assessment-templates", ...tenantScoped)
  .use("/v1/assessment-templates/*", ...tenantScoped)
  .use("/v1/assessments", ...tenantScoped)
  .use("/v1/assessments/*", ...tenantScoped)
  .post(
    "/v1/assessment-templates",
    doc({
      summary:
        "Create a year's template (bureau_admin); items' maxPoints must sum to 100 (422 TEMPLATE_NOT_100)",
      tags,
      ok: { status: 201, schema: Template },
      errors: [400, 403, 422],
    }),
    valid("header", IdempotencyHeader),
    valid("json", CreateTemplateInput),
    async (c) => {
      const key = c.req.valid("header")["idempotency-key"];
      return c.json(await createTemplate(c.var.scope, c.req.valid("json"), c.var.deps.now(), key), 201);
    },
  )
  .get(
    "/v1/assessment-templates",
    doc({ summary: "Templates, newest year first", tags, ok: { schema: page(Template) }, errors: [400] }),
    valid("query", ListQuery.extend(AssessmentListQuery.shape)),
    async (c) => {
      const q = c.req.valid("query");
      const out = await new AssessmentsRepository(c.var.scope.table).listTemplates(q.year, q.limit, q.cursor);
      return c.json({ items: out.items.map(templateView), nextCursor: out.nextCursor });
    },
  )
  .get(
    "/v1/assessment-templates/:id",
    doc({ summary: "One template", tags, ok: { schema: Template }, errors: [404] }),
    valid("param", IdParam),
    async (c) => c.json(templateView(await readTemplate(c.var.scope, c.req.valid("param").id))),
  )
  .patch(
    "/v1/assessment-templates/:id",
    doc({
      summary: "Edit a template with version while no assessment uses it (422 TEMPLATE_IN_USE)",
      tags,
      ok: { schema: Template },
      errors: [400, 403, 404, 409, 422],
    }),
    valid("param", IdParam),
    valid("json", PatchTemplateInput),
    async (c) =>
      c.json(
        await patchTemplate(c.var.scope, c.req.valid("param").id, c.req.valid("json"), c.var.deps.now()),
      ),
  )
  .post(
    "/v1/assessments",
    doc({
      summary:
        "Make the year's assessment from a template: one sheet per active unit it applies to, auto items computed from the year's rollups and frozen with their inputs; answers with the first page of sheets. Retrying a create that stopped half-way finishes it (409 ASSESSMENT_EXISTS once made)",
      tags,
      ok: { status: 201, schema: Assessment },
      errors: [400, 403, 404, 409, 422],
    }),
    valid("header", IdempotencyHeader),
    valid("json", CreateAssessmentInput),
    async (c) => {
      const { scope, deps } = c.var;
      const input = c.req.valid("json");
      const made = await createOnce(
        scope,
        c.req.valid("header")["idempotency-key"],
        input,
        deps.now(),
        async () => {
          const header = await createAssessment(scope, input, deps.now());
          return { items: [], body: await readAssessment(scope, header.id, { limit: 50, order: "tree" }) };
        },
      );
      return c.json(made, 201);
    },
  )
  .get(
    "/v1/assessments",
    doc({
      summary: "Assessments, newest year first",
      tags,
      ok: { schema: page(AssessmentHeader) },
      errors: [400],
    }),
    valid("query", ListQuery.extend(AssessmentListQuery.shape)),
    async (c) => {
      const q = c.req.valid("query");
      const out = await new AssessmentsRepository(c.var.scope.table).listHeaders(q.year, q.limit, q.cursor);
      return c.json({ items: out.items.map(headerView), nextCursor: out.nextCursor });
    },
  )
  .get(
    "/v1/assessments/:id",
    doc({
      summary:
        "An assessment with a page of the sheets the caller may see: the ranking (by rank) once finalized, tree order while scoring or with `order=tree` / `unitId`",
      tags,
      ok: { schema: Assessment },
      errors: [400, 404],
    }),
    valid("param", IdParam),
    valid("query", ListQuery.extend(SheetsQuery.shape)),
    async (c) => c.json(await readAssessment(c.var.scope, c.req.valid("param").id, c.req.valid("query"))),
  )
  .get(
    "/v1/assessments/:id/sheets/:unitId",
    doc({ summary: "One unit's sheet", tags, ok: { schema: Sheet }, errors: [404] }),
    valid("param", SheetParam),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(sheetView(await visibleSheet(c.var.scope, p.id, p.unitId), c.var.scope));
    },
  )
  .patch(
    "/v1/assessments/:id/sheets/:unitId",
    doc({
      summary:
        "Score a sheet's manual items with version (points within [0, maxPoints], else 422) and their evidence files (attachmentIds: the whole list); the bureau, or an office within its subtree",
      tags,
      ok: { schema: Sheet },
      errors: [400, 403, 404, 409, 422],
    }),
    valid("param", SheetParam),
    valid("json", PatchSheetInput),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(
        await scoreSheet(c.var.deps, c.var.scope, p.id, p.unitId, c.req.valid("json"), c.var.deps.now()),
      );
    },
  )
  .post(
    "/v1/assessments/:id/finalize",
    doc({
      summary:
        "Finalize: totals, ranks and stars; read-only afterwards (422 SHEETS_INCOMPLETE while a manual item is unscored)",
      tags,
      ok: { schema: AssessmentHeader },
      errors: [403, 404, 409, 422],
    }),
    valid("param", IdParam),
    noBody,
    async (c) =>
      c.json(headerView(await finalizeAssessment(c.var.scope, c.req.valid("param").id, c.var.deps.now()))),
  )
  .post(
    "/v1/assessments/:id/sign-off",
    doc({
      summary:
        "The governance office's (综治) co-assessment of a finalized assessment, recorded with name and time — its only write",
      tags,
      ok: { schema: AssessmentHeader },
      errors: [400, 403, 404, 409, 422],
    }),
    valid("param", IdParam),
    valid("json", SignOffInput),
    async (c) => {
      const { scope, deps } = c.var;
      return c.json(
        headerView(await signOff(scope, c.req.valid("param").id, c.req.valid("json").note, deps.now())),
      );
    },
  )
  .get(
    "/v1/assessments/:id/report.xlsx",
    doc({
      summary: "The ranking and every sheet with its inputs as an Excel workbook (Chinese headers)",
      tags,
      ok: XLSX_BODY,
      errors: [404],
    }),
    valid("param", IdParam),
    async (c) => {
      const { scope } = c.var;
      const { assessmentReport } = await import("./report.ts");
      const out = await assessmentReport(scope, c.req.valid("param").id);
      return c.body(new Uint8Array(out.body), 200, {
        "content-type": XLSX,
        "content-disposition": `attachment; filename="assessment-${out.year}.xlsx"; filename*=UTF-8''${encodeURIComponent(out.fileName)}`,
      });
    },
  );
