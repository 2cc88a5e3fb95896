import {
  addCounters,
  byKindOf,
  type CategoryCount,
  type Counters,
  depthOf,
  figuresOf,
  monthsOf,
  nationalCategories,
  type Period,
  publicityByKindOf,
  resolvePeriod,
  type StatsSummary,
  type UnitFiguresRow,
  visiblePrefix,
} from "@weiquan/domain";
import { RollupsRepository, type UnitRecord } from "@weiquan/store";
import { type Scope, visibleUnit } from "../access/scope.ts";

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

/** A unit's gauges: read in the caller check's round trip if that was this unit's (http/alongside.ts). */
async function unitGauges(scope: Scope, unitId: string, rollups: RollupsRepository) {
  const own = await scope.prefetched?.ownGauges;
  if (own?.unitId === unitId) return new Map([[unitId, own.gauges]]);
  return rollups.gauges([unitId]);
}

export async function summary(
  scope: Scope,
  q: FiguresRequest,
  now: Date,
  rollups = new RollupsRepository(scope.table),
): Promise<StatsSummary> {
  const { unit, period } = await figuresTarget(scope, q, now);
  const [months, gauges] = await Promise.all([
    rollups.months(unit.id, period.from, period.to),
    unitGauges(scope, unit.id, rollups),
  ]);
  const total: Counters = {};
  const byMonth = new Map(months.map((m) => [m.month, m.counters]));
  for (const m of months) addCounters(total, m.counters);
  return {
    unitId: unit.id,
    from: period.from,
    to: period.to,
    ...figuresOf(total),
    // Open cases past their running deadline, as the overdue sweep counted them (see the case effects).
    overdueNow: gauges.get(unit.id)!.overdue,
    // Inspection findings past their due date, likewise as the daily job counted them.
    overdueFindingsNow: gauges.get(unit.id)!.overdueFindings,
    byKind: byKindOf(total),
    publicityByKind: publicityByKindOf(total),
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
 * One row per unit the caller may see (or of a slice: `unitId` and `depth` levels below it), each with its
 * subtree's figures: one Query per row's unit, run `UNIT_CONCURRENCY` at a time, so the cost is (rows ×
 * months) items — a slice of a 1,200-unit county reads a few dozen units — never the number of cases; plus
 * the rows' units' gauges (BatchGet) for `overdueNow`.
 */
export async function unitTable(
  scope: Scope,
  q: { from?: string; to?: string; unitId?: string; depth?: number },
  now: Date,
  rollups = new RollupsRepository(scope.table),
): Promise<{ from: string; to: string; items: UnitFiguresRow[] }> {
  const period = resolvePeriod(q, now);
  const top = q.unitId ? await visibleUnit(scope, q.unitId) : undefined;
  const all = await scope.units.listByPath(top ? top.path : visiblePrefix(scope.viewer));
  const topDepth = Math.min(...all.map((u) => depthOf(u.path)));
  const units = q.depth === undefined ? all : all.filter((u) => depthOf(u.path) - topDepth <= q.depth!);
  const gauges = await rollups.gauges(units.map((u) => u.id));
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

  const childCount = new Map<string, number>();
  for (const u of all) if (u.parentId) childCount.set(u.parentId, (childCount.get(u.parentId) ?? 0) + 1);
  const childrenReceived = new Map<string, { received: number; rows: number }>();
  for (const u of units) {
    if (!u.parentId) continue;
    const c = childrenReceived.get(u.parentId) ?? { received: 0, rows: 0 };
    c.received += totals.get(u.id)?.received ?? 0;
    c.rows++;
    childrenReceived.set(u.parentId, c);
  }
  const items = units.map((u) => {
    const f = figuresOf(totals.get(u.id) ?? {});
    const children = childCount.get(u.id) ?? 0;
    const inSlice = childrenReceived.get(u.id) ?? { received: 0, rows: 0 };
    return {
      unitId: u.id,
      parentId: u.parentId ?? null,
      name: u.name,
      type: u.type,
      status: u.status,
      depth: depthOf(u.path) - topDepth,
      ...f,
      // Known only when every child's subtree was read.
      ownReceived: inSlice.rows === children ? f.received - inSlice.received : null,
      overdueNow: gauges.get(u.id)!.overdue,
      childCount: children,
    };
  });
  return { from: period.from, to: period.to, items };
}
