import { shanghaiMonth } from "../common/time.ts";
import {
  type ActionFacts,
  type Counters,
  closedOfReceived,
  countersForAction,
  countersForCreate,
} from "./counters.ts";

/** What the rebuild needs of a stored case. */
export interface ReplayCase {
  kind: string;
  channel: string;
  category: string;
  nature?: string | null;
  amountFen?: number | null;
  occurredAt?: string | null;
  originUnitId: string;
  receivedAt: string;
}

/** What the rebuild needs of a timeline event. */
export interface ReplayEvent {
  at: string;
  action: string;
  data?: Record<string, unknown>;
}

/** Counters to add to the monthly figures of `unitId` (the handling unit) and its ancestors. */
export interface ReplayDelta {
  unitId: string;
  month: string;
  counters: Counters;
}

/**
 * The figures a case contributed, replayed from its timeline with the same counter functions as the
 * write path: creation counts at the receiving unit in the month received; each action at the unit that
 * handled the case when it happened (escalation moves the case to `data.toUnitId`), in that month.
 */
export function replayCase(c: ReplayCase, timeline: readonly ReplayEvent[]): ReplayDelta[] {
  const events = [...timeline].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const created = events.find((e) => e.action === "create");
  let handler = (created?.data?.unitId as string | undefined) ?? c.originUnitId;
  const out: ReplayDelta[] = [
    { unitId: handler, month: shanghaiMonth(c.receivedAt), counters: countersForCreate(c) },
  ];
  for (const e of events) {
    if (e.action === "create") continue;
    const counters = countersForAction(actionFactsOf(c.kind, e));
    if (Object.keys(counters).length) out.push({ unitId: handler, month: shanghaiMonth(e.at), counters });
    if (e.action === "close")
      out.push({ unitId: c.originUnitId, month: shanghaiMonth(c.receivedAt), counters: closedOfReceived });
    if (e.action === "escalate" && typeof e.data?.toUnitId === "string") handler = e.data.toUnitId;
  }
  return out;
}

/**
 * The counter facts of a timeline event, read from what the event recorded: the write path and the
 * rebuild count the same event the same way because both count it from here.
 */
export function actionFactsOf(kind: string, e: Pick<ReplayEvent, "action" | "data">): ActionFacts {
  const d = e.data ?? {};
  return {
    kind,
    action: e.action,
    reason: d.reason as string | undefined,
    recoveredFen: d.recoveredFen as number | undefined,
    result: d.result as string | undefined,
    onTime: d.onTime === true,
  };
}
