import type { CategoryCount, Period, StatsSummary, UnitFiguresRow } from "@weiquan/domain";
import { api, ok } from "../../api/client.ts";
import { previousOf } from "./period.ts";

export { download } from "../../api/download.ts";
export { addMonths, currentMonth, type Preset, presetPeriod, previousOf } from "./period.ts";
export type { CategoryCount, StatsSummary, UnitFiguresRow };

const query = (o: object) =>
  new URLSearchParams(
    Object.entries(o)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => [k, String(v)]),
  ).toString();

export interface Dashboard {
  summary: StatsSummary;
  previous: StatsSummary;
  categories: CategoryCount[];
  units: UnitFiguresRow[];
}

/** The figure reads, each O(months) rollup items. `unitId` undefined: the caller's own unit. */
export const figures = {
  summary: (p: Period, unitId: string | undefined, signal?: AbortSignal) =>
    ok(api.v1.stats.summary.$get({ query: { ...p, unitId } }, { init: { signal } })),
  categories: (p: Period, unitId: string | undefined, signal?: AbortSignal) =>
    ok(
      api.v1.stats.categories.$get(
        { query: { ...p, unitId, kind: "complaint", limit: "10" } },
        { init: { signal } },
      ),
    ),
  /** A slice of the per-unit table: the unit (default the caller's) and `depth` levels below it. */
  units: (p: Period, signal?: AbortSignal, slice?: { unitId?: string; depth: number }) =>
    ok(
      api.v1.stats.units.$get(
        { query: { ...p, unitId: slice?.unitId, depth: slice ? String(slice.depth) : undefined } },
        { init: { signal } },
      ),
    ),
};

/** Everything the dashboard shows: four requests. */
export async function loadDashboard(
  p: Period,
  unitId: string | undefined,
  signal: AbortSignal,
): Promise<Dashboard> {
  const [summary, previous, categories, units] = await Promise.all([
    figures.summary(p, unitId, signal),
    figures.summary(previousOf(p), unitId, signal),
    figures.categories(p, unitId, signal),
    figures.units(p, signal),
  ]);
  return { summary, previous, categories, units: units.items };
}

/** The last day of a month: 2026-02 → 2026-02-28. */
export function lastDay(month: string): string {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0));
  return d.toISOString().slice(0, 10);
}

export interface Drill {
  status?: string;
  kind?: string;
  category?: string;
  view?: "overdue";
}

/**
 * The ledger filtered the way a figure counts: the same unit with its subtree and the same months.
 * `unitId` is what the ledger's contract names; `unit` is what the ledger page writes itself.
 */
export function ledgerLink(p: Period, unitId: string, d: Drill = {}): string {
  return `/cases?${query({
    ...(d.view ? {} : { from: `${p.from}-01`, to: lastDay(p.to) }),
    unitId,
    unit: unitId,
    subtree: "true",
    status: d.status,
    kind: d.kind,
    category: d.category,
    view: d.view,
  })}`;
}

export const summaryXlsx = (p: Period, unitId?: string) =>
  `/v1/reports/summary.xlsx?${query({ ...p, unitId })}`;
export const unitsXlsx = (p: Period) => `/v1/reports/units.xlsx?${query(p)}`;

export const percent = (r: number | null) => (r === null ? "—" : `${(r * 100).toFixed(1)}%`);
