import { createHash } from "node:crypto";
import {
  type Case,
  Conflict,
  type CreateCaseInput,
  canHandleAt,
  clockState,
  Forbidden,
  ruleSetFor,
  shanghaiDate,
  shanghaiIso,
  trackingNoOf,
  Unavailable,
  Unprocessable,
  type WorkCalendar,
} from "@weiquan/domain";
import {
  type CaseRecord,
  CasesRepository,
  IdempotencyRepository,
  type TenantTable,
  type TransactItem,
  type UnitRecord,
} from "@weiquan/store";
import { type Scope, visibleUnit } from "../access/scope.ts";
import { newId } from "../platform/tenants.ts";
import { tenantCalendar } from "./calendar.ts";
import { createdRollup } from "./records.ts";
import { caseView } from "./view.ts";

const IDEMPOTENCY_TTL_S = 24 * 3600;
const MAX_ATTEMPTS = 200;

/**
 * Registers a case in the ledger of `unitId` (the caller's unit by default). The tracking number's
 * sequence, the case, its first timeline entry, its ledger rows and the month's figures are written in
 * one transaction: a number is taken only by a case that exists, so the day's numbers have no gaps.
 */
export async function createCase(
  scope: Scope,
  input: CreateCaseInput,
  now: Date,
  idempotencyKey?: string,
): Promise<{ status: 200 | 201; body: Case }> {
  const idem = new IdempotencyRepository(scope.table);
  const bodyHash = createHash("sha256").update(JSON.stringify(input)).digest("hex");
  if (idempotencyKey) {
    const replay = await idem.find(scope.caller.userId, idempotencyKey, now);
    if (replay) return answerReplay(replay, bodyHash);
  }

  const unit = input.unitId ? await visibleUnit(scope, input.unitId) : scope.unit;
  if (!canHandleAt(scope.viewer, unit.path)) throw Forbidden("当前角色不能登记案件", "CASE_FORBIDDEN");
  if (unit.status !== "active")
    throw Unprocessable(`「${unit.name}」尚未启用或已撤销，不能登记案件`, "UNIT_NOT_ACTIVE");

  const cal = await tenantCalendar(scope);
  const who: Registrar = {
    unit,
    createdBy: scope.caller.userId,
    createdByName: scope.caller.displayName,
    actingUnitId: scope.unit.id,
    countyCode: scope.caller.tenant!.countyCode,
  };
  const out = await registerCase(scope.table, who, input, now, {
    cal,
    extra: (record) =>
      idempotencyKey
        ? [
            idem.claim(scope.caller.userId, idempotencyKey, {
              bodyHash,
              response: JSON.stringify(caseView(record, scope, cal, now)),
              expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_S,
              now: Math.floor(now.getTime() / 1000),
            }),
          ]
        : [],
  });
  if (out.ok) return { status: 201, body: caseView(out.record, scope, cal, now) };
  // The same key won a race meanwhile: answer as it did.
  const replay = await idem.find(scope.caller.userId, idempotencyKey!, now);
  if (replay) return answerReplay(replay, bodyHash);
  throw Unavailable("登记繁忙，请稍后重试", 1);
}

/** Who registers a case and into which ledger: a staff member, or the public page. */
export interface Registrar {
  /** The unit whose ledger the case enters (already checked: active, and allowed for the registrar). */
  unit: UnitRecord;
  createdBy: string;
  createdByName: string;
  /** The unit the registrar acts for (the timeline's `unitId`). */
  actingUnitId: string;
  countyCode: string;
}

/**
 * The registration itself, without a staff caller: the tracking number's sequence, the case, its first
 * timeline entry, its ledger rows and the month's figures in one transaction, with the caller's `extra`
 * items. A number is taken only by a case that exists, so the day's numbers have no gaps. When one of the
 * caller's extra items fails its condition, nothing is written and their indexes are returned.
 */
export async function registerCase(
  table: TenantTable,
  who: Registrar,
  input: CreateCaseInput,
  now: Date,
  opts: {
    cal?: WorkCalendar;
    extra?: (record: CaseRecord) => TransactItem[];
    eventData?: Record<string, unknown>;
  } = {},
): Promise<{ ok: true; record: CaseRecord } | { ok: false; extraFailed: number[] }> {
  const cases = new CasesRepository(table);
  const { unit } = who;
  const cal = opts.cal ?? (await tenantCalendar({ table }));
  const receivedAt = shanghaiIso(now);
  const day = shanghaiDate(now);
  const ruleSet = ruleSetFor(receivedAt).id;
  const id = newId();
  const clock = clockState({ kind: input.kind, status: "registered", ruleSet, receivedAt }, cal, now);

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const seq = (await cases.lastSeq(day)) + 1;
    const record: CaseRecord = {
      id,
      trackingNo: trackingNoOf(who.countyCode, day, seq),
      kind: input.kind,
      channel: input.channel,
      status: "registered",
      unitId: unit.id,
      originUnitId: unit.id,
      handlerPath: unit.path,
      ledgerUnits: unit.path.split("/"),
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
      createdBy: who.createdBy,
      createdByName: who.createdByName,
      createdAt: receivedAt,
      updatedAt: receivedAt,
    };
    const own = [cases.claimSeq(day, seq), cases.trackingPointer(record.trackingNo, id)];
    const result = await cases.write({
      record,
      events: [
        {
          at: receivedAt,
          action: "create",
          by: who.createdBy,
          byName: who.createdByName,
          unitId: who.actingUnitId,
          toStatus: "registered",
          data: { channel: input.channel, unitId: unit.id, ...opts.eventData },
        },
      ],
      rollups: [createdRollup(record)],
      extra: [...own, ...(opts.extra?.(record) ?? [])],
    });
    if (result.ok) return { ok: true, record };
    const theirs = result.extraFailed.filter((i) => i >= own.length).map((i) => i - own.length);
    if (theirs.length) return { ok: false, extraFailed: theirs };
    // Another case took this number first: take the next one.
    await new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 + attempt * 2)));
  }
  throw Unavailable("登记繁忙，请稍后重试", 1);
}

function answerReplay(replay: { bodyHash: string; response: string }, bodyHash: string) {
  if (replay.bodyHash !== bodyHash)
    throw Conflict("该幂等键已用于另一份不同的登记内容（24 小时内不能复用）", "IDEMPOTENCY_KEY_REUSED");
  return { status: 201 as const, body: JSON.parse(replay.response) as Case };
}
