import { shanghaiMonth } from "../common/time.ts";
import type { Counters } from "../figures/counters.ts";
import { unitIdsOf } from "../units/path.ts";

/**
 * What a capacity record adds to the figures: counters per unit × month, for the unit it concerns and
 * every ancestor (the same rule as cases, so a station's figures include its points'). A change of a
 * record is the difference of what it contributed before and after, so editing or deleting one keeps the
 * rollups exact without re-reading anything.
 */
export interface RollupChange {
  unitId: string;
  month: string;
  counters: Counters;
}

/** Keyed `unitId|month`. */
export type Contribution = Map<string, Counters>;

/** Adds `counters` at `month` to every unit of `path` ("root/office/station"). */
export function contributeAlong(
  into: Contribution,
  path: string,
  at: string,
  counters: Counters,
): Contribution {
  const month = shanghaiMonth(at);
  for (const unitId of unitIdsOf(path)) {
    const key = `${unitId}|${month}`;
    const c = into.get(key) ?? {};
    for (const [k, v] of Object.entries(counters)) c[k] = (c[k] ?? 0) + v;
    into.set(key, c);
  }
  return into;
}

/** after − before, dropping counters that do not move (and units × months where nothing moves). */
export function rollupChanges(before: Contribution | null, after: Contribution | null): RollupChange[] {
  const keys = new Set([...(before?.keys() ?? []), ...(after?.keys() ?? [])]);
  const out: RollupChange[] = [];
  for (const key of keys) {
    const b = before?.get(key) ?? {};
    const a = after?.get(key) ?? {};
    const counters: Counters = {};
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = (a[k] ?? 0) - (b[k] ?? 0);
      if (d !== 0) counters[k] = d;
    }
    if (!Object.keys(counters).length) continue;
    const [unitId, month] = key.split("|") as [string, string];
    out.push({ unitId, month, counters });
  }
  return out;
}

/** DynamoDB's limit on the items of one transaction. */
export const MAX_TRANSACTION_ITEMS = 100;
