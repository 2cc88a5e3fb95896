import { type ChangePasswordInput, Conflict, Unprocessable } from "@weiquan/domain";
import type { AppDeps } from "../deps.ts";
import type { Caller } from "../http/env.ts";
import { locked } from "./login.ts";
import { ownAccount } from "./own-account.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import { assertStrongPassword } from "./password-policy.ts";

/**
 * Any user — tenant user or platform operator, restricted sessions included — changes their own password,
 * proving the current one. A wrong current password counts toward the account lockout (a stolen session
 * cannot guess its way to a password of its own). The change clears `mustChangePassword`; the
 * password-change-only token stays restricted, so the client logs in again with the new password.
 */
export async function changeOwnPassword(
  deps: AppDeps,
  caller: Caller,
  input: ChangePasswordInput,
): Promise<void> {
  const account = await ownAccount(deps, caller);
  const now = deps.now();
  const { lockedUntil, passwordHash } = account.state;
  if (lockedUntil && lockedUntil > now.toISOString()) throw locked(lockedUntil, now);
  if (!(await verifyPassword(input.currentPassword, passwordHash))) {
    const lockedNow = await account.recordFailure(now);
    if (lockedNow) throw locked(lockedNow, now);
    throw Unprocessable("当前密码不正确", "CURRENT_PASSWORD_WRONG");
  }
  if (input.newPassword === input.currentPassword)
    throw Unprocessable("新密码不能与当前密码相同", "PASSWORD_UNCHANGED");
  const about = { username: caller.username, displayName: caller.displayName };
  await assertStrongPassword(
    input.newPassword,
    { ...about, countyCode: caller.tenant?.countyCode },
    "newPassword",
  );
  if (!(await account.setOwnPassword(await hashPassword(input.newPassword), now)))
    throw Conflict("账户刚被修改，请重试", "VERSION_CONFLICT");
}
