import {
  type CaseListQuery,
  type CaseSummary,
  caseKindLabels,
  caseStatusLabels,
  channelLabels,
  nationalCategoryOf,
  shanghaiIso,
} from "@weiquan/domain";
import type { Scope } from "../access/scope.ts";
import { newWorkbook, sheet } from "../reports/workbook.ts";
import { listCases } from "./read.ts";

/** At most this many rows in one workbook (a year of a busy station); narrower filters for more. */
export const LEDGER_EXPORT_MAX_ROWS = 5000;
/** Ledger pages read for one workbook: each is itself bounded, so a rare filter cannot walk for ever. */
const MAX_PAGES = 60;
const PAGE = 200;

export type LedgerExportQuery = Omit<CaseListQuery, "limit" | "cursor">;

/**
 * The ledger's rows for these filters, page by page as the ledger reads them (per-unit partitions, no
 * Scan), up to `LEDGER_EXPORT_MAX_ROWS`; `complete` is false when more rows matched than were read.
 */
async function ledgerRows(scope: Scope, q: LedgerExportQuery, now: Date) {
  const rows: CaseSummary[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const limit = Math.min(PAGE, LEDGER_EXPORT_MAX_ROWS - rows.length);
    const page = await listCases(scope, { ...q, limit, cursor }, now);
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
    if (!cursor || rows.length >= LEDGER_EXPORT_MAX_ROWS) break;
  }
  return { rows, complete: !cursor };
}

/** Unit names by id: the caller's part of the tree in one query, and the few units outside it by key. */
async function unitNames(scope: Scope, rows: CaseSummary[]): Promise<Map<string, string>> {
  const names = new Map(
    (await scope.units.listByPath(scope.unit.path)).map((u) => [u.id, u.name] as [string, string]),
  );
  const missing = [...new Set(rows.flatMap((r) => [r.unitId, r.originUnitId]))].filter(
    (id) => !names.has(id),
  );
  const found = await Promise.all(missing.map((id) => scope.units.get(id)));
  for (const u of found) if (u) names.set(u.id, u.name);
  return names;
}

const time = (iso: string | null | undefined) => (iso ? iso.slice(0, 16).replace("T", " ") : "");
const yuan = (fen: number | null | undefined) => (typeof fen === "number" ? fen / 100 : null);
const clockOf = (r: CaseSummary) =>
  r.overdue ? "已超期" : r.dueSoon ? "即将到期" : r.paused ? "暂停计时" : r.dueBy ? "期限内" : "";

/**
 * 案件台账 as an Excel workbook: the rows the ledger shows for the same filters, personal data masked as
 * in the ledger (the rows are stored masked), every cell neutralised against formulas by the workbook
 * helper. Returns the file and whether it holds every matching row.
 */
export async function ledgerWorkbook(scope: Scope, q: LedgerExportQuery, now: Date) {
  const { rows, complete } = await ledgerRows(scope, q, now);
  const names = await unitNames(scope, rows);
  const unit = (id: string) => names.get(id) ?? id;
  const wb = await newWorkbook("案件台账");
  const ws = sheet(wb, "案件台账", [
    { header: "序号", width: 6 },
    { header: "案件编号", width: 20 },
    { header: "登记时间", width: 17 },
    { header: "类型", width: 6 },
    { header: "渠道", width: 9 },
    { header: "类别", width: 14 },
    { header: "投诉人", width: 10 },
    { header: "被投诉方", width: 24 },
    { header: "事由", width: 34 },
    { header: "争议金额（元）", width: 13, numFmt: "#,##0.00" },
    { header: "挽回损失（元）", width: 13, numFmt: "#,##0.00" },
    { header: "办理单位", width: 22 },
    { header: "登记单位", width: 22 },
    { header: "状态", width: 10 },
    { header: "办理期限", width: 17 },
    { header: "期限状态", width: 10 },
  ]);
  rows.forEach((r, i) => {
    ws.addRow([
      i + 1,
      r.trackingNo,
      time(r.receivedAt),
      caseKindLabels[r.kind],
      channelLabels[r.channel],
      nationalCategoryOf(r.category)?.label ?? r.category,
      r.consumerName ?? "（匿名）",
      r.businessName ?? "",
      r.subject,
      yuan(r.amountFen),
      yuan(r.recoveredFen),
      unit(r.unitId),
      unit(r.originUnitId),
      caseStatusLabels[r.status],
      time(r.dueBy),
      clockOf(r),
    ]);
  });
  if (!complete)
    ws.addRow(["", `仅导出前 ${rows.length} 条：符合条件的案件更多，请缩小时间或单位范围后分批导出。`]);
  const day = shanghaiIso(now).slice(0, 10);
  const period = q.from || q.to ? `${q.from ?? ""}至${q.to ?? ""}` : day;
  return {
    body: Buffer.from(await wb.xlsx.writeBuffer()),
    complete,
    rows: rows.length,
    asciiName: `ledger-${day}.xlsx`,
    fileName: `案件台账${period}.xlsx`,
  };
}
