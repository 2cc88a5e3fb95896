import { z } from "zod";
import { CallbackResult } from "../../cases/schema.ts";
import { MonthInput, text, Version } from "../../common/inputs.ts";

/**
 * The bureau's monthly sampled callbacks (抽查回访, seed 000: "每月对处理过的投诉进行一次抽查回访"). A round
 * draws, per month and scope, a stratified sample of the complaints closed in that month; bureau staff call
 * the consumers back and record what they hear. Labels are the console's and the report's.
 */
export const callbackIssueLabels = {
  slow: "处理不及时",
  attitude: "服务态度差",
  not_informed: "未告知处理结果",
  agreement_unfulfilled: "调解协议未履行",
  unfair: "认为处理结果不公",
  ledger_mismatch: "台账记录与实际不符",
  other: "其他问题",
} as const;
export const CallbackIssue = z.enum(
  Object.keys(callbackIssueLabels) as [
    keyof typeof callbackIssueLabels,
    ...(keyof typeof callbackIssueLabels)[],
  ],
);
export type CallbackIssue = z.infer<typeof CallbackIssue>;

/** The largest share, quota and seed a round accepts (a seed is shown to people: nine digits at most). */
export const MAX_SEED = 999_999_999;
/** A round larger than this is refused: a work list nobody can finish in a month is not a sample. */
export const MAX_ROUND_ITEMS = 2000;

/** The tenant's defaults for a round (settings `sampling`). */
export const SamplingDefaults = z.strictObject({
  share: z.number().gt(0).max(1),
  minPerUnit: z.number().int().min(0).max(50),
  maxPerUnit: z.number().int().min(1).max(200).nullable(),
});
export type SamplingDefaults = z.infer<typeof SamplingDefaults>;
export const defaultSampling: SamplingDefaults = { share: 0.2, minPerUnit: 1, maxPerUnit: 5 };

export const DrawRoundInput = z
  .object({
    month: MonthInput,
    share: z.number().gt(0, "抽样比例应大于 0").max(1, "抽样比例不能超过 1").optional(),
    minPerUnit: z.number().int().min(0).max(50).optional(),
    maxPerUnit: z.number().int().min(1).max(200).optional(),
    unitId: z.string().min(1).max(64).optional(),
    /** A seed announced beforehand (公开抽签); drawn at random when omitted. */
    seed: z.number().int().min(0).max(MAX_SEED).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.minPerUnit !== undefined && r.maxPerUnit !== undefined && r.minPerUnit > r.maxPerUnit)
      ctx.addIssue({ code: "custom", path: ["maxPerUnit"], message: "每单位最多抽取件数不能小于最少件数" });
  });
export type DrawRoundInput = z.infer<typeof DrawRoundInput>;

export const CallbackRecord = z.object({
  reached: z.boolean(),
  result: CallbackResult.nullable(),
  issues: z.array(CallbackIssue),
  note: z.string().nullable(),
  by: z.string(),
  byName: z.string(),
  at: z.string(),
});
export type CallbackRecord = z.infer<typeof CallbackRecord>;

/** One sampled case of a round and what its callbacks found. */
export const RoundItem = z.object({
  caseId: z.string(),
  trackingNo: z.string(),
  unitId: z.string(),
  kind: z.literal("complaint"),
  closedAt: z.string(),
  subject: z.string(),
  /** Masked always (刘*英): the number to call is a separate, audit-logged read. */
  consumerName: z.string().nullable(),
  /** SHA-256 of `{seed}:{trackingNo}`: the lot that ranked the case within its unit. */
  lot: z.string(),
  attempts: z.number().int().min(0),
  /** The last attempt: reached or not, and what the consumer said. */
  callback: CallbackRecord.nullable(),
  /** The follow-up an unsatisfied result opened for the handling unit. */
  followUpId: z.string().nullable(),
});
export type RoundItem = z.infer<typeof RoundItem>;

/** A round item as stored: with its round and the handling unit's path (who may see it, whose figures). */
export interface RoundItemRecord extends RoundItem {
  roundId: string;
  month: string;
  unitPath: string;
}

export const RoundProgress = z.object({
  total: z.number().int(),
  reached: z.number().int(),
  /** Tried but never reached. */
  unreached: z.number().int(),
  /** Never tried. */
  pending: z.number().int(),
  satisfied: z.number().int(),
  basically_satisfied: z.number().int(),
  unsatisfied: z.number().int(),
});
export type RoundProgress = z.infer<typeof RoundProgress>;

/** One handling unit's part of the population and of the sample. */
export const Stratum = z.object({
  unitId: z.string(),
  population: z.number().int(),
  sampled: z.number().int(),
});
export type Stratum = z.infer<typeof Stratum>;

export const RoundHeader = z.object({
  id: z.string(),
  month: z.string(),
  /** The scope: the unit whose subtree's closed complaints were the population. */
  unitId: z.string(),
  share: z.number(),
  minPerUnit: z.number().int(),
  maxPerUnit: z.number().int().nullable(),
  seed: z.number().int(),
  /** "drawing" only while a draw is being written (a retried POST finishes it). */
  status: z.enum(["drawing", "ready"]),
  drawnAt: z.string(),
  drawnBy: z.string(),
  drawnByName: z.string(),
  population: z.number().int(),
  strata: z.array(Stratum),
  progress: RoundProgress,
  version: z.number().int(),
});
export type RoundHeader = z.infer<typeof RoundHeader>;

/** A round header as stored: with the scope's path. */
export interface RoundRecord extends RoundHeader {
  scopePath: string;
}

export const Round = RoundHeader.extend({
  items: z.array(RoundItem),
  /** How the sample was drawn, in words a county can show an inspector. */
  method: z.string(),
  /** The caller sees only its own subtree's part of a wider round. */
  partial: z.boolean(),
  /** May the caller record callbacks on this round (and read the consumers' numbers)? */
  canCallBack: z.boolean(),
});
export type Round = z.infer<typeof Round>;

export const RoundSummary = RoundHeader.omit({ strata: true });
export type RoundSummary = z.infer<typeof RoundSummary>;

export const CallbackInput = z
  .object({
    reached: z.boolean(),
    result: CallbackResult.optional(),
    issues: z
      .array(CallbackIssue)
      .max(Object.keys(callbackIssueLabels).length)
      .refine((a) => new Set(a).size === a.length, "问题类型不能重复")
      .optional(),
    note: text(1000).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.reached && !c.result)
      ctx.addIssue({ code: "custom", path: ["result"], message: "接通后须记录回访结果" });
    if (!c.reached && c.result)
      ctx.addIssue({ code: "custom", path: ["result"], message: "未接通时不能记录回访结果" });
  });
export type CallbackInput = z.infer<typeof CallbackInput>;

/** The consumer's contact for the call (bureau staff only, audit-logged). */
export const ConsumerContact = z.object({
  caseId: z.string(),
  trackingNo: z.string(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
});

/** A follow-up the handling unit owes after an unsatisfied verified callback. */
export const FollowUp = z.object({
  id: z.string(),
  roundId: z.string(),
  month: z.string(),
  caseId: z.string(),
  trackingNo: z.string(),
  unitId: z.string(),
  subject: z.string(),
  issues: z.array(CallbackIssue),
  note: z.string().nullable(),
  openedAt: z.string(),
  openedBy: z.string(),
  openedByName: z.string(),
  status: z.enum(["open", "closed"]),
  closing: z.object({ note: z.string(), at: z.string(), by: z.string(), byName: z.string() }).nullable(),
  version: z.number().int(),
});
export type FollowUp = z.infer<typeof FollowUp>;
export interface FollowUpRecord extends FollowUp {
  unitPath: string;
}

export const CloseFollowUpInput = z.object({ version: Version, note: text(2000) }).strict();
export type CloseFollowUpInput = z.infer<typeof CloseFollowUpInput>;
