import { countersForAction, countersForCreate, shanghaiMonth, type TimelineEvent } from "@weiquan/domain";
import type { CaseRecord, RollupDelta } from "@weiquan/store";

/** The unit ids along a materialized path: the unit and every ancestor. */
export const chainOf = (path: string) => path.split("/");

/** Adds the ancestors of a unit to the units whose ledger lists a case (never removes one). */
export const withLedgerUnits = (current: readonly string[], path: string) => [
  ...new Set([...current, ...chainOf(path)]),
];

export function createdRollup(r: CaseRecord): RollupDelta {
  return {
    unitIds: chainOf(r.handlerPath),
    month: shanghaiMonth(r.receivedAt),
    counters: countersForCreate(r),
  };
}

export function actionRollup(
  handlerPath: string,
  at: string,
  facts: Parameters<typeof countersForAction>[0],
): RollupDelta[] {
  const counters = countersForAction(facts);
  if (Object.keys(counters).length === 0) return [];
  return [{ unitIds: chainOf(handlerPath), month: shanghaiMonth(at), counters }];
}

export type NewEvent = Omit<TimelineEvent, "at">;
