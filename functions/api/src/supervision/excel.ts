import {
  callbackIssueLabels,
  callbackResultLabels,
  findingStatusLabels,
  unitTypeLabels,
} from "@weiquan/domain";
import type { Scope } from "../access/scope.ts";
import { listInspections } from "../inspections/lists.ts";
import { readInspection } from "../inspections/service.ts";
import { newWorkbook, sheet } from "../reports/workbook.ts";
import { readRound } from "../sampling/rounds.ts";

/** An absent text as an empty cell (every row added to a `sheet` is neutralised against formulas). */
const orEmpty = (v: string | null | undefined) => v ?? "";
const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : "");
const time = (iso: string | null | undefined) => (iso ? iso.slice(0, 16).replace("T", " ") : "");

/** Unit names by id, for the units the caller sees (one query of the unit tree). */
async function unitNames(scope: Scope): Promise<Map<string, string>> {
  const units = await scope.units.listByPath(scope.unit.path);
  return new Map(units.map((u) => [u.id, u.name]));
}

/**
 * A round's callback list as a workbook: the items with what the bureau heard (consumers' names masked,
 * as on the screen), then how the round was drawn — seed, parameters and every stratum — so the printout
 * is its own evidence.
 */
export async function roundWorkbook(scope: Scope, id: string) {
  const [round, names] = await Promise.all([readRound(scope, id), unitNames(scope)]);
  const unit = (u: string) => orEmpty(names.get(u) ?? u);
  const wb = await newWorkbook();
  const items = sheet(wb, "回访清单", [
    { header: "案件编号", width: 22 },
    { header: "承办单位", width: 22 },
    { header: "事由", width: 30 },
    { header: "消费者", width: 10 },
    { header: "办结时间", width: 17 },
    { header: "回访次数", width: 9 },
    { header: "是否接通", width: 9 },
    { header: "回访结果", width: 11 },
    { header: "反映的问题", width: 24 },
    { header: "备注", width: 30 },
    { header: "回访人", width: 12 },
    { header: "回访时间", width: 17 },
    { header: "抽签值（SHA-256）", width: 20 },
  ]);
  for (const i of round.items) {
    const c = i.callback;
    items.addRow([
      i.trackingNo,
      unit(i.unitId),
      orEmpty(i.subject),
      orEmpty(i.consumerName),
      time(i.closedAt),
      i.attempts,
      c ? (c.reached ? "是" : "否") : "未回访",
      c?.result ? callbackResultLabels[c.result] : "",
      c ? c.issues.map((k) => callbackIssueLabels[k]).join("、") : "",
      orEmpty(c?.note),
      orEmpty(c?.byName),
      time(c?.at),
      i.lot,
    ]);
  }
  const method = sheet(wb, "抽样方法", [
    { header: "项目", width: 16 },
    { header: "内容", width: 90 },
  ]);
  for (const [k, v] of [
    ["月份", round.month],
    ["抽查范围", unit(round.unitId)],
    ["随机种子", String(round.seed)],
    ["抽样比例", String(round.share)],
    ["每单位最少", String(round.minPerUnit)],
    ["每单位最多", round.maxPerUnit === null ? "不限" : String(round.maxPerUnit)],
    ["办结投诉", String(round.population)],
    ["抽取", String(round.progress.total)],
    ["抽取人", orEmpty(round.drawnByName)],
    ["抽取时间", time(round.drawnAt)],
    ["方法", round.method],
  ])
    method.addRow([k, v]);
  method.getColumn(2).alignment = { wrapText: true, vertical: "top" };
  const strata = sheet(wb, "各单位抽取", [
    { header: "单位", width: 26 },
    { header: "办结投诉", width: 10 },
    { header: "抽取", width: 8 },
  ]);
  for (const s of round.strata) strata.addRow([unit(s.unitId), s.population, s.sampled]);
  return { month: round.month, body: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/** At most this many inspections in one workbook (10 pages of the quarter's list). */
const MAX_PAGES = 10;
/** Inspections read at once for their findings. */
const BATCH = 10;

/**
 * A quarter's inspections and their findings as a workbook. Reads the quarter's list (bounded pages) and
 * then only the inspections that raised findings, a few at a time.
 */
export async function findingsWorkbook(scope: Scope, quarter: string, now: Date) {
  const headers = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const p = await listInspections(scope, { quarter, limit: 200, cursor }, now);
    headers.push(...p.items);
    if (!p.nextCursor) break;
    cursor = p.nextCursor;
  }
  const withFindings = headers.filter(
    (h) => h.findingCounts.open + h.findingCounts.rectified + h.findingCounts.verified,
  );
  const full = [];
  for (let i = 0; i < withFindings.length; i += BATCH)
    full.push(
      ...(await Promise.all(withFindings.slice(i, i + BATCH).map((h) => readInspection(scope, h.id, now)))),
    );

  const wb = await newWorkbook();
  const list = sheet(wb, "检查记录", [
    { header: "被检查单位", width: 26 },
    { header: "类型", width: 10 },
    { header: "检查日期", width: 12 },
    { header: "检查人", width: 20 },
    { header: "合格率", width: 9, numFmt: "0.0%" },
    { header: "不合格项", width: 40 },
    { header: "待整改", width: 8 },
    { header: "待核验", width: 8 },
    { header: "已整改", width: 8 },
  ]);
  for (const h of headers)
    list.addRow([
      orEmpty(h.unitName),
      unitTypeLabels[h.unitType as keyof typeof unitTypeLabels]?.zh ?? h.unitType,
      day(h.inspectedAt),
      orEmpty(h.inspectors.join("、")),
      h.passRate,
      h.results
        .filter((r) => r.result === "fail")
        .map((r) => `${r.text}${r.note ? `（${orEmpty(r.note)}）` : ""}`)
        .join("；") || "无",
      h.findingCounts.open,
      h.findingCounts.rectified,
      h.findingCounts.verified,
    ]);
  const findings = sheet(wb, "发现问题", [
    { header: "被检查单位", width: 26 },
    { header: "检查日期", width: 12 },
    { header: "问题", width: 40 },
    { header: "整改期限", width: 12 },
    { header: "状态", width: 9 },
    { header: "逾期", width: 6 },
    { header: "整改情况", width: 36 },
    { header: "整改时间", width: 17 },
    { header: "核验意见", width: 30 },
    { header: "核验时间", width: 17 },
  ]);
  for (const i of full)
    for (const f of i.findings)
      findings.addRow([
        orEmpty(i.unitName),
        day(i.inspectedAt),
        orEmpty(f.text),
        day(f.dueBy),
        findingStatusLabels[f.status],
        f.overdue ? "是" : "",
        orEmpty(f.rectification?.note),
        time(f.rectification?.at),
        orEmpty(f.verification?.note),
        time(f.verification?.at),
      ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
