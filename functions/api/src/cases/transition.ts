import { applyAction, type Case, caseViewFor, staleCase, type TransitionInput } from "@weiquan/domain";
import { CasesRepository } from "@weiquan/store";
import { type Scope, staffActor, visibleCase } from "../access/scope.ts";
import { attachmentLinks, linkConflict } from "../attachments/link.ts";
import type { AppDeps } from "../deps.ts";
import { tenantCalendar } from "./calendar.ts";
import { handlerChain } from "./escalation.ts";

/** Decisions re-made when the overdue sweep marked the case between our read and our write. */
const ATTEMPTS = 3;

/**
 * One workflow action: read the case (and the unit it names), let the domain decide, write the decision
 * and its effects in one transaction guarded by the case as it was read. Another version meanwhile is a
 * 409; the sweep's mark meanwhile (same version) only means deciding again on the marked case.
 */
export async function transitionCase(
  deps: AppDeps,
  scope: Scope,
  id: string,
  input: TransitionInput,
  now: Date,
): Promise<Case> {
  const cases = new CasesRepository(scope.table);
  let current = await visibleCase(scope, id);
  const escalating = input.action === "escalate";
  const [cal, target, chain] = await Promise.all([
    tenantCalendar(scope),
    escalating ? scope.units.get(input.toUnitId) : undefined,
    escalating ? handlerChain(scope, current) : undefined,
  ]);
  const files = await attachmentLinks(
    deps,
    scope,
    input.attachmentIds,
    { kind: "case", id, unitId: current.unitId },
    now,
  );
  const actor = staffActor(scope);
  for (let attempt = 1; ; attempt++) {
    const decision = applyAction(current, input, { now, cal, actor, target, chain, attachments: files.refs });
    const written = await cases.write(decision, { expected: current, extra: files.items });
    if (written.ok) return caseViewFor(decision.next, scope.viewer, cal, now);
    if (!written.stale) throw linkConflict();
    const fresh = (await cases.get(id))!;
    if (fresh.version !== current.version || attempt === ATTEMPTS)
      throw staleCase(fresh, scope.viewer, cal, now);
    current = fresh;
  }
}
