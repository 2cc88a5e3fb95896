import { z } from "zod";
import { TenantRole } from "../auth/roles.ts";
import type { UnitType } from "../auth/schema.ts";

export const User = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: TenantRole,
  unitId: z.string(),
  disabled: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof User>;

/** Which unit type each tenant role belongs to. */
export const roleUnitType: Record<TenantRole, UnitType> = {
  bureau_admin: "bureau",
  bureau_staff: "bureau",
  governance_viewer: "bureau",
  office_staff: "office",
  station_staff: "station",
  point_staff: "point",
};
