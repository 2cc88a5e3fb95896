import { z } from "zod";
import { ItemCode } from "../assessment/schema.ts";
import { dateInput, line, text, Version, YearInput } from "../common/inputs.ts";
import { MAX_SEED } from "../supervision/sampling/schema.ts";

/** 五个一 of seed 003: the default creation checklist of a 无传销社区 campaign. */
export const defaultCampaignChecklist = [
  { code: "contact_card", text: "派发一张联系卡" },
  { code: "info_platform", text: "建立一个信息平台" },
  { code: "open_letter", text: "发放一封公开信" },
  { code: "responsibility_letter", text: "签订一份责任书" },
  { code: "supervision_network", text: "构建一个监管网" },
] as const;

export const campaignKindLabels = { pyramid_free: "无传销社区", other: "其他创建活动" } as const;
export const CampaignKind = z.enum(["pyramid_free", "other"]);

/** enrolled → created → passed | failed (an inspected unit is passed or failed by the pass mark). */
export const CampaignUnitStatus = z.enum(["enrolled", "created", "passed", "failed"]);
export type CampaignUnitStatus = z.infer<typeof CampaignUnitStatus>;
export const campaignUnitStatusLabels: Record<CampaignUnitStatus, string> = {
  enrolled: "已纳入",
  created: "已创建",
  passed: "检查合格",
  failed: "检查不合格",
};

const Rate = z.number().min(0).max(1);
const ScoreItem = z.strictObject({
  code: ItemCode,
  title: line(100),
  maxPoints: z.number().int().min(1).max(100),
});
const ChecklistItem = z.strictObject({ code: ItemCode, text: line(100) });

const uniqueCodes = (items: { code: string }[], ctx: z.RefinementCtx, path: string) =>
  items.forEach((it, i) => {
    if (items.findIndex((o) => o.code === it.code) !== i)
      ctx.addIssue({ code: "custom", path: [path, i, "code"], message: `编号 ${it.code} 重复` });
  });

const YearField = z.union([YearInput, z.number().int().min(2000).max(2099).transform(String)]);

export const CreateCampaignInput = z
  .object({
    name: line(100),
    kind: CampaignKind,
    year: YearField,
    deadline: dateInput("end"),
    /** Points to enrol; default every active point of the tenant. */
    unitIds: z.array(z.string().min(1).max(64)).min(1).max(5000).optional(),
    targets: z.object({ creationRate: Rate, passRate: Rate }).strict(),
    scoreSheet: z.array(ScoreItem).min(1).max(50),
    passMark: z.number().int().min(0).max(100),
    /** Share of each station's created points checked on site; default one third (seed 003). */
    sampleShare: z.number().gt(0).max(1).optional(),
    /** The creation checklist; default the 五个一 of seed 003. */
    checklist: z.array(ChecklistItem).min(1).max(20).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    uniqueCodes(c.scoreSheet, ctx, "scoreSheet");
    if (c.checklist) uniqueCodes(c.checklist, ctx, "checklist");
    if (c.unitIds && new Set(c.unitIds).size !== c.unitIds.length)
      ctx.addIssue({ code: "custom", path: ["unitIds"], message: "单位重复" });
  });
export type CreateCampaignInput = z.infer<typeof CreateCampaignInput>;

export const PatchCampaignInput = z
  .object({
    version: Version,
    name: line(100).optional(),
    deadline: dateInput("end").optional(),
    targets: z.object({ creationRate: Rate, passRate: Rate }).strict().optional(),
    scoreSheet: z.array(ScoreItem).min(1).max(50).optional(),
    passMark: z.number().int().min(0).max(100).optional(),
    sampleShare: z.number().gt(0).max(1).optional(),
    status: z.enum(["active", "closed"]).optional(),
  })
  .strict()
  .superRefine((c, ctx) => c.scoreSheet && uniqueCodes(c.scoreSheet, ctx, "scoreSheet"));
export type PatchCampaignInput = z.infer<typeof PatchCampaignInput>;

export const MarkCreatedInput = z
  .object({
    checklist: z.record(ItemCode, z.boolean()),
    note: text(500).optional(),
    /** The unit's version as read; a stale one is 409. */
    version: Version.optional(),
  })
  .strict();
export type MarkCreatedInput = z.infer<typeof MarkCreatedInput>;

export const CampaignInspectionInput = z
  .object({
    inspectedAt: dateInput("start"),
    inspectors: z.array(line(50)).min(1).max(10),
    scores: z
      .array(z.strictObject({ code: ItemCode, points: z.number().min(0).max(100) }))
      .min(1)
      .max(50)
      .superRefine((s, ctx) =>
        s.forEach((it, i) => {
          if (s.findIndex((o) => o.code === it.code) !== i)
            ctx.addIssue({ code: "custom", path: [i, "code"], message: `编号 ${it.code} 重复` });
        }),
      ),
    note: text(500).optional(),
    version: Version.optional(),
  })
  .strict();
export type CampaignInspectionInput = z.infer<typeof CampaignInspectionInput>;

/** `seed`: one announced beforehand (公开抽签), or to re-draw a recorded sample; random when omitted. */
export const DrawSampleInput = z.object({ seed: z.number().int().min(0).max(MAX_SEED).optional() }).strict();

const counts = {
  enrolled: z.number().int(),
  created: z.number().int(),
  inspected: z.number().int(),
  passed: z.number().int(),
  failed: z.number().int(),
};
export const CampaignCounts = z.object(counts);
export type CampaignCounts = z.infer<typeof CampaignCounts>;

export const ProgressRow = z.object({
  ...counts,
  sampled: z.number().int(),
  creationRate: z.number().nullable(),
  passRate: z.number().nullable(),
  /** Whether the rate reaches its target (null while its denominator is 0). */
  meetsCreation: z.boolean().nullable(),
  meetsPass: z.boolean().nullable(),
});
export type ProgressRow = z.infer<typeof ProgressRow>;

export const CampaignSample = z.object({
  seed: z.number().int(),
  share: z.number(),
  drawnAt: z.string(),
  drawnBy: z.string(),
  /** Created units per station when drawn, and how many of each were drawn. */
  stations: z.array(z.object({ stationId: z.string(), created: z.number().int(), drawn: z.number().int() })),
  size: z.number().int(),
});

export const Campaign = z.object({
  id: z.string(),
  name: z.string(),
  kind: CampaignKind,
  year: z.string(),
  deadline: z.string(),
  targets: z.object({ creationRate: z.number(), passRate: z.number() }),
  scoreSheet: z.array(ScoreItem),
  passMark: z.number().int(),
  sampleShare: z.number(),
  checklist: z.array(ChecklistItem),
  status: z.enum(["creating", "active", "closed"]),
  counts: CampaignCounts,
  sample: CampaignSample.nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Campaign = z.infer<typeof Campaign>;

export const CampaignWithProgress = Campaign.extend({
  progress: z.object({
    total: ProgressRow,
    stations: z.array(ProgressRow.extend({ stationId: z.string(), stationName: z.string() })),
  }),
});

export const CampaignUnit = z.object({
  campaignId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  status: CampaignUnitStatus,
  inSample: z.boolean(),
  /** The unit's lot in the drawn sample (SHA-256 of `{seed}:{unit id}`); null when not drawn. */
  lot: z.string().nullable(),
  creation: z
    .object({
      checklist: z.record(z.string(), z.boolean()),
      note: z.string().optional(),
      by: z.string(),
      at: z.string(),
    })
    .nullable(),
  inspection: z
    .object({
      inspectedAt: z.string(),
      inspectors: z.array(z.string()),
      scores: z.array(z.object({ code: z.string(), points: z.number() })),
      total: z.number(),
      passed: z.boolean(),
      note: z.string().optional(),
      by: z.string(),
      at: z.string(),
    })
    .nullable(),
  version: z.number().int(),
});
export type CampaignUnit = z.infer<typeof CampaignUnit>;

export const CampaignUnitsQuery = z.object({
  stationId: z.string().min(1).max(64).optional(),
  status: CampaignUnitStatus.optional(),
  sampled: z.enum(["true", "false"]).optional(),
});
export const CampaignListQuery = z.object({ year: YearInput.optional() });
