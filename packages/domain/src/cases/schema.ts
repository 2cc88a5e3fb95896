import { z } from "zod";
import { AttachmentIds, AttachmentRef } from "../attachments/schema.ts";
import { Fen, line, text, Version } from "../common/inputs.ts";
import type { RuleSetId as RuleSetIdType } from "./clock/rules.ts";
import { isValidCreditCode, isValidIdNumber } from "./identifiers.ts";
import {
  callbackResultLabels,
  pauseReasonLabels,
  rejectReasonLabels,
  terminateReasonLabels,
} from "./reasons.ts";
import {
  CATEGORY_CODE,
  caseKindLabels,
  channelLabels,
  nationalCategoryOf,
  natureLabels,
  requestTypeLabels,
} from "./taxonomy.ts";
import { caseActionLabels, caseStatusLabels } from "./workflow.ts";

const keysOf = <T extends Record<string, unknown>>(o: T) =>
  Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export type CaseKind = z.infer<typeof CaseKind>;
export const CaseKind = z.enum(keysOf(caseKindLabels));
export type Channel = z.infer<typeof Channel>;
export const Channel = z.enum(keysOf(channelLabels));
export type CaseStatus = z.infer<typeof CaseStatus>;
export const CaseStatus = z.enum(keysOf(caseStatusLabels));
export type CaseAction = z.infer<typeof CaseAction>;
export const CaseAction = z.enum(keysOf(caseActionLabels));
export type Nature = z.infer<typeof Nature>;
export const Nature = z.enum(keysOf(natureLabels));
export type RequestType = z.infer<typeof RequestType>;
export const RequestType = z.enum(keysOf(requestTypeLabels));
export type RejectReason = z.infer<typeof RejectReason>;
export const RejectReason = z.enum(keysOf(rejectReasonLabels));
export type TerminateReason = z.infer<typeof TerminateReason>;
export const TerminateReason = z.enum(keysOf(terminateReasonLabels));
export type CallbackResult = z.infer<typeof CallbackResult>;
export const CallbackResult = z.enum(keysOf(callbackResultLabels));
export type PauseReason = z.infer<typeof PauseReason>;
export const PauseReason = z.enum(keysOf(pauseReasonLabels));
const RuleSetId = z.enum(["samr-20-2022", "samr-121"]) satisfies z.ZodType<RuleSetIdType>;

/** Mobile (13812348000) or landline with area code (022-29241234, 02229241234, extension allowed). */
export const PhoneNumber = z
  .string()
  .trim()
  .regex(
    /^(\+?86[- ]?)?(1[3-9]\d{9}|0\d{2,3}[- ]?\d{7,8}([- ]\d{1,6})?)$/,
    "请填写正确的手机号或带区号的固定电话",
  );

export const CategoryCode = z
  .string()
  .trim()
  .max(80)
  .regex(CATEGORY_CODE, "类别代码格式不正确")
  .refine((c) => nationalCategoryOf(c) !== undefined, "不是全国统一的投诉类别");

export const Consumer = z.object({
  name: line(50, { min: 0 }).optional(),
  phone: PhoneNumber.optional(),
  address: line(200, { min: 0 }).optional(),
  idNumber: z.string().trim().toUpperCase().refine(isValidIdNumber, "身份证号码校验不通过").optional(),
});
export const Business = z.object({
  name: line(100, { min: 0 }).optional(),
  address: line(200, { min: 0 }).optional(),
  creditCode: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isValidCreditCode, "统一社会信用代码校验不通过")
    .optional(),
});

/** The two consents of the official complaint registration form. */
export const Consents = z.object({
  publish: z.boolean().default(false),
  mediation: z.boolean().default(false),
});

const CaseFields = z.object({
  kind: CaseKind,
  channel: Channel,
  unitId: z.string().min(1).max(64).optional(),
  consumer: Consumer.optional(),
  business: Business.optional(),
  category: CategoryCode,
  nature: Nature.optional(),
  subject: line(100),
  description: text(5000),
  request: text(1000).optional(),
  requestTypes: z.array(RequestType).max(7).optional(),
  consents: Consents.optional(),
  amountFen: Fen.max(100_000_000_000).optional(),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
});

/**
 * A new case. For a complaint the regulation requires the complainant's name, phone and address, the
 * business's name and address, the request and the facts: each missing one is named in the 400. A
 * consultation needs somebody to answer (name and phone); a report may be anonymous.
 */
export const CreateCaseInput = CaseFields.extend({
  consumer: Consumer.strict().optional(),
  business: Business.strict().optional(),
  consents: Consents.strict().optional(),
  /** Evidence uploaded beforehand (POST /v1/attachments), linked to the new case. */
  attachmentIds: AttachmentIds.optional(),
})
  // Unknown keys are refused at their own path (a misspelt field is not silently dropped).
  .strict()
  .superRefine((c, ctx) => {
    const need = (ok: unknown, path: (string | number)[], what: string) => {
      if (!ok) ctx.addIssue({ code: "custom", path, message: `投诉必须填写${what}` });
    };
    if (c.kind === "complaint") {
      need(c.consumer?.name, ["consumer", "name"], "投诉人姓名");
      need(c.consumer?.phone, ["consumer", "phone"], "投诉人电话");
      need(c.consumer?.address, ["consumer", "address"], "投诉人地址");
      need(c.business?.name, ["business", "name"], "被投诉人名称");
      need(c.business?.address, ["business", "address"], "被投诉人地址");
      need(c.request || c.requestTypes?.length, ["request"], "投诉请求");
    }
    if (c.kind === "consultation") {
      if (!c.consumer?.name)
        ctx.addIssue({ code: "custom", path: ["consumer", "name"], message: "请填写咨询人姓名" });
      if (!c.consumer?.phone)
        ctx.addIssue({ code: "custom", path: ["consumer", "phone"], message: "请填写咨询人电话" });
    }
  });
export type CreateCaseInput = z.infer<typeof CreateCaseInput>;

export const CasePause = z.object({
  from: z.string(),
  to: z.string().optional(),
  reason: PauseReason.optional(),
});

export const CaseDeadlines = z.object({
  acceptBy: z.string().optional(),
  mediateBy: z.string().optional(),
  handOverBy: z.string().optional(),
  checkBy: z.string().optional(),
});

export const Case = CaseFields.extend({
  id: z.string(),
  /** Evidence and photos linked on registration or with an action. */
  attachments: z.array(AttachmentRef).optional(),
  trackingNo: z.string(),
  status: CaseStatus,
  unitId: z.string(),
  originUnitId: z.string(),
  /** GET /v1/cases/{id}: the registering unit's name, also when it lies outside the reader's units. */
  originUnitName: z.string().optional(),
  consumer: Consumer,
  business: Business,
  nature: Nature.nullable(),
  request: z.string().nullable(),
  amountFen: z.number().int().nullable(),
  recoveredFen: z.number().int(),
  receivedAt: z.string(),
  ruleSet: RuleSetId,
  deadlines: CaseDeadlines,
  /** The deadline of the clock running now, if any. */
  dueBy: z.string().nullable(),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
  paused: z.boolean(),
  pauses: z.array(CasePause),
  escalatedFrom: CaseStatus.optional(),
  acceptedAt: z.string().optional(),
  decidedAt: z.string().optional(),
  closedAt: z.string().optional(),
  rejection: z.object({ reason: RejectReason, note: z.string().optional() }).optional(),
  ending: z.object({ reason: TerminateReason, note: z.string().optional() }).optional(),
  agreement: z.string().optional(),
  handOver: z.object({ to: z.string(), at: z.string() }).optional(),
  feedback: z.string().optional(),
  answer: z.string().optional(),
  referredTo: z.string().optional(),
  callback: z
    .object({ result: CallbackResult, note: z.string().optional(), at: z.string(), by: z.string() })
    .optional(),
  /** The consumer's own rating on the public page after closure (once). */
  rating: z.object({ result: CallbackResult, note: z.string().optional(), at: z.string() }).optional(),
  version: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** For the caller: may they act on the case, which actions are allowed now, was personal data masked. */
  canHandle: z.boolean(),
  allowedActions: z.array(CaseAction),
  masked: z.boolean(),
});
export type Case = z.infer<typeof Case>;

export const TimelineEvent = z.object({
  at: z.string(),
  // `sampling_callback`: the bureau's verified callback (supervision), kept apart from the unit's own `callback`.
  action: z.union([CaseAction, z.literal("create"), z.literal("rating"), z.literal("sampling_callback")]),
  by: z.string(),
  byName: z.string(),
  unitId: z.string(),
  fromStatus: CaseStatus.optional(),
  toStatus: CaseStatus,
  note: z.string().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const CaseWithTimeline = Case.extend({ timeline: z.array(TimelineEvent) });

const note = text(2000, { min: 0 }).optional();
const base = { version: Version.min(1), note, attachmentIds: AttachmentIds.optional() };

/** One action on a case, with the facts it needs (api.md § Cases, transitions). */
export const TransitionInput = z
  .discriminatedUnion("action", [
    z.strictObject({ action: z.literal("accept"), ...base }),
    z.strictObject({ action: z.literal("reject"), reason: RejectReason, ...base }),
    z.strictObject({ action: z.literal("record_mediation_consent"), ...base }),
    z.strictObject({ action: z.literal("start_mediation"), ...base }),
    z.strictObject({ action: z.literal("pause_clock"), reason: PauseReason, ...base }),
    z.strictObject({ action: z.literal("resume_clock"), ...base }),
    z.strictObject({
      action: z.literal("resolve"),
      agreement: text(5000),
      recoveredFen: Fen.max(100_000_000_000),
      ...base,
    }),
    z.strictObject({ action: z.literal("fail"), reason: TerminateReason, ...base }),
    z.strictObject({ action: z.literal("terminate"), reason: TerminateReason, ...base }),
    z.strictObject({ action: z.literal("escalate"), toUnitId: z.string().min(1).max(64), ...base }),
    z.strictObject({ action: z.literal("hand_over"), to: line(200), ...base }),
    z.strictObject({ action: z.literal("record_feedback"), result: text(2000), ...base }),
    z.strictObject({ action: z.literal("answer"), answer: text(5000), ...base }),
    z.strictObject({ action: z.literal("refer"), to: line(200), ...base }),
    z.strictObject({ action: z.literal("close"), ...base }),
    z.strictObject({ action: z.literal("callback"), result: CallbackResult, ...base }),
  ])
  .superRefine((t, ctx) => {
    if ("reason" in t && t.reason === "other_legal_ground" && !t.note) {
      ctx.addIssue({ code: "custom", path: ["note"], message: "选择“其他情形”时请在备注中写明依据" });
    }
  });
export type TransitionInput = z.infer<typeof TransitionInput>;

const flag = z.enum(["true", "false"]).transform((v) => v === "true");
const period = z.union([z.iso.date(), z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "月份格式为 2026-11")]);

export const CaseListQuery = z.object({
  status: z
    .string()
    .max(300)
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(CaseStatus))
    .optional(),
  kind: CaseKind.optional(),
  /** A national class or sub-code: lists that code and every sub-code below it. */
  category: z.string().max(80).regex(CATEGORY_CODE, "类别代码格式不正确").optional(),
  unitId: z.string().min(1).max(64).optional(),
  subtree: flag.optional(),
  overdue: flag.optional(),
  dueSoon: flag.optional(),
  from: period.optional(),
  to: period.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  /** The consumer's full phone number (a personal-data lookup: each page of it is audited). */
  phone: PhoneNumber.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(2000).optional(),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

/** One ledger row: what lists show, personal data already masked. */
export const CaseSummary = Case.pick({
  id: true,
  trackingNo: true,
  kind: true,
  channel: true,
  status: true,
  unitId: true,
  originUnitId: true,
  category: true,
  subject: true,
  amountFen: true,
  recoveredFen: true,
  receivedAt: true,
  deadlines: true,
  dueBy: true,
  overdue: true,
  dueSoon: true,
  paused: true,
  version: true,
  updatedAt: true,
}).extend({
  consumerName: z.string().nullable(),
  businessName: z.string().nullable(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;
