import type { GaugeDelta } from "../../cases/effects.ts";
import { unitIdsOf } from "../../units/path.ts";
import type { FindingRecord } from "./schema.ts";

/** What the overdue-findings gauge needs of a finding. */
export type FindingGaugeFacts = Pick<FindingRecord, "status" | "dueBy" | "unitPath" | "overdueNoticed">;

/**
 * A finding counts as overdue — like a case — from the daily job's notice of its due date's lapse
 * (`overdueNoticed` set to that due date) while it stays open at that due date: rectifying it, or a new
 * due date, ends it.
 */
export const findingCountsOverdue = (f: FindingGaugeFacts): boolean =>
  f.status === "open" && f.overdueNoticed !== undefined && f.overdueNoticed === f.dueBy;

/**
 * How the `overdueFindings` gauges (the owing unit and every unit above it) move when a finding goes from
 * `before` (null: new) to `after`; nothing when its standing does not change.
 */
export function findingGaugeDeltas(before: FindingGaugeFacts | null, after: FindingGaugeFacts): GaugeDelta[] {
  const sums = new Map<string, number>();
  const add = (f: FindingGaugeFacts | null, sign: 1 | -1) => {
    if (f && findingCountsOverdue(f))
      for (const unitId of unitIdsOf(f.unitPath)) sums.set(unitId, (sums.get(unitId) ?? 0) + sign);
  };
  add(before, -1);
  add(after, 1);
  return [...sums]
    .filter(([, n]) => n !== 0)
    .map(([unitId, n]) => ({ unitId, counters: { overdueFindings: n } }));
}
