import { z } from "zod";
import { AttachmentIds, AttachmentRef } from "../attachments/schema.ts";
import { dateInput, line, text, Version } from "../common/inputs.ts";
import { unitIdsOf } from "../units/path.ts";
import { applyPatch, RecordStamp } from "./patch.ts";
import { type Contribution, contributeAlong } from "./rollup.ts";

/** The six formats of seed 004 (集中授课, 巡回辅导, 专题讲座, 经验交流, 案例分析, 以会代训). */
export const trainingFormats = [
  "lecture",
  "touring",
  "seminar",
  "experience",
  "case_study",
  "meeting",
] as const;
export const TrainingFormat = z.enum(trainingFormats);
export const trainingFormatLabels: Record<(typeof trainingFormats)[number], { zh: string; en: string }> = {
  lecture: { zh: "集中授课", en: "Lecture" },
  touring: { zh: "巡回辅导", en: "Touring guidance" },
  seminar: { zh: "专题讲座", en: "Seminar" },
  experience: { zh: "经验交流", en: "Experience exchange" },
  case_study: { zh: "案例分析", en: "Case study" },
  meeting: { zh: "以会代训", en: "Training at a meeting" },
};

/** How many units one training names: its figures move in one transaction with the record. */
export const MAX_TRAINING_UNITS = 40;

const Id = z.string().min(1).max(64);
const unique = (ids: readonly string[]) => new Set(ids).size === ids.length;

export const Attendee = z.object({ userId: Id.optional(), name: line(50), unitId: Id }).strict();
export type Attendee = z.infer<typeof Attendee>;

const trainingFields = {
  title: line(100),
  format: TrainingFormat,
  topic: line(200).optional(),
  heldAt: dateInput(),
  place: line(200).optional(),
  /** Hours, in half hours. */
  hours: z.number().min(0.5).max(100).multipleOf(0.5).optional(),
  attendeeUnitIds: z
    .array(Id)
    .min(1, "至少一个参训单位")
    .max(MAX_TRAINING_UNITS, `一次培训最多 ${MAX_TRAINING_UNITS} 个参训单位，更多请分场次登记`)
    .refine(unique, "参训单位重复"),
  attendees: z.array(Attendee).max(500).optional(),
  note: text(2000).optional(),
  attachmentIds: AttachmentIds.optional(),
};

/** Each person listed must come from an attending unit. */
const attendeesFromUnits = (
  t: { attendeeUnitIds?: string[]; attendees?: Attendee[] },
  ctx: z.RefinementCtx,
) => {
  if (!t.attendees || !t.attendeeUnitIds?.length) return;
  t.attendees.forEach((a, i) => {
    if (!t.attendeeUnitIds!.includes(a.unitId))
      ctx.addIssue({ code: "custom", path: ["attendees", i, "unitId"], message: "不是参训单位" });
  });
};

export const CreateTrainingInput = z
  .object({ ...trainingFields, organizerUnitId: Id })
  .strict()
  .superRefine(attendeesFromUnits);
export type CreateTrainingInput = z.infer<typeof CreateTrainingInput>;

/** Everything but the organiser may change; omitted fields stay, `null` clears an optional one. */
export const PatchTrainingInput = z
  .object({
    version: Version,
    title: trainingFields.title.optional(),
    format: TrainingFormat.optional(),
    topic: trainingFields.topic.nullable(),
    heldAt: dateInput().optional(),
    place: trainingFields.place.nullable(),
    hours: trainingFields.hours.nullable(),
    attendeeUnitIds: trainingFields.attendeeUnitIds.optional(),
    attendees: trainingFields.attendees,
    note: trainingFields.note.nullable(),
    attachmentIds: trainingFields.attachmentIds,
  })
  .strict()
  .superRefine(attendeesFromUnits);
export type PatchTrainingInput = z.infer<typeof PatchTrainingInput>;

export const Training = z.object({
  id: z.string(),
  title: z.string(),
  format: TrainingFormat,
  topic: z.string().optional(),
  heldAt: z.string(),
  place: z.string().optional(),
  hours: z.number().optional(),
  organizerUnitId: z.string(),
  attendeeUnitIds: z.array(z.string()),
  attendees: z.array(Attendee),
  note: z.string().optional(),
  attachments: z.array(AttachmentRef),
  ...RecordStamp,
});
export type Training = z.infer<typeof Training>;

/** As stored: plus every unit on the paths of the organiser and the attendees (who lists it). */
export interface TrainingRecord extends Training {
  scopeUnits: string[];
}

/** Unit paths by id, for the units a record names. */
export type PathOf = (unitId: string) => string;

/**
 * A training's figures at its month: `training.held` for the organiser (and above), `training.attended`
 * for each attending unit (and above: a station counts its points' attendances), `training.trained` the
 * people listed.
 */
export function trainingContribution(t: Training, pathOf: PathOf): Contribution {
  const c: Contribution = new Map();
  contributeAlong(c, pathOf(t.organizerUnitId), t.heldAt, {
    "training.held": 1,
    "training.trained": t.attendees.length,
  });
  for (const unitId of t.attendeeUnitIds)
    contributeAlong(c, pathOf(unitId), t.heldAt, { "training.attended": 1 });
  return c;
}

/** The units that list a training: every ancestor-or-self of the organiser and of each attending unit. */
export const trainingScope = (t: Pick<Training, "organizerUnitId" | "attendeeUnitIds">, pathOf: PathOf) => [
  ...new Set([t.organizerUnitId, ...t.attendeeUnitIds].flatMap((id) => unitIdsOf(pathOf(id)))),
];

/** The training after a patch; people listed from units no longer attending leave with their unit. */
export function patchedTraining(
  t: Training,
  p: PatchTrainingInput,
  refs: Training["attachments"],
  at: string,
): Training {
  const { version: _v, attachmentIds: _a, ...changes } = p;
  const next = applyPatch(t, changes);
  return {
    ...next,
    attendees: (next.attendees ?? []).filter((a) => next.attendeeUnitIds.includes(a.unitId)),
    attachments: refs,
    updatedAt: at,
    version: t.version + 1,
  };
}
