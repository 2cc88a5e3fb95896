import {
  canSeeUnit,
  metricDefinition,
  metricValue,
  type TemplateItem,
  unitTypeLabels,
} from "@weiquan/domain";
import { AssessmentsRepository, type SheetRecord } from "@weiquan/store";
import type { Scope } from "../access/scope.ts";
import { neutralise, newWorkbook, sheet } from "../reports/workbook.ts";
import { readHeader } from "./sheets.ts";
import { sheetView } from "./view.ts";

const statusLabels = {
  creating: "生成中",
  scoring: "评分中",
  finalizing: "定稿中",
  finalized: "已定稿",
} as const;

const byRankThenTree = (a: SheetRecord, b: SheetRecord) =>
  (a.unitType === b.unitType ? 0 : a.unitType === "station" ? -1 : 1) ||
  (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
  (a.path < b.path ? -1 : 1);

/**
 * The assessment as a workbook: the ranking (one row per sheet the caller may see, every item's
 * points, total, rank, stars), the inputs of every auto item, and the definitions of the metrics used.
 * Reads every sheet once: O(units), a download, not a list request.
 */
export async function assessmentReport(scope: Scope, id: string) {
  const header = await readHeader(scope, id);
  const sheets = (await new AssessmentsRepository(scope.table).allSheets(id))
    .filter((s) => canSeeUnit(scope.viewer, s.path))
    .sort(byRankThenTree);
  const items: TemplateItem[] = header.template.items;
  const wb = await newWorkbook();

  const ranking = sheet(wb, "考核排名", [
    { header: "排名", width: 6 },
    { header: "单位", width: 24 },
    { header: "类型", width: 14 },
    { header: "所属", width: 20 },
    ...items.map((i) => ({
      header: `${i.title}（${i.maxPoints}分）`,
      width: Math.max(10, i.title.length * 2),
      numFmt: "0.00",
    })),
    { header: "总分", width: 8, numFmt: "0.00" },
    { header: "星级", width: 6 },
  ]);
  for (const s of sheets) {
    const points = new Map(s.items.map((i) => [i.code, i.points]));
    ranking.addRow([
      s.rank,
      s.unitName,
      unitTypeLabels[s.unitType].zh,
      s.parentName ?? "",
      ...items.map((i) => points.get(i.code) ?? null),
      s.total,
      s.stars ? "★".repeat(s.stars) : "",
    ]);
  }
  const foot = ranking.addRow([]);
  foot.getCell(1).value = neutralise(
    `${header.name}（${header.year} 年度）· ${statusLabels[header.status]}${
      header.finalizedAt ? ` · 定稿 ${header.finalizedAt.slice(0, 10)}` : ""
    }${header.signOff ? ` · 综治会签 ${header.signOff.name} ${header.signOff.at.slice(0, 10)}` : ""} · 数据计算于 ${header.computedAt.slice(0, 16).replace("T", " ")}`,
  );

  const inputs = sheet(wb, "计分依据", [
    { header: "单位", width: 24 },
    { header: "项目", width: 20 },
    { header: "指标", width: 18 },
    { header: "分子", width: 8 },
    { header: "分母", width: 8 },
    { header: "指标值", width: 10 },
    { header: "得分", width: 8, numFmt: "0.00" },
    { header: "满分", width: 6 },
    { header: "备注 / 评分人", width: 30 },
  ]);
  for (const s of sheets.map((x) => ({ ...sheetView(x, scope), path: x.path }))) {
    for (const item of s.items) {
      const def = items.find((i) => i.code === item.code);
      if (!def) continue;
      const metric = def.metric ? metricDefinition(def.metric) : null;
      const value = metric && item.input ? metricValue(metric.code, item.input) : null;
      inputs.addRow([
        s.unitName,
        def.title,
        metric?.label ?? "人工评分",
        item.input?.numerator ?? null,
        item.input?.denominator ?? null,
        value === null
          ? item.noData
            ? "无数据"
            : ""
          : metric?.unit === "rate"
            ? `${(value * 100).toFixed(1)}%`
            : value,
        item.points,
        def.maxPoints,
        [item.note, item.scoredBy].filter(Boolean).join(" · "),
      ]);
    }
  }

  const defs = sheet(wb, "指标口径", [
    { header: "指标", width: 18 },
    { header: "口径", width: 90 },
  ]);
  for (const code of new Set(items.flatMap((i) => (i.metric ? [i.metric] : [])))) {
    const m = metricDefinition(code);
    defs.addRow([m.label, m.definition]).alignment = { wrapText: true, vertical: "top" };
  }

  return {
    body: await wb.xlsx.writeBuffer(),
    year: header.year,
    fileName: `${header.name}${header.year}年度考核.xlsx`,
  };
}
