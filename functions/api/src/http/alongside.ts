import { gaugesOf, T, UnitsRepository } from "@weiquan/store";
import type { Context, MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import { type Prefetched, type Scope, scopeOf } from "../access/scope.ts";
import type { TokenClaims } from "../auth/tokens.ts";
import type { AppDeps } from "../deps.ts";
import { keepRecent } from "../recent.ts";
import { allowed, claimsOf, PLATFORM, readCallerWith } from "./caller.ts";
import { sealedLists } from "./cursors.ts";
import type { AppEnv } from "./env.ts";
import { identify } from "./observe.ts";

/**
 * Reads run alongside the caller check (issue 10): a GET route marked with `checkAlongside` starts its own
 * reads while the caller is read fresh (tenant status ‖ account and unit), instead of after it — the
 * request then costs about its own reads, not the check plus them.
 *
 * What keeps it safe:
 * - the token is verified first (a bad or expired token is refused before anything is read);
 * - the early reads use the scope this process last confirmed for the same token (tenant, user and unit
 *   hint) — never anything the request names — and a first request of a token waits for the check;
 * - nothing is answered before the fresh check passes: a refused caller (a disabled account, a suspended
 *   tenant) gets its 401 / 403 and the early answer is dropped, exactly as if the check had come first;
 * - if the fresh check finds the caller changed (role, unit, unit path, name, tenant record), the early
 *   answer is dropped and the route runs again with the fresh scope;
 * - a write on such a route (the audit of an unmasked read) waits for the confirmation (`scope.confirmed`).
 *
 * Items of the caller's tenant table that a route needs whatever it is asked (the tenant's settings, the
 * caller's unit's gauges) can come in the check's own BatchGetItem (`checkAlongsideReading`): one call
 * fewer, read fresh all the same, and never used before the check has passed (the answer waits for it).
 */

/** Items a route may have read in the caller check's round trip, found on `scope.prefetched`. */
export type CheckRead = keyof Prefetched;

/**
 * The caller check with the further items `reads` name in its BatchGetItem, and those items as the route
 * finds them on its scope.
 */
function checkReading(deps: AppDeps, claims: TokenClaims, reads: readonly CheckRead[]) {
  const keys: Record<string, { PK: string; SK: string }> = {};
  if (reads.includes("settings")) keys.settings = T.settings();
  // The unit the token names: the caller's own unless they were moved since (the route compares the id).
  const gaugesUnitId = reads.includes("ownGauges") ? claims.unt : undefined;
  if (gaugesUnitId) keys.ownGauges = T.gauges(gaugesUnitId);
  const check = readCallerWith(deps, claims, keys);
  const prefetched: Prefetched = {};
  if (keys.settings) prefetched.settings = check.then((x) => x.also.settings ?? null);
  if (gaugesUnitId)
    prefetched.ownGauges = check.then((x) => ({
      unitId: gaugesUnitId,
      gauges: gaugesOf(x.also.ownGauges ?? null),
    }));
  // (awaited by the route if it uses them; this only keeps a refusal from counting as unhandled)
  for (const p of Object.values(prefetched)) p.catch(() => {});
  return { check, prefetched };
}

/** The reads each marker stands for. */
const markers = new WeakMap<MiddlewareHandler, readonly CheckRead[]>();

/** Marks a GET route whose reads run alongside the caller check, `reads` coming in the check's round trip. */
export function checkAlongsideReading(...reads: CheckRead[]): MiddlewareHandler {
  const marker: MiddlewareHandler = async (_c, next) => {
    await next();
  };
  markers.set(marker, reads);
  return marker;
}

/** Marks a GET route whose reads run alongside the caller check; its handler reads through `withScope`. */
export const checkAlongside: MiddlewareHandler = checkAlongsideReading();

/** The reads of the route marked `checkAlongside…` that answers the request; null if it is not marked. */
export function answeredAlongside(c: Context): readonly CheckRead[] | null {
  if (c.req.method !== "GET") return null;
  const routes = matchedRoutes(c);
  const answering = routes.find((r) => r.method === "GET");
  for (const r of routes) {
    const reads = r.method === "GET" && r.path === answering?.path ? markers.get(r.handler) : undefined;
    if (reads) return reads;
  }
  return null;
}

export interface Alongside {
  /** The fresh check: the caller's scope, or the refusal. */
  checked: Promise<Scope>;
  /** The scope this process last confirmed for the token, to read with early (null: wait for the check). */
  early: Scope | null;
}

/** The entry of a tenant route in alongside mode: starts the check, runs the route, answers once it passed. */
export async function alongside(
  c: Context<AppEnv>,
  next: () => Promise<void>,
  reads: readonly CheckRead[] = [],
): Promise<void> {
  const { deps } = c.var;
  const claims = await claimsOf(c);
  const { check, prefetched } = checkReading(deps, claims, reads);
  const checked = check.then(async ({ caller }) => ({ ...(await scopeOf(allowed(caller, {}))), prefetched }));
  // (awaited below on every path; this only keeps an early refusal from counting as unhandled)
  checked.catch(() => {});
  const early = claims.tid === PLATFORM ? null : await provisional(deps, claims, checked, prefetched);
  c.set("alongside", { checked, early });
  try {
    await next();
  } catch (e) {
    await settle(c, claims, checked);
    throw e;
  }
  await settle(c, claims, checked);
}

/** The fresh check's outcome: a refusal replaces whatever the route answered. */
async function settle(c: Context<AppEnv>, claims: TokenClaims, checked: Promise<Scope>) {
  const scope = await checked;
  if (!c.var.caller) {
    c.set("caller", scope.caller);
    identify(scope.caller);
  }
  remember(c.var.deps, claims, scope);
}

/**
 * The route's work with the caller's scope: in alongside mode started early with the provisional scope and
 * kept only if the fresh check confirms it, else run again with the fresh one; otherwise the checked scope.
 */
export async function withScope<T>(
  c: Context<AppEnv & { Variables: { scope: Scope } }>,
  run: (scope: Scope) => Promise<T>,
): Promise<T> {
  const mode = c.get("alongside");
  if (!mode) return run(c.var.scope);
  const sealed = (scope: Scope) => sealedLists(c, scope.caller, () => run(scope));
  if (mode.early) {
    const early = sealed(mode.early);
    early.catch(() => {}); // awaited below unless superseded
    const fresh = await mode.checked;
    if (sameScope(fresh, mode.early)) return early;
    return sealed(fresh);
  }
  return sealed(await mode.checked);
}

/** What a route could have used of a scope, as one comparable string (made once per scope object). */
const fingerprints = new WeakMap<Scope, string>();
const fingerprint = (s: Scope) => {
  let f = fingerprints.get(s);
  if (f === undefined) {
    f = JSON.stringify([
      { ...s.caller, table: s.caller.table?.tableName },
      s.unit,
      s.viewer,
      s.table.tableName,
    ]);
    fingerprints.set(s, f);
  }
  return f;
};
/** `copy` differs from `of` only in what the fingerprint leaves out (its table session, its prefetched reads). */
const sameFingerprint = (copy: Scope, of: Scope) => {
  const f = fingerprints.get(of);
  if (f !== undefined && copy.table.tableName === of.table.tableName) fingerprints.set(copy, f);
};

const sameScope = (a: Scope, b: Scope) => fingerprint(a) === fingerprint(b);

/** The check found the caller changed since the provisional scope: the early work is dropped. */
class Superseded extends Error {}

/** Confirmed scopes per token identity, per app (bounded: the oldest is forgotten first). */
const confirmedScopes = new WeakMap<AppDeps, Map<string, Scope>>();
const MAX_REMEMBERED = 2_000;
const identityOf = (t: TokenClaims) => `${t.tid}\n${t.sub}\n${t.unt ?? ""}`;

function remember(deps: AppDeps, claims: TokenClaims, scope: Scope) {
  const scopes = confirmedScopes.get(deps) ?? new Map<string, Scope>();
  confirmedScopes.set(deps, scopes);
  const key = identityOf(claims);
  const kept = { ...scope, prefetched: undefined }; // (the request's own reads are not kept)
  sameFingerprint(kept, scope);
  keepRecent(scopes, key, kept, MAX_REMEMBERED);
}

/** The last confirmed scope of the token, on today's table session, confirmed only by this request's check. */
async function provisional(
  deps: AppDeps,
  claims: TokenClaims,
  checked: Promise<Scope>,
  prefetched: Prefetched,
): Promise<Scope | null> {
  const last = confirmedScopes.get(deps)?.get(identityOf(claims));
  if (!last) return null;
  // Table sessions expire (AWS): the early reads use the current one, as the check does.
  const table = await deps.tenantAccess.forTenant(claims.tid);
  const scope: Scope = {
    ...last,
    caller: { ...last.caller, table },
    table,
    units: new UnitsRepository(table),
    prefetched,
    confirmed: checked.then((fresh) => {
      if (!sameScope(fresh, scope)) throw new Superseded();
    }),
  };
  sameFingerprint(scope, last);
  scope.confirmed.catch(() => {});
  return scope;
}
