import {
  Conflict,
  type CreateUserInput,
  canManageUsers,
  Forbidden,
  NotFound,
  newId,
  type PatchUserInput,
  roleLabels,
  roleUnitType,
  type TenantRole,
  Unprocessable,
  type User,
  unitTypeLabels,
} from "@weiquan/domain";
import {
  publicUser as storedPublicUser,
  type UnitRecord,
  type UserRecord,
  UsersRepository,
} from "@weiquan/store";
import type { Scope } from "../access/scope.ts";
import { hashPassword } from "../auth/password.ts";
import { assertStrongPassword } from "../auth/password-policy.ts";

/** A user as the admin sees it: never a hash or secret, but whether two-step verification is on. */
export function publicUser(u: UserRecord): User {
  return { ...storedPublicUser(u), totpEnabled: u.totpEnabled === true };
}

export function usersOf(scope: Scope): UsersRepository {
  if (!canManageUsers(scope.viewer.role)) throw Forbidden("只有县局管理员可以管理用户", "ROLE_FORBIDDEN");
  return new UsersRepository(scope.table);
}

/** The role must fit the unit: point_staff at a point, station_staff at a station, bureau roles at the bureau. */
async function unitForRole(scope: Scope, unitId: string, role: TenantRole): Promise<UnitRecord> {
  const unit = await scope.units.get(unitId);
  if (!unit) throw NotFound("单位");
  const needed = roleUnitType[role];
  if (unit.type !== needed) {
    throw Unprocessable(
      `「${roleLabels[role].zh}」只能设在${unitTypeLabels[needed].zh}，而「${unit.name}」是${unitTypeLabels[unit.type].zh}`,
      "ROLE_UNIT_MISMATCH",
      { role, unitType: unit.type, requiredUnitType: needed },
    );
  }
  if (unit.status === "closed") throw Unprocessable(`「${unit.name}」已撤销，不能再分配人员`, "UNIT_CLOSED");
  return unit;
}

export async function createUser(scope: Scope, input: CreateUserInput, at: Date): Promise<User> {
  const users = usersOf(scope);
  await unitForRole(scope, input.unitId, input.role);
  await assertStrongPassword(input.password, { ...input, countyCode: scope.caller.tenant?.countyCode });
  const now = at.toISOString();
  const user: UserRecord = {
    id: newId(),
    username: input.username.toLowerCase(),
    displayName: input.displayName,
    role: input.role,
    unitId: input.unitId,
    disabled: false,
    version: 1,
    passwordHash: await hashPassword(input.password),
    // The admin chose it: the user replaces it at the first login (where the deployment requires it).
    mustChangePassword: true,
    createdAt: now,
    updatedAt: now,
  };
  if (!(await users.create(user))) throw Conflict(`用户名「${user.username}」已被使用`, "USERNAME_TAKEN");
  return publicUser(user);
}

export async function patchUser(scope: Scope, id: string, input: PatchUserInput, at: Date): Promise<User> {
  const users = usersOf(scope);
  const current = await users.get(id);
  if (!current) throw NotFound("用户");
  const conflict = (u: UserRecord) =>
    Conflict("该用户已被他人修改，请刷新后重试", "VERSION_CONFLICT", { current: publicUser(u) });
  if (input.version !== current.version) throw conflict(current);
  if (id === scope.caller.userId && (input.disabled || (input.role && input.role !== current.role))) {
    throw Unprocessable("不能停用自己或修改自己的角色，以免失去管理权限", "SELF_LOCKOUT");
  }
  const role = input.role ?? current.role;
  const unitId = input.unitId ?? current.unitId;
  if (input.role || input.unitId) await unitForRole(scope, unitId, role);
  const fields: Parameters<UsersRepository["update"]>[2] = {
    displayName: input.displayName ?? current.displayName,
    role,
    unitId,
    disabled: input.disabled ?? current.disabled,
    updatedAt: at.toISOString(),
  };
  if (input.password) {
    const about = { username: current.username, displayName: fields.displayName };
    await assertStrongPassword(input.password, { ...about, countyCode: scope.caller.tenant?.countyCode });
    fields.passwordHash = await hashPassword(input.password);
    fields.failedLogins = 0;
    fields.mustChangePassword = true;
  }
  const updated = await users.update(id, current.version, fields, input.password ? ["lockedUntil"] : []);
  if (!updated) throw conflict((await users.get(id))!);
  return publicUser(updated);
}

const totpAttributes: (keyof UserRecord)[] = [
  "totpEnabled",
  "totpSecret",
  "totpPendingSecret",
  "totpLastStep",
];

/**
 * The admin clears another user's two-step verification (a lost phone): the secret goes, the user logs in
 * with the password and, if the role requires it, enrolls again. Recorded on the user (totpResetAt / By).
 * Not one's own: a stolen admin session must not be able to strip its own second factor.
 */
export async function resetTotp(scope: Scope, id: string, at: Date): Promise<User> {
  const users = usersOf(scope);
  if (id === scope.caller.userId)
    throw Unprocessable("不能重置自己的动态验证码；如需更换手机，请在“账户安全”中操作", "TOTP_RESET_SELF");
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await users.get(id);
    if (!current) throw NotFound("用户");
    if (!current.totpEnabled && !current.totpPendingSecret)
      throw Conflict(`「${current.displayName}」尚未启用动态验证码，无需重置`, "TOTP_NOT_ENABLED", {
        current: publicUser(current),
      });
    const updated = await users.update(
      id,
      current.version,
      { totpResetAt: at.toISOString(), totpResetBy: scope.caller.userId, updatedAt: at.toISOString() },
      totpAttributes,
    );
    if (updated) return publicUser(updated);
  }
  throw Conflict("该用户正被他人修改，请稍后重试", "VERSION_CONFLICT");
}
