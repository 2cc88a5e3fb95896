import { z } from "zod";
import { CATEGORY_CODE, nationalCategoryOf } from "../cases/taxonomy.ts";
import { line, text, Version } from "../common/inputs.ts";
import { Checklist, defaultInspectionChecklist } from "../supervision/inspections/schema.ts";
import { defaultSampling, SamplingDefaults } from "../supervision/sampling/schema.ts";

/** 四统一: uniform name, plaque style, duties and document format, set by the tenant as templates. */
export const UnifiedTemplates = z.strictObject({
  stationNamePattern: line(100),
  pointNamePattern: line(100),
  plaqueStyle: text(500, { min: 0 }),
  stationDuties: text(5000, { min: 0 }),
  pointDuties: text(5000, { min: 0 }),
  documentFormat: text(500, { min: 0 }),
});
export type UnifiedTemplates = z.infer<typeof UnifiedTemplates>;

/** A tenant's own correction of the national calendar: a local holiday, or a working day. */
export const CalendarOverride = z.strictObject({
  date: z.iso.date(),
  workday: z.boolean(),
  note: line(100, { min: 0 }).optional(),
});

/** A sub-category the tenant files cases under, below a national class: `goods.food.dairy` 乳制品. */
export const SubCategoryDeclaration = z.strictObject({
  code: z
    .string()
    .max(80)
    .regex(CATEGORY_CODE, "类别代码格式不正确")
    .refine(
      (c) => c.split(".").length > 2 && nationalCategoryOf(c) !== undefined,
      "须为全国统一类别之下的细分代码（如 goods.food.dairy）",
    ),
  label: line(50),
});
export const MAX_SUB_CATEGORIES = 200;
const SubCategories = z
  .array(SubCategoryDeclaration)
  .max(MAX_SUB_CATEGORIES)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((d, i) => {
      if (seen.has(d.code)) ctx.addIssue({ code: "custom", path: [i, "code"], message: "细分类别代码重复" });
      seen.add(d.code);
    });
  });

export const Settings = z.object({
  version: z.number().int(),
  templates: UnifiedTemplates,
  calendarOverrides: z.array(CalendarOverride).max(366).default([]),
  /** Sub-categories below the national classes that cases may be filed under; nothing else below them. */
  categories: SubCategories.default([]),
  /** The personal-information notice of the public intake page; absent: the default (public/notice.ts). */
  consentNotice: text(5000, { min: 0 }).optional(),
  /** The checklist of quarterly inspections (default: the station standards). */
  inspectionChecklist: Checklist.default(defaultInspectionChecklist),
  /** Defaults of a sampling round: share, least and most per handling unit. */
  sampling: SamplingDefaults.default(defaultSampling),
  /** Trainings each station and point must attend a year (seed 004 “不少于 N 次”). */
  trainingMinPerYear: z.number().int().min(0).max(52).default(2),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type Settings = z.infer<typeof Settings>;

export const PutSettingsInput = z
  .object({
    version: Version,
    templates: UnifiedTemplates,
    /** Omitted: keep the current overrides. */
    calendarOverrides: z.array(CalendarOverride).max(366).optional(),
    /** Omitted: keep the current sub-categories. */
    categories: SubCategories.optional(),
    /** Omitted: keep the current notice; "": back to the default. */
    consentNotice: text(5000, { min: 0 }).optional(),
    /** Omitted: keep the current checklist. */
    inspectionChecklist: Checklist.optional(),
    /** Omitted: keep the current sampling defaults. */
    sampling: SamplingDefaults.optional(),
    /** Omitted: keep the current minimum. */
    trainingMinPerYear: z.number().int().min(0).max(52).optional(),
  })
  .strict();

/** What a new tenant starts with, from the duties in seed 004 (四个一 / 四统一 standards). */
export const defaultTemplates: UnifiedTemplates = {
  stationNamePattern: "{乡镇}消费维权服务站",
  pointNamePattern: "{村社区}消费维权服务点",
  plaqueStyle: "白底红字竖式牌匾，60×40 厘米，悬挂于办公场所显著位置，注明服务站（点）名称及投诉电话",
  stationDuties: [
    "制定服务工作制度，研究布置消费者权益保护工作；",
    "组织指导消费维权服务点开展工作并进行监督检查和目标考核；",
    "组织辖区服务点负责人和维权骨干业务培训；",
    "受理、调解消费者投诉；",
    "组织开展消费者权益保护法律法规和消费知识宣传教育活动；",
    "做好辖区内食品安全、农资市场安全预警、督促、指导工作。",
  ].join("\n"),
  pointDuties: [
    "接待消费者投诉，组织协商和解，并将投诉及和解结果记入台账；",
    "对数额较大、情节复杂或无法调解的投诉，及时提交辖区市场监管所或服务站处理；",
    "对制售假冒伪劣商品、欺诈消费者等线索，及时向行政执法机关举报并协助调查；",
    "开展消费维权法律法规宣传，提供消费知识咨询服务。",
  ].join("\n"),
  documentFormat: "按《市场监督管理投诉举报处理办法》文书式样，A4 纵向，仿宋三号正文",
};
