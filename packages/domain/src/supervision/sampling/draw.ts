import { sha256Hex } from "../sha256.ts";
import type { Stratum } from "./schema.ts";

/**
 * How a round's sample is drawn — the whole algorithm, so a county can show an inspector how it was done
 * and anyone can redo it:
 *
 * 1. The population is every complaint closed in the month by a unit in the scope, each counted for the
 *    unit that closed it (its stratum).
 * 2. Each stratum of N complaints gets a quota n = ⌈share × N⌉, raised to `minPerUnit`, capped at
 *    `maxPerUnit` (when set) and never more than N.
 * 3. Each complaint's lot is SHA-256 of the text `{seed}:{tracking number}` in hex. Within a stratum the
 *    complaints are ranked by lot (ties, which never happen in practice, by tracking number) and the
 *    first n are drawn.
 *
 * The lot depends only on the seed and the case, never on the order the population was read in or on the
 * other cases, so the same month, scope, parameters and seed always give the same sample.
 */
export interface DrawParams {
  share: number;
  minPerUnit: number;
  maxPerUnit: number | null;
  seed: number;
}

export interface Candidate {
  trackingNo: string;
  unitId: string;
}

export const lotOf = (seed: number, trackingNo: string) => sha256Hex(`${seed}:${trackingNo}`);

/** The quota of a stratum of `population` complaints. Shares like 0.1 × 30 are not rounded up to 4. */
export function quotaOf(population: number, p: Omit<DrawParams, "seed">): number {
  const byShare = Math.ceil(p.share * population - 1e-9);
  const raised = Math.max(byShare, p.minPerUnit);
  const capped = p.maxPerUnit === null ? raised : Math.min(raised, p.maxPerUnit);
  return Math.min(population, capped);
}

const byLot = (a: { lot: string; trackingNo: string }, b: { lot: string; trackingNo: string }) =>
  a.lot < b.lot
    ? -1
    : a.lot > b.lot
      ? 1
      : a.trackingNo < b.trackingNo
        ? -1
        : a.trackingNo > b.trackingNo
          ? 1
          : 0;

/** The sample of a population: items by unit, then by lot; one stratum per unit with a closed complaint. */
export function drawSample<T extends Candidate>(
  population: readonly T[],
  p: DrawParams,
): { items: (T & { lot: string })[]; strata: Stratum[] } {
  const byUnit = new Map<string, (T & { lot: string })[]>();
  for (const c of population) {
    const list = byUnit.get(c.unitId) ?? [];
    list.push({ ...c, lot: lotOf(p.seed, c.trackingNo) });
    byUnit.set(c.unitId, list);
  }
  const items: (T & { lot: string })[] = [];
  const strata: Stratum[] = [];
  for (const unitId of [...byUnit.keys()].sort()) {
    const ranked = byUnit.get(unitId)!.sort(byLot);
    const n = quotaOf(ranked.length, p);
    items.push(...ranked.slice(0, n));
    strata.push({ unitId, population: ranked.length, sampled: n });
  }
  return { items, strata };
}

/** The method in words, stored with nothing: shown with every round. */
export function methodText(p: DrawParams): string {
  const cap = p.maxPerUnit === null ? "" : `，最多 ${p.maxPerUnit} 件`;
  return [
    `总体：该月在抽查范围内办结的全部投诉，按办结单位分层。`,
    `每层抽取 ⌈${p.share} × 该层件数⌉ 件，至少 ${p.minPerUnit} 件${cap}，且不超过该层件数。`,
    `每件投诉的签号为文本“${p.seed}:案件编号”的 SHA-256 值（十六进制），各层按签号从小到大排序，取前若干件。`,
    `同一月份、范围、参数和种子 ${p.seed} 必然抽出同样的案件，可用任何 SHA-256 工具复核。`,
  ].join("");
}
