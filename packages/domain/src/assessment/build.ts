import type { UnitType } from "../auth/schema.ts";
import type { Counters } from "../figures/counters.ts";
import { addCounters } from "../figures/definitions.ts";
import type { MetricFacts, MetricMember } from "./metrics.ts";
import type { Sheet, Template } from "./schema.ts";
import { newSheetItems, sheetTotal } from "./score.ts";

/** A unit of the network as the assessment sees it when it is made. */
export interface NetworkUnit {
  id: string;
  parentId: string | null;
  name: string;
  type: UnitType;
  path: string;
  status: string;
  /** Meets 四个一 now. */
  compliant: boolean;
}

const assessed = (u: NetworkUnit) => u.status === "active" && (u.type === "station" || u.type === "point");

/** The units that get a sheet: every active unit of the template's types, in tree order. */
export const sheetUnits = (units: readonly NetworkUnit[], appliesTo: readonly string[]) =>
  units.filter((u) => assessed(u) && appliesTo.includes(u.type)).sort((a, b) => (a.path < b.path ? -1 : 1));

/** The units whose year of counters a sheet can need: every station and point (any status). */
export const countedUnits = (units: readonly NetworkUnit[]) =>
  units.filter((u) => u.type === "station" || u.type === "point");

/** The network indexed once for building many sheets (children by parent). */
export interface Network {
  units: readonly NetworkUnit[];
  children: ReadonlyMap<string, readonly NetworkUnit[]>;
  byId: ReadonlyMap<string, NetworkUnit>;
}

export function indexNetwork(units: readonly NetworkUnit[]): Network {
  const children = new Map<string, NetworkUnit[]>();
  for (const u of units) if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  return { units, children, byId: new Map(units.map((u) => [u.id, u])) };
}

/** A unit's own counters: its subtree's less its children's (the store rolls every child up into it). */
export function ownCounters(
  unit: NetworkUnit,
  net: Network,
  subtree: ReadonlyMap<string, Counters>,
): Counters {
  const own = addCounters({}, subtree.get(unit.id) ?? {});
  for (const child of net.children.get(unit.id) ?? [])
    for (const [k, v] of Object.entries(subtree.get(child.id) ?? {})) own[k] = (own[k] ?? 0) - v;
  return own;
}

/** The unit and every active station / point below it. */
function membersOf(unit: NetworkUnit, net: Network): NetworkUnit[] {
  const out: NetworkUnit[] = [];
  const walk = (u: NetworkUnit) => {
    if (assessed(u)) out.push(u);
    for (const c of net.children.get(u.id) ?? []) walk(c);
  };
  walk(unit);
  return out;
}

/** The facts a sheet's metrics read: the unit's subtree counters and its active stations / points. */
export function metricFacts(
  unit: NetworkUnit,
  net: Network,
  subtree: ReadonlyMap<string, Counters>,
  trainingMinPerYear: number,
): MetricFacts {
  const members: MetricMember[] = membersOf(unit, net).map((m) => ({
    unitId: m.id,
    own: ownCounters(m, net, subtree),
    compliant: m.compliant,
  }));
  return { subtree: subtree.get(unit.id) ?? {}, members, trainingMinPerYear };
}

/** A new sheet: auto items computed and frozen, manual items open. */
export function buildSheet(
  assessmentId: string,
  template: Pick<Template, "items">,
  unit: NetworkUnit,
  net: Network,
  subtree: ReadonlyMap<string, Counters>,
  trainingMinPerYear: number,
  at: string,
): Sheet {
  const parent = unit.parentId ? net.byId.get(unit.parentId) : undefined;
  const items = newSheetItems(template.items, metricFacts(unit, net, subtree, trainingMinPerYear));
  return {
    assessmentId,
    unitId: unit.id,
    unitName: unit.name,
    unitType: unit.type as "station" | "point",
    parentId: unit.parentId,
    parentName: parent?.name ?? null,
    items,
    total: sheetTotal(items),
    rank: null,
    stars: null,
    version: 1,
    updatedAt: at,
  };
}
