import {
  CreateInspectionInput,
  Finding,
  FindingListQuery,
  Inspection,
  InspectionCoverage,
  InspectionHeader,
  InspectionListQuery,
  QuarterInput,
  RectifyInput,
  UpdateInspectionInput,
  VerifyInput,
} from "@weiquan/domain";
import { Hono } from "hono";
import { z } from "zod";
import { doc, XLSX_BODY } from "../http/docs.ts";
import { page } from "../http/lists.ts";
import { type ScopedEnv, tenantScoped } from "../http/scope.ts";
import { valid } from "../http/validate.ts";
import { attachment, XLSX } from "../http/xlsx.ts";
import { coverage, listFindings, listInspections } from "./lists.ts";
import { createInspection, moveFinding, readInspection, updateInspection } from "./service.ts";

const tags = ["inspections"];
const IdParam = z.object({ id: z.string().min(1).max(64) });
const FindingParam = z.object({ id: z.string().min(1).max(64), findingId: z.string().min(1).max(64) });

/** 检查 (api.md § Supervision — Inspections). */
export const inspectionRoutes = new Hono<ScopedEnv>()
  .use("/v1/inspections", ...tenantScoped)
  .use("/v1/inspections/*", ...tenantScoped)
  .post(
    "/v1/inspections",
    doc({
      summary: "Record a quarterly inspection of a unit against the checklist, with findings and due dates",
      tags,
      ok: { status: 201, schema: Inspection },
      errors: [400, 403, 404, 422],
    }),
    valid("json", CreateInspectionInput),
    async (c) =>
      c.json(await createInspection(c.var.deps, c.var.scope, c.req.valid("json"), c.var.deps.now()), 201),
  )
  .get(
    "/v1/inspections",
    doc({
      summary: "Inspections of a quarter in a unit's subtree (default: this quarter), or of one unit",
      tags,
      ok: { schema: page(InspectionHeader) },
      errors: [400, 404],
    }),
    valid("query", InspectionListQuery),
    async (c) => c.json(await listInspections(c.var.scope, c.req.valid("query"), c.var.deps.now())),
  )
  .get(
    "/v1/inspections/coverage",
    doc({
      summary: "Which active stations and points were inspected in a quarter",
      tags,
      ok: { schema: InspectionCoverage },
      errors: [400],
    }),
    valid("query", z.object({ quarter: QuarterInput })),
    async (c) => c.json(await coverage(c.var.scope, c.req.valid("query").quarter)),
  )
  .get(
    "/v1/inspections/findings",
    doc({
      summary: "Findings by status (open: to rectify; rectified: to verify) in a unit's subtree, or overdue",
      tags,
      ok: { schema: page(Finding) },
      errors: [400, 404],
    }),
    valid("query", FindingListQuery),
    async (c) => c.json(await listFindings(c.var.scope, c.req.valid("query"), c.var.deps.now())),
  )
  .get(
    "/v1/inspections/findings.xlsx",
    doc({
      summary: "A quarter's inspections and their findings as an Excel workbook (Chinese headers)",
      tags,
      ok: XLSX_BODY,
      errors: [400],
    }),
    valid("query", z.object({ quarter: QuarterInput })),
    async (c) => {
      const { quarter } = c.req.valid("query");
      const { findingsWorkbook } = await import("../supervision/excel.ts");
      const body = await findingsWorkbook(c.var.scope, quarter, c.var.deps.now());
      return c.body(new Uint8Array(body), 200, {
        "content-type": XLSX,
        "content-disposition": attachment(`inspections-${quarter}.xlsx`, `检查整改${quarter}.xlsx`),
      });
    },
  )
  .get(
    "/v1/inspections/:id",
    doc({ summary: "An inspection with its findings", tags, ok: { schema: Inspection }, errors: [404] }),
    valid("param", IdParam),
    async (c) => c.json(await readInspection(c.var.scope, c.req.valid("param").id, c.var.deps.now())),
  )
  .patch(
    "/v1/inspections/:id",
    doc({
      summary: "Edit an inspection's record or add findings (the inspector; with version)",
      tags,
      ok: { schema: Inspection },
      errors: [400, 403, 404, 409],
    }),
    valid("param", IdParam),
    valid("json", UpdateInspectionInput),
    async (c) =>
      c.json(
        await updateInspection(
          c.var.deps,
          c.var.scope,
          c.req.valid("param").id,
          c.req.valid("json"),
          c.var.deps.now(),
        ),
      ),
  )
  .post(
    "/v1/inspections/:id/findings/:findingId/rectify",
    doc({
      summary: "Report a finding rectified, with evidence (the inspected unit's staff)",
      tags,
      ok: { schema: Inspection },
      errors: [400, 403, 404, 409, 422],
    }),
    valid("param", FindingParam),
    valid("json", RectifyInput),
    async (c) => {
      const { id, findingId } = c.req.valid("param");
      return c.json(
        await moveFinding(
          c.var.deps,
          c.var.scope,
          id,
          findingId,
          "rectify",
          c.req.valid("json"),
          c.var.deps.now(),
        ),
      );
    },
  )
  .post(
    "/v1/inspections/:id/findings/:findingId/verify",
    doc({
      summary: "Accept a rectification or send it back (the inspecting unit)",
      tags,
      ok: { schema: Inspection },
      errors: [400, 403, 404, 409, 422],
    }),
    valid("param", FindingParam),
    valid("json", VerifyInput),
    async (c) => {
      const { id, findingId } = c.req.valid("param");
      return c.json(
        await moveFinding(
          c.var.deps,
          c.var.scope,
          id,
          findingId,
          "verify",
          c.req.valid("json"),
          c.var.deps.now(),
        ),
      );
    },
  );
