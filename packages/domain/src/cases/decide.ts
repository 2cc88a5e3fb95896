import { canHandleAt, canHandleCase } from "../access/cases.ts";
import type { AttachmentRef } from "../attachments/schema.ts";
import { Conflict, Forbidden, Unprocessable } from "../common/errors.ts";
import { shanghaiIso, shanghaiMonth } from "../common/time.ts";
import { closedOfReceived, countersForAction, countersForCreate, timedActions } from "../figures/counters.ts";
import { actionFactsOf } from "../figures/replay.ts";
import type { RatingInput } from "../public/schema.ts";
import type { CaseNoticeKind, NoticeDraft } from "../supervision/notices.ts";
import { closedComplaintOf } from "../supervision/sampling/population.ts";
import { unitIdsOf } from "../units/path.ts";
import {
  type ActionArgs,
  type ActionChange,
  type Actor,
  actionChanges,
  type ChainUnit,
  type UnitFacts,
} from "./actions.ts";
import type { WorkCalendar } from "./clock/calendar.ts";
import { clockState } from "./clock/deadlines.ts";
import { ruleSetFor } from "./clock/rules.ts";
import { baseEffects, type CaseDecision, figuresAlong, mergeFigures, originChainOf } from "./effects.ts";
import type { CaseRecord } from "./record.ts";
import type { CaseAction, CreateCaseInput, TimelineEvent, TransitionInput } from "./schema.ts";
import { caseClock, staleCase, workflowFactsOf } from "./view.ts";
import { allowedActions, caseActionLabels, caseStatusLabels, nextStatus } from "./workflow.ts";

export interface NewCaseContext {
  now: Date;
  cal: WorkCalendar;
  /** The new case's id and its tracking number (reserved by the caller). */
  id: string;
  trackingNo: string;
  /** The unit whose ledger the case enters. */
  unit: UnitFacts;
  /** Extra facts for the first timeline entry (the public page records the consent). */
  eventData?: Record<string, unknown>;
  /** Files linked on registration (checked and linked by the caller's transaction). */
  attachments?: AttachmentRef[];
}

/**
 * May `actor` register a case into the ledger of `unit`? Staff only within what they handle, and only
 * into an active unit. Callers check this before reserving a tracking number; `newCase` checks again.
 */
export function assertCanRegister(actor: Actor, unit: UnitFacts): void {
  if (actor.viewer && !canHandleAt(actor.viewer, unit.path))
    throw Forbidden("当前角色不能登记案件", "CASE_FORBIDDEN");
  if (unit.status !== "active")
    throw Unprocessable(`「${unit.name}」尚未启用或已撤销，不能登记案件`, "UNIT_NOT_ACTIVE");
}

/** A new case registered now: its record, its first timeline entry, and what they add to the ledger and figures. */
export function newCase(input: CreateCaseInput, actor: Actor, ctx: NewCaseContext): CaseDecision {
  const { unit } = ctx;
  assertCanRegister(actor, unit);
  const receivedAt = shanghaiIso(ctx.now);
  const ruleSet = ruleSetFor(receivedAt).id;
  const clock = clockState({ kind: input.kind, status: "registered", ruleSet, receivedAt }, ctx.cal, ctx.now);
  const next: CaseRecord = {
    id: ctx.id,
    trackingNo: ctx.trackingNo,
    kind: input.kind,
    channel: input.channel,
    status: "registered",
    unitId: unit.id,
    originUnitId: unit.id,
    handlerPath: unit.path,
    ledgerUnits: unitIdsOf(unit.path),
    consumer: input.consumer ?? {},
    business: input.business ?? {},
    category: input.category,
    nature: input.nature ?? null,
    subject: input.subject,
    description: input.description,
    request: input.request ?? null,
    requestTypes: input.requestTypes,
    consents: input.consents,
    amountFen: input.amountFen ?? null,
    recoveredFen: 0,
    occurredAt: input.occurredAt,
    receivedAt,
    ruleSet,
    deadlines: clock.deadlines,
    dueBy: clock.dueBy ?? null,
    pauses: [],
    version: 1,
    createdBy: actor.userId,
    createdByName: actor.name,
    createdAt: receivedAt,
    updatedAt: receivedAt,
    ...(ctx.attachments?.length && { attachments: ctx.attachments }),
  };
  const event: TimelineEvent = {
    at: receivedAt,
    action: "create",
    by: actor.userId,
    byName: actor.name,
    unitId: actor.unitId,
    toStatus: "registered",
    data: { channel: input.channel, unitId: unit.id, ...ctx.eventData },
  };
  const figures = figuresAlong(unit.path, shanghaiMonth(receivedAt), countersForCreate(next));
  const effects = baseEffects(null, next, figures);
  // An online filing arrives unannounced otherwise: the receiving unit's bell says so.
  if (next.channel === "online")
    effects.notices.push(
      caseNotice(next, "case_filed_online", `网上投诉：${next.trackingNo}　${next.subject}`),
    );
  return { next, event, effects };
}

/** A bell notice to the unit now handling the case, once per version of it (a retry notifies nobody twice). */
function caseNotice(c: CaseRecord, kind: CaseNoticeKind, text: string): NoticeDraft {
  return {
    unitId: c.unitId,
    kind,
    at: c.updatedAt,
    text,
    ref: { type: "case", id: c.id },
    caseId: c.id,
    trackingNo: c.trackingNo,
    dueBy: c.dueBy ?? undefined,
    dedupeKey: `${c.id}.${c.version}`,
  };
}

export interface ActionContext {
  now: Date;
  cal: WorkCalendar;
  actor: Actor;
  /** The unit the action names (escalate's `toUnitId`), loaded by the caller; null if there is none. */
  target?: UnitFacts | null;
  /** The units above the case's handler (escalate), loaded by the caller: they decide which offices qualify. */
  chain?: readonly ChainUnit[];
  /** Files added with the action (checked and linked by the caller's transaction). */
  attachments?: AttachmentRef[];
}

/**
 * Applies one workflow action to a case, purely: the transition table says whether it is allowed now and
 * where it leads, the action's change function what it records; the clock, the timeline entry, the
 * ledger rows, the figures and the deadline index follow from the result.
 */
export function applyAction(record: CaseRecord, input: TransitionInput, ctx: ActionContext): CaseDecision {
  const { actor, cal, now } = ctx;
  if (actor.viewer && !canHandleCase(actor.viewer, record))
    throw Forbidden("您可以查看该案件，但它由其他单位办理，不能操作", "CASE_READ_ONLY");
  if (input.version !== record.version)
    throw actor.viewer
      ? staleCase(record, actor.viewer, cal, now)
      : Conflict("该案件已被他人修改，请刷新后重试", "VERSION_CONFLICT");
  const facts = workflowFactsOf(record);
  const status = nextStatus(facts, input.action);
  if (status === null) {
    if (input.action === "start_mediation" && nextStatus({ ...facts, mediationConsent: true }, input.action))
      throw Unprocessable(
        "投诉人尚未同意委托调解，不能开始调解：请先记录投诉人同意委托调解（记录同意委托调解）",
        "MEDIATION_CONSENT_REQUIRED",
      );
    throw illegal(record, input.action, allowedActions(facts));
  }

  const at = shanghaiIso(now);
  const before = caseClock(record, cal, now);
  const changeOf = actionChanges[input.action] as (a: ActionArgs<CaseAction>) => ActionChange;
  const change = changeOf({ record, input, at, actor, target: ctx.target, chain: ctx.chain });
  const next: CaseRecord = {
    ...record,
    ...change.set,
    status,
    version: record.version + 1,
    updatedAt: at,
  };
  // Once a receiving unit acts, the case is simply in its new status.
  if (status !== "escalated") next.escalatedFrom = undefined;
  const clock = caseClock(next, cal, now);
  next.deadlines = clock.deadlines;
  next.dueBy = clock.dueBy ?? null;
  if (next.dueBy !== record.dueBy) next.overdueNoticed = undefined;

  const data: Record<string, unknown> = { ...change.data };
  if (ctx.attachments?.length) {
    next.attachments = [...(record.attachments ?? []), ...ctx.attachments];
    data.attachmentIds = ctx.attachments.map((a) => a.id);
  }
  // Recorded so the figures' rebuild replays the same on-time fact the rollup counted.
  if (timedActions.has(input.action))
    data.onTime = before.dueBy === undefined || now.getTime() <= Date.parse(before.dueBy);
  const event: TimelineEvent = {
    at,
    action: input.action,
    by: actor.userId,
    byName: actor.name,
    unitId: actor.unitId,
    fromStatus: record.status,
    toStatus: status,
    note: input.note,
    data: Object.keys(data).length ? data : undefined,
  };
  // An action counts at the unit that handled the case when it happened (escalation: the sender).
  const counters = countersForAction(actionFactsOf(record.kind, event));
  const figures = figuresAlong(record.handlerPath, shanghaiMonth(at), counters);
  // A closed case also counts where and when it was registered: the month's cases since closed (the
  // assessment's closure rate), whoever closed it.
  if (input.action === "close")
    figures.push({
      unitIds: originChainOf(record),
      month: shanghaiMonth(record.receivedAt),
      counters: closedOfReceived,
    });
  const effects = baseEffects(record, next, mergeFigures(figures));
  // Closing is final: a complaint joins its month's sampling population once, when it closes.
  const closed = record.status !== "closed" ? closedComplaintOf(next) : null;
  if (closed) effects.sampling = closed;
  // A case passed up is the receiving unit's to take over now (待接收): its bell says so.
  if (input.action === "escalate")
    effects.notices.push(
      caseNotice(
        next,
        "case_escalated",
        `提交上级待接收：${next.trackingNo}　${next.subject}（${actor.name}）`,
      ),
    );
  return { next, event, effects };
}

function illegal(record: CaseRecord, action: CaseAction, allowed: CaseAction[]) {
  const list = allowed.map((a) => caseActionLabels[a]).join("、") || "无";
  return Unprocessable(
    `案件当前状态为「${caseStatusLabels[record.status]}」，不能执行「${caseActionLabels[action]}」（当前可执行：${list}）`,
    "ILLEGAL_TRANSITION",
    { status: record.status, action, allowed },
  );
}

/**
 * The consumer's own rating on the public page, once, after closure: stored on the case, recorded on the
 * timeline and counted in the figures of the unit that handled it.
 */
export function applyRating(record: CaseRecord, input: RatingInput, now: Date): CaseDecision {
  if (record.rating) throw Conflict("您已评价过该事项，感谢您的反馈", "ALREADY_RATED");
  if (record.status !== "closed")
    throw Unprocessable("事项办结后才能评价", "NOT_CLOSED", { status: record.status });
  const at = shanghaiIso(now);
  const next: CaseRecord = {
    ...record,
    rating: { result: input.result, note: input.note, at },
    version: record.version + 1,
    updatedAt: at,
  };
  const event: TimelineEvent = {
    at,
    action: "rating",
    by: PUBLIC_ACTOR.userId,
    byName: "群众评价",
    unitId: record.unitId,
    fromStatus: record.status,
    toStatus: record.status,
    note: input.note,
    data: { result: input.result },
  };
  const counters = countersForAction(actionFactsOf(record.kind, event));
  return {
    next,
    event,
    effects: baseEffects(record, next, figuresAlong(record.handlerPath, shanghaiMonth(at), counters)),
  };
}

/** The public page as an actor: online filings and ratings are recorded as by "public". */
export const PUBLIC_ACTOR = { userId: "public", name: "网上投诉" } as const;
