import { Forbidden, type Role, Unauthorized } from "@weiquan/domain";
import { type CallerItems, readUserAndUnit, type TenantTable } from "@weiquan/store";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { type TokenClaims, verifyToken } from "../auth/tokens.ts";
import type { AppDeps } from "../deps.ts";
import { sealedLists } from "./cursors.ts";
import type { AppEnv, Caller } from "./env.ts";
import { identify } from "./observe.ts";
import { assertTenantServing } from "./tenant-status.ts";

export const PLATFORM = "platform";

/**
 * Verifies the bearer token and loads the caller fresh on every request (tenant status and user in
 * parallel), so a suspended tenant or a disabled user stops working at once, not when the token expires.
 * An enrollment-only token (TOTP required for the role, none set up) is refused here with 403
 * TOTP_ENROLLMENT_REQUIRED: only the routes that use `enrollmentAllowed` accept it. A password-change-only
 * session (a `pwc` token, or an account whose password was reset since the token was issued) is refused
 * with 403 PASSWORD_CHANGE_REQUIRED except by `passwordChangeAllowed` routes.
 */
export const authenticated = createMiddleware<AppEnv>(async (c, next) => {
  await loadCaller(c, {}, next);
});

/** `authenticated`, also accepting enrollment-only tokens: the `/v1/me/totp` routes. */
export const enrollmentAllowed = createMiddleware<AppEnv>(async (c, next) => {
  await loadCaller(c, { enrollment: true }, next);
});

/** Accepts every valid session, restricted ones included: `GET /v1/me` and `POST /v1/me/password`. */
export const passwordChangeAllowed = createMiddleware<AppEnv>(async (c, next) => {
  await loadCaller(c, { enrollment: true, passwordChange: true }, next);
});

export interface Restrictions {
  enrollment?: boolean;
  passwordChange?: boolean;
}

async function loadCaller(c: Context<AppEnv>, allow: Restrictions, next: () => Promise<void>) {
  // Two middlewares of one request (`/v1/x` and `/v1/x/*` both match `/v1/x`) check one reading, and
  // the first one's cursor seal holds for the whole request.
  const known = c.var.caller;
  const caller = allowed(known ?? (await readCaller(c.var.deps, await claimsOf(c))), allow);
  if (known) return next();
  c.set("caller", caller);
  identify(caller);
  await sealedLists(c, caller, next);
}

/** The caller if its session may use routes allowing `allow`; otherwise the 403 that says what to do. */
export function allowed(caller: Caller, allow: Restrictions): Caller {
  if (caller.passwordChangeOnly && !allow.passwordChange)
    throw Forbidden(
      "您的密码由管理员设置，须先修改密码才能使用系统，请修改密码后重新登录",
      "PASSWORD_CHANGE_REQUIRED",
    );
  if (caller.enrollmentOnly && !allow.enrollment)
    throw Forbidden(
      "您的账户须先启用动态验证码（两步验证）才能使用系统，请在“账户安全”中完成设置后重新登录",
      "TOTP_ENROLLMENT_REQUIRED",
    );
  return caller;
}

/** The verified claims of the request's bearer token; 401 without one or for a bad one. */
export async function claimsOf(c: Context<AppEnv>): Promise<TokenClaims> {
  const header = c.req.header("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw Unauthorized();
  const deps = c.var.deps;
  return verifyToken(await deps.signingKey(), match[1]!, deps.now());
}

/** The caller the claims name, read fresh: refused if the account, or its tenant, may not serve now. */
export async function readCaller(deps: AppDeps, claims: TokenClaims): Promise<Caller> {
  return (await readCallerWith(deps, claims, {})).caller;
}

type Key = { PK: string; SK: string };

/**
 * `readCaller`, with further items of the caller's tenant table a route needs (`also`, by name) read in
 * the same BatchGetItem as the account: the route then waits for no round trip of its own for them.
 */
export async function readCallerWith<A extends string>(
  deps: AppDeps,
  claims: TokenClaims,
  also: Readonly<Record<A, Key>>,
): Promise<{ caller: Caller; also: CallerItems<A>["also"] }> {
  if (claims.tid === PLATFORM) {
    const user = await deps.control.platformUsers.get(claims.usr);
    if (!user || user.id !== claims.sub || user.disabled)
      throw Unauthorized("账户不可用，请重新登录", "ACCOUNT_DISABLED");
    const caller: Caller = {
      ...base(claims.sub, user.username, user.displayName, "platform_admin"),
      totpEnabled: user.totpEnabled === true,
      enrollmentOnly: claims.enr === true,
      passwordChangeOnly:
        claims.pwc === true || (deps.requirePasswordChange && user.mustChangePassword === true),
      unitId: null,
      unit: null,
      tenantId: PLATFORM,
      tenant: null,
      table: null,
    };
    return { caller, also: {} };
  }
  const table = await deps.tenantAccess.forTenant(claims.tid);
  // One round trip: the tenant's status ‖ the account with its unit (one BatchGetItem).
  const [tenant, account] = await Promise.all([
    deps.control.tenants.get(claims.tid),
    accountOf(table, claims.sub, claims.unt, also),
  ]);
  const { user, unit } = account;
  if (tenant?.status === "offboarded") throw Unauthorized();
  assertTenantServing(tenant);
  if (!user || user.disabled) throw Unauthorized("账户已停用或不存在，请联系管理员", "ACCOUNT_DISABLED");
  const caller: Caller = {
    ...base(user.id, user.username, user.displayName, user.role),
    totpEnabled: user.totpEnabled === true,
    enrollmentOnly: claims.enr === true,
    passwordChangeOnly:
      claims.pwc === true || (deps.requirePasswordChange && user.mustChangePassword === true),
    unitId: user.unitId,
    // The unit named in the token, if the account still sits there (a moved user's is read by the scope).
    unit: unit?.id === user.unitId ? unit : null,
    tenantId: tenant.id,
    tenant,
    table,
  };
  return { caller, also: account.also };
}

/**
 * The account, with the unit the token names (and the `also` items) read beside it. A deleted tenant's
 * table is gone: its tokens are then as good as none (refused by the tenant's status).
 */
async function accountOf<A extends string>(
  table: TenantTable,
  userId: string,
  unitId: string | undefined,
  also: Readonly<Record<A, Key>>,
): Promise<CallerItems<A>> {
  try {
    return await readUserAndUnit(table, userId, unitId, also);
  } catch (e) {
    if (e instanceof Error && e.name === "ResourceNotFoundException")
      return { user: null, unit: null, also: {} };
    throw e;
  }
}

const base = (userId: string, username: string, displayName: string, role: Role) => ({
  userId,
  username,
  displayName,
  role,
});

/** Only these roles may pass. */
export const requireRole = (...roles: Role[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!roles.includes(c.var.caller.role)) throw Forbidden("当前角色无权执行此操作", "ROLE_FORBIDDEN");
    await next();
  });
