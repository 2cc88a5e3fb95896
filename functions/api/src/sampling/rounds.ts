import { randomInt } from "node:crypto";
import {
  Conflict,
  canSeeUnit,
  canSupervise,
  type DrawRoundInput,
  drawSample,
  Forbidden,
  inSubtree,
  MAX_ROUND_ITEMS,
  MAX_SEED,
  methodText,
  NotFound,
  type Round,
  type RoundItemRecord,
  type RoundProgress,
  type RoundRecord,
  type RoundSummary,
  roundItemCounters,
  type SamplingDefaults,
  type Settings,
  shanghaiIso,
  shanghaiMonth,
  Unprocessable,
  unitIdsOf,
  type Viewer,
} from "@weiquan/domain";
import { ClosedComplaintsRepository, RoundsRepository, SettingsRepository } from "@weiquan/store";
import { type Scope, visibleUnit } from "../access/scope.ts";

/** A round's id is its month and scope: the same month and scope can only ever name one round. */
export const roundIdOf = (month: string, scopeUnitId: string) => `${month}.${scopeUnitId}`;

/** The figures a sampled case adds to the handling unit and every unit above it, in the round's month. */
export const itemFigures = (i: RoundItemRecord) => ({
  unitIds: unitIdsOf(i.unitPath),
  month: i.month,
  counters: roundItemCounters(i),
});

/**
 * May the caller read the round at `scopePath`? Those who see the scope unit (the bureau, the office that
 * drew it, the governance office), and the units inside the scope — their own part of it.
 */
export const canReadRound = (v: Viewer, scopePath: string) =>
  canSeeUnit(v, scopePath) || (v.role !== "platform_admin" && inSubtree(v.unitPath, scopePath));

async function samplingDefaults(scope: Scope): Promise<SamplingDefaults> {
  const s = await new SettingsRepository(scope.table).get<Settings>();
  return s?.sampling ?? { share: 0.2, minPerUnit: 1, maxPerUnit: 5 };
}

const emptyProgress = (total: number): RoundProgress => ({
  total,
  reached: 0,
  unreached: 0,
  pending: total,
  satisfied: 0,
  basically_satisfied: 0,
  unsatisfied: 0,
});

/**
 * Draws a round: reads the month's closed complaints in the scope (one query of the month's partition),
 * draws the stratified sample from the seed, and writes the header and then the items with their
 * figures. A second round for the same month and scope is a 409; a draw that was interrupted (header
 * still "drawing") is finished with the seed it recorded.
 */
export async function drawRound(scope: Scope, input: DrawRoundInput, now: Date): Promise<Round> {
  const unit = input.unitId ? await visibleUnit(scope, input.unitId) : scope.unit;
  if (!canSupervise(scope.viewer, unit.path))
    throw Forbidden("只有县局（或市场监管所对其辖区）可以抽取回访样本", "ROLE_FORBIDDEN");
  if (input.month >= shanghaiMonth(now))
    throw Unprocessable("只能对已结束的月份抽取样本（该月的投诉还在办结中）", "MONTH_NOT_OVER", {
      month: input.month,
    });
  const rounds = new RoundsRepository(scope.table);
  const id = roundIdOf(input.month, unit.id);
  const existing = await rounds.header(id);
  if (existing?.status === "ready") throw roundExists(existing);

  const defaults = await samplingDefaults(scope);
  const params = existing ?? {
    share: input.share ?? defaults.share,
    minPerUnit: input.minPerUnit ?? defaults.minPerUnit,
    maxPerUnit: input.maxPerUnit ?? defaults.maxPerUnit,
    seed: input.seed ?? randomInt(0, MAX_SEED + 1),
  };
  if (params.maxPerUnit !== null && params.minPerUnit > params.maxPerUnit)
    throw Unprocessable(
      "每单位最少件数大于设置中的最多件数，请同时指定 maxPerUnit",
      "SAMPLING_PARAMS",
      params,
    );

  const population = await new ClosedComplaintsRepository(scope.table).population(input.month, unit.path);
  const drawn = drawSample(population, params);
  if (drawn.items.length > MAX_ROUND_ITEMS)
    throw Unprocessable(
      `样本共 ${drawn.items.length} 件，超过每轮上限 ${MAX_ROUND_ITEMS} 件：请降低抽样比例或每单位最多件数`,
      "ROUND_TOO_LARGE",
      { sampled: drawn.items.length, max: MAX_ROUND_ITEMS },
    );

  const header: RoundRecord = existing ?? {
    id,
    month: input.month,
    unitId: unit.id,
    scopePath: unit.path,
    share: params.share,
    minPerUnit: params.minPerUnit,
    maxPerUnit: params.maxPerUnit,
    seed: params.seed,
    status: "drawing",
    drawnAt: shanghaiIso(now),
    drawnBy: scope.caller.userId,
    drawnByName: scope.caller.displayName,
    population: population.length,
    strata: drawn.strata,
    progress: emptyProgress(drawn.items.length),
    version: 1,
  };
  if (!existing && !(await rounds.claim(header))) {
    const raced = await rounds.header(id);
    throw roundExists(raced ?? header);
  }
  const items: RoundItemRecord[] = drawn.items.map((c) => ({
    roundId: id,
    month: input.month,
    caseId: c.caseId,
    trackingNo: c.trackingNo,
    unitId: c.unitId,
    unitPath: c.unitPath,
    kind: "complaint",
    closedAt: c.closedAt,
    subject: c.subject,
    consumerName: c.consumerName,
    lot: c.lot,
    attempts: 0,
    callback: null,
    followUpId: null,
  }));
  await rounds.writeDraw(id, items, items.map(itemFigures));
  await rounds.finish(id, header.progress);
  return roundView({ ...header, status: "ready" }, items, scope.viewer);
}

const roundExists = (r: RoundRecord) =>
  Conflict(`${r.month} 的抽查回访已抽取（${r.drawnByName}，${r.drawnAt.slice(0, 10)}）`, "ROUND_EXISTS", {
    roundId: r.id,
  });

/** A round as the caller may see it: the whole of it, or its own subtree's part. */
export function roundView(h: RoundRecord, items: readonly RoundItemRecord[], v: Viewer): Round {
  const { scopePath, ...header } = h;
  const whole = canSeeUnit(v, scopePath);
  const own = whole ? [...items] : items.filter((i) => canSeeUnit(v, i.unitPath));
  const ownUnits = new Set(own.map((i) => i.unitId));
  own.sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : a.lot < b.lot ? -1 : 1));
  return {
    ...header,
    strata: whole ? h.strata : h.strata.filter((s) => ownUnits.has(s.unitId)),
    progress: whole ? h.progress : progressOf(own),
    items: own.map(({ roundId: _r, unitPath: _u, month: _m, ...i }) => i),
    method: methodText(h),
    partial: !whole,
    canCallBack: canSupervise(v, scopePath),
  };
}

export function progressOf(items: readonly RoundItemRecord[]): RoundProgress {
  const p = emptyProgress(items.length);
  for (const i of items) {
    if (i.attempts === 0) continue;
    p.pending--;
    if (i.callback?.reached) {
      p.reached++;
      if (i.callback.result) p[i.callback.result]++;
    } else p.unreached++;
  }
  return p;
}

/** The round if the caller may read it; otherwise 404, as if it did not exist. */
export async function readableRound(scope: Scope, id: string): Promise<RoundRecord> {
  const header = await new RoundsRepository(scope.table).header(id);
  if (!header || !canReadRound(scope.viewer, header.scopePath)) throw NotFound("抽查回访");
  return header;
}

export async function readRound(scope: Scope, id: string): Promise<Round> {
  await readableRound(scope, id);
  const found = (await new RoundsRepository(scope.table).read(id))!;
  return roundView(found.header, found.items, scope.viewer);
}

/** A page of a year's rounds the caller may read. */
export async function listRounds(
  scope: Scope,
  q: { year?: string; limit: number; cursor?: string },
  now: Date,
): Promise<{ items: RoundSummary[]; nextCursor: string | null }> {
  const year = q.year ?? shanghaiMonth(now).slice(0, 4);
  const page = await new RoundsRepository(scope.table).listYear(year, q.limit, q.cursor);
  return {
    items: page.items
      .filter((r) => canReadRound(scope.viewer, r.scopePath))
      .map(({ scopePath: _s, strata: _t, ...r }) => r),
    nextCursor: page.nextCursor,
  };
}
