import type { Counters } from "../figures/counters.ts";

/**
 * The metrics an `auto` item of an assessment template can score, each defined once: its Chinese name,
 * the definition the console and the printed sheet show, and how its numerator and denominator come
 * from the year's rollup counters (per unit × month, summed over the twelve months) and the unit tree.
 * The numerator and denominator are frozen on the sheet, so every point can be traced to its inputs.
 */
export const metricCodes = [
  "on_time_acceptance_rate",
  "closure_rate",
  "mediation_success_rate",
  "verified_satisfaction_rate",
  "callback_rate",
  "ledger_completeness",
  "four_ones",
  "training_attendance",
  "publicity_events",
  "warning_ack_rate",
  "inspection_pass_rate",
  "findings_rectified_rate",
] as const;
type MetricCode = (typeof metricCodes)[number];

/** Where a metric's data comes from (which capability keeps its counters). */
export type MetricSource = "cases" | "units" | "capacity" | "supervision";

export interface MetricInput {
  numerator: number;
  denominator: number;
}

/** A member of a sheet's scope: the unit itself or an active station / point below it. */
export interface MetricMember {
  unitId: string;
  /** The member's own counters of the year (its subtree's less its children's). */
  own: Counters;
  /** Meets the 四个一 standard now (staff, plaque, phone, ledger). */
  compliant: boolean;
}

/** Everything a metric may read about one unit's year. */
export interface MetricFacts {
  /** The unit's subtree counters, summed over the year's months. */
  subtree: Counters;
  /** The unit and the active stations and points below it. */
  members: readonly MetricMember[];
  /** Trainings a station / point must attend each year (settings, seed 004 “不少于 N 次”). */
  trainingMinPerYear: number;
}

export interface MetricDefinition {
  code: MetricCode;
  label: string;
  labelEn: string;
  definition: string;
  definitionEn: string;
  /**
   * `rate`: the value is numerator ÷ denominator (thresholds are rates, 0.9 = 90%); `count`: the value is
   * the numerator (thresholds are counts) and the denominator is the target a linear scale measures it by.
   */
  unit: "rate" | "count";
  source: MetricSource;
  /** The yearly target per unit of a `count` metric when the template item names none. */
  defaultTarget?: number;
  /**
   * Whether the data behind the metric is recorded yet. A template may only use available metrics: a
   * metric whose capability does not record its counters would score every unit as “no data”.
   */
  available: boolean;
  compute: (f: MetricFacts, target?: number) => MetricInput;
}

const n = (c: Counters, key: string) => c[key] ?? 0;
const ratio = (c: Counters, num: string, den: string | string[]): MetricInput => ({
  numerator: n(c, num),
  denominator: (Array.isArray(den) ? den : [den]).reduce((s, k) => s + n(c, k), 0),
});

const SCOPE = "服务站的数字包含其下属服务点。";
const SCOPE_EN = " A station's figure includes its points.";

/** In display order. */
export const metricDefinitions: readonly MetricDefinition[] = [
  {
    code: "on_time_acceptance_rate",
    label: "按时受理率",
    labelEn: "On-time acceptance decisions",
    definition: `年内在法定期限（收到投诉之日起 7 个工作日）内作出受理或不予受理决定的件数 ÷ 年内作出决定的件数。${SCOPE}`,
    definitionEn: `Accept / reject decisions made within 7 working days of receipt ÷ all decisions made in the year.${SCOPE_EN}`,
    unit: "rate",
    source: "cases",
    available: true,
    compute: (f) => ratio(f.subtree, "decidedOnTime", "decided"),
  },
  {
    code: "closure_rate",
    label: "办结率",
    labelEn: "Closure rate",
    definition: `年内在本单位登记的案件中，截至考核计算时已办结的件数 ÷ 年内登记的件数（提交上级后由上级办结的也算办结）。${SCOPE}`,
    definitionEn: `Of the cases registered at the unit in the year, those closed by the time the assessment is computed (also when closed by the unit they were passed up to) ÷ cases registered.${SCOPE_EN}`,
    unit: "rate",
    source: "cases",
    available: true,
    compute: (f) => ratio(f.subtree, "closedOfReceived", "received"),
  },
  {
    code: "mediation_success_rate",
    label: "调解成功率",
    labelEn: "Mediation success",
    definition: `年内调解成功的投诉件数 ÷（调解成功 + 调解不成 + 终止调解）件数，按调解结束日期统计。${SCOPE}`,
    definitionEn: `Complaints settled by agreement ÷ (settled + failed + terminated mediations), counted when the mediation ended.${SCOPE_EN}`,
    unit: "rate",
    source: "cases",
    available: true,
    compute: (f) => ratio(f.subtree, "resolved", ["resolved", "failed", "terminated"]),
  },
  {
    code: "verified_satisfaction_rate",
    label: "抽查回访满意率",
    labelEn: "Verified satisfaction (bureau's sampled callbacks)",
    definition: `县局每月抽查回访中，本单位办理的投诉回访结果为“满意”的次数 ÷ 回访接通的次数（县局核实的满意率，区别于单位自报）。${SCOPE}`,
    definitionEn: `In the bureau's monthly sampled callbacks, complaints handled by the unit answered “satisfied” ÷ callbacks that reached the consumer (the bureau's verified figure, unlike the unit's own).${SCOPE_EN}`,
    unit: "rate",
    source: "supervision",
    available: true,
    compute: (f) => ratio(f.subtree, "verified.satisfied", "verified.reached"),
  },
  {
    code: "callback_rate",
    label: "回访率",
    labelEn: "Callback rate",
    definition: `年内办结的投诉中由办理单位回访的件数 ÷ 年内办结的投诉件数（按回访和办结的日期统计，超过 100% 按 100% 计）。${SCOPE}`,
    definitionEn: `Complaints called back by the handling unit ÷ complaints closed in the year (by the dates of callback and closure; above 100% counts as 100%).${SCOPE_EN}`,
    unit: "rate",
    source: "cases",
    available: true,
    compute: (f) => ratio(f.subtree, "callbacks.complaint", "closed.complaint"),
  },
  {
    code: "ledger_completeness",
    label: "台账完整率",
    labelEn: "Ledger completeness",
    definition: `年内登记的投诉中，除法定必填项外还登记了投诉性质、争议金额和发生时间的件数 ÷ 年内登记的投诉件数。${SCOPE}`,
    definitionEn: `Complaints registered in the year that record, beyond the legally required fields, the nature, the amount in dispute and when it happened ÷ complaints registered.${SCOPE_EN}`,
    unit: "rate",
    source: "cases",
    available: true,
    compute: (f) => ratio(f.subtree, "complete.complaint", "kind.complaint"),
  },
  {
    code: "four_ones",
    label: "“四个一”达标率",
    labelEn: "四个一 compliance",
    definition:
      "考核计算时，本单位及其下属启用的服务点中符合“四个一”标准（一人兼职、一块牌子、一部电话、一本台账）的单位数 ÷ 单位数。",
    definitionEn:
      "When the assessment is computed: the unit and its active points meeting the 四个一 standard (staff, plaque, phone, ledger) ÷ those units.",
    unit: "rate",
    source: "units",
    available: true,
    compute: (f) => ({
      numerator: f.members.filter((m) => m.compliant).length,
      denominator: f.members.length,
    }),
  },
  {
    code: "training_attendance",
    label: "业务培训参训率",
    labelEn: "Training attendance",
    definition:
      "本单位及其下属服务点各自年内参加业务培训的次数（每个单位最多计到年度最低次数）之和 ÷（年度最低次数 × 单位数）。",
    definitionEn:
      "The trainings attended in the year by the unit and each of its points (each counted up to the yearly minimum) ÷ (the yearly minimum × the number of units).",
    unit: "rate",
    source: "capacity",
    available: true,
    compute: (f) => {
      const min = Math.max(1, f.trainingMinPerYear);
      return {
        numerator: f.members.reduce((s, m) => s + Math.min(min, n(m.own, "training.attended")), 0),
        denominator: min * f.members.length,
      };
    },
  },
  {
    code: "publicity_events",
    label: "宣传活动",
    labelEn: "Publicity events",
    definition: `年内开展的消费维权宣传活动次数；按比例计分时以“每个单位年度目标次数 × 单位数”为满分基准。${SCOPE}`,
    definitionEn: `Publicity events held in the year; a linear scale gives full points at the yearly target per unit × the number of units.${SCOPE_EN}`,
    unit: "count",
    source: "capacity",
    defaultTarget: 2,
    available: true,
    compute: (f, target = 2) => ({
      numerator: n(f.subtree, "publicity.events"),
      denominator: target * f.members.length,
    }),
  },
  {
    code: "warning_ack_rate",
    label: "预警签收率",
    labelEn: "Warnings acknowledged",
    definition: `年内发给本单位的消费警示中已签收的份数 ÷ 发给本单位的份数。${SCOPE}`,
    definitionEn: `Warnings sent to the unit in the year that it acknowledged ÷ warnings sent to it.${SCOPE_EN}`,
    unit: "rate",
    source: "capacity",
    available: true,
    compute: (f) => ratio(f.subtree, "warnings.acked", "warnings.received"),
  },
  {
    code: "inspection_pass_rate",
    label: "检查合格率",
    labelEn: "Inspection pass rate",
    definition: `年内检查中本单位检查项目结果为“合格”的项数 ÷ 结果为“合格”或“不合格”的项数（“不适用”不计）。${SCOPE}`,
    definitionEn: `Checklist results “pass” in the year's inspections of the unit ÷ results “pass” or “fail” (“n/a” not counted).${SCOPE_EN}`,
    unit: "rate",
    source: "supervision",
    available: true,
    compute: (f) => ratio(f.subtree, "inspection.pass", ["inspection.pass", "inspection.fail"]),
  },
  {
    code: "findings_rectified_rate",
    label: "问题整改率",
    labelEn: "Findings rectified",
    definition: `年内检查发现的问题中经县局核实整改到位的条数 ÷ 发现问题的条数。${SCOPE}`,
    definitionEn: `Findings of the year's inspections whose rectification the bureau verified ÷ findings raised.${SCOPE_EN}`,
    unit: "rate",
    source: "supervision",
    available: true,
    compute: (f) => ratio(f.subtree, "findings.verified", "findings.raised"),
  },
];

const byCode = new Map(metricDefinitions.map((m) => [m.code, m]));
export const metricDefinition = (code: MetricCode): MetricDefinition => byCode.get(code)!;

/** The metric's value for thresholds: a rate (null without a denominator) or a count. */
export function metricValue(code: MetricCode, input: MetricInput): number | null {
  if (metricDefinition(code).unit === "count") return input.numerator;
  return input.denominator > 0 ? input.numerator / input.denominator : null;
}
