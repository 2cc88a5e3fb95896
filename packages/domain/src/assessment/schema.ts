import { z } from "zod";
import { AttachmentIds, AttachmentRef, MAX_ATTACHMENTS_PER_RECORD } from "../attachments/schema.ts";
import { line, text, Version, YearInput } from "../common/inputs.ts";
import { metricCodes } from "./metrics.ts";

export const MetricCode = z.enum(metricCodes);
export type MetricCode = z.infer<typeof MetricCode>;

/** A year in a body or query: "2026" (a number 2026 is read the same way). */
export const AssessmentYear = z
  .union([YearInput, z.number().int().min(2000).max(2099).transform(String)])
  .refine((y) => y >= "2000" && y <= "2099", "年份应在 2000–2099 之间");

/** An item code on a sheet: letters, digits, `_`, `-`, `.` (stable keys for scores and Excel columns). */
export const ItemCode = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,40}$/, "编号只能由字母、数字、下划线、点或连字符组成");

export const ThresholdScale = z.strictObject({
  thresholds: z
    .array(
      z.strictObject({ atLeast: z.number().min(0).max(1_000_000), points: z.number().int().min(0).max(100) }),
    )
    .min(1)
    .max(20),
});
export const Scale = z.union([z.literal("linear"), ThresholdScale]);
export type Scale = z.infer<typeof Scale>;

/** What an auto item scores when its metric has no denominator (a point with no complaints all year). */
export const IfNoData = z.enum(["full", "zero", "manual"]);

export const TemplateItem = z
  .strictObject({
    code: ItemCode,
    title: line(100),
    maxPoints: z.number().int().min(1).max(100),
    source: z.enum(["manual", "auto"]),
    metric: MetricCode.optional(),
    scale: Scale.optional(),
    /** A count metric's yearly target per unit (a linear scale gives full points at target × units). */
    target: z.number().int().min(1).max(10_000).optional(),
    /** Default `full`: deduction-based scoring does not deduct where there was nothing to do. */
    ifNoData: IfNoData.optional(),
    /** 考核要点 / 评分标准: what the inspector looks at, printed on the sheet. */
    guidance: text(1000).optional(),
  })
  .superRefine((item, ctx) => {
    if (item.source === "auto" && !item.metric)
      ctx.addIssue({ code: "custom", path: ["metric"], message: "自动计分项须指定指标（metric）" });
    if (item.source === "manual" && (item.metric || item.scale || item.target || item.ifNoData))
      ctx.addIssue({
        code: "custom",
        path: ["source"],
        message: "人工评分项不能指定指标、计分方式、目标或无数据时的分值",
      });
    if (item.scale && item.scale !== "linear")
      item.scale.thresholds.forEach((t, i) => {
        if (t.points > item.maxPoints)
          ctx.addIssue({
            code: "custom",
            path: ["scale", "thresholds", i, "points"],
            message: "档位分值不能超过该项满分",
          });
      });
  });
export type TemplateItem = z.infer<typeof TemplateItem>;

export const StarRule = z.strictObject({
  atLeast: z.number().int().min(0).max(100),
  stars: z.number().int().min(1).max(5),
});

const uniqueCodes = <T extends { code: string }>(items: T[], ctx: z.RefinementCtx, prefix: string[]) =>
  items.forEach((it, i) => {
    if (items.findIndex((o) => o.code === it.code) !== i)
      ctx.addIssue({ code: "custom", path: [...prefix, i, "code"], message: `编号 ${it.code} 重复` });
  });

const TemplateFields = z.object({
  year: AssessmentYear,
  name: line(100),
  appliesTo: z
    .array(z.enum(["station", "point"]))
    .min(1)
    .max(2)
    .refine((a) => new Set(a).size === a.length, "单位类型重复"),
  items: z.array(TemplateItem).min(1).max(50),
  stars: z
    .array(StarRule)
    .max(5)
    .refine((s) => new Set(s.map((r) => r.stars)).size === s.length, "星级重复")
    .optional(),
});

export const CreateTemplateInput = TemplateFields.strict().superRefine((t, ctx) =>
  uniqueCodes(t.items, ctx, ["items"]),
);
export type CreateTemplateInput = z.infer<typeof CreateTemplateInput>;

export const PatchTemplateInput = TemplateFields.partial()
  .extend({ version: Version })
  .strict()
  .superRefine((t, ctx) => t.items && uniqueCodes(t.items, ctx, ["items"]));
export type PatchTemplateInput = z.infer<typeof PatchTemplateInput>;

export const Template = z.object({
  id: z.string(),
  year: z.string(),
  name: z.string(),
  appliesTo: z.array(z.enum(["station", "point"])),
  items: z.array(TemplateItem),
  stars: z.array(StarRule),
  /** The assessment made from it; a template in use can no longer change. */
  assessmentId: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
});
export type Template = z.infer<typeof Template>;

export const CreateAssessmentInput = z
  .object({ templateId: z.string().min(1).max(64), year: AssessmentYear })
  .strict();

export const SheetItem = z.object({
  code: z.string(),
  points: z.number().nullable(),
  auto: z.boolean(),
  /** An auto item's frozen inputs. */
  input: z.object({ numerator: z.number(), denominator: z.number() }).optional(),
  /** An auto item without data that fell back to its `ifNoData` rule. */
  noData: z.boolean().optional(),
  note: z.string().optional(),
  /** A manual item's evidence: photos or scans of what the scorer saw (linked to the sheet's unit). */
  attachments: z.array(AttachmentRef).optional(),
  scoredBy: z.string().optional(),
  scoredAt: z.string().optional(),
});
export type SheetItem = z.infer<typeof SheetItem>;

export const Sheet = z.object({
  assessmentId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  unitType: z.enum(["station", "point"]),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  items: z.array(SheetItem),
  /** Null while a manual item is unscored. */
  total: z.number().nullable(),
  /** After finalize: rank among the units of the same type (1 = best, ties share a rank). */
  rank: z.number().int().nullable(),
  stars: z.number().int().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Sheet = z.infer<typeof Sheet>;

export const AssessmentStatus = z.enum(["creating", "scoring", "finalizing", "finalized"]);
export type AssessmentStatus = z.infer<typeof AssessmentStatus>;

export const SignOff = z.object({
  by: z.string(),
  name: z.string(),
  at: z.string(),
  note: z.string().optional(),
});

export const AssessmentHeader = z.object({
  id: z.string(),
  year: z.string(),
  templateId: z.string(),
  name: z.string(),
  /** The template as it was when the assessment was made (frozen with it). */
  template: Template.pick({ appliesTo: true, items: true, stars: true }),
  status: AssessmentStatus,
  /** While `creating`: sheets written so far of all. */
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  sheetCount: z.number().int(),
  /** Manual items still unscored over all sheets (finalize needs 0). */
  unscoredItems: z.number().int(),
  /** When the auto items were computed from the year's data. */
  computedAt: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  finalizedAt: z.string().nullable(),
  finalizedBy: z.string().nullable(),
  signOff: SignOff.nullable(),
  version: z.number().int(),
});
export type AssessmentHeader = z.infer<typeof AssessmentHeader>;

export const Assessment = AssessmentHeader.extend({
  /** One page of sheets: in tree order while scoring, by rank once finalized. */
  sheets: z.array(Sheet),
  nextCursor: z.string().nullable(),
});

/**
 * A sheet's evidence in one patch: each file belongs to one item, and at most a record's worth of files
 * (the score and its file links are one DynamoDB transaction, at most 100 items).
 */
const evidenceOnce = (items: { attachmentIds?: string[] }[], ctx: z.RefinementCtx) => {
  const named = new Set<string>();
  for (const [i, item] of items.entries())
    for (const [j, id] of (item.attachmentIds ?? []).entries()) {
      if (named.has(id))
        ctx.addIssue({
          code: "custom",
          path: [i, "attachmentIds", j],
          message: "同一附件只能作为一个项目的证据",
        });
      named.add(id);
    }
  if (named.size > MAX_ATTACHMENTS_PER_RECORD)
    ctx.addIssue({
      code: "custom",
      path: [],
      message: `一张考核表一次最多 ${MAX_ATTACHMENTS_PER_RECORD} 个附件`,
    });
};

export const PatchSheetInput = z
  .object({
    version: Version,
    items: z
      .array(
        z.strictObject({
          code: ItemCode,
          points: z.number().min(0).max(100).nullable(),
          note: text(500).optional(),
          /** The item's evidence as it should be (the whole list: ids left out are no longer shown). */
          attachmentIds: AttachmentIds.optional(),
        }),
      )
      .min(1)
      .max(50)
      .superRefine((items, ctx) => {
        uniqueCodes(items, ctx, []);
        evidenceOnce(items, ctx);
      }),
  })
  .strict();
export type PatchSheetInput = z.infer<typeof PatchSheetInput>;

export const SignOffInput = z.object({ note: text(500).optional() }).strict();

export const AssessmentListQuery = z.object({ year: YearInput.optional() });
export const SheetsQuery = z.object({
  order: z.enum(["tree", "rank"]).optional(),
  /** Only this unit and the units below it. */
  unitId: z.string().min(1).max(64).optional(),
});
