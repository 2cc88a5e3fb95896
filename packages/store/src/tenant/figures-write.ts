import { T } from "../keys.ts";
import type { TransactItem } from "../writes.ts";

/** Counters to add to the figures of these units' month. */
export interface FiguresAdd {
  unitIds: readonly string[];
  month: string;
  counters: Record<string, number>;
}

/** The update that adds `counters` to one unit's month of figures (creating the rollup item if needed). */
export function rollupAdd(
  tableName: string,
  unitId: string,
  month: string,
  counters: Record<string, number>,
): TransactItem {
  return counterAdd(tableName, T.rollup(unitId, month), { unitId, month }, counters);
}

/** The update that adds to a unit's gauges of right now (open / overdue cases; see the domain's effects). */
export function gaugeAdd(tableName: string, unitId: string, counters: Record<string, number>): TransactItem {
  return counterAdd(tableName, T.gauges(unitId), { unitId }, counters);
}

/** An update that sets the item's identifying attributes and adds to its counters (created if missing). */
function counterAdd(
  tableName: string,
  Key: Record<string, string>,
  set: Record<string, string>,
  counters: Record<string, number>,
): TransactItem {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets = Object.entries(set).map(([k, v], i) => {
    names[`#s${i}`] = k;
    values[`:s${i}`] = v;
    return `#s${i} = :s${i}`;
  });
  const adds = Object.entries(counters).map(([k, v], i) => {
    names[`#c${i}`] = k;
    values[`:c${i}`] = v;
    return `#c${i} :c${i}`;
  });
  return {
    Update: {
      TableName: tableName,
      Key,
      UpdateExpression: `SET ${sets.join(", ")}${adds.length ? ` ADD ${adds.join(", ")}` : ""}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/**
 * The rollup updates of several deltas, one per unit × month (a transaction may touch an item only once,
 * so deltas meeting on an ancestor are summed first).
 */
export function rollupAdds(tableName: string, deltas: readonly FiguresAdd[]): TransactItem[] {
  const merged = new Map<string, { unitId: string; month: string; counters: Record<string, number> }>();
  for (const d of deltas) {
    for (const unitId of d.unitIds) {
      const key = `${unitId}\u0000${d.month}`;
      const entry = merged.get(key) ?? { unitId, month: d.month, counters: {} };
      for (const [k, v] of Object.entries(d.counters)) entry.counters[k] = (entry.counters[k] ?? 0) + v;
      merged.set(key, entry);
    }
  }
  return [...merged.values()]
    .map((e) => ({
      ...e,
      counters: Object.fromEntries(Object.entries(e.counters).filter(([, v]) => v !== 0)),
    }))
    .filter((e) => Object.keys(e.counters).length)
    .map((e) => rollupAdd(tableName, e.unitId, e.month, e.counters));
}
