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
 * Starts a campaign over the enrolled points, each under its station (the township of seed 003): the
 * campaign, one counts item per station and one item per point, written in batches.
 */
export async function createCampaign(scope: Scope, input: CreateCampaignInput, now: Date): Promise<Campaign> {
  if (!canRunCampaigns(scope.viewer.role)) throw Forbidden("只有县局可以组织创建活动", "ROLE_FORBIDDEN");
  const problem = scoreSheetProblem(input.scoreSheet);
  if (problem) throw problem;
  const units = await scope.units.listByPath();
  const points = enrolment(scope, units, input.unitIds);
  if (!points.length) throw Unprocessable("没有可纳入创建活动的服务点", "NO_POINTS");

  const id = newId();
  const at = shanghaiIso(now);
  const byId = new Map(units.map((u) => [u.id, u]));
  const stations = new Map<string, CampaignStationRecord>();
  const enrolled: CampaignUnitRecord[] = points.map((p) => {
    const station = byId.get(p.parentId!)!;
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
    return {
      campaignId: id,
      unitId: p.id,
      unitName: p.name,
      stationId: station.id,
      stationName: station.name,
      path: p.path,
      status: "enrolled",
      creation: null,
      inspection: null,
      version: 1,
    };
  });
  const campaign: Campaign = {
    id,
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
    counts: { enrolled: enrolled.length, created: 0, inspected: 0, passed: 0, failed: 0 },
    sample: null,
    createdAt: at,
    createdBy: scope.caller.userId,
    updatedAt: at,
    version: 1,
  };
  return new CampaignsRepository(scope.table).create(campaign, [...stations.values()], enrolled);
}
