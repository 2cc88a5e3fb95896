import type { Counters } from "../figures/counters.ts";

/** A rate, or null when its denominator is 0 (the figures' rule). */
const rate = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? numerator / denominator : null;
const n = (c: Counters, key: string) => c[key] ?? 0;

/**
 * The supervision figures of a period from its summed rollup counters (see `counters.ts`): the bureau's
 * verified callbacks beside the units' own (self-reported) ones, and the inspections. Defined once here;
 * the dashboard, the period report and the annual assessment's metrics all read them from this function.
 */
export function supervisionFiguresOf(c: Counters) {
  const sampled = n(c, "verified.sampled");
  const reached = n(c, "verified.reached");
  const satisfied = n(c, "verified.satisfied");
  const passed = n(c, "inspection.pass");
  const checks = passed + n(c, "inspection.fail");
  const findings = n(c, "findings.raised");
  const findingsVerified = n(c, "findings.verified");
  return {
    sampled,
    verifiedCallbacks: reached,
    verifiedSatisfied: satisfied,
    verifiedBasicallySatisfied: n(c, "verified.basically_satisfied"),
    verifiedUnsatisfied: n(c, "verified.unsatisfied"),
    /** Reached ÷ sampled: how much of the sample the bureau actually got through to. */
    verifiedCallbackRate: rate(reached, sampled),
    /** Satisfied ÷ reached, the same rule as the self-reported satisfaction rate. */
    verifiedSatisfactionRate: rate(satisfied, reached),
    inspections: n(c, "inspection.count"),
    inspectionChecks: checks,
    inspectionChecksPassed: passed,
    inspectionPassRate: rate(passed, checks),
    findings,
    findingsRectified: findingsVerified,
    findingsRectifiedOnTime: n(c, "findings.onTime"),
    findingsRectifiedRate: rate(findingsVerified, findings),
  };
}
export type SupervisionFigures = ReturnType<typeof supervisionFiguresOf>;

/** Definitions shown with the figures (help drawer, workbook, report), in display order. */
export const supervisionFigureDefinitions = [
  {
    key: "sampled",
    format: "count",
    label: "抽查回访抽取件数",
    labelEn: "Sampled for callback",
    definition: "县局（或所）每月抽查回访抽中的已办结投诉件数，按被抽查投诉的办结月份统计。",
    definitionEn: "Closed complaints drawn for the bureau's callback, by the month they were closed.",
  },
  {
    key: "verifiedCallbacks",
    format: "count",
    label: "抽查回访接通",
    labelEn: "Verified callbacks",
    definition: "抽中的投诉中县局回访已接通并记录结果的件数。",
    definitionEn: "Sampled complaints whose consumer the bureau reached and recorded an answer from.",
  },
  {
    key: "verifiedCallbackRate",
    format: "rate",
    label: "抽查回访接通率",
    labelEn: "Verified callback rate",
    definition: "回访接通件数 ÷ 抽取件数。",
    definitionEn: "Reached ÷ sampled.",
  },
  {
    key: "verifiedSatisfactionRate",
    format: "rate",
    label: "满意率（县局抽查核实）",
    labelEn: "Satisfaction (verified by the bureau)",
    definition:
      "县局抽查回访中表示“满意”的件数 ÷ 接通件数。与各单位自行回访的满意率（自报）并列，两者之差说明自报数字是否可信。",
    definitionEn:
      "Satisfied ÷ reached in the bureau's sampled callbacks. Shown beside the units' own (self-reported) rate: the gap says how far the self-reported figure can be trusted.",
  },
  {
    key: "inspections",
    format: "count",
    label: "检查次数",
    labelEn: "Inspections",
    definition: "期间内对各单位开展的检查次数（按检查日期统计）。",
    definitionEn: "Inspections of units in the period (by the date of the inspection).",
  },
  {
    key: "inspectionPassRate",
    format: "rate",
    label: "检查项合格率",
    labelEn: "Inspection pass rate",
    definition: "检查中“合格”的检查项数 ÷（合格 + 不合格）检查项数；“不适用”的项不计。",
    definitionEn: "Checks passed ÷ (passed + failed) checks; items marked not applicable count for neither.",
  },
  {
    key: "findings",
    format: "count",
    label: "发现问题",
    labelEn: "Findings",
    definition: "期间内检查发现并要求整改的问题数（按检查日期统计）。",
    definitionEn: "Findings raised by the inspections of the period.",
  },
  {
    key: "findingsRectifiedRate",
    format: "rate",
    label: "整改完成率",
    labelEn: "Findings rectified",
    definition: "期间内检查发现的问题中，单位已整改并经检查人核验通过的数量 ÷ 发现问题数。",
    definitionEn:
      "Of the findings raised by the period's inspections, those rectified and verified by the inspector ÷ all findings.",
  },
] as const;
