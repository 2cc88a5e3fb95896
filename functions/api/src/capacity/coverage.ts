import { addCounters, type Counters, visiblePrefix } from "@weiquan/domain";
import { RollupsRepository, SettingsRepository, type UnitRecord } from "@weiquan/store";
import type { Scope } from "../access/scope.ts";

/** How many unit queries run at once (a large network stays inside DynamoDB's burst). */
const CONCURRENCY = 16;

/** The yearly minimum of trainings per station and point (settings; seed 004 “不少于 N 次”, default 2). */
export async function trainingMinimum(scope: Pick<Scope, "table">): Promise<number> {
  const s = await new SettingsRepository(scope.table).get<{ version: number; trainingMinPerYear?: number }>();
  return s?.trainingMinPerYear ?? 2;
}

/** Each unit's subtree counters summed over `from`…`to`: one Query per unit, O(units × months) items. */
export async function subtreeCounters(
  scope: Pick<Scope, "table">,
  units: readonly UnitRecord[],
  from: string,
  to: string,
): Promise<Map<string, Counters>> {
  const rollups = new RollupsRepository(scope.table);
  const out = new Map<string, Counters>();
  let next = 0;
  const worker = async () => {
    while (next < units.length) {
      const u = units[next++]!;
      const total: Counters = {};
      for (const m of await rollups.months(u.id, from, to)) addCounters(total, m.counters);
      out.set(u.id, total);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, units.length) }, worker));
  return out;
}

/** A unit's own count of a counter: its subtree's less its children's subtrees'. */
export function ownCount(
  units: readonly UnitRecord[],
  sub: Map<string, Counters>,
  unitId: string,
  key: string,
) {
  const children = units.filter((u) => u.parentId === unitId);
  return (sub.get(unitId)?.[key] ?? 0) - children.reduce((s, c) => s + (sub.get(c.id)?.[key] ?? 0), 0);
}

/**
 * Training coverage of a year (api.md): every active station and point the caller may see, how many
 * trainings it attended, whether that meets the yearly minimum; `rate` is the share that met it.
 */
export async function trainingCoverage(scope: Scope, year: string) {
  const units = await scope.units.listByPath(visiblePrefix(scope.viewer) ?? undefined);
  const sub = await subtreeCounters(scope, units, `${year}-01`, `${year}-12`);
  const minimumPerYear = await trainingMinimum(scope);
  const rows = units
    .filter((u) => u.status === "active" && (u.type === "station" || u.type === "point"))
    .map((u) => {
      const attended = ownCount(units, sub, u.id, "training.attended");
      return { unitId: u.id, name: u.name, type: u.type, attended, met: attended >= minimumPerYear };
    });
  return {
    year,
    minimumPerYear,
    units: rows,
    rate: rows.length ? rows.filter((r) => r.met).length / rows.length : null,
  };
}
