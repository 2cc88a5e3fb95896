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
  const names: Record<string, string> = { "#month": "month" };
  const values: Record<string, unknown> = { ":u": unitId, ":m": month };
  const adds = Object.entries(counters).map(([k, v], i) => {
    names[`#c${i}`] = k;
    values[`:c${i}`] = v;
    return `#c${i} :c${i}`;
  });
  return {
    Update: {
      TableName: tableName,
      Key: T.rollup(unitId, month),
      UpdateExpression: `SET unitId = :u, #month = :m${adds.length ? ` ADD ${adds.join(", ")}` : ""}`,
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
