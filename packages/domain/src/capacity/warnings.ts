import { z } from "zod";
import { line, text } from "../common/inputs.ts";
import { shanghaiMonth } from "../common/time.ts";
import { type Contribution, contributeAlong } from "./rollup.ts";

/** Seed 004: food-safety and farm-input warnings; scams and unsafe products besides. */
export const warningCategories = ["food", "farm_inputs", "scam", "product", "other"] as const;
export const WarningCategory = z.enum(warningCategories);
export const warningCategoryLabels: Record<(typeof warningCategories)[number], { zh: string; en: string }> = {
  food: { zh: "食品安全", en: "Food safety" },
  farm_inputs: { zh: "农资", en: "Farm inputs" },
  scam: { zh: "消费欺诈", en: "Scams" },
  product: { zh: "产品质量", en: "Product safety" },
  other: { zh: "其他", en: "Other" },
};
export const WarningSeverity = z.enum(["info", "warning", "urgent"]);
export const warningSeverityLabels: Record<z.infer<typeof WarningSeverity>, { zh: string; en: string }> = {
  info: { zh: "提示", en: "Notice" },
  warning: { zh: "警示", en: "Warning" },
  urgent: { zh: "紧急", en: "Urgent" },
};

/** The bell notices of warnings: one when it arrives, one with each reminder. */
export const capacityNoticeKinds = ["warning", "warning_reminder"] as const;
export type CapacityNoticeKind = (typeof capacityNoticeKinds)[number];

/** How many units one warning may reach (a county's whole network, with room). */
export const MAX_WARNING_AUDIENCE = 2000;
/** A sender may remind the units that have not acknowledged at most this often. */
export const REMIND_INTERVAL_MS = 3_600_000;

const Id = z.string().min(1).max(64);
export const AudienceType = z.enum(["office", "station", "point"]);

export const CreateWarningInput = z
  .object({
    title: line(100),
    body: text(5000),
    category: WarningCategory,
    severity: WarningSeverity,
    /**
     * `unitIds`: these units; `types`: only units of these types (among `unitIds`, or below the sender).
     * Neither: every active unit below the sender.
     */
    audience: z
      .object({
        unitIds: z
          .array(Id)
          .max(MAX_WARNING_AUDIENCE)
          .refine((ids) => new Set(ids).size === ids.length, "单位重复")
          .optional(),
        types: z.array(AudienceType).max(3).optional(),
      })
      .strict()
      .default({}),
  })
  .strict();
export type CreateWarningInput = z.infer<typeof CreateWarningInput>;

export const AudienceUnit = z.object({
  unitId: z.string(),
  ackedAt: z.string().optional(),
  ackedBy: z.string().optional(),
});

export const Warning = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  category: WarningCategory,
  severity: WarningSeverity,
  senderUnitId: z.string(),
  sentBy: z.string(),
  sentByName: z.string(),
  sentAt: z.string(),
  audienceTotal: z.number().int(),
  acked: z.number().int(),
  ackRate: z.number().nullable(),
  /** False while the notices are still going out (a send interrupted half-way resumes on the next read). */
  delivered: z.boolean(),
  remindedAt: z.string().optional(),
  version: z.number().int(),
});
export type Warning = z.infer<typeof Warning>;

/** As stored: the audience's ids (the rows with each unit's acknowledgement are apart). */
export interface WarningRecord extends Omit<Warning, "ackRate"> {
  senderPath: string;
  audienceUnitIds: string[];
}

/** A warning as a unit received it (its inbox row). */
export const ReceivedWarning = Warning.pick({
  id: true,
  title: true,
  category: true,
  severity: true,
  senderUnitId: true,
  sentAt: true,
}).extend({ unitId: z.string(), ackedAt: z.string().optional(), ackedBy: z.string().optional() });
export type ReceivedWarning = z.infer<typeof ReceivedWarning>;

export interface AudienceCandidate {
  id: string;
  type: string;
  path: string;
  status: string;
}

/**
 * The units a warning goes to: the active units named (or every active unit below the sender), kept to
 * the types asked for; never the sender's own unit. Units the sender may not see are the caller's 404.
 */
export function audienceOf(
  input: CreateWarningInput["audience"],
  senderUnitId: string,
  candidates: readonly AudienceCandidate[],
): AudienceCandidate[] {
  const named = input.unitIds ? new Set(input.unitIds) : null;
  return candidates.filter(
    (u) =>
      u.id !== senderUnitId &&
      u.status === "active" &&
      (!named || named.has(u.id)) &&
      (!input.types?.length || input.types.includes(u.type as z.infer<typeof AudienceType>)),
  );
}

/** The ack rate of a warning, null before it has an audience. */
export const ackRate = (w: Pick<Warning, "acked" | "audienceTotal">) =>
  w.audienceTotal > 0 ? w.acked / w.audienceTotal : null;

/**
 * What an acknowledgement adds for the unit (and above): `warnings.acked`, at the month the warning was
 * sent — where its delivery counted `warnings.received` — so a month's rate never exceeds 1.
 */
export function warningAcked(unitPath: string, sentAt: string): Contribution {
  return contributeAlong(new Map(), unitPath, sentAt, { "warnings.acked": 1 });
}

/** The month a warning's counters belong to. */
export const warningMonth = (w: Pick<Warning, "sentAt">) => shanghaiMonth(w.sentAt);
