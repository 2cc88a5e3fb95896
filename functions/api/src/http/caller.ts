import { Forbidden, type Role, Unauthorized } from "@weiquan/domain";
import { UsersRepository } from "@weiquan/store";
import { createMiddleware } from "hono/factory";
import { verifyToken } from "../auth/tokens.ts";
import type { AppEnv, Caller } from "./env.ts";
import { assertTenantServing } from "./tenant-status.ts";

export const PLATFORM = "platform";

/**
 * Verifies the bearer token and loads the caller fresh on every request (tenant status and user in
 * parallel), so a suspended tenant or a disabled user stops working at once, not when the token expires.
 */
export const authenticated = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw Unauthorized();
  const deps = c.var.deps;
  const claims = await verifyToken(await deps.signingKey(), match[1]!, deps.now());
  let caller: Caller;
  if (claims.tid === PLATFORM) {
    const user = await deps.control.platformUsers.get(claims.usr);
    if (!user || user.id !== claims.sub || user.disabled)
      throw Unauthorized("账户不可用，请重新登录", "ACCOUNT_DISABLED");
    caller = {
      ...base(claims.sub, user.username, user.displayName, "platform_admin"),
      unitId: null,
      tenantId: PLATFORM,
      tenant: null,
      table: null,
    };
  } else {
    const table = await deps.tenantAccess.forTenant(claims.tid);
    const [tenant, user] = await Promise.all([
      deps.control.tenants.get(claims.tid),
      new UsersRepository(table).get(claims.sub),
    ]);
    assertTenantServing(tenant);
    if (!user || user.disabled) throw Unauthorized("账户已停用或不存在，请联系管理员", "ACCOUNT_DISABLED");
    caller = {
      ...base(user.id, user.username, user.displayName, user.role),
      unitId: user.unitId,
      tenantId: tenant.id,
      tenant,
      table,
    };
  }
  c.set("caller", caller);
  await next();
});

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
