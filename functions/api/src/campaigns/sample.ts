import { randomInt } from "node:crypto";
import {
  Conflict,
  canRunCampaigns,
  drawCampaignSample,
  Forbidden,
  MAX_SEED,
  shanghaiIso,
  Unprocessable,
} from "@weiquan/domain";
import { CampaignsRepository } from "@weiquan/store";
import type { Scope } from "../access/scope.ts";
import { campaignView, readCampaign } from "./read.ts";

/**
 * Draws the on-site check's sample once (409 SAMPLE_EXISTS afterwards): per station, the campaign's
 * share of the units created so far, with a recorded seed (given, to re-draw a recorded sample, or
 * fresh), so anyone can re-draw it from the same created units.
 */
export async function drawSample(scope: Scope, id: string, seed: number | undefined, now: Date) {
  if (!canRunCampaigns(scope.viewer.role)) throw Forbidden("只有县局可以抽取检查样本", "ROLE_FORBIDDEN");
  const c = await readCampaign(scope, id);
  if (c.sample) throw Conflict("该创建活动已抽取检查样本", "SAMPLE_EXISTS", { sample: c.sample });
  if (c.status !== "active")
    throw Unprocessable("创建活动未在进行中", "CAMPAIGN_NOT_ACTIVE", { status: c.status });
  const repo = new CampaignsRepository(scope.table);
  const created = (await repo.allUnits(id)).filter((u) => u.status !== "enrolled");
  if (!created.length) throw Unprocessable("还没有单位申报创建，无从抽查", "NOTHING_TO_SAMPLE");
  const s = seed ?? randomInt(0, MAX_SEED + 1);
  const drawn = drawCampaignSample(s, c.sampleShare, created);
  const pathOf = new Map(created.map((u) => [u.unitId, u.path]));
  const summary = {
    seed: s,
    share: c.sampleShare,
    drawnAt: shanghaiIso(now),
    drawnBy: scope.caller.displayName,
    stations: drawn.stations,
    size: drawn.units.length,
  };
  const ok = await repo.putSample(
    {
      campaignId: id,
      units: drawn.units.map((u) => ({
        unitId: u.unitId,
        stationId: u.stationId,
        lot: u.lot,
        path: pathOf.get(u.unitId)!,
      })),
    },
    summary,
  );
  if (!ok) {
    const now2 = await readCampaign(scope, id);
    if (now2.sample) throw Conflict("该创建活动已抽取检查样本", "SAMPLE_EXISTS", { sample: now2.sample });
    throw Unprocessable("创建活动未在进行中", "CAMPAIGN_NOT_ACTIVE", { status: now2.status });
  }
  return campaignView(scope, { ...c, sample: summary });
}
