import {
  type CallbackInput,
  Conflict,
  canSupervise,
  decideCallback,
  Forbidden,
  NotFound,
  newId,
  type RoundItem,
  type RoundItemRecord,
  shanghaiIso,
  Unprocessable,
  unitIdsOf,
} from "@weiquan/domain";
import { CasesRepository, FollowUpsRepository, NoticesRepository, RoundsRepository } from "@weiquan/store";
import type { Scope } from "../access/scope.ts";
import { auditRead } from "../cases/read.ts";
import { readableRound } from "./rounds.ts";

const itemView = ({ roundId: _r, unitPath: _u, month: _m, ...i }: RoundItemRecord): RoundItem => i;

/** The round (readable) and the caller's right to call its consumers back. */
async function callableRound(scope: Scope, roundId: string) {
  const round = await readableRound(scope, roundId);
  if (!canSupervise(scope.viewer, round.scopePath))
    throw Forbidden("只有抽取样本的县局（或市场监管所）工作人员可以回访", "ROLE_FORBIDDEN");
  if (round.status !== "ready") throw Unprocessable("样本正在抽取，请稍后再试", "ROUND_DRAWING");
  return round;
}

/**
 * One callback attempt on a sampled case: the domain decides (attempt counted, answer recorded, a
 * follow-up for the handling unit when unsatisfied); the item, the round's progress, the case's timeline,
 * the verified-callback figures, the follow-up and its notice are written in one transaction, guarded by
 * the number of attempts read — a concurrent attempt on the same item is a 409 with the item as it is.
 */
export async function recordCallback(
  scope: Scope,
  roundId: string,
  caseId: string,
  input: CallbackInput,
  now: Date,
): Promise<RoundItem> {
  const round = await callableRound(scope, roundId);
  const rounds = new RoundsRepository(scope.table);
  const item = await rounds.getItem(roundId, caseId);
  if (!item) throw NotFound("样本案件");
  const actor = { userId: scope.caller.userId, name: scope.caller.displayName, unitId: scope.unit.id };
  const d = decideCallback(round, item, input, actor, shanghaiIso(now), newId);
  const notices = new NoticesRepository(scope.table);
  const ok = await rounds.recordCallback({
    item: d.item,
    expectedAttempts: item.attempts,
    progress: d.progress,
    event: d.event,
    figures: d.rollups.map((r) => ({ unitIds: unitIdsOf(item.unitPath), ...r })),
    extra: [
      ...(d.followUp ? [new FollowUpsRepository(scope.table).create(d.followUp)] : []),
      ...d.notices.flatMap((n) => notices.draftItems(n)),
    ],
  });
  if (!ok) {
    const current = await rounds.getItem(roundId, caseId);
    throw Conflict("该样本刚被他人回访记录，请刷新后再试", "VERSION_CONFLICT", {
      current: current && itemView(current),
    });
  }
  return itemView(d.item);
}

/**
 * The consumer's name and number for the call, whole: only for those who may call back this round, and
 * written to the personal-data audit trail before the answer leaves.
 */
export async function consumerContact(scope: Scope, roundId: string, caseId: string, now: Date) {
  await callableRound(scope, roundId);
  const item = await new RoundsRepository(scope.table).getItem(roundId, caseId);
  const record = item && (await new CasesRepository(scope.table).get(caseId));
  if (!item || !record) throw NotFound("样本案件");
  await auditRead(scope, record, now);
  return {
    caseId: record.id,
    trackingNo: record.trackingNo,
    name: record.consumer.name ?? null,
    phone: record.consumer.phone ?? null,
  };
}
