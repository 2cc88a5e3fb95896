import {
  type CategoryCount,
  caseKindLabels,
  type FigureKey,
  figureDefinitions,
  figureNotes,
  type StatsSummary,
  type UnitFiguresRow,
  unitTypeLabels,
} from "@weiquan/domain";
import type { Workbook } from "exceljs";
import { newWorkbook, sheet } from "../reports/workbook.ts";

/** Excel number formats: counts, yuan with two decimals (from fen), percentages with one decimal. */
export const NUM_FMT = { count: "#,##0", fen: "#,##0.00", rate: "0.0%" } as const;

const def = (key: FigureKey) => figureDefinitions.find((d) => d.key === key)!;

/** The figure columns of the tables (month rows, unit rows), in reading order. */
const tableFigures: FigureKey[] = [
  "received",
  "complaints",
  "reports",
  "consultations",
  "accepted",
  "rejected",
  "onTimeRate",
  "resolved",
  "resolutionRate",
  "recoveredFen",
  "answered",
  "closed",
  "escalated",
  "escalationRate",
  "callbacks",
  "satisfactionRate",
];

type Row = Partial<Record<FigureKey, number | null>>;

function cellValue(key: FigureKey, row: Row): number | null {
  const v = row[key];
  if (v === null || v === undefined) return null;
  return def(key).format === "fen" ? v / 100 : v;
}

const figureColumns = () =>
  tableFigures.map((k) => ({
    header: def(k).label,
    width: Math.max(10, def(k).label.length * 2 + 2),
    numFmt: NUM_FMT[def(k).format],
  }));

function addDefinitions(wb: Workbook) {
  const ws = sheet(wb, "指标口径", [
    { header: "指标", width: 20 },
    { header: "口径", width: 100 },
  ]);
  for (const d of figureDefinitions) ws.addRow([d.label, d.definition]);
  ws.addRow(["统计范围", figureNotes.subtree]);
  ws.getColumn(2).alignment = { wrapText: true, vertical: "top" };
}

export interface SummaryWorkbookInput {
  title: string;
  unitName: string;
  summary: StatsSummary;
  categories: CategoryCount[];
}

/** The summary workbook: headline figures, figures by month, by kind, publicity by kind, hot categories, definitions. */
export async function summaryWorkbook(input: SummaryWorkbookInput): Promise<Buffer> {
  const { summary: s } = input;
  const wb = await newWorkbook();
  wb.title = input.title;

  const head = sheet(wb, "汇总", [
    { header: "指标", width: 22 },
    { header: "数值", width: 18 },
    { header: "口径", width: 80 },
  ]);
  head.addRow(["统计单位", input.unitName, "含下级单位"]);
  head.addRow(["统计期间", `${s.from} 至 ${s.to}`, "按月统计，起止月份均含"]);
  for (const d of figureDefinitions) {
    const row = head.addRow([d.label, cellValue(d.key, s), d.definition]);
    row.getCell(2).numFmt = NUM_FMT[d.format];
  }

  const months = sheet(wb, "按月", [{ header: "月份", width: 10 }, ...figureColumns()]);
  for (const m of s.byMonth) months.addRow([m.month, ...tableFigures.map((k) => cellValue(k, m))]);

  const kinds = sheet(wb, "按类型", [
    { header: "类型", width: 10 },
    { header: "登记", width: 10, numFmt: NUM_FMT.count },
    { header: "办结", width: 10, numFmt: NUM_FMT.count },
    { header: "提交上级", width: 12, numFmt: NUM_FMT.count },
  ]);
  for (const [k, v] of Object.entries(s.byKind))
    kinds.addRow([caseKindLabels[k as keyof typeof caseKindLabels], v.received, v.closed, v.escalated]);

  const publicity = sheet(wb, "宣传活动", [
    { header: "形式", width: 16 },
    { header: "场次", width: 10, numFmt: NUM_FMT.count },
  ]);
  for (const p of s.publicityByKind) publicity.addRow([p.label, p.events]);

  const cats = sheet(wb, "投诉热点", [
    { header: "排名", width: 8, numFmt: NUM_FMT.count },
    { header: "类别", width: 24 },
    { header: "代码", width: 24 },
    { header: "件数", width: 10, numFmt: NUM_FMT.count },
  ]);
  for (const [i, c] of input.categories.entries()) cats.addRow([i + 1, c.label, c.category, c.count]);

  addDefinitions(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The per-unit table: one row per visible unit (indented by depth), its subtree's figures. */
export async function unitsWorkbook(input: {
  title: string;
  from: string;
  to: string;
  items: UnitFiguresRow[];
}): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.title = input.title;
  const ws = sheet(wb, "各单位", [
    { header: "单位", width: 32 },
    { header: "类型", width: 16 },
    ...figureColumns().slice(0, 1),
    { header: "本级登记", width: 10, numFmt: NUM_FMT.count },
    ...figureColumns().slice(1),
    { header: def("overdueNow").label, width: 10, numFmt: NUM_FMT.count },
  ]);
  for (const u of input.items) {
    const row = ws.addRow([
      u.name,
      unitTypeLabels[u.type as keyof typeof unitTypeLabels]?.zh ?? u.type,
      cellValue("received", u),
      u.ownReceived,
      ...tableFigures.slice(1).map((k) => cellValue(k, u)),
      u.overdueNow,
    ]);
    row.getCell(1).alignment = { indent: u.depth };
  }
  addDefinitions(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
