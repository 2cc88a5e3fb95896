import { applyAction, type Case, caseViewFor, staleCase, type TransitionInput } from "@weiquan/domain";
import { CasesRepository } from "@weiquan/store";
import { type Scope, staffActor, visibleCase } from "../access/scope.ts";
import { tenantCalendar } from "./calendar.ts";

/**
 * One workflow action: read the case (and the unit it names), let the domain decide, write the decision
 * and its effects in one transaction guarded by the version the decision was made on.
 */
export async function transitionCase(
  scope: Scope,
  id: string,
  input: TransitionInput,
  now: Date,
): Promise<Case> {
  const current = await visibleCase(scope, id);
  const [cal, target] = await Promise.all([
    tenantCalendar(scope),
    input.action === "escalate" ? scope.units.get(input.toUnitId) : undefined,
  ]);
  const decision = applyAction(current, input, { now, cal, actor: staffActor(scope), target });
  const cases = new CasesRepository(scope.table);
  const written = await cases.write(decision, { expectedVersion: current.version });
  if (!written.ok) throw staleCase((await cases.get(id))!, scope.viewer, cal, now);
  return caseViewFor(decision.next, scope.viewer, cal, now);
}
