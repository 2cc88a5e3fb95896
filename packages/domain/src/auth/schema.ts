import { z } from "zod";
import { Role } from "./roles.ts";

/** The tenant field of a login: a 6-digit county code, a tenant id, or "platform". */
export const LoginInput = z.object({
  tenant: z.string().trim().min(1).max(64),
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  totp: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const SessionUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  unitId: z.string().nullable(),
  tenantId: z.string(),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const LoginResponse = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: SessionUser,
});
export type LoginResponse = z.infer<typeof LoginResponse>;

export const TenantStatus = z.enum(["provisioning", "active", "suspended", "offboarded"]);
export type TenantStatus = z.infer<typeof TenantStatus>;

export const UnitType = z.enum(["bureau", "office", "station", "point"]);
export type UnitType = z.infer<typeof UnitType>;

/** GET /v1/me. Platform operators have no unit and no tenant. */
export const MeResponse = z.object({
  user: SessionUser,
  unit: z.object({ id: z.string(), name: z.string(), type: UnitType }).nullable(),
  tenant: z
    .object({ id: z.string(), name: z.string(), countyCode: z.string(), status: TenantStatus })
    .nullable(),
});
export type MeResponse = z.infer<typeof MeResponse>;
