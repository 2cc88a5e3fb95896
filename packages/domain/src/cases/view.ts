import { canHandleCase } from "../access/cases.ts";
import type { Viewer } from "../access/policy.ts";
import { Conflict } from "../common/errors.ts";
import { personFor } from "../common/mask.ts";
import { shanghaiDate, type WorkCalendar } from "./clock/calendar.ts";
import { type ClockState, clockState, deadlineAfter } from "./clock/deadlines.ts";
import type { CaseRecord, LedgerRow } from "./record.ts";
import type { Case, CaseSummary } from "./schema.ts";
import { allowedActions, effectiveStatus, type WorkflowFacts } from "./workflow.ts";

/** The clock of a stored case; an escalated case runs the clock of the status it was passed up in. */
export function caseClock(r: CaseRecord, cal: WorkCalendar, now: Date): ClockState {
  return clockState(
    {
      kind: r.kind,
      status: effectiveStatus(r),
      ruleSet: r.ruleSet,
      receivedAt: r.receivedAt,
      acceptedAt: r.acceptedAt,
      handedOverAt: r.handOver?.at,
      pauses: r.pauses,
    },
    cal,
    now,
  );
}

/** What the state machine needs to know of a stored case. */
export const workflowFactsOf = (r: CaseRecord): WorkflowFacts => ({
  kind: r.kind,
  status: r.status,
  escalatedFrom: r.escalatedFrom,
  paused: r.pauses.some((p) => !p.to),
  calledBack: Boolean(r.callback),
  hasConsumerPhone: Boolean(r.consumer.phone),
  mediationConsent: r.consents?.mediation,
});

/**
 * The case as this viewer may see it: personal data whole only for those who may handle it, the actions
 * allowed now for them, the clock flags as of `now`.
 */
export function caseViewFor(r: CaseRecord, viewer: Viewer, cal: WorkCalendar, now: Date): Case {
  const { handlerPath: _h, ledgerUnits: _l, createdByName: _c, overdueNoticed: _o, ...rest } = r;
  const canHandle = canHandleCase(viewer, r);
  const clock = caseClock(r, cal, now);
  return {
    ...rest,
    consumer: personFor(r.consumer, canHandle),
    deadlines: clock.deadlines,
    dueBy: clock.dueBy ?? null,
    overdue: clock.overdue,
    dueSoon: clock.dueSoon,
    paused: clock.paused,
    canHandle,
    allowedActions: canHandle ? allowedActions(workflowFactsOf(r)) : [],
    masked: !canHandle,
  };
}

/** The instants behind "overdue" and "due soon" today, for list filters and row flags. */
export function dueWindow(cal: WorkCalendar, now: Date) {
  const today = shanghaiDate(now);
  return {
    /** A running deadline before this is overdue (its whole day has passed). */
    overdueBefore: `${today}T00:00:00+08:00`,
    /** A running deadline up to this is due soon (today or the next 2 working days, as clockState counts). */
    soonUntil: deadlineAfter(today, { days: 2, unit: "working" }, cal)!,
  };
}

/** A ledger row with today's clock flags (its personal data was masked when it was written). */
export function summaryViewOf(row: LedgerRow, window: ReturnType<typeof dueWindow>): CaseSummary {
  const { search: _s, ...rest } = row;
  const overdue = Boolean(row.dueBy && row.dueBy < window.overdueBefore);
  return { ...rest, overdue, dueSoon: Boolean(!overdue && row.dueBy && row.dueBy <= window.soonUntil) };
}

/** 409 VERSION_CONFLICT carrying the case as it is now, as this viewer may see it. */
export const staleCase = (current: CaseRecord, viewer: Viewer, cal: WorkCalendar, now: Date) =>
  Conflict("该案件已被他人修改，请刷新后重试", "VERSION_CONFLICT", {
    current: caseViewFor(current, viewer, cal, now),
  });
