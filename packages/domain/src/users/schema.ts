import { z } from "zod";
import { TenantRole } from "../auth/roles.ts";
import { line, Version } from "../common/inputs.ts";
import { Password, Username } from "../tenants/schema.ts";

export const User = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: TenantRole,
  unitId: z.string(),
  disabled: z.boolean(),
  /** Whether the user has two-step verification (TOTP) on; shown to the admin, never the secret. */
  totpEnabled: z.boolean().optional(),
  /** The last time an admin reset the user's two-step verification, and who (audit). */
  totpResetAt: z.string().optional(),
  totpResetBy: z.string().optional(),
  /** The password was set by an admin (created or reset): the user must change it at the next login. */
  mustChangePassword: z.boolean().optional(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof User>;

export const CreateUserInput = z.strictObject({
  username: Username,
  displayName: line(50),
  role: TenantRole,
  unitId: z.string().min(1).max(64),
  password: Password,
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const PatchUserInput = z
  .object({
    version: Version.min(1),
    displayName: line(50).optional(),
    role: TenantRole.optional(),
    unitId: z.string().min(1).max(64).optional(),
    disabled: z.boolean().optional(),
    /** An admin's password reset. */
    password: Password.optional(),
  })
  .strict();
export type PatchUserInput = z.infer<typeof PatchUserInput>;

export const ChangePasswordInput = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: Password,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;
