import type { Actor } from "../../cases/actions.ts";
import { Unprocessable } from "../../common/errors.ts";
import { counterDelta, type MonthCounters, roundItemCounters } from "../counters.ts";
import type { NoticeDraft } from "../notices.ts";
import type {
  CallbackInput,
  CallbackRecord,
  FollowUpRecord,
  RoundItemRecord,
  RoundProgress,
  RoundRecord,
} from "./schema.ts";

/** A consumer not reached after this many tries is left unreached (the round moves on). */
export const MAX_CALLBACK_ATTEMPTS = 10;

/** The case timeline entry of a bureau callback: kept apart from the unit's own `callback` action. */
export interface SamplingTimelineEvent {
  at: string;
  action: "sampling_callback";
  by: string;
  byName: string;
  unitId: string;
  toStatus: "closed";
  note?: string;
  data: Record<string, unknown>;
}

export interface CallbackDecision {
  item: RoundItemRecord;
  /** What to add to the round's progress counters. */
  progress: Partial<RoundProgress>;
  event: SamplingTimelineEvent;
  /** Rollup deltas for the handling unit's chain, in the round's month. */
  rollups: MonthCounters[];
  followUp: FollowUpRecord | null;
  notices: NoticeDraft[];
}

type State = "pending" | "unreached" | "reached";
const stateOf = (i: RoundItemRecord): State =>
  i.callback?.reached ? "reached" : i.attempts > 0 ? "unreached" : "pending";

/**
 * One callback attempt on a sampled case: counts the attempt, records what was heard, and — when the
 * consumer is unsatisfied — opens a follow-up for the unit that handled the case and tells it so.
 * A reached consumer's answer is final (422); so is an item tried `MAX_CALLBACK_ATTEMPTS` times.
 */
export function decideCallback(
  round: Pick<RoundRecord, "id" | "month">,
  item: RoundItemRecord,
  input: CallbackInput,
  actor: Actor,
  at: string,
  newFollowUpId: () => string,
): CallbackDecision {
  if (item.callback?.reached)
    throw Unprocessable("该投诉已回访接通并记录结果，不能再次回访", "CALLBACK_DONE", {
      callback: item.callback,
    });
  if (item.attempts >= MAX_CALLBACK_ATTEMPTS)
    throw Unprocessable(`已回访 ${MAX_CALLBACK_ATTEMPTS} 次仍未接通，不再计入`, "ATTEMPTS_EXHAUSTED");

  const callback: CallbackRecord = {
    reached: input.reached,
    result: input.result ?? null,
    issues: input.issues ?? [],
    note: input.note ?? null,
    by: actor.userId,
    byName: actor.name,
    at,
  };
  const followUp: FollowUpRecord | null =
    callback.result === "unsatisfied"
      ? {
          id: newFollowUpId(),
          roundId: round.id,
          month: round.month,
          caseId: item.caseId,
          trackingNo: item.trackingNo,
          unitId: item.unitId,
          unitPath: item.unitPath,
          subject: item.subject,
          issues: callback.issues,
          note: callback.note,
          openedAt: at,
          openedBy: actor.userId,
          openedByName: actor.name,
          status: "open",
          closing: null,
          version: 1,
        }
      : null;
  const next: RoundItemRecord = {
    ...item,
    attempts: item.attempts + 1,
    callback,
    followUpId: followUp?.id ?? item.followUpId,
  };

  const progress: Partial<RoundProgress> = {};
  const before = stateOf(item);
  const after = stateOf(next);
  if (before !== after) {
    progress[before] = -1;
    progress[after] = 1;
  }
  if (callback.result) progress[callback.result] = 1;

  return {
    item: next,
    progress,
    event: {
      at,
      action: "sampling_callback",
      by: actor.userId,
      byName: actor.name,
      unitId: actor.unitId,
      toStatus: "closed",
      note: callback.note ?? undefined,
      data: {
        roundId: round.id,
        month: round.month,
        attempt: next.attempts,
        reached: callback.reached,
        ...(callback.result ? { result: callback.result } : {}),
        ...(callback.issues.length ? { issues: callback.issues } : {}),
      },
    },
    rollups: counterDelta(
      { month: round.month, counters: roundItemCounters(item) },
      { month: round.month, counters: roundItemCounters(next) },
    ),
    followUp,
    notices: followUp
      ? [
          {
            unitId: item.unitId,
            kind: "callback_unsatisfied",
            at,
            text: `县局抽查回访：${item.trackingNo}「${item.subject}」的消费者表示不满意，请跟进处理`,
            ref: { type: "follow_up", id: followUp.id },
            caseId: item.caseId,
            trackingNo: item.trackingNo,
          },
        ]
      : [],
  };
}
