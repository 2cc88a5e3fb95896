import { nationalCategoryOf } from "../cases/taxonomy.ts";

/**
 * What each case event adds to the monthly figures of the unit it happens in (and, by the store, to
 * every ancestor of that unit). One definition, used by the write path and by the rebuild job, so
 * incremental and rebuilt figures cannot drift apart.
 */
export type Counters = Record<string, number>;

interface CreatedFacts {
  kind: string;
  channel: string;
  category: string;
  nature?: string | null;
  amountFen?: number | null;
  occurredAt?: string | null;
}

/**
 * A complaint's ledger entry is complete (the assessment's `ledger_completeness`) when, beyond the fields
 * the regulation makes mandatory, it records the nature, the amount in dispute and when it happened.
 */
const completeComplaint = (c: CreatedFacts) =>
  c.kind === "complaint" && Boolean(c.nature) && typeof c.amountFen === "number" && Boolean(c.occurredAt);

export function countersForCreate(c: CreatedFacts): Counters {
  const national = nationalCategoryOf(c.category)?.code ?? "other.other";
  const out: Counters = {
    received: 1,
    [`kind.${c.kind}`]: 1,
    [`channel.${c.channel}`]: 1,
    [`cat.${national}`]: 1,
    // Per kind too: the hot list of complaints (十大投诉热点) must not mix in consultations.
    [`kcat.${c.kind}.${national}`]: 1,
  };
  if (c.kind === "complaint" && c.nature) out[`nature.${c.nature}`] = 1;
  if (completeComplaint(c)) out["complete.complaint"] = 1;
  return out;
}

export interface ActionFacts {
  kind: string;
  action: string;
  /** Reason code of reject / fail / terminate. */
  reason?: string;
  recoveredFen?: number;
  /** Callback result. */
  result?: string;
  /** Was the decision made before the running deadline ended? */
  onTime?: boolean;
}

/**
 * Actions whose counters say whether they came before the running deadline. The write path records that
 * fact on the timeline event (`data.onTime`), so a rebuild replays it instead of re-deriving a clock.
 */
export const timedActions: ReadonlySet<string> = new Set([
  "accept",
  "reject",
  "resolve",
  "fail",
  "terminate",
  "hand_over",
]);

export function countersForAction(a: ActionFacts): Counters {
  const onTime = a.onTime ? 1 : 0;
  switch (a.action) {
    case "accept":
      return { accepted: 1, decided: 1, decidedOnTime: onTime };
    case "reject":
      return { rejected: 1, decided: 1, decidedOnTime: onTime, [`reject.${a.reason}`]: 1 };
    case "resolve":
      return { resolved: 1, recoveredFen: a.recoveredFen ?? 0, mediationsEnded: 1, mediationsOnTime: onTime };
    case "fail":
      return { failed: 1, [`end.${a.reason}`]: 1, mediationsEnded: 1, mediationsOnTime: onTime };
    case "terminate":
      return { terminated: 1, [`end.${a.reason}`]: 1, mediationsEnded: 1, mediationsOnTime: onTime };
    case "escalate":
      return { escalated: 1, [`escalated.${a.kind}`]: 1 };
    case "hand_over":
      return { handedOver: 1, handedOverOnTime: onTime };
    case "answer":
      return { answered: 1 };
    case "refer":
      return { referred: 1 };
    case "close":
      return { closed: 1, [`closed.${a.kind}`]: 1 };
    case "callback":
      return { callbacks: 1, [`callbacks.${a.kind}`]: 1, [`callback.${a.result}`]: 1 };
    case "rating":
      return { ratings: 1, [`rating.${a.result}`]: 1 };
    default:
      return {};
  }
}

/**
 * Counted when a case closes, at the unit that registered it (and its ancestors) in the month it was
 * received — whoever closed it: so “registered in the year and closed by now” is a sum of rollups.
 */
export const closedOfReceived: Counters = { closedOfReceived: 1 };
