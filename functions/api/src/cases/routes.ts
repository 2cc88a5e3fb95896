import {
  Case,
  CaseListQuery,
  CaseSummary,
  CaseWithTimeline,
  CreateCaseInput,
  TRACKING_NO,
  TransitionInput,
} from "@weiquan/domain";
import { Hono } from "hono";
import { z } from "zod";
import { visibleCase } from "../access/scope.ts";
import { checkAlongsideReading, withScope } from "../http/alongside.ts";
import { doc, XLSX_BODY } from "../http/docs.ts";
import { page } from "../http/lists.ts";
import { type ScopedEnv, tenantScoped } from "../http/scope.ts";
import { valid } from "../http/validate.ts";
import { attachment, XLSX } from "../http/xlsx.ts";
import { AuditEntrySchema } from "./audit-schema.ts";
import { createCase } from "./create.ts";
import { escalationTargets } from "./escalation.ts";
import { browseAudit, browseVoidedNumbers, listCases, readByTrackingNo, readCase } from "./read.ts";
import { transitionCase } from "./transition.ts";

const IdParam = z.object({ id: z.string().min(1).max(64) });
const TrackingParam = z.object({ trackingNo: z.string().regex(TRACKING_NO, "不是案件编号") });
const IdempotencyHeader = z.object({
  "idempotency-key": z
    .string()
    .regex(/^[\x21-\x7e]{1,128}$/, "Idempotency-Key 须为 1–128 个可见 ASCII 字符")
    .optional(),
});
const tags = ["cases"];
const LedgerExportQuery = CaseListQuery.omit({ limit: true, cursor: true });
const MonthPage = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "月份格式为 2026-11"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(2000).optional(),
});
const VoidedNumberSchema = z.object({
  trackingNo: z.string(),
  day: z.string(),
  seq: z.number().int(),
  at: z.string(),
  reason: z.enum(["duplicate_request", "write_failed"]),
  detail: z.string().optional(),
  by: z.string(),
});

export const caseRoutes = new Hono<ScopedEnv>()
  .use("/v1/cases", ...tenantScoped)
  .use("/v1/cases/*", ...tenantScoped)
  .use("/v1/audit/*", ...tenantScoped)
  .post(
    "/v1/cases",
    doc({
      summary: "Register a case in the ledger (Idempotency-Key supported)",
      tags,
      ok: { status: 201, schema: Case },
      errors: [400, 403, 404, 409, 422],
    }),
    valid("header", IdempotencyHeader),
    valid("json", CreateCaseInput),
    async (c) => {
      const { scope, deps } = c.var;
      const key = c.req.valid("header")["idempotency-key"];
      const out = await createCase(deps, scope, c.req.valid("json"), deps.now(), key);
      return c.json(out.body, out.status);
    },
  )
  .get(
    "/v1/cases",
    doc({
      summary: "The ledger, newest first, filtered; personal data masked in rows",
      tags,
      ok: { schema: page(CaseSummary) },
      errors: [400, 404],
    }),
    checkAlongsideReading("settings"),
    valid("query", CaseListQuery),
    async (c) => {
      const q = c.req.valid("query");
      return c.json(await withScope(c, (scope) => listCases(scope, q, c.var.deps.now())));
    },
  )
  .get(
    "/v1/cases/ledger.xlsx",
    doc({
      summary:
        "The ledger for the same filters as an Excel workbook (up to 5,000 rows, personal data masked as in the ledger)",
      tags,
      ok: XLSX_BODY,
      errors: [400, 404],
    }),
    valid("query", LedgerExportQuery),
    async (c) => {
      const { ledgerWorkbook } = await import("./ledger-export.ts");
      const out = await ledgerWorkbook(c.var.scope, c.req.valid("query"), c.var.deps.now());
      return c.body(new Uint8Array(out.body), 200, {
        "content-type": XLSX,
        "content-disposition": attachment(out.asciiName, out.fileName),
      });
    },
  )
  .get(
    "/v1/cases/by-tracking/:trackingNo",
    doc({
      summary: "A case by its tracking number (staff view)",
      tags,
      ok: { schema: CaseWithTimeline },
      errors: [400, 404],
    }),
    valid("param", TrackingParam),
    async (c) =>
      c.json(await readByTrackingNo(c.var.scope, c.req.valid("param").trackingNo, c.var.deps.now())),
  )
  .get(
    "/v1/cases/:id",
    doc({
      summary: "A case with its timeline (an unmasked read is audit-logged)",
      tags,
      ok: { schema: CaseWithTimeline },
      errors: [404],
    }),
    checkAlongsideReading("settings"),
    valid("param", IdParam),
    async (c) => {
      const { id } = c.req.valid("param");
      return c.json(await withScope(c, (scope) => readCase(scope, id, c.var.deps.now())));
    },
  )
  .post(
    "/v1/cases/:id/transitions",
    doc({
      summary: "Apply a workflow action (with version)",
      tags,
      ok: { schema: Case },
      errors: [400, 403, 404, 409, 422],
    }),
    valid("param", IdParam),
    valid("json", TransitionInput),
    async (c) =>
      c.json(
        await transitionCase(
          c.var.deps,
          c.var.scope,
          c.req.valid("param").id,
          c.req.valid("json"),
          c.var.deps.now(),
        ),
      ),
  )
  .get(
    "/v1/cases/:id/escalation-targets",
    doc({
      summary: "Units this case may be passed up to (the units above it and the regulation offices)",
      tags,
      ok: {
        schema: z.object({
          items: z.array(z.object({ id: z.string(), name: z.string(), type: z.string() })),
        }),
      },
      errors: [404],
    }),
    valid("param", IdParam),
    async (c) => {
      const { scope } = c.var;
      const targets = await escalationTargets(scope, await visibleCase(scope, c.req.valid("param").id));
      return c.json({ items: targets.map((u) => ({ id: u.id, name: u.name, type: u.type })) });
    },
  )
  .get(
    "/v1/audit/personal-data",
    doc({
      summary: "Who read unmasked personal data, by month, newest first (bureau_admin)",
      tags: ["audit"],
      ok: { schema: page(AuditEntrySchema) },
      errors: [400, 403],
    }),
    valid("query", MonthPage),
    async (c) => {
      const { month, limit, cursor } = c.req.valid("query");
      return c.json(await browseAudit(c.var.scope, month, limit, cursor));
    },
  )
  .get(
    "/v1/audit/voided-numbers",
    doc({
      summary: "Tracking numbers reserved but taken by no case (作废), with why, by month (bureau_admin)",
      tags: ["audit"],
      ok: { schema: page(VoidedNumberSchema) },
      errors: [400, 403],
    }),
    valid("query", MonthPage),
    async (c) => {
      const { month, limit, cursor } = c.req.valid("query");
      return c.json(await browseVoidedNumbers(c.var.scope, month, limit, cursor));
    },
  );
