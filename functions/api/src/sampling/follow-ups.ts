import {
  type CloseFollowUpInput,
  Conflict,
  canAnswerFor,
  canSeeUnit,
  type FollowUp,
  type FollowUpRecord,
  Forbidden,
  NotFound,
  shanghaiIso,
  Unprocessable,
} from "@weiquan/domain";
import { FollowUpsRepository } from "@weiquan/store";
import { type Scope, visibleUnit } from "../access/scope.ts";

const view = ({ unitPath: _p, ...f }: FollowUpRecord): FollowUp => f;

/** A page of the follow-ups owed by a unit and the units below it (default: everything the caller sees). */
export async function listFollowUps(
  scope: Scope,
  q: { status: "open" | "closed"; unitId?: string; limit: number; cursor?: string },
) {
  const unit = q.unitId ? await visibleUnit(scope, q.unitId) : scope.unit;
  const page = await new FollowUpsRepository(scope.table).list(q.status, unit.path, q.limit, q.cursor);
  return { items: page.items.map(view), nextCursor: page.nextCursor };
}

export async function readFollowUp(scope: Scope, id: string): Promise<FollowUpRecord> {
  const f = await new FollowUpsRepository(scope.table).get(id);
  if (!f || !canSeeUnit(scope.viewer, f.unitPath)) throw NotFound("跟进事项");
  return f;
}

/** The unit says what it did about the consumer's dissatisfaction; the follow-up is closed. */
export async function closeFollowUp(scope: Scope, id: string, input: CloseFollowUpInput, now: Date) {
  const repo = new FollowUpsRepository(scope.table);
  const current = await readFollowUp(scope, id);
  if (!canAnswerFor(scope.viewer, current.unitPath))
    throw Forbidden("跟进事项由被回访的单位办理", "ROLE_FORBIDDEN");
  if (input.version !== current.version) throw stale(current);
  if (current.status === "closed") throw Unprocessable("该跟进事项已办结", "FOLLOW_UP_CLOSED");
  const next: FollowUpRecord = {
    ...current,
    status: "closed",
    closing: {
      note: input.note,
      at: shanghaiIso(now),
      by: scope.caller.userId,
      byName: scope.caller.displayName,
    },
    version: current.version + 1,
  };
  if (!(await repo.replace(next, current.version))) throw stale((await repo.get(id)) ?? current);
  return view(next);
}

const stale = (current: FollowUpRecord) =>
  Conflict("该跟进事项已被他人修改，请刷新后重试", "VERSION_CONFLICT", { current: view(current) });
