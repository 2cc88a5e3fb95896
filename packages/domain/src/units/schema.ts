import { z } from "zod";
import { UnitType } from "../auth/schema.ts";
import { line, Version } from "../common/inputs.ts";

export const UnitStatus = z.enum(["planned", "active", "closed"]);
export type UnitStatus = z.infer<typeof UnitStatus>;
export const LedgerKind = z.enum(["electronic", "paper"]);

export const unitTypeLabels: Record<UnitType, { zh: string; en: string }> = {
  bureau: { zh: "县局", en: "Bureau" },
  office: { zh: "市场监管所", en: "Regulation office" },
  station: { zh: "消费维权服务站", en: "Service station" },
  point: { zh: "消费维权服务点", en: "Service point" },
};

export const Staff = z.object({
  name: line(50),
  phone: line(30, { min: 5 }),
});

/** The 四个一 facts of a station or point: staff, plaque, phone, ledger. */
export const FourOnes = z.object({
  staff: z.boolean(),
  plaque: z.boolean(),
  phone: z.boolean(),
  ledger: z.boolean(),
});

export const Unit = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  type: UnitType,
  name: z.string(),
  code: z.string().optional(),
  address: z.string().optional(),
  phone: z.string().optional(),
  staff: Staff.optional(),
  plaque: z.boolean(),
  ledger: LedgerKind.nullable(),
  status: UnitStatus,
  establishedAt: z.string().optional(),
  /** Opening hours as shown on the contact card ("周一至周五 8:30—17:30"). */
  hours: z.string().optional(),
  version: z.number().int(),
  standards: z.object({ fourOnes: FourOnes, compliant: z.boolean() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Unit = z.infer<typeof Unit>;

/** 四个一: a designated staff member with a phone, a plaque, a phone line, a ledger. */
export function fourOnesOf(u: Pick<Unit, "staff" | "plaque" | "phone" | "ledger">) {
  const fourOnes = {
    staff: Boolean(u.staff?.name && u.staff.phone),
    plaque: u.plaque,
    phone: Boolean(u.phone),
    ledger: u.ledger !== null,
  };
  return { fourOnes, compliant: Object.values(fourOnes).every(Boolean) };
}

const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,30}$/, "电话号码格式不正确");

/** Editable facts of a unit (the 四个一 among them). */
const UnitFacts = z.object({
  name: line(100).refine((s) => s.length >= 2, "名称至少 2 个字"),
  code: line(32, { min: 0 }).optional(),
  address: line(200, { min: 0 }).optional(),
  phone: Phone.optional(),
  staff: z.strictObject({ name: line(50), phone: Phone }).optional(),
  plaque: z.boolean().optional(),
  ledger: LedgerKind.nullable().optional(),
  status: UnitStatus.optional(),
  establishedAt: z.iso.date().optional(),
  hours: line(100, { min: 0 }).optional(),
});

export const CreateUnitInput = UnitFacts.extend({
  parentId: z.string().min(1).max(64),
  type: z.enum(["office", "station", "point"]),
}).strict();
export type CreateUnitInput = z.infer<typeof CreateUnitInput>;

/** A patch carries the version it was made against; `null` clears an optional fact. */
export const PatchUnitInput = z
  .object({
    version: Version.min(1),
    name: UnitFacts.shape.name.optional(),
    code: UnitFacts.shape.code.unwrap().nullable().optional(),
    address: UnitFacts.shape.address.unwrap().nullable().optional(),
    phone: Phone.nullable().optional(),
    staff: UnitFacts.shape.staff.unwrap().nullable().optional(),
    plaque: z.boolean().optional(),
    ledger: LedgerKind.nullable().optional(),
    status: UnitStatus.optional(),
    establishedAt: z.iso.date().nullable().optional(),
    hours: UnitFacts.shape.hours.unwrap().nullable().optional(),
    /** Moves the unit (and its whole subtree) under another parent. */
    parentId: z.string().min(1).max(64).optional(),
  })
  .strict();
export type PatchUnitInput = z.infer<typeof PatchUnitInput>;

/** The most units one move may rewrite: DynamoDB's 100-item transaction, less the new parent's check. */
export const MAX_MOVE_UNITS = 99;

/**
 * Coverage: the share of villages / communities (every point that is not closed, planned or active) with
 * an active point, and likewise of townships with an active station. The target is 100%.
 */
export const Coverage = z.object({
  points: z.number().int(),
  activePoints: z.number().int(),
  rate: z.number().nullable(),
  stations: z.number().int(),
  activeStations: z.number().int(),
  stationRate: z.number().nullable(),
});
export type Coverage = z.infer<typeof Coverage>;

export const ComplianceSummary = z.object({
  /** Active stations and points, the units the 四个一 applies to. */
  total: z.number().int(),
  compliant: z.number().int(),
  rate: z.number().nullable(),
  byType: z.record(z.string(), z.object({ total: z.number().int(), compliant: z.number().int() })),
  shortfalls: z.array(
    z.object({
      unitId: z.string(),
      name: z.string(),
      type: UnitType,
      missing: z.array(z.enum(["staff", "plaque", "phone", "ledger"])),
    }),
  ),
  coverage: Coverage,
});
export type ComplianceSummary = z.infer<typeof ComplianceSummary>;
