import type { Counters } from "../figures/counters.ts";

/**
 * What supervision adds to the per-unit × month rollups (the same items the case figures use, counted for
 * the unit and every ancestor). Every counter starts with one of `SUPERVISION_PREFIXES`: the figures'
 * rebuild from case timelines keeps them as they are, because they come from rounds and inspections, not
 * from cases. (The annual assessment's metrics read `verified.*`, `inspection.*` and `findings.*`.)
 *
 * Each record's contribution is a pure function of its state; a change writes the difference between the
 * contribution after and before (`counterDelta`), in the same transaction as the change itself.
 */
export const SUPERVISION_PREFIXES = ["verified.", "inspection.", "findings."] as const;

/** The supervision counters among a rollup item's counters (what a rebuild from cases must keep). */
export const supervisionCountersOf = (c: Counters): Counters =>
  Object.fromEntries(Object.entries(c).filter(([k]) => SUPERVISION_PREFIXES.some((p) => k.startsWith(p))));

/** Counters of one record in one month. */
export interface MonthCounters {
  month: string;
  counters: Counters;
}

/**
 * A sampled case, counted in the month of its round (the month the complaint was closed), so "October's
 * verified satisfaction" is what the consumers of October's closures said.
 */
export function roundItemCounters(item: {
  attempts: number;
  callback: { reached: boolean; result: string | null } | null;
}): Counters {
  const out: Counters = { "verified.sampled": 1, "verified.attempts": item.attempts };
  if (item.callback?.reached) {
    out["verified.reached"] = 1;
    out[`verified.${item.callback.result}`] = 1;
  }
  return out;
}

/**
 * An inspection and its findings, counted in the month of the inspection: pass / fail checks (n/a counts
 * for neither), findings raised, and of those the ones the inspector verified as rectified — on time when
 * the rectification was made by the finding's due date.
 */
export function inspectionCounters(
  results: readonly { result: string }[],
  findings: readonly { status: string; dueBy: string; rectification?: { at: string } | null }[],
): Counters {
  const passed = results.filter((r) => r.result === "pass").length;
  const failed = results.filter((r) => r.result === "fail").length;
  const verified = findings.filter((f) => f.status === "verified");
  return {
    "inspection.count": 1,
    "inspection.pass": passed,
    "inspection.fail": failed,
    "findings.raised": findings.length,
    "findings.verified": verified.length,
    "findings.onTime": verified.filter((f) => f.rectification && f.rectification.at <= f.dueBy).length,
  };
}

/** What to add to the rollups when a record's contribution moves from `before` to `after` (zeros dropped). */
export function counterDelta(before: MonthCounters | null, after: MonthCounters | null): MonthCounters[] {
  const byMonth = new Map<string, Counters>();
  const add = (m: MonthCounters | null, sign: 1 | -1) => {
    if (!m) return;
    const c = byMonth.get(m.month) ?? {};
    for (const [k, v] of Object.entries(m.counters)) c[k] = (c[k] ?? 0) + sign * v;
    byMonth.set(m.month, c);
  };
  add(before, -1);
  add(after, 1);
  const out: MonthCounters[] = [];
  for (const [month, counters] of byMonth) {
    const nonZero = Object.fromEntries(Object.entries(counters).filter(([, v]) => v !== 0));
    if (Object.keys(nonZero).length) out.push({ month, counters: nonZero });
  }
  return out;
}
