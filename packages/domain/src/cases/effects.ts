import type { Counters } from "../figures/counters.ts";
import type { NoticeDraft } from "../supervision/notices.ts";
import type { ClosedComplaint } from "../supervision/sampling/population.ts";
import { unitIdsOf } from "../units/path.ts";
import { type CaseRecord, type LedgerRow, ledgerRowOf } from "./record.ts";
import type { TimelineEvent } from "./schema.ts";

/**
 * What a decision on a case changes besides the case itself — everything the store writes in the same
 * transaction. The domain decides them; the store only turns each into its items and keys.
 */
export interface CaseEffects {
  /** Ledger rows to write: `row` under each of these units (rows are added, never removed or moved). */
  ledger: { unitIds: string[]; row: LedgerRow };
  /** Counters to add to monthly figures (the rollups). */
  figures: FiguresDelta[];
  /** The deadline index entry: the running deadline of an open case, or none. */
  due: string | null;
  /** Changes to the units' gauges of right now (open cases, overdue cases). */
  gauges: GaugeDelta[];
  /** Bell notices to the unit that must take the case up now (a new online filing, a case passed up to it). */
  notices: NoticeDraft[];
  /** A complaint just closed: its entry in the month's population of the bureau's sampled callbacks. */
  sampling?: ClosedComplaint;
}

/**
 * A unit's gauges of right now, kept as counters beside its figures so a dashboard or a closing check
 * reads one item instead of counting cases: `open` and `overdue` count the cases handled in the unit's
 * subtree, `openOwn` those the unit handles itself; `overdueFindings` the inspection findings owed in the
 * subtree past their due date (supervision/inspections/overdue.ts).
 */
export type Gauge = "open" | "openOwn" | "overdue" | "overdueFindings";
export interface GaugeDelta {
  unitId: string;
  counters: Partial<Record<Gauge, number>>;
}

/** What the gauges need of a case. */
export type GaugeFacts = Pick<CaseRecord, "status" | "handlerPath" | "dueBy" | "overdueNoticed">;

/** A case counts as overdue from the sweep's notice of its running deadline's lapse until that deadline changes. */
export const countsOverdue = (c: GaugeFacts): boolean =>
  c.status !== "closed" && c.dueBy !== null && c.overdueNoticed !== undefined && c.overdueNoticed === c.dueBy;

function gaugesOf(c: GaugeFacts | null, sign: 1 | -1, into: Map<string, Partial<Record<Gauge, number>>>) {
  if (!c || c.status === "closed") return;
  const add = (unitId: string, g: Gauge) => {
    const counters = into.get(unitId) ?? {};
    counters[g] = (counters[g] ?? 0) + sign;
    into.set(unitId, counters);
  };
  const chain = unitIdsOf(c.handlerPath);
  for (const unitId of chain) add(unitId, "open");
  add(chain.at(-1)!, "openOwn");
  if (countsOverdue(c)) for (const unitId of chain) add(unitId, "overdue");
}

/** How the gauges move when a case goes from `before` (null: it is new) to `after`; nothing when unchanged. */
export function gaugeDeltas(before: GaugeFacts | null, after: GaugeFacts): GaugeDelta[] {
  const sums = new Map<string, Partial<Record<Gauge, number>>>();
  gaugesOf(before, -1, sums);
  gaugesOf(after, 1, sums);
  return [...sums].flatMap(([unitId, counters]) => {
    const moved = Object.fromEntries(Object.entries(counters).filter(([, v]) => v !== 0));
    return Object.keys(moved).length ? [{ unitId, counters: moved }] : [];
  });
}

/** Counters to add to the figures of these units' month. */
export interface FiguresDelta {
  unitIds: string[];
  month: string;
  counters: Counters;
}

/** A decision of the domain on a case: the case as it becomes, its timeline entry, and their effects. */
export interface CaseDecision {
  next: CaseRecord;
  event: TimelineEvent;
  effects: CaseEffects;
}

/** The effects every decision shares: the case's ledger rows, its deadline index entry and the gauges. */
export function baseEffects(
  before: CaseRecord | null,
  next: CaseRecord,
  figures: FiguresDelta[],
): CaseEffects {
  return {
    ledger: { unitIds: next.ledgerUnits, row: ledgerRowOf(next) },
    figures,
    due: next.status !== "closed" ? next.dueBy : null,
    gauges: gaugeDeltas(before, next),
    notices: [],
  };
}

/** Counters of the unit at `path` and every unit above it, in one month (none when empty). */
export const figuresAlong = (path: string, month: string, counters: Counters): FiguresDelta[] =>
  Object.keys(counters).length ? [{ unitIds: unitIdsOf(path), month, counters }] : [];

/**
 * Deltas merged so no unit's month appears twice (a transaction may touch each rollup item once): the
 * counters of every (unit, month) are summed, then units with equal counters share one delta again.
 */
export function mergeFigures(deltas: readonly FiguresDelta[]): FiguresDelta[] {
  const cells = new Map<string, { unitId: string; month: string; counters: Counters }>();
  for (const d of deltas)
    for (const unitId of d.unitIds) {
      const key = `${unitId}\u0000${d.month}`;
      const cell = cells.get(key) ?? { unitId, month: d.month, counters: {} };
      for (const [k, v] of Object.entries(d.counters)) cell.counters[k] = (cell.counters[k] ?? 0) + v;
      cells.set(key, cell);
    }
  const groups = new Map<string, FiguresDelta>();
  for (const c of cells.values()) {
    const key = `${c.month}\u0000${JSON.stringify(Object.entries(c.counters).sort())}`;
    const g = groups.get(key) ?? { unitIds: [], month: c.month, counters: c.counters };
    g.unitIds.push(c.unitId);
    groups.set(key, g);
  }
  return [...groups.values()];
}

/**
 * The units that registered a case, root first: its ledger units begin with the chain of the unit that
 * received it (escalations only append).
 */
export function originChainOf(record: Pick<CaseRecord, "ledgerUnits" | "originUnitId">): string[] {
  const end = record.ledgerUnits.indexOf(record.originUnitId);
  return end < 0 ? [] : record.ledgerUnits.slice(0, end + 1);
}
