import { ancestorIdsOf, type CaseRecord, canEscalateTo } from "@weiquan/domain";
import type { UnitRecord } from "@weiquan/store";
import type { Scope } from "../access/scope.ts";

/** The units above the case's handler (its station, office, bureau): at most three reads by key. */
export async function handlerChain(scope: Scope, c: Pick<CaseRecord, "handlerPath">): Promise<UnitRecord[]> {
  const found = await Promise.all(ancestorIdsOf(c.handlerPath).map((id) => scope.units.get(id)));
  return found.filter((u): u is UnitRecord => u !== null);
}

/**
 * The units a case may be passed up to now, for the picker: the units above its handler, and the
 * regulation offices only when none stands above it (then the tenant's units are listed once to find
 * them). A village point sees its own station, office and bureau — never an unrelated office.
 */
export async function escalationTargets(scope: Scope, c: CaseRecord): Promise<UnitRecord[]> {
  const chain = await handlerChain(scope, c);
  const offices = chain.some((u) => u.type === "office")
    ? []
    : (await scope.units.listByPath()).filter((u) => u.type === "office");
  // Nearest first: the station, then the office and bureau above it, then other offices.
  return [...chain.reverse(), ...offices].filter((u) => canEscalateTo(c, u, chain));
}
