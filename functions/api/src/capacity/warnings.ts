import {
  ackRate,
  audienceOf,
  type Contribution,
  type CreateWarningInput,
  canAcknowledge,
  canSeeUnit,
  canSendWarning,
  contributeAlong,
  Forbidden,
  MAX_TRANSACTION_ITEMS,
  maskName,
  NotFound,
  newId,
  REMIND_INTERVAL_MS,
  rollupChanges,
  seesPersonalData,
  shanghaiIso,
  Unprocessable,
  visiblePrefix,
  type Warning,
  type WarningRecord,
  warningAcked,
  warningSeverityLabels,
} from "@weiquan/domain";
import {
  NoticesRepository,
  noticeIdOf,
  type TransactItem,
  transact,
  type UnitRecord,
  WarningsRepository,
} from "@weiquan/store";
import type { Scope } from "../access/scope.ts";
import { createOnce, rollupUpdates, unitsById, visibleUnitsById } from "./commit.ts";

export const warningView = ({ senderPath: _p, audienceUnitIds: _a, ...w }: WarningRecord): Warning => ({
  ...w,
  ackRate: ackRate(w),
});

/** The bell notice a warning leaves for each audience unit (once: keyed by the warning). */
const arrival = (w: WarningRecord, unitId: string) => ({
  kind: "warning" as const,
  unitId,
  at: w.sentAt,
  text: `${warningSeverityLabels[w.severity].zh}：${w.title}`,
  ref: { type: "warning" as const, id: w.id },
  dedupeKey: w.id,
});

/** How many units' rows, notices and figures go in one transaction (each unit ≈ 4 items). */
const UNITS_PER_CHUNK = 20;

/**
 * Delivers a warning to its audience in transactions of ≤ 100 items: each unit's audience row, its bell
 * notice and unread count, and the figures (`warnings.received`) for the unit and above. A chunk already
 * written fails on its first row's condition and is skipped, so an interrupted delivery is finished by
 * calling this again (the sender's next read does), never doubled.
 */
export async function deliver(scope: Pick<Scope, "table">, w: WarningRecord, units: Map<string, UnitRecord>) {
  const repo = new WarningsRepository(scope.table);
  const notices = new NoticesRepository(scope.table);
  for (let i = 0; i < w.audienceUnitIds.length; i += UNITS_PER_CHUNK) {
    const chunk = w.audienceUnitIds.slice(i, i + UNITS_PER_CHUNK);
    const rows: TransactItem[] = chunk.map((unitId) => repo.audienceRow(w, unitId));
    const bells = chunk.flatMap((unitId) => notices.draftItems(arrival(w, unitId)));
    const figures: Contribution = new Map();
    for (const unitId of chunk)
      contributeAlong(figures, units.get(unitId)?.path ?? unitId, w.sentAt, { "warnings.received": 1 });
    const items = [...rows, ...bells, ...rollupUpdates(scope.table, rollupChanges(null, figures))];
    if (items.length > MAX_TRANSACTION_ITEMS)
      throw new Error("warning delivery chunk over the transaction limit");
    const out = await transact(scope.table.doc, items);
    // The chunk's rows exist: it was delivered by an earlier attempt.
    if (!out.ok && !out.failed.every((f) => f < rows.length)) throw new Error("warning delivery failed");
  }
  await repo.markDelivered(w.id);
  return { ...w, delivered: true };
}

export async function sendWarning(
  scope: Scope,
  input: CreateWarningInput,
  now: Date,
  idempotencyKey?: string,
): Promise<Warning> {
  if (!canSendWarning(scope.viewer))
    throw Forbidden("只有县局和市场监管所可以发布消费警示", "WARNING_FORBIDDEN");
  const visible = await visibleUnitsById(scope);
  for (const id of input.audience.unitIds ?? []) if (!visible.has(id)) throw NotFound("单位");
  const audience = audienceOf(input.audience, scope.unit.id, [...visible.values()]);
  if (!audience.length)
    throw Unprocessable("没有可接收这条警示的单位（须为已启用的下级单位）", "NO_AUDIENCE");
  const sentAt = shanghaiIso(now);
  let record: WarningRecord | undefined;
  const sent = await createOnce(scope, idempotencyKey, input, now, async () => {
    record = {
      id: newId(),
      title: input.title,
      body: input.body,
      category: input.category,
      severity: input.severity,
      senderUnitId: scope.unit.id,
      senderPath: scope.unit.path,
      sentBy: scope.caller.userId,
      sentByName: scope.caller.displayName,
      sentAt,
      audienceUnitIds: audience.map((u) => u.id),
      audienceTotal: audience.length,
      acked: 0,
      delivered: false,
      version: 1,
    };
    return {
      items: [new WarningsRepository(scope.table).put(record)],
      body: warningView({ ...record, delivered: true }),
    };
  });
  if (record) await deliver(scope, record, visible);
  return sent;
}

/** Who sees a warning: whoever sees its sender's unit (the sending side), and its audience units. */
async function visibleWarning(scope: Scope, id: string) {
  const w = await new WarningsRepository(scope.table).get(id);
  if (!w) throw NotFound("消费警示");
  const sender = canSeeUnit(scope.viewer, w.senderPath);
  const member = w.audienceUnitIds.includes(scope.unit.id);
  if (!sender && !member) throw NotFound("消费警示");
  return { w, sender, member };
}

/**
 * A warning with its audience and who acknowledged: the sending side sees every unit, an audience unit its
 * own row. The governance office reads names masked. A delivery left half-way is finished first.
 */
export async function readWarning(scope: Scope, id: string) {
  let { w, sender } = await visibleWarning(scope, id);
  if (!w.delivered && sender) w = await deliver(scope, w, await unitsById(scope));
  const rows = await new WarningsRepository(scope.table).audience(id);
  const whole = seesPersonalData(scope.viewer.role);
  const audienceUnits = rows
    .filter((r) => sender || r.unitId === scope.unit.id)
    .map((r) => ({
      unitId: r.unitId,
      ...(r.ackedAt ? { ackedAt: r.ackedAt } : {}),
      ...(r.ackedBy ? { ackedBy: whole ? r.ackedBy : maskName(r.ackedBy) } : {}),
    }));
  return { ...warningView(w), audienceUnits };
}

/**
 * The caller's unit acknowledges a warning it received (idempotent: a repeat keeps the first time). Counts
 * `warnings.acked` for the unit and above at the warning's month, and marks the bell notice read.
 */
export async function acknowledge(scope: Scope, id: string, now: Date) {
  const { w, member } = await visibleWarning(scope, id);
  if (!canAcknowledge(scope.viewer)) throw Forbidden("只读账户不能签收", "ROLE_FORBIDDEN");
  if (!member) throw Forbidden("这条警示不是发给您所在单位的", "NOT_IN_AUDIENCE");
  const repo = new WarningsRepository(scope.table);
  const at = shanghaiIso(now);
  const figures = rollupUpdates(scope.table, rollupChanges(null, warningAcked(scope.unit.path, w.sentAt)));
  const out = await transact(scope.table.doc, [
    ...repo.ackItems(w, scope.unit.id, scope.caller.displayName, at),
    ...figures,
  ]);
  if (out.ok) {
    await new NoticesRepository(scope.table).markRead(scope.unit.id, noticeIdOf(arrival(w, scope.unit.id)));
  }
  const row = await repo.row(id, scope.unit.id);
  if (!row) throw NotFound("消费警示");
  return { id, unitId: scope.unit.id, ackedAt: row.ackedAt, ackedBy: row.ackedBy };
}

/** Reminds the units that have not acknowledged (a new bell notice each), at most once an hour. */
export async function remind(scope: Scope, id: string, now: Date) {
  const { w, sender } = await visibleWarning(scope, id);
  if (!sender || !canSendWarning(scope.viewer)) throw Forbidden("只有发布一方可以催办", "WARNING_FORBIDDEN");
  const repo = new WarningsRepository(scope.table);
  const at = shanghaiIso(now);
  if (!(await repo.claimReminder(id, at, shanghaiIso(new Date(now.getTime() - REMIND_INTERVAL_MS)))))
    throw Unprocessable("一小时内已催办过，请稍后再试", "REMINDED_RECENTLY");
  const pending = (await repo.audience(id)).filter((r) => !r.ackedAt).map((r) => r.unitId);
  const notices = new NoticesRepository(scope.table);
  for (let i = 0; i < pending.length; i += 45) {
    const items = pending.slice(i, i + 45).flatMap((unitId) =>
      notices.draftItems({
        kind: "warning_reminder",
        unitId,
        at,
        text: `请签收：${w.title}`,
        ref: { type: "warning", id: w.id },
        dedupeKey: w.id,
      }),
    );
    await transact(scope.table.doc, items);
  }
  return { id, reminded: pending.length, remindedAt: at };
}

/**
 * `inbox`: what the caller's unit received (only the unacknowledged with `status=unacked`); `sent`: the
 * warnings sent in the caller's subtree (the whole tenant for the bureau). Default: the bureau and offices
 * look at what they sent, everyone else at their inbox.
 */
export async function listWarnings(
  scope: Scope,
  q: { box?: "inbox" | "sent"; status?: "unacked"; limit: number; cursor?: string },
) {
  const repo = new WarningsRepository(scope.table);
  const box =
    q.box ?? (canSendWarning(scope.viewer) || visiblePrefix(scope.viewer) === undefined ? "sent" : "inbox");
  if (box === "inbox" || q.status === "unacked")
    return repo.inbox({
      unitId: scope.unit.id,
      unacked: q.status === "unacked",
      limit: q.limit,
      cursor: q.cursor,
    });
  const page = await repo.list({ senderPath: visiblePrefix(scope.viewer), limit: q.limit, cursor: q.cursor });
  return { items: page.items.map(warningView), nextCursor: page.nextCursor };
}
