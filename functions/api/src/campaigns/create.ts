import {
  type Campaign,
  type CreateCampaignInput,
  canRunCampaigns,
  canSeeUnit,
  defaultCampaignChecklist,
  Forbidden,
  NotFound,
  newId,
  scoreSheetProblem,
  shanghaiIso,
  Unprocessable,
} from "@weiquan/domain";
import {
  type CampaignStationRecord,
  CampaignsRepository,
  type CampaignUnitRecord,
  type UnitRecord,
} from "@weiquan/store";
import type { Scope } from "../access/scope.ts";
import { createOnce } from "../capacity/commit.ts";

/** The points a campaign enrols: those named (each a visible, active point), or every active point. */
function enrolment(scope: Scope, units: UnitRecord[], unitIds: string[] | undefined): UnitRecord[] {
  if (!unitIds) return units.filter((u) => u.type === "point" && u.status === "active");
  const byId = new Map(units.map((u) => [u.id, u]));
  return unitIds.map((id) => {
    const u = byId.get(id);
    if (!u || !canSeeUnit(scope.viewer, u.path)) throw NotFound("单位");
    if (u.type !== "point")
      throw Unprocessable(
        `「${u.name}」不是服务点：创建活动以村（社区）服务点为单位`,
        "CAMPAIGN_UNIT_NOT_POINT",
        {
          unitId: id,
        },
      );
    if (u.status !== "active")
      throw Unprocessable(`「${u.name}」尚未启用或已撤销`, "UNIT_NOT_ACTIVE", { unitId: id });
    return u;
  });
}

/**
 * Starts a campaign over the enrolled points, each under its station (the township of seed 003). The
 * campaign (`creating`) and its roster are written first, in one transaction with the `Idempotency-Key`'s
 * record; the stations' counts and the units follow in batches and the campaign becomes `active`. A retry
 * with the same key after a lost answer or a 503 finishes a creation that stopped half-way.
 */
export async function createCampaign(
  scope: Scope,
  input: CreateCampaignInput,
  now: Date,
  idempotencyKey?: string,
): Promise<Campaign> {
  if (!canRunCampaigns(scope.viewer.role)) throw Forbidden("只有县局可以组织创建活动", "ROLE_FORBIDDEN");
  const problem = scoreSheetProblem(input.scoreSheet);
  if (problem) throw problem;
  const repo = new CampaignsRepository(scope.table);
  let units: UnitRecord[] | undefined;
  const made = await createOnce(scope, idempotencyKey, input, now, async () => {
    units = await scope.units.listByPath();
    const points = enrolment(scope, units, input.unitIds);
    if (!points.length) throw Unprocessable("没有可纳入创建活动的服务点", "NO_POINTS");
    const at = shanghaiIso(now);
    const campaign: Campaign = {
      id: newId(),
      name: input.name,
      kind: input.kind,
      year: input.year,
      deadline: input.deadline,
      targets: input.targets,
      scoreSheet: input.scoreSheet,
      passMark: input.passMark,
      sampleShare: input.sampleShare ?? 1 / 3,
      checklist: input.checklist ?? defaultCampaignChecklist.map((c) => ({ ...c })),
      status: "active",
      counts: { enrolled: points.length, created: 0, inspected: 0, passed: 0, failed: 0 },
      sample: null,
      createdAt: at,
      createdBy: scope.caller.userId,
      updatedAt: at,
      version: 1,
    };
    return {
      items: repo.begin(
        campaign,
        points.map((p) => p.id),
      ),
      body: campaign,
    };
  });
  const current = await repo.get(made.id);
  if (current?.status !== "creating") return current ?? made;
  const { stations, enrolled } = roster(
    made.id,
    await repo.roster(made.id),
    units ?? (await scope.units.listByPath()),
  );
  await repo.fill(made.id, stations, enrolled);
  return (await repo.activate(made.id)) ?? made;
}

/** The enrolled points' records and their stations' counts (the township rows of the progress table). */
function roster(campaignId: string, unitIds: string[], units: UnitRecord[]) {
  const byId = new Map(units.map((u) => [u.id, u]));
  const stations = new Map<string, CampaignStationRecord>();
  const enrolled: CampaignUnitRecord[] = [];
  for (const unitId of unitIds) {
    const p = byId.get(unitId);
    const station = p?.parentId ? byId.get(p.parentId) : undefined;
    if (!p || !station) continue;
    const s = stations.get(station.id) ?? {
      stationId: station.id,
      stationName: station.name,
      path: station.path,
      enrolled: 0,
      created: 0,
      inspected: 0,
      passed: 0,
      failed: 0,
    };
    s.enrolled++;
    stations.set(station.id, s);
    enrolled.push({
      campaignId,
      unitId: p.id,
      unitName: p.name,
      stationId: station.id,
      stationName: station.name,
      path: p.path,
      status: "enrolled",
      creation: null,
      inspection: null,
      version: 1,
    });
  }
  return { stations: [...stations.values()], enrolled };
}
