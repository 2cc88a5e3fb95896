import type { Period } from "@weiquan/domain";
import { addMonths, type Preset, presetPeriod } from "./data.ts";

const quarterOf = (month: string) => Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1;

/**
 * The period report (月报 / 季报 / 半年报 / 年报) that matches what the dashboard shows: 本年 opens the
 * year's report, 本季度 the quarter's, a single month that month's; a custom range the report that
 * starts where it starts (a year, a half, a quarter), else the quarter it ends in.
 */
export function reportPeriodOf(p: Period, now = new Date()): string {
  const year = p.from.slice(0, 4);
  const preset = (["year", "half", "quarter", "lastQuarter", "month", "lastMonth"] as Preset[]).find((k) => {
    const x = presetPeriod(k, now);
    return x.from === p.from && x.to === p.to;
  });
  // Before the single month: in January 本年 is one month long, and the selector (first match) shows 本年.
  if (preset === "year") return year;
  if (p.from === p.to) return p.from;
  const sameYear = p.to.slice(0, 4) === year;
  const fromMonth = Number(p.from.slice(5, 7));
  if (preset === "half" || (sameYear && (fromMonth === 1 || fromMonth === 7) && p.to > addMonths(p.from, 2)))
    return fromMonth === 1 && p.to <= `${year}-06` ? `${year}-H1` : fromMonth === 7 ? `${year}-H2` : year;
  if (sameYear && (fromMonth - 1) % 3 === 0 && p.to <= addMonths(p.from, 2))
    return `${year}-Q${quarterOf(p.from)}`;
  return `${p.to.slice(0, 4)}-Q${quarterOf(p.to)}`;
}
