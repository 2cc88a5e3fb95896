import { capacityFigureDefinitions, capacityFiguresOf } from "../capacity/figures.ts";
import { caseKinds } from "../cases/taxonomy.ts";
import { supervisionFigureDefinitions, supervisionFiguresOf } from "../supervision/figures.ts";
import type { Counters } from "./counters.ts";

/**
 * Every figure of the dashboard, the API and the reports, defined once: how it is computed from the
 * monthly rollup counters, its Chinese name and the definition the console's help shows.
 */
export type FigureFormat = "count" | "fen" | "rate";

export interface FigureDefinition {
  key: FigureKey;
  format: FigureFormat;
  label: string;
  labelEn: string;
  definition: string;
  definitionEn: string;
}

/** A rate, or null when nothing was counted in its denominator (never a made-up 0% or 100%). */
export const rate = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? numerator / denominator : null;

const n = (c: Counters, key: string) => c[key] ?? 0;

/** The figures of a period computed from its summed counters (everything but `overdueNow`). */
export function figuresOf(c: Counters) {
  const resolved = n(c, "resolved");
  const failed = n(c, "failed");
  const terminated = n(c, "terminated");
  const received = n(c, "received");
  const escalated = n(c, "escalated");
  const decided = n(c, "decided");
  const decidedOnTime = n(c, "decidedOnTime");
  const callbacks = n(c, "callbacks");
  const satisfied = n(c, "callback.satisfied");
  return {
    received,
    complaints: n(c, "kind.complaint"),
    reports: n(c, "kind.report"),
    consultations: n(c, "kind.consultation"),
    accepted: n(c, "accepted"),
    rejected: n(c, "rejected"),
    decided,
    decidedOnTime,
    onTimeRate: rate(decidedOnTime, decided),
    resolved,
    failed,
    terminated,
    resolutionRate: rate(resolved, resolved + failed + terminated),
    recoveredFen: n(c, "recoveredFen"),
    answered: n(c, "answered"),
    handedOver: n(c, "handedOver"),
    referred: n(c, "referred"),
    closed: n(c, "closed"),
    escalated,
    escalationRate: rate(escalated, received),
    callbacks,
    satisfied,
    basicallySatisfied: n(c, "callback.basically_satisfied"),
    unsatisfied: n(c, "callback.unsatisfied"),
    satisfactionRate: rate(satisfied, callbacks),
    // The bureau's verified callbacks and the inspections, beside the units' own figures.
    ...supervisionFiguresOf(c),
    // Trainings, publicity and warnings (capacity/figures.ts documents their counters).
    ...capacityFiguresOf(c),
  };
}

export type PeriodFigures = ReturnType<typeof figuresOf>;
export type FigureKey = keyof PeriodFigures | "overdueNow";

/** Per kind: received, closed and escalated in the period. */
export function byKindOf(c: Counters) {
  return Object.fromEntries(
    caseKinds.map((k) => [
      k,
      { received: n(c, `kind.${k}`), closed: n(c, `closed.${k}`), escalated: n(c, `escalated.${k}`) },
    ]),
  ) as Record<(typeof caseKinds)[number], { received: number; closed: number; escalated: number }>;
}

/** Adds counters into `into` (the rollup items of several months or units). */
export function addCounters(into: Counters, more: Counters): Counters {
  for (const [k, v] of Object.entries(more)) if (typeof v === "number") into[k] = (into[k] ?? 0) + v;
  return into;
}

const SUBTREE_NOTE =
  "单位的数字包含其下级单位（如服务站包含其下属服务点）；案件在谁手里办理，办理动作就记在谁及其上级名下：服务点提交服务站或市场监管所后，后续的受理、调解和回访计入接手单位，不再计入服务点。";
const SUBTREE_NOTE_EN =
  "A unit's figures include every unit below it (a station includes its points). An action is counted for the unit handling the case at that moment and its parents: once a point passes a case up to its station or an office, the later decisions and callbacks count there, not at the point.";

/** The definitions shown in the console's help drawer and in the workbook, in display order. */
export const figureDefinitions: readonly FigureDefinition[] = [
  {
    key: "received",
    format: "count",
    label: "登记总量",
    labelEn: "Received",
    definition: "期间内登记的全部案件（投诉、举报、咨询），按登记日期所在月份统计。",
    definitionEn:
      "Every case registered in the period (complaints, reports, consultations), by the month received.",
  },
  {
    key: "complaints",
    format: "count",
    label: "投诉",
    labelEn: "Complaints",
    definition: "期间内登记的投诉件数。",
    definitionEn: "Complaints registered in the period.",
  },
  {
    key: "reports",
    format: "count",
    label: "举报",
    labelEn: "Reports",
    definition: "期间内登记的举报件数。",
    definitionEn: "Reports registered in the period.",
  },
  {
    key: "consultations",
    format: "count",
    label: "咨询",
    labelEn: "Consultations",
    definition: "期间内登记的咨询件数。",
    definitionEn: "Consultations registered in the period.",
  },
  {
    key: "accepted",
    format: "count",
    label: "受理",
    labelEn: "Accepted",
    definition: "期间内作出受理决定的投诉件数（按决定日期统计）。",
    definitionEn: "Complaints accepted in the period (by the date of the decision).",
  },
  {
    key: "rejected",
    format: "count",
    label: "不予受理",
    labelEn: "Rejected",
    definition: "期间内作出不予受理决定的投诉件数（《市场监督管理投诉举报处理暂行办法》第十六条）。",
    definitionEn: "Complaints rejected in the period (Order 121 Art. 16).",
  },
  {
    key: "onTimeRate",
    format: "rate",
    label: "按时决定率",
    labelEn: "On-time decisions",
    definition:
      "在法定期限（收到投诉之日起 7 个工作日）内作出受理或不予受理决定的件数 ÷ 期间内作出决定的件数。",
    definitionEn:
      "Accept / reject decisions made within the legal limit (7 working days from receipt) ÷ all decisions made in the period.",
  },
  {
    key: "resolved",
    format: "count",
    label: "调解成功",
    labelEn: "Resolved",
    definition: "期间内经调解达成协议的投诉件数。",
    definitionEn: "Complaints settled by a mediation agreement in the period.",
  },
  {
    key: "resolutionRate",
    format: "rate",
    label: "调解成功率",
    labelEn: "Resolution rate",
    definition: "调解成功件数 ÷（调解成功 + 调解不成 + 终止调解）件数，均按办结日期所在期间统计。",
    definitionEn:
      "Resolved ÷ (resolved + failed + terminated mediations), all counted when the mediation ended.",
  },
  {
    key: "recoveredFen",
    format: "fen",
    label: "挽回经济损失（元）",
    labelEn: "Recovered (yuan)",
    definition: "期间内调解协议约定为消费者挽回的金额合计。",
    definitionEn: "The sum agreed for consumers in the mediation agreements of the period.",
  },
  {
    key: "answered",
    format: "count",
    label: "咨询答复",
    labelEn: "Consultations answered",
    definition: "期间内答复的咨询件数。",
    definitionEn: "Consultations answered in the period.",
  },
  {
    key: "closed",
    format: "count",
    label: "办结",
    labelEn: "Closed",
    definition: "期间内办结（归档）的案件数，各类案件合计。",
    definitionEn: "Cases closed (filed) in the period, all kinds.",
  },
  {
    key: "escalated",
    format: "count",
    label: "提交上级",
    labelEn: "Escalated",
    definition: "期间内提交上级单位或市场监管所办理的次数。",
    definitionEn: "Escalations made in the period (to a unit above or a regulation office).",
  },
  {
    key: "escalationRate",
    format: "rate",
    label: "上交率",
    labelEn: "Escalation share",
    definition: "提交上级次数 ÷ 登记总量。站点上交率高，说明基层自行化解的少——这是县局要盯住的数字。",
    definitionEn:
      "Escalations ÷ cases received. A high share at stations means little is settled locally — the figure the bureau must watch.",
  },
  {
    key: "overdueNow",
    format: "count",
    label: "当前超期",
    labelEn: "Overdue now",
    definition: "此刻仍未办结且已超过当前办理期限的案件数（不受所选期间影响）。",
    definitionEn: "Open cases past their running deadline right now (independent of the period chosen).",
  },
  {
    key: "callbacks",
    format: "count",
    label: "回访",
    labelEn: "Callbacks",
    definition: "期间内记录的回访次数。",
    definitionEn: "Callbacks recorded in the period.",
  },
  {
    key: "satisfactionRate",
    format: "rate",
    label: "满意率",
    labelEn: "Satisfaction",
    definition: "各单位自行回访（自报）中结果为“满意”的次数 ÷ 回访次数（“基本满意”不计入分子，单独列示）。",
    definitionEn:
      "In the units' own (self-reported) callbacks: answered “satisfied” ÷ all callbacks (“basically satisfied” is listed separately).",
  },
  ...supervisionFigureDefinitions,
  ...capacityFigureDefinitions,
];

export const figureNotes = { subtree: SUBTREE_NOTE, subtreeEn: SUBTREE_NOTE_EN };

export const figureDefinition = (key: FigureKey) => figureDefinitions.find((d) => d.key === key);
