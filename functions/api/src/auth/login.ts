import { type LoginInput, type LoginResponse, TooMany, Unauthorized } from "@weiquan/domain";
import {
  C,
  clearLoginFailures,
  type Doc,
  LOCKOUT_SECONDS,
  type LoginState,
  RateLimitsRepository,
  readLoginState,
  recordLoginFailure,
  T,
  type TenantRecord,
  type TotpState,
  UsersRepository,
} from "@weiquan/store";
import type { AppDeps } from "../deps.ts";
import { PLATFORM } from "../http/caller.ts";
import { assertTenantServing } from "../http/tenant-status.ts";
import { decoyHash, verifyPassword } from "./password.ts";
import { signToken } from "./tokens.ts";
import { matchTotp } from "./totp.ts";

const BAD_CREDENTIALS = () => Unauthorized("单位代码、用户名或密码错误", "INVALID_CREDENTIALS");
const TOTP_REQUIRED = () => Unauthorized("请输入动态验证码", "TOTP_REQUIRED");
const INVALID_TOTP = () =>
  Unauthorized("动态验证码错误或已使用，请输入手机上显示的最新验证码", "INVALID_TOTP");

interface Account extends LoginState, TotpState {
  id: string;
  username: string;
  displayName: string;
  role: LoginResponse["user"]["role"];
  unitId: string | null;
  passwordHash: string;
  disabled: boolean;
  mustChangePassword?: boolean;
}

/**
 * Login: one answer for unknown tenant, unknown user and wrong password (the password is checked
 * against a decoy hash when there is no user, so timing tells nothing either); 5 consecutive failures
 * lock the account for 15 minutes.
 *
 * With TOTP enabled the right password alone answers TOTP_REQUIRED (only then is the second factor
 * revealed); a wrong or reused code counts as a failure like a wrong password. A role that requires TOTP
 * and has none set up gets an enrollment-only token. A password someone else set (`mustChangePassword`,
 * where the deployment requires the change) gets a password-change-only token first: after the change the
 * user logs in again, and enrolls then if the role requires TOTP.
 */
export async function login(deps: AppDeps, input: LoginInput, source = "unknown"): Promise<LoginResponse> {
  const now = deps.now();
  const sourceFailures = failuresFrom(deps, source);
  await sourceFailures.assertOpen(now);
  const found = await findAccount(deps, input);
  const ok = await verifyPassword(input.password, found.account?.passwordHash ?? (await decoyHash()));
  const { doc, tableName, key, state } = found;

  // An unknown name is counted and locked exactly like an account: the 429 tells nothing about existence.
  if (state.lockedUntil && state.lockedUntil > now.toISOString()) throw locked(state.lockedUntil, now);
  const fail = async (error: () => Error): Promise<never> => {
    const [lockedUntil] = await Promise.all([
      recordLoginFailure(doc, tableName, key, now, found.account === null),
      sourceFailures.count(now),
    ]);
    if (lockedUntil) throw locked(lockedUntil, now);
    throw error();
  };
  const { account, tenantId } = found;
  if (!account || !ok || account.disabled) return fail(BAD_CREDENTIALS);

  const totpEnabled = account.totpEnabled === true && !!account.totpSecret;
  if (totpEnabled) {
    if (!input.totp) throw TOTP_REQUIRED();
    const step = matchTotp(account.totpSecret!, input.totp, now);
    if (step === null || !(await found.claimTotpStep(step))) return fail(INVALID_TOTP);
  }
  if (account.failedLogins) await clearLoginFailures(doc, tableName, key);

  const passwordChangeOnly = deps.requirePasswordChange && account.mustChangePassword === true;
  const enrollmentOnly = !passwordChangeOnly && !totpEnabled && deps.requireTotpFor.includes(account.role);
  const { token, expiresAt } = await signToken(
    await deps.signingKey(),
    {
      sub: account.id,
      usr: account.username,
      tid: tenantId,
      role: account.role,
      ...(account.unitId ? { unt: account.unitId } : {}),
      ...(enrollmentOnly ? { enr: true as const } : {}),
      ...(passwordChangeOnly ? { pwc: true as const } : {}),
    },
    deps.tokenTtlSeconds,
    now,
  );
  return {
    token,
    expiresAt: expiresAt.toISOString(),
    user: {
      id: account.id,
      username: account.username,
      displayName: account.displayName,
      role: account.role,
      unitId: account.unitId,
      tenantId,
      totpEnabled,
      ...(enrollmentOnly ? { totpEnrollmentRequired: true } : {}),
      ...(passwordChangeOnly ? { passwordChangeRequired: true } : {}),
    },
  };
}

/** 429 ACCOUNT_LOCKED with the time left (also for wrong codes when turning TOTP off). */
export function locked(until: string, now: Date) {
  const seconds = Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  return TooMany(
    `密码或动态验证码连续错误次数过多，账户已锁定，请 ${minutes} 分钟后再试（锁定 ${LOCKOUT_SECONDS / 60} 分钟）`,
    "ACCOUNT_LOCKED",
    seconds,
  );
}

type Found = {
  /** Where the failures of this name are counted: the account, or a guard item for a name without one. */
  doc: Doc;
  tableName: string;
  key: Record<string, string>;
  state: LoginState;
} & (
  | { account: null; tenantId?: undefined; claimTotpStep?: undefined }
  | {
      account: Account;
      tenantId: string;
      /** Marks a TOTP time step used; false when it was used already. */
      claimTotpStep: (step: number) => Promise<boolean>;
    }
);

/** The guard of a name no account has, in the table where the account would be. */
async function guarded(doc: Doc, tableName: string, key: Record<string, string>): Promise<Found> {
  return { account: null, doc, tableName, key, state: await readLoginState(doc, tableName, key) };
}

async function findAccount(deps: AppDeps, input: LoginInput): Promise<Found> {
  const username = input.username.toLowerCase();
  const { doc, tableName } = deps.control;
  if (input.tenant === PLATFORM) {
    const u = await deps.control.platformUsers.get(username);
    if (!u) return guarded(doc, tableName, C.loginGuard(PLATFORM, username));
    return {
      state: u,
      account: { ...u, unitId: null },
      doc: deps.control.doc,
      tableName: deps.control.tableName,
      key: deps.control.platformUsers.key(username),
      tenantId: PLATFORM,
      claimTotpStep: (step) => deps.control.platformUsers.claimTotpStep(username, step),
    };
  }
  const tenant = await findTenant(deps, input.tenant);
  // A deleted (offboarded) tenant answers like an unknown one.
  if (!tenant || tenant.status === "offboarded")
    return guarded(doc, tableName, C.loginGuard(input.tenant.toLowerCase(), username));
  assertTenantServing(tenant);
  // Nobody is signed in yet: the narrower session (packages/store/src/public-session.ts).
  const table = await deps.tenantAccess.forTenant(tenant.id, "public");
  const users = new UsersRepository(table);
  // The guard is read whether or not the user exists, so both paths cost the same.
  const [u, guard] = await Promise.all([
    users.getByUsername(username),
    guarded(table.doc, table.tableName, T.loginGuard(username)),
  ]);
  if (!u) return guard;
  return {
    state: u,
    account: u,
    doc: table.doc,
    tableName: table.tableName,
    key: users.key(u.id),
    tenantId: tenant.id,
    claimTotpStep: (step) => users.claimTotpStep(u.id, step),
  };
}

/** The login's tenant field is a county code (6 digits) or a tenant id. */
const findTenant = (deps: AppDeps, tenant: string): Promise<TenantRecord | null> =>
  /^\d{6}$/.test(tenant) ? deps.control.tenants.getByCountyCode(tenant) : deps.control.tenants.get(tenant);

/**
 * Failed logins per source across every username and tenant (password spraying): past the limit in a
 * window, the source is refused before any password is checked until the window ends. An office behind
 * one address mistypes a few passwords a day; a spray tries hundreds of names.
 */
export const SOURCE_FAILURES = { limit: 30, windowSeconds: 900 };

function failuresFrom(deps: AppDeps, source: string) {
  const windows = new RateLimitsRepository(deps.control);
  const add = (now: Date, by: number) =>
    windows.add(`login-failures#${source}`, SOURCE_FAILURES.windowSeconds, now.getTime(), by);
  return {
    async assertOpen(now: Date) {
      const w = await add(now, 0);
      if (w.count >= SOURCE_FAILURES.limit)
        throw TooMany(
          `登录失败次数过多，请 ${Math.ceil(w.resetIn / 60)} 分钟后再试`,
          "LOGIN_THROTTLED",
          w.resetIn,
        );
    },
    count: (now: Date) => add(now, 1),
  };
}
