import { applyAction, type Case, caseViewFor, staleCase, type TransitionInput } from "@weiquan/domain";
import { CasesRepository } from "@weiquan/store";
import { type Scope, staffActor, visibleCase } from "../access/scope.ts";
import { attachmentLinks, linkConflict } from "../attachments/link.ts";
import type { AppDeps } from "../deps.ts";
import { tenantCalendar } from "./calendar.ts";

/**
 * One workflow action: read the case (and the unit it names), let the domain decide, write the decision
 * and its effects in one transaction guarded by the version the decision was made on.
 */
export async function transitionCase(
  deps: AppDeps,
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
  const files = await attachmentLinks(
    deps,
    scope,
    input.attachmentIds,
    { kind: "case", id, unitId: current.unitId },
    now,
  );
  const actor = staffActor(scope);
  const decision = applyAction(current, input, { now, cal, actor, target, attachments: files.refs });
  const cases = new CasesRepository(scope.table);
  const written = await cases.write(decision, { expectedVersion: current.version, extra: files.items });
  if (!written.ok && written.stale) throw staleCase((await cases.get(id))!, scope.viewer, cal, now);
  if (!written.ok) throw linkConflict();
  return caseViewFor(decision.next, scope.viewer, cal, now);
}
