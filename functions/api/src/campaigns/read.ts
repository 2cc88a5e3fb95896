import {
  type CampaignUnit,
  Conflict,
  canRunCampaigns,
  canSeeUnit,
  Forbidden,
  maskName,
  NotFound,
  type PatchCampaignInput,
  progressRow,
  scoreSheetProblem,
  seesPersonalData,
  shanghaiIso,
  Unprocessable,
} from "@weiquan/domain";
import { type CampaignRecord, CampaignsRepository, type CampaignUnitRecord } from "@weiquan/store";
import type { Scope } from "../access/scope.ts";

/** Campaigns carry no personal data: every tenant role reads them and their progress. */
export async function readCampaign(scope: Scope, id: string): Promise<CampaignRecord> {
  const c = await new CampaignsRepository(scope.table).get(id);
  if (!c) throw NotFound("创建活动");
  return c;
}

/** The campaign with its progress against the targets, per station and in total. */
export async function campaignView(scope: Scope, c: CampaignRecord) {
  const stations = await new CampaignsRepository(scope.table).stations(c.id);
  const drawn = new Map((c.sample?.stations ?? []).map((s) => [s.stationId, s.drawn]));
  return {
    ...c,
    progress: {
      total: progressRow(c.counts, c.sample?.size ?? 0, c.targets),
      stations: stations.map((s) => ({
        stationId: s.stationId,
        stationName: s.stationName,
        ...progressRow(
          {
            enrolled: s.enrolled,
            created: s.created,
            inspected: s.inspected,
            passed: s.passed,
            failed: s.failed,
          },
          drawn.get(s.stationId) ?? 0,
          c.targets,
        ),
      })),
    },
  };
}

/** A unit of the campaign the caller may see (its point in the caller's subtree), else 404. */
export async function visibleCampaignUnit(
  scope: Scope,
  id: string,
  unitId: string,
): Promise<CampaignUnitRecord> {
  const u = await new CampaignsRepository(scope.table).getUnit(id, unitId);
  if (!u || !canSeeUnit(scope.viewer, u.path)) throw NotFound("创建单位");
  return u;
}

/** The API shape: no path, `inSample` and its lot joined, staff names masked for the governance office. */
export function unitView(
  u: CampaignUnitRecord,
  sampled: ReadonlyMap<string, string>,
  scope: Scope,
): CampaignUnit {
  const { path: _path, ...unit } = u;
  const view = { ...unit, inSample: sampled.has(u.unitId), lot: sampled.get(u.unitId) ?? null };
  if (seesPersonalData(scope.viewer.role)) return view;
  return {
    ...view,
    creation: view.creation && { ...view.creation, by: maskName(view.creation.by) },
    inspection: view.inspection && {
      ...view.inspection,
      by: maskName(view.inspection.by),
      inspectors: view.inspection.inspectors.map(maskName),
    },
  };
}

/** The drawn units with their lots (empty before the draw). */
export async function sampledSet(scope: Scope, id: string): Promise<Map<string, string>> {
  const sample = await new CampaignsRepository(scope.table).getSample(id);
  return new Map((sample?.units ?? []).map((u) => [u.unitId, u.lot]));
}

/**
 * Edits a campaign's own fields with version: the score sheet and pass mark only before any check, the
 * sample share only before the sample is drawn; `status: "closed"` makes it read-only (and `active` again).
 */
export async function patchCampaign(scope: Scope, id: string, input: PatchCampaignInput, now: Date) {
  if (!canRunCampaigns(scope.viewer.role)) throw Forbidden("只有县局可以修改创建活动", "ROLE_FORBIDDEN");
  const current = await readCampaign(scope, id);
  const stale = (c: CampaignRecord) =>
    Conflict("该创建活动已被他人修改，请刷新后重试", "VERSION_CONFLICT", { current: c });
  if (input.version !== current.version) throw stale(current);
  if (current.status === "creating") throw Unprocessable("创建活动还在生成中", "CAMPAIGN_NOT_ACTIVE");
  if ((input.scoreSheet || input.passMark !== undefined) && current.counts.inspected > 0)
    throw Unprocessable("已有单位按评分表检查，评分表和合格分数不能再改", "CAMPAIGN_INSPECTED");
  if (input.sampleShare !== undefined && current.sample)
    throw Unprocessable("抽查样本已经抽取，抽查比例不能再改", "SAMPLE_DRAWN");
  if (input.scoreSheet) {
    const problem = scoreSheetProblem(input.scoreSheet);
    if (problem) throw problem;
  }
  const { version, ...set } = input;
  const next = await new CampaignsRepository(scope.table).patch(id, version, {
    ...set,
    updatedAt: shanghaiIso(now),
  });
  if (!next) throw stale(await readCampaign(scope, id));
  return campaignView(scope, next);
}
