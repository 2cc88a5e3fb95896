import {
  type CampaignInspectionInput,
  type CampaignUnit,
  type CampaignUnitStatus,
  Conflict,
  canInspectCampaignUnit,
  canMarkCampaignUnit,
  countsDelta,
  Forbidden,
  Invalid,
  inspect,
  type MarkCreatedInput,
  markCreated,
  shanghaiIso,
  Unprocessable,
  visiblePrefix,
} from "@weiquan/domain";
import { type CampaignRecord, CampaignsRepository, type CampaignUnitRecord } from "@weiquan/store";
import { type Scope, visibleUnit } from "../access/scope.ts";
import { readCampaign, sampledSet, unitView, visibleCampaignUnit } from "./read.ts";

const notActive = (c: CampaignRecord) =>
  Unprocessable(
    c.status === "closed" ? "创建活动已结束，不能再修改" : "创建活动还在生成中",
    "CAMPAIGN_NOT_ACTIVE",
    { status: c.status },
  );

/** Reads, decides in the domain, writes the unit with its counts in one transaction (409 on a stale version). */
async function change(
  scope: Scope,
  id: string,
  unitId: string,
  allowed: (scope: Scope, path: string) => boolean,
  version: number | undefined,
  decide: (c: CampaignRecord, u: CampaignUnitRecord) => CampaignUnitRecord,
  now: Date,
): Promise<CampaignUnit> {
  const c = await readCampaign(scope, id);
  const u = await visibleCampaignUnit(scope, id, unitId);
  if (!allowed(scope, u.path)) throw Forbidden("当前角色不能办理该单位的创建事项", "ROLE_FORBIDDEN");
  if (c.status !== "active") throw notActive(c);
  const sampled = await sampledSet(scope, id);
  const stale = (cur: CampaignUnitRecord) =>
    Conflict("该单位的创建情况已被他人修改，请刷新后重试", "VERSION_CONFLICT", {
      current: unitView(cur, sampled, scope),
    });
  if (version !== undefined && version !== u.version) throw stale(u);
  const next = decide(c, u);
  const repo = new CampaignsRepository(scope.table);
  const out = await repo.changeUnit(next, u.version, countsDelta(u.status, next.status), shanghaiIso(now));
  if (out === "ok") return unitView(next, sampled, scope);
  if (out === "not_active") throw notActive((await repo.get(id))!);
  throw stale((await repo.getUnit(id, unitId))!);
}

const actor = (scope: Scope, now: Date) => ({ name: scope.caller.displayName, at: shanghaiIso(now) });

/** The point (or a unit above it) declares the creation checklist done. */
export const declareCreated = (
  scope: Scope,
  id: string,
  unitId: string,
  input: MarkCreatedInput,
  now: Date,
) =>
  change(
    scope,
    id,
    unitId,
    (s, path) => canMarkCampaignUnit(s.viewer, path),
    input.version,
    (c, u) => markCreated(u, c.checklist, input, actor(scope, now)),
    now,
  );

/** The on-site check of a created point: scored against the sheet, passed or failed by the pass mark. */
export const recordInspection = (
  scope: Scope,
  id: string,
  unitId: string,
  input: CampaignInspectionInput,
  now: Date,
) =>
  change(
    scope,
    id,
    unitId,
    (s, path) => canInspectCampaignUnit(s.viewer, path),
    input.version,
    (c, u) => inspect(u, c.scoreSheet, c.passMark, input, actor(scope, now)),
    now,
  );

export interface UnitsRequest {
  stationId?: string;
  status?: CampaignUnitStatus;
  sampled?: "true" | "false";
  limit: number;
  cursor?: string;
}

const OFFSET = /^o(\d{1,6})$/;

/**
 * A page of the campaign's units the caller may see, in tree order, optionally of one station or status;
 * `sampled=true` pages through the drawn sample instead (cursor = position in the sample).
 */
export async function listCampaignUnits(scope: Scope, id: string, q: UnitsRequest) {
  await readCampaign(scope, id);
  const repo = new CampaignsRepository(scope.table);
  const below = q.stationId ? (await visibleUnit(scope, q.stationId)).path : visiblePrefix(scope.viewer);
  const sample = await repo.getSample(id);
  const sampled = new Map((sample?.units ?? []).map((u) => [u.unitId, u.lot]));
  if (q.sampled === "true") {
    const start = q.cursor ? Number(OFFSET.exec(q.cursor)?.[1] ?? Number.NaN) : 0;
    if (Number.isNaN(start))
      throw Invalid(
        "分页游标无效",
        [{ path: "cursor", message: "not a cursor issued by this API" }],
        "INVALID_CURSOR",
      );
    const mine = (sample?.units ?? []).filter(
      (u) => !below || u.path === below || u.path.startsWith(`${below}/`),
    );
    const slice = mine.slice(start, start + q.limit);
    const units = (
      await repo.unitsById(
        id,
        slice.map((u) => u.unitId),
      )
    ).filter((u) => !q.status || u.status === q.status);
    return {
      items: units.map((u) => unitView(u, sampled, scope)),
      nextCursor: start + q.limit < mine.length ? `o${start + q.limit}` : null,
    };
  }
  const page = await repo.listUnits(id, { pathPrefix: below, status: q.status }, q.limit, q.cursor);
  const items = q.sampled === "false" ? page.items.filter((u) => !sampled.has(u.unitId)) : page.items;
  return { items: items.map((u) => unitView(u, sampled, scope)), nextCursor: page.nextCursor };
}
