import { z } from "zod";
import { Role } from "./roles.ts";

/** A six-digit code from an authenticator app (RFC 6238, 30-second steps). */
export const TotpCode = z.string().regex(/^\d{6}$/, "请输入 6 位数字动态验证码");

/** The tenant field of a login: a 6-digit county code, a tenant id, or "platform". */
export const LoginInput = z.strictObject({
  tenant: z.string().trim().min(1).max(64),
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  totp: TotpCode.optional(),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const SessionUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  unitId: z.string().nullable(),
  tenantId: z.string(),
  /** Whether the account has a confirmed TOTP second factor. */
  totpEnabled: z.boolean().optional(),
  /**
   * True when this session may only enroll a second factor (the role requires TOTP and none is set up):
   * every route except `GET /v1/me` and `/v1/me/totp*` answers 403 `TOTP_ENROLLMENT_REQUIRED`.
   */
  totpEnrollmentRequired: z.boolean().optional(),
  /**
   * True when this session may only change the password (it was set by someone else: an admin creating
   * or resetting the account, or the first-operator command): every route except `GET /v1/me` and
   * `POST /v1/me/password` answers 403 `PASSWORD_CHANGE_REQUIRED`. Log in again after the change.
   */
  passwordChangeRequired: z.boolean().optional(),
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

/** POST /v1/me/totp: a new, not yet active secret to put into an authenticator app. */
export const TotpEnrollment = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
});
export type TotpEnrollment = z.infer<typeof TotpEnrollment>;

/** POST /v1/me/totp/confirm and DELETE /v1/me/totp. */
export const TotpCodeInput = z.strictObject({ code: TotpCode });
export type TotpCodeInput = z.infer<typeof TotpCodeInput>;

export const TotpStatus = z.object({ totpEnabled: z.boolean() });
export type TotpStatus = z.infer<typeof TotpStatus>;
