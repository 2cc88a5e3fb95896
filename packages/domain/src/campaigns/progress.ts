import { rate } from "../figures/definitions.ts";
import type { CampaignCounts, ProgressRow } from "./schema.ts";

/**
 * Progress against the targets (seed 003: 创建率 ≥ 90%, 合格率 ≥ 80%): creation rate = created ÷ enrolled
 * (a unit inspected since counts as created), pass rate = passed ÷ inspected.
 */
export function progressRow(
  c: CampaignCounts,
  sampled: number,
  targets: { creationRate: number; passRate: number },
): ProgressRow {
  const creationRate = rate(c.created, c.enrolled);
  const passRate = rate(c.passed, c.inspected);
  return {
    ...c,
    sampled,
    creationRate,
    passRate,
    meetsCreation: creationRate === null ? null : creationRate >= targets.creationRate,
    meetsPass: passRate === null ? null : passRate >= targets.passRate,
  };
}
