import { lotOf, quotaOf } from "../supervision/sampling/draw.ts";

export interface SampleCandidate {
  unitId: string;
  stationId: string;
}

/** How many of a station's created units are checked: the share rounded up (at least one of any). */
export const drawCount = (created: number, share: number) =>
  quotaOf(created, { share, minPerUnit: 0, maxPerUnit: null });

/**
 * The on-site check's sample (seed 003: “按照各街道社区基数的1/3，实地抽查社区”), drawn the way the monthly
 * callback rounds are, so a county explains one method: each created unit's lot is SHA-256 of the text
 * `{seed}:{unit id}` in hex; per station the units are ranked by lot and the first ⌈share × created⌉ are
 * checked. A lot depends only on the seed and the unit, so the same seed and the same created units give
 * the same sample whatever order they were read in, and one station's units never change another's draw;
 * anyone can recompute a lot with `printf '%s' '{seed}:{unit id}' | sha256sum`.
 */
export function drawCampaignSample(
  seed: number,
  share: number,
  created: readonly SampleCandidate[],
): {
  stations: { stationId: string; created: number; drawn: number }[];
  units: (SampleCandidate & { lot: string })[];
} {
  const byStation = new Map<string, (SampleCandidate & { lot: string })[]>();
  for (const c of created)
    byStation.set(c.stationId, [...(byStation.get(c.stationId) ?? []), { ...c, lot: lotOf(seed, c.unitId) }]);
  const stations: { stationId: string; created: number; drawn: number }[] = [];
  const units: (SampleCandidate & { lot: string })[] = [];
  for (const stationId of [...byStation.keys()].sort()) {
    const ranked = byStation.get(stationId)!.sort((a, b) => (a.lot < b.lot ? -1 : a.lot > b.lot ? 1 : 0));
    const n = drawCount(ranked.length, share);
    stations.push({ stationId, created: ranked.length, drawn: n });
    units.push(...ranked.slice(0, n));
  }
  return { stations, units };
}
