import { z } from "zod";
import { dateInput, line, QuarterInput, text, Version } from "../../common/inputs.ts";

/**
 * Quarterly inspections (检查, seed 000: "每季度…进行一次检查、考核") of a unit against the tenant's
 * checklist, with findings the unit rectifies and the inspector verifies.
 */
export const ChecklistCode = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "检查项代码为小写字母、数字和下划线");

export const ChecklistItem = z.strictObject({ code: ChecklistCode, text: line(200) });
export type ChecklistItem = z.infer<typeof ChecklistItem>;

/** The settings' checklist: 1–50 items, codes unique. */
export const Checklist = z
  .array(ChecklistItem)
  .min(1)
  .max(50)
  .superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((it, i) => {
      if (seen.has(it.code)) ctx.addIssue({ code: "custom", path: [i, "code"], message: "检查项代码重复" });
      seen.add(it.code);
    });
  });

/** The default checklist, from the station standards (四个一, 四统一, seed 004's duties). */
export const defaultInspectionChecklist: ChecklistItem[] = [
  { code: "four_ones", text: "四个一：有专（兼）职人员、有牌匾、有电话、有台账" },
  { code: "four_unified", text: "四统一：名称、牌匾样式、工作职责、文书格式统一" },
  { code: "ledger_complete", text: "台账完整、登记及时，与实际受理情况一致" },
  { code: "cases_on_time", text: "投诉在规定时限内受理、调解、办结" },
  { code: "publicity_displayed", text: "宣传资料、投诉电话和工作制度公示上墙" },
];

export const CheckResult = z.enum(["pass", "fail", "na"]);
export const checkResultLabels = { pass: "合格", fail: "不合格", na: "不适用" } as const;

export const findingStatusLabels = { open: "待整改", rectified: "待核验", verified: "已整改" } as const;
export const FindingStatus = z.enum(["open", "rectified", "verified"]);

const AttachmentIds = z.array(z.string().min(1).max(64)).max(20);
const Inspectors = z.array(line(50)).min(1, "至少填写一名检查人").max(10);
const Results = z
  .array(z.strictObject({ code: ChecklistCode, result: CheckResult, note: text(500).optional() }))
  .min(1)
  .max(50);

export const NewFindingInput = z.strictObject({ text: text(1000), dueBy: dateInput("end") });

export const CreateInspectionInput = z
  .object({
    unitId: z.string().min(1).max(64),
    quarter: QuarterInput,
    inspectedAt: dateInput("start"),
    inspectors: Inspectors,
    results: Results,
    findings: z.array(NewFindingInput).max(30).optional(),
    note: text(2000).optional(),
    attachmentIds: AttachmentIds.optional(),
  })
  .strict();
export type CreateInspectionInput = z.infer<typeof CreateInspectionInput>;

/** An edit of an inspection's record (not of its findings, which move by rectify / verify). */
export const UpdateInspectionInput = z
  .object({
    version: Version,
    inspectedAt: dateInput("start").optional(),
    inspectors: Inspectors.optional(),
    results: Results.optional(),
    note: text(2000).nullable().optional(),
    attachmentIds: AttachmentIds.optional(),
    /** More findings raised on the same visit. */
    addFindings: z.array(NewFindingInput).max(30).optional(),
  })
  .strict();
export type UpdateInspectionInput = z.infer<typeof UpdateInspectionInput>;

export const RectifyInput = z
  .object({ note: text(2000), attachmentIds: AttachmentIds.optional(), version: Version.optional() })
  .strict();
export type RectifyInput = z.infer<typeof RectifyInput>;

export const VerifyInput = z
  .object({ accepted: z.boolean(), note: text(2000).optional(), version: Version.optional() })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.accepted && !v.note)
      ctx.addIssue({ code: "custom", path: ["note"], message: "退回整改时请写明原因" });
  });
export type VerifyInput = z.infer<typeof VerifyInput>;

const Signed = z.object({ note: z.string(), at: z.string(), by: z.string(), byName: z.string() });

export const Finding = z.object({
  id: z.string(),
  inspectionId: z.string(),
  unitId: z.string(),
  text: z.string(),
  dueBy: z.string(),
  status: FindingStatus,
  rectification: Signed.extend({ attachmentIds: z.array(z.string()) }).nullable(),
  verification: Signed.extend({ accepted: z.boolean() }).nullable(),
  /** The inspector who accepted the rectification. */
  verifiedBy: z.string().nullable(),
  /** Every rectification and verdict, oldest first (a rejected rectification stays on record). */
  history: z.array(Signed.extend({ action: z.enum(["rectify", "accept", "reject"]) })),
  /** Open past its due date (as of the request). */
  overdue: z.boolean(),
  version: z.number().int(),
});
export type Finding = z.infer<typeof Finding>;
export interface FindingRecord extends Omit<Finding, "overdue"> {
  unitPath: string;
  quarter: string;
  /** The inspection's month: where the finding is counted. */
  month: string;
  /** The due date the daily job last told the unit about (each lapse once). */
  overdueNoticed?: string;
  /** Its place among the inspection's findings as entered (records written before it have none). */
  seq?: number;
}

export const InspectionResult = z.object({
  code: z.string(),
  /** The checklist item's wording when the inspection was recorded. */
  text: z.string(),
  result: CheckResult,
  note: z.string().nullable(),
});

export const InspectionHeader = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  unitType: z.string(),
  quarter: z.string(),
  inspectedAt: z.string(),
  inspectors: z.array(z.string()),
  results: z.array(InspectionResult),
  /** Passed ÷ (passed + failed) checks; null when every item was n/a. */
  passRate: z.number().min(0).max(1).nullable(),
  note: z.string().nullable(),
  attachmentIds: z.array(z.string()),
  findingCounts: z.object({
    open: z.number().int(),
    rectified: z.number().int(),
    verified: z.number().int(),
  }),
  createdBy: z.string(),
  createdByName: z.string(),
  /** The inspecting unit (the bureau or an office): told when a finding is rectified. */
  inspectorUnitId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type InspectionHeader = z.infer<typeof InspectionHeader>;
export interface InspectionRecord extends InspectionHeader {
  unitPath: string;
}

export const Inspection = InspectionHeader.extend({
  findings: z.array(Finding),
  /** May the caller edit the inspection and verify its findings? */
  canInspect: z.boolean(),
  /** May the caller rectify its findings? */
  canRectify: z.boolean(),
});
export type Inspection = z.infer<typeof Inspection>;

export const InspectionListQuery = z.object({
  quarter: QuarterInput.optional(),
  unitId: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(2000).optional(),
});

export const FindingListQuery = z.object({
  status: FindingStatus.default("open"),
  unitId: z.string().min(1).max(64).optional(),
  overdue: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(2000).optional(),
});

export const InspectionCoverage = z.object({
  quarter: z.string(),
  units: z.array(
    z.object({
      unitId: z.string(),
      parentId: z.string().nullable(),
      name: z.string(),
      type: z.string(),
      inspections: z.number().int(),
      lastInspectedAt: z.string().nullable(),
    }),
  ),
  inspected: z.number().int(),
  total: z.number().int(),
  /** Inspected ÷ active stations and points in view; null when there are none. */
  inspectedShare: z.number().min(0).max(1).nullable(),
});
export type InspectionCoverage = z.infer<typeof InspectionCoverage>;
