import type { z } from "zod";
import type { Viewer } from "../access/policy.ts";
import { Unprocessable } from "../common/errors.ts";
import { ancestorIdsOf, withChainOf } from "../units/path.ts";
import type { CaseRecord } from "./record.ts";
import type { CaseAction, CasePause, TransitionInput } from "./schema.ts";
import { effectiveStatus, escalationResumesAt } from "./workflow.ts";

/** A unit as a decision needs it (the store's unit record fits). */
export interface UnitFacts {
  id: string;
  name: string;
  type: string;
  status: string;
  path: string;
}

/** Who acts: a staff member (with the viewer the access policy judges), or the public page. */
export interface Actor {
  userId: string;
  name: string;
  /** The unit the actor acts for (the timeline's `unitId`). */
  unitId: string;
  /** Absent for the public page, which the access policy does not judge. */
  viewer?: Viewer;
}

export interface ActionArgs<A extends CaseAction> {
  record: CaseRecord;
  input: Extract<TransitionInput, { action: A }>;
  /** The instant of the action, Shanghai ISO. */
  at: string;
  actor: Actor;
  /** The unit named by the action (escalate's `toUnitId`), as the caller loaded it; null if absent. */
  target?: UnitFacts | null;
  /** The units above the case's handler (escalate), as the caller loaded them. */
  chain?: readonly ChainUnit[];
}

/** What an action records on the case (besides its status, which the transition table gives). */
export interface ActionChange {
  set?: Partial<CaseRecord>;
  /** Facts for the timeline entry's `data` (the figures are replayed from them). */
  data?: Record<string, unknown>;
}

/** Every open pause ends at `at`. */
const endPauses = (pauses: z.infer<typeof CasePause>[], at: string) =>
  pauses.map((p) => (p.to ? p : { ...p, to: at }));

/**
 * What each action records, one function per action of the transition table (workflow.ts): adding an
 * action is a row there and a function here. Whether the action is allowed now, the new status, the
 * clock, the timeline entry and the effects are decided around them (decide.ts).
 */
export const actionChanges: { [A in CaseAction]: (a: ActionArgs<A>) => ActionChange } = {
  accept: ({ at }) => ({ set: { acceptedAt: at, decidedAt: at } }),
  reject: ({ at, input }) => ({
    set: { decidedAt: at, rejection: { reason: input.reason, note: input.note } },
    data: { reason: input.reason },
  }),
  record_mediation_consent: ({ record }) => ({
    set: { consents: { publish: record.consents?.publish ?? false, mediation: true } },
    data: { consent: "mediation" },
  }),
  start_mediation: () => ({}),
  pause_clock: ({ record, at, input }) => ({
    set: { pauses: [...record.pauses, { from: at, reason: input.reason }] },
    data: { reason: input.reason },
  }),
  resume_clock: ({ record, at }) => ({ set: { pauses: endPauses(record.pauses, at) } }),
  resolve: ({ record, at, input }) => ({
    set: {
      agreement: input.agreement,
      recoveredFen: input.recoveredFen,
      pauses: endPauses(record.pauses, at),
    },
    data: { recoveredFen: input.recoveredFen },
  }),
  fail: ({ record, at, input }) => ({
    set: { ending: { reason: input.reason, note: input.note }, pauses: endPauses(record.pauses, at) },
    data: { reason: input.reason },
  }),
  terminate: ({ record, at, input }) => ({
    set: { ending: { reason: input.reason, note: input.note }, pauses: endPauses(record.pauses, at) },
    data: { reason: input.reason },
  }),
  escalate: ({ record, target, chain }) => {
    if (!target || !canEscalateTo(record, target, chain))
      throw Unprocessable("只能提交给上级单位或市场监管所（且该单位须已启用）", "ESCALATION_TARGET");
    const from = effectiveStatus(record);
    return {
      set: {
        escalatedFrom: escalationResumesAt(from),
        // A failed mediation passed up is mediated afresh: its ending no longer stands.
        ...(from === "failed" && { ending: undefined }),
        unitId: target.id,
        handlerPath: target.path,
        ledgerUnits: withChainOf(record.ledgerUnits, target.path),
      },
      data: { fromUnitId: record.unitId, toUnitId: target.id, toUnitName: target.name },
    };
  },
  hand_over: ({ at, input }) => ({ set: { handOver: { to: input.to, at } }, data: { to: input.to } }),
  record_feedback: ({ input }) => ({ set: { feedback: input.result } }),
  answer: ({ input }) => ({ set: { answer: input.answer } }),
  refer: ({ input }) => ({ set: { referredTo: input.to }, data: { to: input.to } }),
  close: ({ record, at }) => ({ set: { closedAt: at, pauses: endPauses(record.pauses, at) } }),
  callback: ({ at, input, actor }) => ({
    set: { callback: { result: input.result, note: input.note, at, by: actor.userId } },
    data: { result: input.result },
  }),
};

/** A unit above the handler, as the escalation rule needs it. */
export type ChainUnit = Pick<UnitFacts, "id" | "type">;

/**
 * Where a case may be passed up to: an active unit above the one handling it (its station, its office, the
 * bureau), or — only when no office stands above it (a station placed straight under the bureau) — an active
 * regulation office (seed 004: a point hands large, complex or failed cases to its station or 辖区工商所, the
 * office of its own area, never an unrelated one). `chain` is the units above the handler; the target
 * need not be visible to the caller — a point cannot see its station.
 */
export function canEscalateTo(
  record: Pick<CaseRecord, "unitId" | "handlerPath">,
  target: UnitFacts,
  chain: readonly ChainUnit[] = [],
): boolean {
  if (target.status !== "active" || target.id === record.unitId) return false;
  if (ancestorIdsOf(record.handlerPath).includes(target.id)) return true;
  return target.type === "office" && !chain.some((u) => u.type === "office");
}
