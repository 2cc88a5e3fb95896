import { type Context, Hono } from "hono";
import type { AppDeps } from "../deps.ts";
import type { AppEnv, Caller } from "./env.ts";
import { notFoundRoute, onError } from "./errors.ts";

/** The parent request's context, handed to a lazily loaded capability through its env. */
const PARENT = Symbol("weiquan.parent-context");

type Carrier = Record<PropertyKey, unknown> & { [PARENT]: Context<AppEnv> };

/** On a lazy mount's handler: how to load the routes it stands for (the OpenAPI document reads them). */
const LOAD = Symbol("weiquan.lazy-routes");

interface RouteEntry {
  method: string;
  path: string;
  handler: unknown;
}

/**
 * A capability whose routes load on first use: a request under one of its path prefixes imports the
 * module (its own chunk in the bundle: its routes, schemas and domain code) and is answered by it. A cold
 * start then reads and builds only the capabilities every request needs; the rest cost their import once
 * per process, on the first request that uses them.
 *
 * The loaded routes run as their own Hono app, inside the parent's middleware (request id, metrics,
 * headers, compression): the parent's `deps` go in, the `caller` a route identified comes back out (the
 * metrics' tenant), errors and unknown paths answer as everywhere else. The value returned is typed as the
 * capability's routes, which is what it serves, so the console's typed client sees every route.
 */
export function lazyRoutes<Routes extends object>(
  prefixes: readonly string[],
  load: () => Promise<Routes>,
): Routes {
  let loaded: Promise<Hono<AppEnv>> | undefined;
  const app = () => {
    loaded ??= load().then((routes) => {
      const sub = new Hono<AppEnv>()
        .use(async (c, next) => {
          const parent = (c.env as Carrier)[PARENT];
          c.set("deps", parent.get("deps") as AppDeps);
          await next();
          const caller = c.get("caller") as Caller | undefined;
          if (caller) parent.set("caller", caller);
        })
        .route("/", routes as unknown as Hono<AppEnv>);
      sub.notFound(notFoundRoute);
      sub.onError(onError);
      return sub;
    });
    // A failed import is retried by the next request rather than remembered for the process's life.
    loaded.catch(() => {
      loaded = undefined;
    });
    return loaded;
  };
  const dispatch = async (c: Context<AppEnv>) => {
    const sub = await app();
    const env: Carrier = { ...((c.env as object | undefined) ?? {}), [PARENT]: c };
    return sub.fetch(c.req.raw, env, executionContext(c));
  };
  Object.assign(dispatch, { [LOAD]: load });
  const mount = new Hono<AppEnv>();
  for (const prefix of prefixes) mount.all(prefix, dispatch).all(`${prefix}/*`, dispatch);
  return mount as unknown as Routes;
}

/** The execution context if the runtime gave one (Hono throws when asked for an absent one). */
function executionContext(c: Context) {
  try {
    return c.executionCtx;
  } catch {
    return undefined;
  }
}

/**
 * An app's routes with every lazy mount replaced by the routes it stands for (each capability loaded
 * once): what the OpenAPI document is generated from.
 */
export async function withLazyRoutesLoaded(routes: readonly RouteEntry[]): Promise<RouteEntry[]> {
  const expanded: RouteEntry[] = [];
  const seen = new Set<unknown>();
  for (const route of routes) {
    const load = (route.handler as { [LOAD]?: () => Promise<Hono> })[LOAD];
    if (!load) expanded.push(route);
    else if (!seen.has(load)) {
      seen.add(load);
      expanded.push(...(await load()).routes);
    }
  }
  return expanded;
}
