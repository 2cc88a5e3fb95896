import { config } from "../config.ts";
import { takeEarly } from "./early.ts";
import { ApiError, errorOf, NETWORK_ERROR } from "./error.ts";
import { clearToken, getToken } from "./session.ts";

/** Longer than the API's own deadline (29 s at the gateway): past it the answer is lost, not late. */
const ANSWER_TIMEOUT_MS = 35_000;

let onUnauthorized: (() => void) | null = null;
/** A 401 answered before any handler was registered (a read started while the console was booting). */
let missedUnauthorized = false;

/**
 * Called when an authenticated call answers 401 (token expired or revoked). The console registers a
 * handler that routes back to the login page with "登录已过期，请重新登录".
 */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
  if (!handler || !missedUnauthorized) return;
  missedUnauthorized = false;
  // Still signed out (not since signed in again): the missed 401 is handled now.
  if (getToken() === null) handler();
}

/**
 * The `fetch` under every typed call: the configured API origin, the bearer token (when `auth`), a time
 * limit, and a thrown {@link ApiError} for anything but a 2xx — so a resolved response is always a success.
 */
export function apiFetch({ auth }: { auth: boolean }): typeof fetch {
  return async (input, init) => {
    const path = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const headers = new Headers(init?.headers);
    headers.set("Accept", "application/json");
    const token = auth ? getToken() : null;
    if (token) headers.set("Authorization", `Bearer ${token}`);
    // A read the entry already started for this page (see early.ts); asked again if it did not arrive.
    const started = auth && (init?.method ?? "GET") === "GET" ? takeEarly(path, token) : undefined;
    let res: Response;
    try {
      res =
        (started && (await started)) ||
        (await fetch(`${config().apiBaseUrl}${path}`, { ...init, headers, signal: limited(init?.signal) }));
    } catch (e) {
      // The caller gave up (a newer query, a closed page): not an error to show.
      if (init?.signal?.aborted) throw e;
      throw new ApiError(0, NETWORK_ERROR, e instanceof Error ? e.message : String(e));
    }
    if (res.ok) return res;
    const error = await errorOf(res);
    if (res.status === 401 && token) {
      clearToken();
      if (onUnauthorized) onUnauthorized();
      else missedUnauthorized = true;
    }
    throw error;
  };
}

/** The caller's signal plus our time limit; browsers without `AbortSignal.any` (older Kylin builds) keep only the caller's. */
function limited(signal: AbortSignal | null | undefined): AbortSignal | undefined {
  if (typeof AbortSignal.any !== "function" || typeof AbortSignal.timeout !== "function")
    return signal ?? undefined;
  const timeout = AbortSignal.timeout(ANSWER_TIMEOUT_MS);
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}
