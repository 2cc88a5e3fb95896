import { Conflict, type TotpEnrollment, type TotpStatus, Unprocessable } from "@weiquan/domain";
import type { AppDeps } from "../deps.ts";
import type { Caller } from "../http/env.ts";
import { locked } from "./login.ts";
import { ownAccount } from "./own-account.ts";
import { matchTotp, newTotpSecret, totpUri } from "./totp.ts";

const INVALID_CODE = () =>
  Unprocessable("动态验证码不正确或已使用，请输入验证器应用中显示的最新 6 位验证码", "INVALID_TOTP");

/**
 * Starts enrollment: a new pending secret replaces any earlier pending one; the active factor (if any)
 * stays until this one is confirmed. Refused while TOTP is on: switching phones goes through disabling
 * first, which needs a current code, so a stolen session cannot swap in its own authenticator.
 */
export async function startEnrollment(deps: AppDeps, caller: Caller): Promise<TotpEnrollment> {
  const account = await ownAccount(deps, caller);
  if (account.state.totpEnabled)
    throw Conflict("已启用动态验证码；如需更换手机，请先停用后重新设置", "TOTP_ALREADY_ENABLED");
  const secret = newTotpSecret();
  await account.setTotp({ pendingSecret: secret });
  const label = `${caller.tenant?.countyCode ?? "platform"}:${caller.username}`;
  return { secret, otpauthUri: totpUri(secret, label) };
}

/** Confirms the pending secret with a code from the app; from then on login needs a code. */
export async function confirmEnrollment(deps: AppDeps, caller: Caller, code: string): Promise<TotpStatus> {
  const account = await ownAccount(deps, caller);
  if (account.state.totpEnabled) throw Conflict("动态验证码已启用", "TOTP_ALREADY_ENABLED");
  const pending = account.state.totpPendingSecret;
  if (!pending) throw Unprocessable("请先生成动态验证码密钥，再输入验证码确认", "TOTP_NOT_STARTED");
  const step = matchTotp(pending, code, deps.now());
  if (step === null) throw INVALID_CODE();
  // The confirming code is used up: it cannot also serve for a login.
  await account.setTotp({ secret: pending, pendingSecret: null, enabled: true, lastStep: step });
  return { totpEnabled: true };
}

/**
 * Turns TOTP off with a current code. A wrong code counts toward the account lockout, so a stolen session
 * cannot guess its way to removing the second factor. Roles that must use TOTP cannot turn it off.
 */
export async function disableTotp(deps: AppDeps, caller: Caller, code: string): Promise<TotpStatus> {
  const account = await ownAccount(deps, caller);
  const { state } = account;
  if (!state.totpEnabled || !state.totpSecret) throw Conflict("尚未启用动态验证码", "TOTP_NOT_ENABLED");
  if (deps.requireTotpFor.includes(caller.role))
    throw Unprocessable("您的角色必须使用动态验证码，不能停用", "TOTP_REQUIRED_FOR_ROLE");
  const now = deps.now();
  if (state.lockedUntil && state.lockedUntil > now.toISOString()) throw locked(state.lockedUntil, now);
  const step = matchTotp(state.totpSecret, code, now);
  if (step === null || !(await account.claimTotpStep(step))) {
    const lockedUntil = await account.recordFailure(now);
    if (lockedUntil) throw locked(lockedUntil, now);
    throw INVALID_CODE();
  }
  await account.setTotp({ secret: null, pendingSecret: null, enabled: false, lastStep: null });
  return { totpEnabled: false };
}
