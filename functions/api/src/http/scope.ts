import { createMiddleware } from "hono/factory";
import { type Scope, scopeOf } from "../access/scope.ts";
import { alongside, answeredAlongside } from "./alongside.ts";
import { authenticated } from "./caller.ts";
import type { AppEnv } from "./env.ts";

export type ScopedEnv = AppEnv & { Variables: AppEnv["Variables"] & { scope: Scope } };

/**
 * Authenticated tenant caller plus its unit: every tenant route's entry. A GET route marked
 * `checkAlongside` runs its reads alongside the caller check instead (http/alongside.ts).
 */
export const tenantScoped = [
  createMiddleware<AppEnv>(async (c, next) => {
    if (c.get("alongside")) return next(); // a second match of the same request
    const reads = c.var.caller ? null : answeredAlongside(c);
    if (reads) return alongside(c, next, reads);
    return authenticated(c, next);
  }),
  createMiddleware<ScopedEnv>(async (c, next) => {
    if (!c.get("alongside")) c.set("scope", c.get("scope") ?? (await scopeOf(c.var.caller)));
    await next();
  }),
] as const;
