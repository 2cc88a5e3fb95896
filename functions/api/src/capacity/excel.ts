import {
  campaignDayLabels,
  publicityKindLabels,
  type ReceivedWarning,
  trainingFormatLabels,
  type Warning,
  warningCategoryLabels,
  warningSeverityLabels,
} from "@weiquan/domain";
import type { CellValue } from "exceljs";
import type { Scope } from "../access/scope.ts";
import { newWorkbook, sheet } from "../reports/workbook.ts";
import { unitsById } from "./commit.ts";
import { listPublicity } from "./publicity.ts";
import { listTrainings } from "./trainings.ts";
import { listVolunteers } from "./volunteers.ts";
import { listWarnings, readWarning } from "./warnings.ts";

/**
 * 培训宣传's lists as workbooks: the same reads and the same filters as the screen (so the same masking and
 * the same subtree), a bounded number of pages, every cell through the shared `sheet` (formulas neutralised).
 */

/** At most this many pages of 200 rows in one workbook; the last row says when the list went on. */
const MAX_PAGES = 10;
/** Warnings whose acknowledgements are read at once (one query each). */
const BATCH = 10;
/** At most this many sent warnings get their per-unit acknowledgement rows. */
const MAX_WARNING_DETAILS = 100;

const orEmpty = (v: string | number | null | undefined) => v ?? "";
const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : "");
const time = (iso: string | null | undefined) => (iso ? iso.slice(0, 16).replace("T", " ") : "");
const MORE = "（超出导出上限，其余请按条件分批导出）";

type Page<T> = { items: T[]; nextCursor: string | null };

/** Every page of a list up to the bound; `more` when it went on. */
async function allPages<T>(read: (cursor: string | undefined) => Promise<Page<T>>) {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let n = 0; n < MAX_PAGES; n++) {
    const p = await read(cursor);
    items.push(...p.items);
    if (!p.nextCursor) return { items, more: false };
    cursor = p.nextCursor;
  }
  return { items, more: true };
}

async function namer(scope: Scope) {
  const units = await unitsById(scope);
  return (id: string | undefined) => (id ? (units.get(id)?.name ?? id) : "");
}

const bytes = async (wb: Awaited<ReturnType<typeof newWorkbook>>) => Buffer.from(await wb.xlsx.writeBuffer());

/** A list as a one-sheet workbook named `name`: a row per item (`row` given a unit-name lookup). */
async function listWorkbook<T>(
  scope: Scope,
  name: string,
  columns: Parameters<typeof sheet>[2],
  read: (cursor: string | undefined) => Promise<Page<T>>,
  row: (item: T, unit: (id: string | undefined) => string) => CellValue[],
) {
  const [list, unit] = await Promise.all([allPages(read), namer(scope)]);
  const wb = await newWorkbook(name);
  const ws = sheet(wb, name, columns);
  for (const item of list.items) ws.addRow(row(item, unit));
  if (list.more) ws.addRow([MORE]);
  return bytes(wb);
}

/** 业务培训 of a year (or a unit's), with attending units and people. */
export async function trainingsWorkbook(scope: Scope, q: { year?: string; unitId?: string }, now: Date) {
  return listWorkbook(
    scope,
    "业务培训",
    [
      { header: "日期", width: 12 },
      { header: "培训名称", width: 30 },
      { header: "培训形式", width: 12 },
      { header: "培训内容", width: 30 },
      { header: "学时", width: 7 },
      { header: "地点", width: 24 },
      { header: "组织单位", width: 24 },
      { header: "参训单位", width: 40 },
      { header: "参训人数", width: 9 },
      { header: "参训人员", width: 40 },
      { header: "照片", width: 7 },
    ],
    (cursor) => listTrainings(scope, { ...q, limit: 200, cursor }, now),
    (r, unit) => [
      day(r.heldAt),
      r.title,
      trainingFormatLabels[r.format].zh,
      orEmpty(r.topic),
      orEmpty(r.hours),
      orEmpty(r.place),
      unit(r.organizerUnitId),
      r.attendeeUnitIds.map(unit).join("、"),
      r.attendees.length,
      r.attendees.map((a) => a.name).join("、"),
      r.attachments.length,
    ],
  );
}

/** 宣传活动 of months from–to (a unit's subtree, a kind). */
export async function publicityWorkbook(
  scope: Scope,
  q: { from?: string; to?: string; unitId?: string; kind?: string },
  now: Date,
) {
  return listWorkbook(
    scope,
    "宣传活动",
    [
      { header: "日期", width: 12 },
      { header: "活动名称", width: 30 },
      { header: "活动形式", width: 14 },
      { header: "主题日", width: 20 },
      { header: "单位", width: 24 },
      { header: "地点", width: 24 },
      { header: "受众人次", width: 9 },
      { header: "发放资料（份）", width: 10 },
      { header: "备注", width: 30 },
      { header: "照片", width: 7 },
    ],
    (cursor) => listPublicity(scope, { ...q, limit: 200, cursor }, now),
    (r, unit) => [
      day(r.heldAt),
      r.title,
      publicityKindLabels[r.kind].zh,
      r.campaign ? campaignDayLabels[r.campaign].zh : "",
      unit(r.unitId),
      orEmpty(r.place),
      r.peopleReached,
      orEmpty(r.materials),
      orEmpty(r.note),
      r.attachments.length,
    ],
  );
}

/**
 * 消费警示 with their acknowledgement. The senders' side: each warning with its rate, and a sheet with every
 * receiving unit's acknowledgement (the most recent warnings, bounded); a unit's inbox: what it received and
 * whether it signed.
 */
export async function warningsWorkbook(scope: Scope, q: { box?: "inbox" | "sent" }) {
  const [list, unit] = await Promise.all([
    allPages<Warning | ReceivedWarning>((cursor) => listWarnings(scope, { ...q, limit: 200, cursor })),
    namer(scope),
  ]);
  const wb = await newWorkbook("消费警示");
  const sent = list.items.filter((w): w is Warning => "audienceTotal" in w);
  const received = list.items.filter((w): w is ReceivedWarning => !("audienceTotal" in w));
  if (received.length || !sent.length) {
    const ws = sheet(wb, "收到的警示", [
      { header: "发布时间", width: 17 },
      { header: "标题", width: 36 },
      { header: "类别", width: 12 },
      { header: "级别", width: 8 },
      { header: "发布单位", width: 24 },
      { header: "签收", width: 8 },
      { header: "签收人", width: 12 },
      { header: "签收时间", width: 17 },
    ]);
    for (const w of received)
      ws.addRow([
        time(w.sentAt),
        w.title,
        warningCategoryLabels[w.category].zh,
        warningSeverityLabels[w.severity].zh,
        unit(w.senderUnitId),
        w.ackedAt ? "已签收" : "未签收",
        orEmpty(w.ackedBy),
        time(w.ackedAt),
      ]);
    if (list.more) ws.addRow([MORE]);
  }
  if (!sent.length) return bytes(wb);

  const ws = sheet(wb, "发出的警示", [
    { header: "发布时间", width: 17 },
    { header: "标题", width: 36 },
    { header: "类别", width: 12 },
    { header: "级别", width: 8 },
    { header: "发布单位", width: 24 },
    { header: "发布人", width: 12 },
    { header: "发送单位数", width: 10 },
    { header: "已签收", width: 8 },
    { header: "签收率", width: 8, numFmt: "0.0%" },
  ]);
  for (const w of sent)
    ws.addRow([
      time(w.sentAt),
      w.title,
      warningCategoryLabels[w.category].zh,
      warningSeverityLabels[w.severity].zh,
      unit(w.senderUnitId),
      w.sentByName,
      w.audienceTotal,
      w.acked,
      w.ackRate,
    ]);
  if (list.more) ws.addRow([MORE]);

  const rows = sheet(wb, "各单位签收情况", [
    { header: "警示标题", width: 36 },
    { header: "发布时间", width: 17 },
    { header: "接收单位", width: 26 },
    { header: "签收", width: 8 },
    { header: "签收人", width: 12 },
    { header: "签收时间", width: 17 },
  ]);
  const detailed = sent.slice(0, MAX_WARNING_DETAILS);
  for (let i = 0; i < detailed.length; i += BATCH) {
    const full = await Promise.all(detailed.slice(i, i + BATCH).map((w) => readWarning(scope, w.id)));
    for (const w of full)
      for (const a of [...w.audienceUnits].sort((x, y) => Number(!!x.ackedAt) - Number(!!y.ackedAt)))
        rows.addRow([
          w.title,
          time(w.sentAt),
          unit(a.unitId),
          a.ackedAt ? "已签收" : "未签收",
          orEmpty(a.ackedBy),
          time(a.ackedAt),
        ]);
  }
  if (sent.length > detailed.length) rows.addRow([MORE]);
  return bytes(wb);
}

/** 维权志愿者 of a unit's subtree, masked as on the screen. */
export async function volunteersWorkbook(scope: Scope, q: { unitId?: string; status?: "active" | "left" }) {
  return listWorkbook(
    scope,
    "维权志愿者",
    [
      { header: "单位", width: 26 },
      { header: "姓名", width: 12 },
      { header: "电话", width: 16 },
      { header: "加入日期", width: 12 },
      { header: "特长", width: 30 },
      { header: "状态", width: 8 },
    ],
    (cursor) => listVolunteers(scope, { ...q, limit: 200, cursor }),
    (v, unit) => [
      unit(v.unitId),
      v.name,
      v.phone,
      day(v.joinedAt),
      v.skills?.join("、") ?? "",
      v.status === "active" ? "在册" : "已退出",
    ],
  );
}
