import { type CaseRecord, canEscalateTo } from "@weiquan/domain";
import type { UnitRecord } from "@weiquan/store";
import type { Scope } from "../access/scope.ts";

/** The units a case may be passed up to now (the domain's rule over the tenant's units), for the picker. */
export async function escalationTargets(scope: Scope, c: CaseRecord): Promise<UnitRecord[]> {
  const all = await scope.units.listByPath();
  return all.filter((u) => canEscalateTo(c, u));
}
