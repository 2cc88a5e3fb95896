import { createMiddleware } from "hono/factory";
import { type Scope, scopeOf } from "../access/scope.ts";
import { authenticated } from "./caller.ts";
import type { AppEnv } from "./env.ts";

export type ScopedEnv = AppEnv & { Variables: AppEnv["Variables"] & { scope: Scope } };

/** Authenticated tenant caller plus its unit: every tenant route's entry. */
export const tenantScoped = [
  authenticated,
  createMiddleware<ScopedEnv>(async (c, next) => {
    c.set("scope", await scopeOf(c.var.caller));
    await next();
  }),
] as const;
