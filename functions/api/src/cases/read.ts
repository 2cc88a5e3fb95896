import {
  type CaseListQuery,
  type CaseRecord,
  type CaseSummary,
  canBrowseAudit,
  caseViewFor,
  defaultLedgerUnitId,
  dueWindow,
  Forbidden,
  maskPhone,
  NotFound,
  newId,
  shanghaiIso,
  summaryViewOf,
} from "@weiquan/domain";
import {
  AuditRepository,
  CasesRepository,
  type LedgerFilter,
  TrackingRepository,
  UnitsRepository,
} from "@weiquan/store";
import { type Scope, visibleCaseWithTimeline, visibleUnit } from "../access/scope.ts";
import { tenantCalendar } from "./calendar.ts";

/**
 * One case with its timeline. Reading a case whole (personal data unmasked) is written to the audit
 * trail before the answer leaves: no unaudited read of personal information.
 */
export async function readCase(scope: Scope, id: string, now: Date) {
  const [found, cal] = await Promise.all([visibleCaseWithTimeline(scope, id), tenantCalendar(scope)]);
  const view = caseViewFor(found.record, scope.viewer, cal, now);
  const originId = found.record.originUnitId;
  const [origin] = await Promise.all([
    originId === scope.unit.id ? scope.unit : new UnitsRepository(scope.table).get(originId),
    !view.masked && hasPersonalData(found.record) ? auditRead(scope, found.record, now) : null,
  ]);
  return { ...view, ...(origin ? { originUnitName: origin.name } : {}), timeline: found.timeline };
}

export async function readByTrackingNo(scope: Scope, trackingNo: string, now: Date) {
  const id = await new TrackingRepository(scope.table).idByTrackingNo(trackingNo);
  if (!id) throw NotFound("案件");
  return readCase(scope, id, now);
}

const hasPersonalData = (r: CaseRecord) =>
  Boolean(r.consumer.name || r.consumer.phone || r.consumer.idNumber);

/** Who accessed personal data, and when: the head of every audit entry. */
const auditedBy = (scope: Scope, now: Date) => ({
  id: newId(),
  at: shanghaiIso(now),
  userId: scope.caller.userId,
  username: scope.caller.username,
  displayName: scope.caller.displayName,
  unitId: scope.unit.id,
});

/** Writes the audit entry of an unmasked read of a case's personal data (or the download of one of its files). */
export async function auditRead(
  scope: Scope,
  r: Pick<CaseRecord, "id" | "trackingNo">,
  now: Date,
  file?: { attachmentId: string; fileName: string },
) {
  // Only a confirmed caller's read is one (a read run alongside the caller check waits for it here).
  await scope.confirmed;
  await new AuditRepository(scope.table).record({
    ...auditedBy(scope, now),
    caseId: r.id,
    trackingNo: r.trackingNo,
    ...(file ? { action: "download_attachment", ...file } : { action: "read_personal_data" }),
  });
}

export async function browseAudit(scope: Scope, month: string, limit: number, cursor?: string) {
  if (!canBrowseAudit(scope.viewer.role))
    throw Forbidden("只有县局管理员可以查看个人信息访问记录", "ROLE_FORBIDDEN");
  return new AuditRepository(scope.table).list(month, limit, cursor);
}

/** The month's voided tracking numbers: with the cases, every number of a day is accounted for. */
export async function browseVoidedNumbers(scope: Scope, month: string, limit: number, cursor?: string) {
  if (!canBrowseAudit(scope.viewer.role)) throw Forbidden("只有县局管理员可以查看作废编号", "ROLE_FORBIDDEN");
  return new TrackingRepository(scope.table).voided(month, limit, cursor);
}

/** Month (2026-11) or day (2026-11-22) → the first / last instant string of that period in Shanghai. */
const periodStart = (p: string) => (p.length === 7 ? `${p}-01T00:00:00` : `${p}T00:00:00`);
const periodEnd = (p: string) => (p.length === 7 ? `${p}-31T23:59:59.999` : `${p}T23:59:59.999`);

/**
 * A page of the ledger, newest first. Without `unitId` it is the caller's whole visible ledger; with it,
 * that unit's cases (and with `subtree=true` everything under it too). Each unit's ledger is its own
 * partition, so a page costs the same in a tenant of a thousand cases or of a hundred thousand.
 */
export async function listCases(
  scope: Scope,
  q: CaseListQuery,
  now: Date,
): Promise<{ items: CaseSummary[]; nextCursor: string | null }> {
  const unit = q.unitId ? await visibleUnit(scope, q.unitId) : undefined;
  const ledgerUnitId = unit?.id ?? defaultLedgerUnitId(scope.viewer);
  // The calendar matters to the query only for the due filters; otherwise both are read at once.
  const calendar = tenantCalendar(scope);
  const dueFilter = q.overdue || q.dueSoon;
  const window = dueFilter ? dueWindow(await calendar, now) : null;
  const filter: LedgerFilter = {
    statuses: q.status,
    kind: q.kind,
    category: q.category,
    onlyUnitId: unit && !q.subtree ? unit.id : undefined,
    dueBefore: q.overdue ? window?.overdueBefore : undefined,
    dueWithin: q.dueSoon && window ? { from: window.overdueBefore, until: window.soonUntil } : undefined,
    text: q.q,
    phone: q.phone,
    fromTime: q.from ? periodStart(q.from) : undefined,
    toTime: q.to ? periodEnd(q.to) : undefined,
  };
  const [page, cal] = await Promise.all([
    new CasesRepository(scope.table).ledger(ledgerUnitId, filter, q.limit, q.cursor),
    calendar,
  ]);
  const rowsWindow = window ?? dueWindow(cal, now);
  if (q.phone) await auditPhoneSearch(scope, q.phone, page.items.length, now);
  return { items: page.items.map((row) => summaryViewOf(row, rowsWindow)), nextCursor: page.nextCursor };
}

/**
 * A search by a consumer's phone is an access to personal data: each page of it (the console's, an
 * export's) is written to the audit trail — who, when, the number masked, how many cases it listed —
 * before the answer leaves.
 */
async function auditPhoneSearch(scope: Scope, phone: string, resultCount: number, now: Date) {
  await scope.confirmed;
  await new AuditRepository(scope.table).record({
    ...auditedBy(scope, now),
    caseId: "",
    trackingNo: "",
    action: "search_by_phone",
    phone: maskPhone(phone),
    resultCount,
  });
}
