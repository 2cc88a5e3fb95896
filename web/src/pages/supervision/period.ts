/** Months and quarters as the API names them (Asia/Shanghai). */
export { addMonths, currentMonth } from "../figures/data.ts";

import { addMonths, currentMonth } from "../figures/data.ts";

export const quarterOf = (month: string) =>
  `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;

/** This quarter and the seven before it, newest first. */
export function recentQuarters(now = new Date()): string[] {
  const out: string[] = [];
  let m = currentMonth(now);
  while (out.length < 8) {
    const q = quarterOf(m);
    if (!out.includes(q)) out.push(q);
    m = addMonths(m, -1);
  }
  return out;
}

/** Last month and the eleven before it, newest first (a round is drawn for a month that is over). */
export function recentMonths(now = new Date()): string[] {
  const m = currentMonth(now);
  return Array.from({ length: 12 }, (_, i) => addMonths(m, -1 - i));
}

/** The first and last day of a quarter (`2026-Q4` → 2026-10-01, 2026-12-31). */
export function quarterDays(q: string): { first: string; last: string } {
  const year = q.slice(0, 4);
  const start = (Number(q.slice(6)) - 1) * 3 + 1;
  const endMonth = start + 2;
  const lastDay = new Date(Date.UTC(Number(year), endMonth, 0)).getUTCDate();
  return {
    first: `${year}-${String(start).padStart(2, "0")}-01`,
    last: `${year}-${String(endMonth).padStart(2, "0")}-${lastDay}`,
  };
}

export const percent = (r: number | null | undefined) =>
  r === null || r === undefined ? "—" : `${(r * 100).toFixed(1)}%`;
