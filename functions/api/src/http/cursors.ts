import { createSecretKey, type KeyObject } from "node:crypto";
import { type CursorSeal, platformSecret, unsealed, withCursorSeal } from "@weiquan/store";
import type { Context } from "hono";
import type { AppDeps } from "../deps.ts";
import type { AppEnv, Caller } from "./env.ts";

const keys = new WeakMap<AppDeps, Promise<KeyObject>>();

/** The list cursors' MAC key, read (or made) once per process. */
function cursorKey(deps: AppDeps): Promise<KeyObject> {
  let key = keys.get(deps);
  if (!key) {
    key = platformSecret(deps.control.doc, deps.control.tableName, "list-cursor-mac-v1").then((k) =>
      createSecretKey(k),
    );
    key.catch(() => keys.delete(deps));
    keys.set(deps, key);
  }
  return key;
}

/**
 * The seal of the authenticated caller's list cursors: the tenant, the user, their role and unit, and the
 * list itself (method, path and its filters but the page's own `cursor` / `limit`). A cursor from another
 * user, another role or unit (after a move), another list or other filters is refused.
 */
export async function cursorSeal<E extends AppEnv>(c: Context<E>, caller: Caller): Promise<CursorSeal> {
  const { deps } = c.var;
  const filters = [...new URL(c.req.url).searchParams]
    .filter(([k]) => k !== "cursor" && k !== "limit")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const scope = [
    caller.tenantId,
    caller.userId,
    caller.role,
    caller.unitId ?? "-",
    c.req.method,
    c.req.path,
    filters,
  ];
  return { key: await cursorKey(deps), scope: scope.join("\n") };
}

/**
 * Runs the rest of an authenticated request with its cursors sealed to the caller and the list; a
 * `?cursor=` that is not sealed for them is refused before the route looks anything up.
 */
export async function sealedLists<T, E extends AppEnv>(
  c: Context<E>,
  caller: Caller,
  next: () => Promise<T>,
): Promise<T> {
  const seal = await cursorSeal(c, caller);
  return withCursorSeal(seal, () => {
    const cursor = c.req.query("cursor");
    if (cursor) unsealed(cursor);
    return next();
  });
}
