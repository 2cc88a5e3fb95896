import {
  allowedActions,
  type Case,
  Conflict,
  canHandleCase,
  canSeeCase,
  caseActionLabels,
  caseStatusLabels,
  effectiveStatus,
  escalationResumesAt,
  Forbidden,
  NotFound,
  shanghaiIso,
  type TransitionInput,
  timedActions,
  Unprocessable,
  type WorkCalendar,
} from "@weiquan/domain";
import { type CaseRecord, CasesRepository, type UnitRecord } from "@weiquan/store";
import type { Scope } from "../access/scope.ts";
import { tenantCalendar } from "./calendar.ts";
import { actionRollup, withLedgerUnits } from "./records.ts";
import { caseView, clockOf, workflowFacts } from "./view.ts";

/**
 * Applies one workflow action: the state machine decides whether it is allowed now, the case's version
 * guards against a concurrent change, and the case, its timeline entry, its ledger rows and the month's
 * figures move together in one transaction.
 */
export async function transitionCase(
  scope: Scope,
  id: string,
  input: TransitionInput,
  now: Date,
): Promise<Case> {
  const cases = new CasesRepository(scope.table);
  const current = await cases.get(id);
  if (!current || !canSeeCase(scope.viewer, current)) throw NotFound("案件");
  const cal = await tenantCalendar(scope);
  if (!canHandleCase(scope.viewer, current))
    throw Forbidden("您可以查看该案件，但它由其他单位办理，不能操作", "CASE_READ_ONLY");
  if (input.version !== current.version) throw stale(current, scope, cal, now);

  const allowed = allowedActions(workflowFacts(current));
  if (!allowed.includes(input.action)) {
    const status = caseStatusLabels[current.status];
    const list = allowed.map((a) => caseActionLabels[a]).join("、") || "无";
    throw Unprocessable(
      `案件当前状态为「${status}」，不能执行「${caseActionLabels[input.action]}」（当前可执行：${list}）`,
      "ILLEGAL_TRANSITION",
      { status: current.status, action: input.action, allowed },
    );
  }

  const at = shanghaiIso(now);
  const clockBefore = clockOf(current, cal, now);
  const onTime = clockBefore.dueBy === undefined || now.getTime() <= Date.parse(clockBefore.dueBy);
  const next: CaseRecord = { ...current, version: current.version + 1, updatedAt: at };
  const data: Record<string, unknown> = {};
  let target: UnitRecord | undefined;

  switch (input.action) {
    case "accept":
      next.status = "accepted";
      next.acceptedAt = at;
      next.decidedAt = at;
      break;
    case "reject":
      next.status = "rejected";
      next.decidedAt = at;
      next.rejection = { reason: input.reason, note: input.note };
      data.reason = input.reason;
      break;
    case "start_mediation":
      next.status = "mediating";
      break;
    case "pause_clock":
      next.pauses = [...current.pauses, { from: at, reason: input.reason }];
      data.reason = input.reason;
      break;
    case "resume_clock":
      next.pauses = current.pauses.map((p) => (p.to ? p : { ...p, to: at }));
      break;
    case "resolve":
      next.status = "resolved";
      next.agreement = input.agreement;
      next.recoveredFen = input.recoveredFen;
      data.recoveredFen = input.recoveredFen;
      break;
    case "fail":
    case "terminate":
      next.status = input.action === "fail" ? "failed" : "terminated";
      next.ending = { reason: input.reason, note: input.note };
      data.reason = input.reason;
      break;
    case "escalate": {
      target = await escalationTarget(scope, current, input.toUnitId);
      next.status = "escalated";
      next.escalatedFrom = escalationResumesAt(effectiveStatus(current));
      if (effectiveStatus(current) === "failed") next.ending = undefined;
      next.unitId = target.id;
      next.handlerPath = target.path;
      next.ledgerUnits = withLedgerUnits(current.ledgerUnits, target.path);
      data.fromUnitId = current.unitId;
      data.toUnitId = target.id;
      data.toUnitName = target.name;
      break;
    }
    case "hand_over":
      next.status = "handed_over";
      next.handOver = { to: input.to, at };
      data.to = input.to;
      break;
    case "record_feedback":
      next.status = "feedback";
      next.feedback = input.result;
      break;
    case "answer":
      next.status = "answered";
      next.answer = input.answer;
      break;
    case "refer":
      next.status = "referred";
      next.referredTo = input.to;
      data.to = input.to;
      break;
    case "close":
      next.status = "closed";
      next.closedAt = at;
      break;
    case "callback":
      next.callback = { result: input.result, note: input.note, at, by: scope.caller.userId };
      data.result = input.result;
      break;
  }
  // Once a receiving unit acts, the case is simply in its new status.
  if (next.status !== "escalated") next.escalatedFrom = undefined;
  if (
    next.status === "closed" ||
    input.action === "resolve" ||
    input.action === "fail" ||
    input.action === "terminate"
  )
    next.pauses = next.pauses.map((p) => (p.to ? p : { ...p, to: at }));

  const clock = clockOf(next, cal, now);
  next.deadlines = clock.deadlines;
  next.dueBy = clock.dueBy ?? null;
  if (next.dueBy !== current.dueBy) next.overdueNoticed = undefined;

  // Recorded so the figures' rebuild replays the same on-time fact the rollup counted.
  if (timedActions.has(input.action)) data.onTime = onTime;
  const result = await cases.write({
    record: next,
    expectedVersion: current.version,
    events: [
      {
        at,
        action: input.action,
        by: scope.caller.userId,
        byName: scope.caller.displayName,
        unitId: scope.unit.id,
        fromStatus: current.status,
        toStatus: next.status,
        note: input.note,
        data: Object.keys(data).length ? data : undefined,
      },
    ],
    rollups: actionRollup(current.handlerPath, at, {
      kind: current.kind,
      action: input.action,
      reason: "reason" in input ? input.reason : undefined,
      recoveredFen: input.action === "resolve" ? input.recoveredFen : undefined,
      result: input.action === "callback" ? input.result : undefined,
      onTime,
    }),
  });
  if (!result.ok) {
    const fresh = (await cases.get(id))!;
    throw stale(fresh, scope, cal, now);
  }
  return caseView(next, scope, cal, now);
}

function stale(current: CaseRecord, scope: Scope, cal: WorkCalendar, now: Date) {
  return Conflict("该案件已被他人修改，请刷新后重试", "VERSION_CONFLICT", {
    current: caseView(current, scope, cal, now),
  });
}

/**
 * Where a case may be passed up to: a unit above the one handling it, or a regulation office
 * (seed 004: a point hands large, complex or failed cases to its station or the office). The target
 * need not be visible to the caller — a point cannot see its station — but it must be active.
 */
export async function escalationTargets(scope: Scope, c: CaseRecord): Promise<UnitRecord[]> {
  const all = await scope.units.listByPath();
  const ancestors = new Set(c.handlerPath.split("/").slice(0, -1));
  return all.filter(
    (u) => u.status === "active" && u.id !== c.unitId && (ancestors.has(u.id) || u.type === "office"),
  );
}

async function escalationTarget(scope: Scope, c: CaseRecord, toUnitId: string): Promise<UnitRecord> {
  const targets = await escalationTargets(scope, c);
  const target = targets.find((u) => u.id === toUnitId);
  if (!target)
    throw Unprocessable("只能提交给上级单位或市场监管所（且该单位须已启用）", "ESCALATION_TARGET", {
      allowed: targets.map((u) => ({ id: u.id, name: u.name, type: u.type })),
    });
  return target;
}
