import {
  addCounters,
  byKindOf,
  type CategoryCount,
  type Counters,
  dueWindow,
  figuresOf,
  inSubtree,
  monthsOf,
  nationalCategories,
  type Period,
  resolvePeriod,
  type StatsSummary,
  shanghaiIso,
  type UnitFiguresRow,
  visiblePrefix,
} from "@weiquan/domain";
import { InspectionsRepository, RollupsRepository, type UnitRecord } from "@weiquan/store";
import { type Scope, visibleUnit } from "../access/scope.ts";
import { tenantCalendar } from "../cases/calendar.ts";

/**
 * The figures of a unit's subtree for a period, from the rollup items only: one Query per unit
 * (`ROLLUP#{unitId}`, sort key between the two months) — O(months) items whatever the number of cases.
 * Figures carry no personal data, so every tenant role reads them (the governance office included),
 * within the units it may see.
 */
export interface FiguresRequest {
  from?: string;
  to?: string;
  unitId?: string;
}

export async function figuresTarget(
  scope: Scope,
  q: FiguresRequest,
  now: Date,
): Promise<{ unit: UnitRecord; period: Period }> {
  const period = resolvePeriod(q, now);
  const unit = q.unitId ? await visibleUnit(scope, q.unitId) : scope.unit;
  return { unit, period };
}

/** Open cases past their running deadline now whose handling unit is `unitPath` or below it. */
async function overdueCounter(scope: Scope, rollups: RollupsRepository, now: Date) {
  const cal = await tenantCalendar(scope);
  const paths = await rollups.overduePaths(dueWindow(cal, now).overdueBefore);
  return (unitPath: string) => paths.filter((p) => p === unitPath || p.startsWith(`${unitPath}/`)).length;
}

export async function summary(
  scope: Scope,
  q: FiguresRequest,
  now: Date,
  rollups = new RollupsRepository(scope.table),
): Promise<StatsSummary> {
  const { unit, period } = await figuresTarget(scope, q, now);
  const [months, overdue, findingsDue] = await Promise.all([
    rollups.months(unit.id, period.from, period.to),
    overdueCounter(scope, rollups, now),
    new InspectionsRepository(scope.table).overdue(shanghaiIso(now)),
  ]);
  const total: Counters = {};
  const byMonth = new Map(months.map((m) => [m.month, m.counters]));
  for (const m of months) addCounters(total, m.counters);
  return {
    unitId: unit.id,
    from: period.from,
    to: period.to,
    ...figuresOf(total),
    overdueNow: overdue(unit.path),
    overdueFindingsNow: findingsDue.filter((f) => inSubtree(f.unitPath, unit.path)).length,
    byKind: byKindOf(total),
    byMonth: monthsOf(period).map((month) => ({ month, ...figuresOf(byMonth.get(month) ?? {}) })),
  };
}

const labelOf = new Map(nationalCategories.map((c) => [c.code, c.label]));

/** The most frequent national categories of the cases received in the period (all kinds, or one). */
export async function categories(
  scope: Scope,
  q: FiguresRequest & { limit: number; kind?: string },
  now: Date,
  rollups = new RollupsRepository(scope.table),
): Promise<CategoryCount[]> {
  const { unit, period } = await figuresTarget(scope, q, now);
  const total: Counters = {};
  for (const m of await rollups.months(unit.id, period.from, period.to)) addCounters(total, m.counters);
  const prefix = q.kind ? `kcat.${q.kind}.` : "cat.";
  return Object.entries(total)
    .filter(([k, v]) => k.startsWith(prefix) && v > 0)
    .map(([k, count]) => {
      const category = k.slice(prefix.length);
      return { category, label: labelOf.get(category) ?? category, count };
    })
    .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category))
    .slice(0, q.limit);
}

/** How many unit queries run at once: keeps a large network's table inside DynamoDB's burst. */
const UNIT_CONCURRENCY = 16;

/**
 * One row per unit the caller may see, each with its subtree's figures: one Query per unit, run
 * `UNIT_CONCURRENCY` at a time, so the cost is (visible units × months) items — bounded by the size of
 * the network, never by the number of cases — plus one read of the overdue cases for `overdueNow`.
 */
export async function unitTable(
  scope: Scope,
  q: { from?: string; to?: string },
  now: Date,
  rollups = new RollupsRepository(scope.table),
): Promise<{ from: string; to: string; items: UnitFiguresRow[] }> {
  const period = resolvePeriod(q, now);
  const units = await scope.units.listByPath(visiblePrefix(scope.viewer));
  const overdue = await overdueCounter(scope, rollups, now);
  const totals = new Map<string, Counters>();
  let next = 0;
  const worker = async () => {
    while (next < units.length) {
      const u = units[next++]!;
      const total: Counters = {};
      for (const m of await rollups.months(u.id, period.from, period.to)) addCounters(total, m.counters);
      totals.set(u.id, total);
    }
  };
  await Promise.all(Array.from({ length: Math.min(UNIT_CONCURRENCY, units.length) }, worker));

  const topDepth = Math.min(...units.map((u) => u.path.split("/").length));
  const childrenReceived = new Map<string, number>();
  for (const u of units) {
    if (!u.parentId) continue;
    const received = totals.get(u.id)?.received ?? 0;
    childrenReceived.set(u.parentId, (childrenReceived.get(u.parentId) ?? 0) + received);
  }
  const items = units.map((u) => {
    const f = figuresOf(totals.get(u.id) ?? {});
    return {
      unitId: u.id,
      parentId: u.parentId ?? null,
      name: u.name,
      type: u.type,
      status: u.status,
      depth: u.path.split("/").length - topDepth,
      ...f,
      ownReceived: f.received - (childrenReceived.get(u.id) ?? 0),
      overdueNow: overdue(u.path),
    };
  });
  return { from: period.from, to: period.to, items };
}
