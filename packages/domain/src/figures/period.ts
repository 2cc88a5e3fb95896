import { Invalid } from "../common/errors.ts";
import { shanghaiMonth } from "../common/time.ts";

/** A calendar month in Asia/Shanghai: 2026-11. */
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The longest period one request may ask for: ten years of months (bounded reads). */
export const MAX_MONTHS = 120;

export interface Period {
  from: string;
  to: string;
}

const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const monthAt = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;

export const addMonths = (m: string, k: number) => monthAt(index(m) + k);

/** Every month from `from` to `to`, both inclusive. */
export function monthsOf(p: Period): string[] {
  const out: string[] = [];
  for (let i = index(p.from); i <= index(p.to); i++) out.push(monthAt(i));
  return out;
}

/**
 * The period a request asks for: `from` / `to` default to January of the current year and the current
 * month (Shanghai); a lone `to` starts in January of its year. A reversed or over-long period is a 400.
 */
export function resolvePeriod(q: { from?: string; to?: string }, now: Date): Period {
  const current = shanghaiMonth(now);
  const to = q.to ?? (q.from && q.from > current ? q.from : current);
  const from = q.from ?? `${to.slice(0, 4)}-01`;
  if (from > to)
    throw Invalid("起始月份不能晚于截止月份", [{ path: "query.from", message: "起始月份不能晚于截止月份" }]);
  if (index(to) - index(from) + 1 > MAX_MONTHS)
    throw Invalid(`统计期间最长 ${MAX_MONTHS} 个月`, [
      { path: "query.to", message: `统计期间最长 ${MAX_MONTHS} 个月` },
    ]);
  return { from, to };
}

/** The period of the same length just before `p` (for "change against the previous period"). */
export function previousPeriod(p: Period): Period {
  const len = index(p.to) - index(p.from) + 1;
  return { from: addMonths(p.from, -len), to: addMonths(p.from, -1) };
}

/**
 * A named reporting period: a month (2026-11), a quarter (2026-Q4), a half year (2026-H2) or a year
 * (2026), as the period summary report names them.
 */
export function namedPeriod(name: string): (Period & { label: string }) | null {
  let m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(name);
  if (m) return { from: name, to: name, label: `${m[1]}年${Number(m[2])}月` };
  m = /^(\d{4})-Q([1-4])$/.exec(name);
  if (m) {
    const q = Number(m[2]);
    const labels = ["一", "二", "三", "四"];
    return {
      from: `${m[1]}-${String(q * 3 - 2).padStart(2, "0")}`,
      to: `${m[1]}-${String(q * 3).padStart(2, "0")}`,
      label: `${m[1]}年第${labels[q - 1]}季度`,
    };
  }
  m = /^(\d{4})-H([12])$/.exec(name);
  if (m)
    return m[2] === "1"
      ? { from: `${m[1]}-01`, to: `${m[1]}-06`, label: `${m[1]}年上半年` }
      : { from: `${m[1]}-07`, to: `${m[1]}-12`, label: `${m[1]}年下半年` };
  m = /^(\d{4})$/.exec(name);
  if (m) return { from: `${m[1]}-01`, to: `${m[1]}-12`, label: `${m[1]}年` };
  return null;
}
