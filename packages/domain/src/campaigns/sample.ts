import { seededSample } from "../common/random.ts";

export interface SampleCandidate {
  unitId: string;
  stationId: string;
}

/** How many of a station's `created` units are checked: the share rounded up (at least one of any). */
export const drawCount = (created: number, share: number) =>
  created > 0 ? Math.min(created, Math.ceil(created * share - 1e-9)) : 0;

/**
 * The on-site check's sample (seed 003: “按照各街道社区基数的1/3，实地抽查社区”): per station, `share` of
 * its created units, rounded up. Reproducible: each station draws with `seed:stationId`, from its units
 * in id order, so the same seed and the same created units give the same sample whatever order they
 * were read in, and one station's units never change another station's draw.
 */
export function drawCampaignSample(
  seed: string,
  share: number,
  created: readonly SampleCandidate[],
): { stations: { stationId: string; created: number; drawn: number }[]; units: SampleCandidate[] } {
  const byStation = new Map<string, SampleCandidate[]>();
  for (const c of created) byStation.set(c.stationId, [...(byStation.get(c.stationId) ?? []), c]);
  const stations: { stationId: string; created: number; drawn: number }[] = [];
  const units: SampleCandidate[] = [];
  for (const stationId of [...byStation.keys()].sort()) {
    const pool = byStation.get(stationId)!;
    const drawn = seededSample(pool, drawCount(pool.length, share), `${seed}:${stationId}`, (c) => c.unitId);
    stations.push({ stationId, created: pool.length, drawn: drawn.length });
    units.push(...drawn);
  }
  return { stations, units };
}
