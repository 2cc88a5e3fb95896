import type { Counters } from "../figures/counters.ts";
import { type PublicityKind, publicityKindLabels, publicityKinds } from "./publicity.ts";

const rate = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? numerator / denominator : null;
const n = (c: Counters, key: string) => c[key] ?? 0;

/**
 * The counters the capacity records keep per unit × month, for the unit concerned and every unit above
 * it (so a station's figures include its points'), written in the same transaction as the record and
 * moved by the difference when a record is edited or deleted:
 *
 * | counter | + when | month |
 * | --- | --- | --- |
 * | `training.held` | a unit organises a training | the training's date |
 * | `training.trained` | … by the number of people listed as attending | the training's date |
 * | `training.attended` | a unit attends a training (once per unit) | the training's date |
 * | `publicity.events` | a unit holds a publicity event | the event's date |
 * | `publicity.kind.{kind}` | … of that kind | the event's date |
 * | `publicity.people` / `publicity.materials` | … by people reached / materials handed out | the event's date |
 * | `publicity.campaign.{day}` | … on a campaign day (3·15 …) | the event's date |
 * | `warnings.received` | a warning is delivered to a unit | the warning's sending date |
 * | `warnings.acked` | the unit acknowledges it (once) | the warning's sending date, so a month's rate ≤ 1 |
 *
 * A unit's own count (the coverage of trainings, the assessment's members) is its subtree's count less
 * its children's subtrees'.
 */
export const CAPACITY_PREFIXES = ["training.", "publicity.", "warnings."] as const;

/** The capacity counters among a rollup item's counters (what a rebuild from cases must keep). */
export const capacityCountersOf = (c: Counters): Counters =>
  Object.fromEntries(Object.entries(c).filter(([k]) => CAPACITY_PREFIXES.some((p) => k.startsWith(p))));

export function capacityFiguresOf(c: Counters) {
  const received = n(c, "warnings.received");
  const acked = n(c, "warnings.acked");
  return {
    trainingsHeld: n(c, "training.held"),
    trainingAttendances: n(c, "training.attended"),
    peopleTrained: n(c, "training.trained"),
    publicityEvents: n(c, "publicity.events"),
    peopleReached: n(c, "publicity.people"),
    materialsHandedOut: n(c, "publicity.materials"),
    consumerRightsDayEvents: n(c, "publicity.campaign.consumer_rights_day"),
    warningsReceived: received,
    warningsAcked: acked,
    warningAckRate: rate(acked, received),
  };
}
export type CapacityFigures = ReturnType<typeof capacityFiguresOf>;

/** Publicity events and people reached per kind, in display order. */
export const publicityByKindOf = (c: Counters) =>
  publicityKinds.map((kind: PublicityKind) => ({
    kind,
    label: publicityKindLabels[kind].zh,
    events: n(c, `publicity.kind.${kind}`),
  }));

/** Definitions shown with the figures (help drawer, workbook, report), in display order. */
export const capacityFigureDefinitions = [
  {
    key: "trainingsHeld",
    format: "count",
    label: "组织培训",
    labelEn: "Trainings held",
    definition: "期间内本单位及下级单位组织的业务培训场次（按培训日期统计）。",
    definitionEn:
      "Trainings organised by the unit and the units below it in the period (by the training's date).",
  },
  {
    key: "trainingAttendances",
    format: "count",
    label: "参训单位次",
    labelEn: "Training attendances",
    definition: "期间内本单位及下级单位参加业务培训的单位次数（一个单位参加一场计 1 次）。",
    definitionEn: "Trainings attended by the unit and the units below it, one per unit and training.",
  },
  {
    key: "peopleTrained",
    format: "count",
    label: "培训人次",
    labelEn: "People trained",
    definition: "期间内组织的培训登记的参训人员人次。",
    definitionEn: "People listed as attending the trainings organised in the period.",
  },
  {
    key: "publicityEvents",
    format: "count",
    label: "宣传活动",
    labelEn: "Publicity events",
    definition:
      "期间内开展的消费维权宣传活动次数（咨询台、讲座、发放资料、媒体、竞赛、展板等，按活动日期统计）。",
    definitionEn:
      "Publicity events held in the period (stalls, lectures, leaflets, media, contests, exhibitions…).",
  },
  {
    key: "peopleReached",
    format: "count",
    label: "宣传受众人次",
    labelEn: "People reached",
    definition: "宣传活动登记的受众人次合计。",
    definitionEn: "People reached, as recorded for each event.",
  },
  {
    key: "materialsHandedOut",
    format: "count",
    label: "发放宣传资料（份）",
    labelEn: "Materials handed out",
    definition: "宣传活动登记的发放资料份数合计。",
    definitionEn: "Leaflets and other materials handed out, as recorded for each event.",
  },
  {
    key: "consumerRightsDayEvents",
    format: "count",
    label: "3·15 活动",
    labelEn: "3·15 events",
    definition: "标记为 3·15 国际消费者权益日的宣传活动次数。",
    definitionEn: "Publicity events held for 3·15, World Consumer Rights Day.",
  },
  {
    key: "warningsReceived",
    format: "count",
    label: "收到消费警示",
    labelEn: "Warnings received",
    definition: "期间内发给本单位及下级单位的消费警示份数（每个接收单位计 1 份，按发布日期统计）。",
    definitionEn:
      "Warnings sent to the unit and the units below it, one per receiving unit (by the sending date).",
  },
  {
    key: "warningAckRate",
    format: "rate",
    label: "预警签收率",
    labelEn: "Warnings acknowledged",
    definition: "上述消费警示中已签收的份数 ÷ 收到的份数（按发布日期所在期间统计，后来签收的也计入）。",
    definitionEn:
      "Of those warnings, the ones acknowledged ÷ all received (counted in the sending period, also when acknowledged later).",
  },
] as const;
