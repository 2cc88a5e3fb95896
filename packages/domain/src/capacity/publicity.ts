import { z } from "zod";
import { AttachmentIds, AttachmentRef } from "../attachments/schema.ts";
import { Count, dateInput, line, text, Version } from "../common/inputs.ts";
import { applyPatch, RecordStamp } from "./patch.ts";
import { type Contribution, contributeAlong } from "./rollup.ts";

/** Kinds of outreach (seed 000: 咨询台, 讲座, 发放宣传资料, 媒体, 知识竞赛, 宣传栏 / 展板). */
export const publicityKinds = [
  "consultation_stall",
  "lecture",
  "leaflets",
  "media",
  "contest",
  "exhibition",
  "other",
] as const;
export const PublicityKind = z.enum(publicityKinds);
export type PublicityKind = z.infer<typeof PublicityKind>;
export const publicityKindLabels: Record<PublicityKind, { zh: string; en: string }> = {
  consultation_stall: { zh: "咨询台（摆摊）", en: "Consultation stall" },
  lecture: { zh: "宣传讲座", en: "Lecture" },
  leaflets: { zh: "发放宣传资料", en: "Leaflets" },
  media: { zh: "媒体宣传", en: "Media" },
  contest: { zh: "知识竞赛", en: "Knowledge contest" },
  exhibition: { zh: "展板 / 宣传栏", en: "Exhibition" },
  other: { zh: "其他", en: "Other" },
};

/** Campaign days an event belongs to (3·15 above all). */
export const campaignDays = ["consumer_rights_day", "food_safety_week", "quality_month", "other"] as const;
export const CampaignDay = z.enum(campaignDays);
export const campaignDayLabels: Record<(typeof campaignDays)[number], { zh: string; en: string }> = {
  consumer_rights_day: { zh: "3·15 国际消费者权益日", en: "3·15 Consumer Rights Day" },
  food_safety_week: { zh: "食品安全宣传周", en: "Food Safety Week" },
  quality_month: { zh: "质量月", en: "Quality Month" },
  other: { zh: "其他主题日", en: "Other campaign" },
};

const fields = {
  kind: PublicityKind,
  title: line(100),
  heldAt: dateInput(),
  place: line(200).optional(),
  peopleReached: Count.max(1_000_000),
  materials: Count.max(10_000_000).optional(),
  campaign: CampaignDay.optional(),
  note: text(2000).optional(),
  attachmentIds: AttachmentIds.optional(),
};

export const CreatePublicityInput = z.object({ unitId: z.string().min(1).max(64), ...fields }).strict();
export type CreatePublicityInput = z.infer<typeof CreatePublicityInput>;

/** Everything but the unit may change; omitted fields stay, `null` clears an optional one. */
export const PatchPublicityInput = z
  .object({
    version: Version,
    kind: fields.kind.optional(),
    title: fields.title.optional(),
    heldAt: dateInput().optional(),
    place: fields.place.nullable(),
    peopleReached: fields.peopleReached.optional(),
    materials: fields.materials.nullable(),
    campaign: fields.campaign.nullable(),
    note: fields.note.nullable(),
    attachmentIds: fields.attachmentIds,
  })
  .strict();
export type PatchPublicityInput = z.infer<typeof PatchPublicityInput>;

export const Publicity = z.object({
  id: z.string(),
  unitId: z.string(),
  kind: PublicityKind,
  title: z.string(),
  heldAt: z.string(),
  place: z.string().optional(),
  peopleReached: z.number().int(),
  materials: z.number().int().optional(),
  campaign: CampaignDay.optional(),
  note: z.string().optional(),
  attachments: z.array(AttachmentRef),
  ...RecordStamp,
});
export type Publicity = z.infer<typeof Publicity>;

/** An event's figures at its month for its unit and above: events, events by kind, people, materials. */
export function publicityContribution(p: Publicity, unitPath: string): Contribution {
  return contributeAlong(new Map(), unitPath, p.heldAt, {
    "publicity.events": 1,
    [`publicity.kind.${p.kind}`]: 1,
    "publicity.people": p.peopleReached,
    "publicity.materials": p.materials ?? 0,
    ...(p.campaign ? { [`publicity.campaign.${p.campaign}`]: 1 } : {}),
  });
}

/** The event after a patch. */
export function patchedPublicity(
  p: Publicity,
  patch: PatchPublicityInput,
  refs: Publicity["attachments"],
  at: string,
): Publicity {
  const { version: _v, attachmentIds: _a, ...changes } = patch;
  return { ...applyPatch(p, changes), attachments: refs, updatedAt: at, version: p.version + 1 };
}
