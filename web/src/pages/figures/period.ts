import type { Period } from "@weiquan/domain";

/** Months of the figures, as the API counts them ("YYYY-MM", Asia/Shanghai). Imports nothing: the entry reads it. */

export const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const monthAt = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
export const addMonths = (m: string, k: number) => monthAt(monthIndex(m) + k);

/** The current month in Asia/Shanghai, as the API counts it. */
export function currentMonth(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
}

export type Preset = "year" | "half" | "quarter" | "lastQuarter" | "month" | "lastMonth";

export function presetPeriod(p: Preset, now = new Date()): Period {
  const m = currentMonth(now);
  const year = m.slice(0, 4);
  const q0 = Math.floor((Number(m.slice(5, 7)) - 1) / 3) * 3 + 1;
  const qFrom = `${year}-${String(q0).padStart(2, "0")}`;
  switch (p) {
    case "year":
      return { from: `${year}-01`, to: m };
    case "half":
      return { from: Number(m.slice(5, 7)) <= 6 ? `${year}-01` : `${year}-07`, to: m };
    case "quarter":
      return { from: qFrom, to: m };
    case "lastQuarter":
      return { from: addMonths(qFrom, -3), to: addMonths(qFrom, -1) };
    case "month":
      return { from: m, to: m };
    case "lastMonth":
      return { from: addMonths(m, -1), to: addMonths(m, -1) };
  }
}

/** The period of the same length just before (the "change against the previous period"). */
export function previousOf(p: Period): Period {
  const len = monthIndex(p.to) - monthIndex(p.from) + 1;
  return { from: addMonths(p.from, -len), to: addMonths(p.from, -1) };
}

/** What the figures page shows, from its address: the period (default this year) and the unit (default mine). */
export function figuresScope(search: URLSearchParams): { period: Period; unitParam: string | undefined } {
  const fallback = presetPeriod("year");
  return {
    period: { from: search.get("from") ?? fallback.from, to: search.get("to") ?? fallback.to },
    unitParam: search.get("unitId") ?? undefined,
  };
}
