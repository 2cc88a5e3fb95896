import { z } from "zod";
import { TRACKING_NO } from "../cases/identifiers.ts";
import { callbackResultLabels } from "../cases/reasons.ts";
import {
  Business,
  CallbackResult,
  CaseKind,
  CaseStatus,
  CategoryCode,
  Consumer,
  CreateCaseInput,
  Nature,
  RequestType,
} from "../cases/schema.ts";
import { line, text } from "../common/inputs.ts";
import { QUERY_CODE } from "./code.ts";

/** The public directory of a tenant: its name, the notice to accept, its active stations and points. */
export const PublicDirectory = z.object({
  name: z.string(),
  countyCode: z.string(),
  consentNotice: z.string(),
  units: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      type: z.enum(["station", "point"]),
      parentId: z.string().nullable(),
      /** Public contact details (as on the plaque and the contact card); never staff names or mobiles. */
      address: z.string().optional(),
      phone: z.string().optional(),
      hours: z.string().optional(),
    }),
  ),
});
export type PublicDirectory = z.infer<typeof PublicDirectory>;

const PublicFields = z.strictObject({
  kind: CaseKind,
  /** An active station or point of the tenant; absent: the bureau's own ledger. */
  unitId: z.string().min(1).max(64).optional(),
  consumer: Consumer.strict().optional(),
  business: Business.strict().optional(),
  category: CategoryCode,
  nature: Nature.optional(),
  subject: line(100),
  description: text(5000),
  request: text(1000).optional(),
  requestTypes: z.array(RequestType).max(7).optional(),
  amountFen: z.number().int().min(0).max(100_000_000_000).optional(),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  consent: z.literal(true, { error: "请阅读并同意《个人信息处理告知》" }),
  /** Honeypot: hidden from people, so only a form-filling robot writes here. */
  website: z.string().max(2000).optional(),
});

/**
 * A case filed by a consumer. The regulation's required fields are the staff form's (`CreateCaseInput`),
 * applied here by running that schema, so both intakes can never disagree.
 */
export const PublicCaseInput = PublicFields.check(
  z.superRefine(
    (c: Record<string, unknown>, ctx) => {
      const { consent: _c, website: _w, ...fields } = c;
      const staff = CreateCaseInput.safeParse({ ...fields, channel: "online" });
      if (staff.success) return;
      for (const issue of staff.error.issues) {
        if (issue.code === "custom")
          ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
      }
    },
    // Run even when another field failed (a missing consent), so one answer names every missing field.
    { when: (p) => typeof p.value === "object" && p.value !== null },
  ),
);
export type PublicCaseInput = z.infer<typeof PublicCaseInput>;

export const PublicFiled = z.object({
  trackingNo: z.string(),
  /** Shown once, never stored in plain: the consumer must keep it. */
  queryCode: z.string(),
});

export const PublicCaseParams = z.object({
  countyCode: z.string().regex(/^\d{6}$/, "区县代码为 6 位数字"),
  trackingNo: z.string().regex(TRACKING_NO, "不是案件编号"),
});

export const PublicCodeQuery = z.object({
  code: z
    .string()
    .max(40)
    .transform((s) => s.replace(/[\s-]/g, "").toUpperCase())
    .pipe(z.string().regex(QUERY_CODE, "查询码为 10 位字母数字")),
});

/** A case as its consumer may follow it: no personal data, no staff names, no notes. */
export const PublicCaseStatus = z.object({
  trackingNo: z.string(),
  kind: CaseKind,
  status: CaseStatus,
  receivedAt: z.string(),
  timeline: z.array(z.object({ at: z.string(), action: z.string() })),
  /** The consumer's rating, once given. */
  rating: z.object({ result: CallbackResult, at: z.string() }).nullable(),
  /** Closed and not rated yet. */
  canRate: z.boolean(),
});
export type PublicCaseStatus = z.infer<typeof PublicCaseStatus>;

export const RatingInput = z.strictObject({
  result: CallbackResult,
  note: text(500, { min: 0 }).optional(),
});
export type RatingInput = z.infer<typeof RatingInput>;

export const ratingLabels = callbackResultLabels;
