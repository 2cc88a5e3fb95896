import { createHash } from "node:crypto";
import {
  type Actor,
  type AttachmentRef,
  assertCanRegister,
  type Case,
  type CaseRecord,
  Conflict,
  type CreateCaseInput,
  caseViewFor,
  Invalid,
  isUsableCategory,
  newCase,
  newId,
  shanghaiDate,
  shanghaiIso,
  trackingNoOf,
  Unavailable,
  type UnitFacts,
} from "@weiquan/domain";
import {
  CasesRepository,
  IdempotencyRepository,
  type TenantTable,
  TrackingRepository,
  type TransactItem,
  type VoidedNumber,
  withDeadline,
} from "@weiquan/store";
import { type Scope, staffActor, visibleUnit } from "../access/scope.ts";
import { attachmentLinks, linkConflict } from "../attachments/link.ts";
import type { AppDeps } from "../deps.ts";
import { type TenantRules, tenantRules } from "./calendar.ts";

const IDEMPOTENCY_TTL_S = 24 * 3600;

/**
 * Registers a case in the ledger of `unitId` (the caller's unit by default): read, let the domain decide,
 * write the decision and its effects (with the idempotency record) in one transaction.
 */
export async function createCase(
  deps: AppDeps,
  scope: Scope,
  input: CreateCaseInput,
  now: Date,
  idempotencyKey?: string,
): Promise<{ status: 200 | 201; body: Case }> {
  const idem = new IdempotencyRepository(scope.table);
  const bodyHash = createHash("sha256").update(JSON.stringify(input)).digest("hex");
  const replay = idempotencyKey && (await idem.find(scope.caller.userId, idempotencyKey, now));
  if (replay) return answerReplay(replay, bodyHash);

  const unit = input.unitId ? await visibleUnit(scope, input.unitId) : scope.unit;
  const actor = staffActor(scope);
  assertCanRegister(actor, unit);
  const rules = await tenantRules(scope);
  const view = (r: CaseRecord) => caseViewFor(r, scope.viewer, rules.cal, now);
  const id = newId();
  const files = await attachmentLinks(
    deps,
    scope,
    input.attachmentIds,
    { kind: "case", id, unitId: unit.id },
    now,
  );
  const out = await registerCase(
    scope.table,
    { actor, unit, countyCode: scope.caller.tenant!.countyCode },
    input,
    now,
    {
      rules,
      id,
      attachments: files.refs,
      extra: (record) => [
        ...files.items,
        ...(idempotencyKey
          ? [
              idem.claim(scope.caller.userId, idempotencyKey, {
                bodyHash,
                response: JSON.stringify(view(record)),
                expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_S,
                now: Math.floor(now.getTime() / 1000),
              }),
            ]
          : []),
      ],
    },
  );
  if (out.ok) return { status: 201, body: view(out.record) };
  if (out.extraFailed.some((i) => i < files.items.length)) throw linkConflict();
  // The same key won a race meanwhile: answer as it did.
  const raced = await idem.find(scope.caller.userId, idempotencyKey!, now);
  if (raced) return answerReplay(raced, bodyHash);
  throw Unavailable("登记繁忙，请稍后重试", 1);
}

/** Who registers a case into which ledger (already checked: the unit is active and allowed for the actor). */
export interface Registrar {
  actor: Actor;
  unit: UnitFacts;
  countyCode: string;
}

/**
 * The registration itself, for staff and the public page alike. The day's next tracking number is
 * reserved first with one atomic counter increment — registrations never queue behind each other for it —
 * then the case, its first timeline entry, its effects and the number's pointer are written in one
 * transaction with the caller's `extra` items. A reserved number whose case is not written is recorded
 * as voided (作废) with its reason, so the day's sequence stays explainable. When one of the caller's
 * extra items fails its condition, nothing else is written and their indexes are returned.
 */
export async function registerCase(
  table: TenantTable,
  who: Registrar,
  input: CreateCaseInput,
  now: Date,
  opts: {
    rules?: TenantRules;
    extra?: (record: CaseRecord) => TransactItem[];
    eventData?: Record<string, unknown>;
    /** The new case's id, when the caller needs it beforehand (to link files to it). */
    id?: string;
    attachments?: AttachmentRef[];
  } = {},
): Promise<{ ok: true; record: CaseRecord } | { ok: false; extraFailed: number[] }> {
  const tracking = new TrackingRepository(table);
  const { cal, categories } = opts.rules ?? (await tenantRules({ table }));
  // Checked before a number is reserved: a refused category is a 400, not a voided number.
  if (!isUsableCategory(input.category, categories))
    throw Invalid("本县未设置这个细分类别", [
      { path: "category", message: "不是全国统一类别，也不是本县在设置中声明的细分类别" },
    ]);
  const day = shanghaiDate(now);
  const seq = await tracking.reserve(day);
  const trackingNo = trackingNoOf(who.countyCode, day, seq);
  const id = opts.id ?? newId();
  const decision = newCase(input, who.actor, {
    attachments: opts.attachments,
    now,
    cal,
    id,
    trackingNo,
    unit: who.unit,
    eventData: opts.eventData,
  });
  const settle = (reason: VoidedNumber["reason"], detail?: string) =>
    // The request's own deadline may have run out: settling gets a short one of its own (inside the
    // margin the request keeps back to answer), so the number is decided even for a request answering 503.
    withDeadline({ at: Date.now() + SETTLE_MS }, () =>
      tracking.settle({ trackingNo, day, seq, at: shanghaiIso(now), reason, detail, by: who.actor.userId }),
    );
  let result: Awaited<ReturnType<CasesRepository["write"]>>;
  try {
    const extra = [tracking.pointer(trackingNo, id), ...(opts.extra?.(decision.next) ?? [])];
    result = await new CasesRepository(table).write(decision, { extra });
  } catch (e) {
    // The write failed or its outcome is unknown: whichever of the case and the void holds the number.
    const settled = await settle("write_failed", e instanceof Error ? e.name : undefined).catch(() => null);
    if (settled === "taken") return { ok: true, record: decision.next };
    throw e;
  }
  if (result.ok) return { ok: true, record: decision.next };
  await settle("duplicate_request");
  return { ok: false, extraFailed: result.extraFailed.filter((i) => i >= 1).map((i) => i - 1) };
}

/** Time a failed registration may take to settle its number after its own deadline. */
const SETTLE_MS = 1200;

function answerReplay(replay: { bodyHash: string; response: string }, bodyHash: string) {
  if (replay.bodyHash !== bodyHash)
    throw Conflict("该幂等键已用于另一份不同的登记内容（24 小时内不能复用）", "IDEMPOTENCY_KEY_REUSED");
  return { status: 201 as const, body: JSON.parse(replay.response) as Case };
}
