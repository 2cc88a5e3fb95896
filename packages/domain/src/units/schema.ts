import { z } from "zod";
import { UnitType } from "../auth/schema.ts";

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
  name: z.string().trim().min(1).max(50),
  phone: z.string().trim().min(5).max(30),
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
