import {
  CategoriesQuery,
  CategoryCount,
  StatsQuery,
  StatsSummary,
  UnitFiguresRow,
  UnitsStatsQuery,
} from "@weiquan/domain";
import { Hono } from "hono";
import { z } from "zod";
import { checkAlongsideReading, withScope } from "../http/alongside.ts";
import { doc, XLSX_BODY } from "../http/docs.ts";
import { type ScopedEnv, tenantScoped } from "../http/scope.ts";
import { valid } from "../http/validate.ts";
import { attachment, XLSX } from "../http/xlsx.ts";
import { categories, figuresTarget, summary, unitTable } from "./service.ts";

const tags = ["figures"];

const xlsxDoc = (summary: string) =>
  doc({
    summary,
    tags,
    ok: XLSX_BODY,
    errors: [400, 404],
  });

/** Figures (rollups only, no personal data: every tenant role, within the units it may see). */
export const figureRoutes = new Hono<ScopedEnv>()
  .use("/v1/stats/*", ...tenantScoped)
  .use("/v1/reports/*", ...tenantScoped)
  .get(
    "/v1/stats/summary",
    doc({
      summary: "A unit's figures (its whole subtree) for a period of months",
      tags,
      ok: { schema: StatsSummary },
      errors: [400, 404],
    }),
    checkAlongsideReading("ownGauges"),
    valid("query", StatsQuery),
    async (c) => {
      const q = c.req.valid("query");
      return c.json(await withScope(c, (scope) => summary(scope, q, c.var.deps.now())));
    },
  )
  .get(
    "/v1/stats/categories",
    doc({
      summary: "The most frequent national categories of the cases received in a period",
      tags,
      ok: { schema: z.array(CategoryCount) },
      errors: [400, 404],
    }),
    valid("query", CategoriesQuery),
    async (c) => c.json(await categories(c.var.scope, c.req.valid("query"), c.var.deps.now())),
  )
  .get(
    "/v1/stats/units",
    doc({
      summary: "One row per visible unit with its subtree's figures for a period",
      tags,
      ok: { schema: z.object({ from: z.string(), to: z.string(), items: z.array(UnitFiguresRow) }) },
      errors: [400],
    }),
    valid("query", UnitsStatsQuery),
    async (c) => c.json(await unitTable(c.var.scope, c.req.valid("query"), c.var.deps.now())),
  )
  .get(
    "/v1/reports/summary.xlsx",
    xlsxDoc("The summary figures of a unit and period as an Excel workbook (Chinese headers)"),
    valid("query", StatsQuery),
    async (c) => {
      const { scope, deps } = c.var;
      const q = c.req.valid("query");
      const now = deps.now();
      const { unit } = await figuresTarget(scope, q, now);
      const [s, cats] = await Promise.all([
        summary(scope, q, now),
        categories(scope, { ...q, limit: 10, kind: "complaint" }, now),
      ]);
      const { summaryWorkbook } = await import("./excel.ts");
      const body = await summaryWorkbook({
        title: `${unit.name} ${s.from} 至 ${s.to} 统计汇总`,
        unitName: unit.name,
        summary: s,
        categories: cats,
      });
      return c.body(new Uint8Array(body), 200, {
        "content-type": XLSX,
        "content-disposition": attachment(
          `summary-${s.from}-${s.to}.xlsx`,
          `${unit.name}统计汇总${s.from}至${s.to}.xlsx`,
        ),
      });
    },
  )
  .get(
    "/v1/reports/units.xlsx",
    xlsxDoc("The per-unit table of a period as an Excel workbook (Chinese headers)"),
    valid("query", UnitsStatsQuery),
    async (c) => {
      const { scope, deps } = c.var;
      const table = await unitTable(scope, c.req.valid("query"), deps.now());
      const { unitsWorkbook } = await import("./excel.ts");
      const body = await unitsWorkbook({ title: `各单位统计 ${table.from} 至 ${table.to}`, ...table });
      return c.body(new Uint8Array(body), 200, {
        "content-type": XLSX,
        "content-disposition": attachment(
          `units-${table.from}-${table.to}.xlsx`,
          `各单位统计${table.from}至${table.to}.xlsx`,
        ),
      });
    },
  );
