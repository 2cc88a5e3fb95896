import {
  allowedActions,
  type Case,
  type CaseSummary,
  canHandleCase,
  clockState,
  effectiveStatus,
  maskIdNumber,
  maskName,
  maskPhone,
  type WorkCalendar,
} from "@weiquan/domain";
import type { CaseRecord, LedgerRow } from "@weiquan/store";
import type { Scope } from "../access/scope.ts";
import { dueWindow } from "./calendar.ts";

/** Clock facts of a stored case; an escalated case runs the clock of the status it was passed up in. */
export function clockOf(r: CaseRecord, cal: WorkCalendar, now: Date) {
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

export const workflowFacts = (r: CaseRecord) => ({
  kind: r.kind,
  status: r.status,
  escalatedFrom: r.escalatedFrom,
  paused: r.pauses.some((p) => !p.to),
  calledBack: Boolean(r.callback),
  hasConsumerPhone: Boolean(r.consumer.phone),
});

function maskConsumer(c: CaseRecord["consumer"]): CaseRecord["consumer"] {
  return {
    name: c.name && maskName(c.name),
    phone: c.phone && maskPhone(c.phone),
    address: c.address && `${[...c.address].slice(0, 3).join("")}****`,
    idNumber: c.idNumber && maskIdNumber(c.idNumber),
  };
}

/**
 * The case as this caller may see it: personal data whole only for those who may handle it, the
 * actions allowed now for them, the clock flags as of `now`.
 */
export function caseView(r: CaseRecord, scope: Scope, cal: WorkCalendar, now: Date): Case {
  const { handlerPath: _h, ledgerUnits: _l, createdByName: _c, overdueNoticed: _o, ...rest } = r;
  const canHandle = canHandleCase(scope.viewer, r);
  const clock = clockOf(r, cal, now);
  return {
    ...rest,
    consumer: canHandle ? r.consumer : maskConsumer(r.consumer),
    deadlines: clock.deadlines,
    dueBy: clock.dueBy ?? null,
    overdue: clock.overdue,
    dueSoon: clock.dueSoon,
    paused: clock.paused,
    canHandle,
    allowedActions: canHandle ? allowedActions(workflowFacts(r)) : [],
    masked: !canHandle,
  };
}

/** A ledger row with today's clock flags. */
export function summaryView(row: LedgerRow, cal: WorkCalendar, now: Date): CaseSummary {
  const { search: _s, ...rest } = row;
  const { overdueBefore, soonUntil } = dueWindow(cal, now);
  const overdue = Boolean(row.dueBy && row.dueBy < overdueBefore);
  return { ...rest, overdue, dueSoon: Boolean(!overdue && row.dueBy && row.dueBy <= soonUntil) };
}
