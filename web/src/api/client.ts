import type { AppType } from "@weiquan/fn-api/app";
import { type ClientResponse, hc } from "hono/client";
import type { SuccessStatusCode } from "hono/utils/http-status";
import { apiFetch } from "./http.ts";

export { ApiError, NETWORK_ERROR } from "./error.ts";
export { setUnauthorizedHandler } from "./http.ts";

/**
 * The typed API client: paths, parameters, bodies and answers come from the API's own Hono routes
 * (`AppType`), so a change there that breaks the console fails the type check, not a clerk.
 * Every call goes through {@link apiFetch}: a non-2xx answer rejects with an ApiError.
 */
export const api = hc<AppType>("/", { fetch: apiFetch({ auth: true }) });

/** The same client without the bearer token: login and the public page. */
export const guestApi = hc<AppType>("/", { fetch: apiFetch({ auth: false }) });

/** The success body a typed call answers with. */
export type Ok<R> =
  R extends ClientResponse<infer T, infer S, infer F>
    ? S extends SuccessStatusCode
      ? F extends "json"
        ? T
        : never
      : never
    : never;

/** The JSON body of a typed call (errors have already been thrown as ApiError by the fetch underneath). */
export async function ok<R extends ClientResponse<unknown>>(call: Promise<R>): Promise<Ok<R>> {
  const res = await call;
  return (await res.json()) as Ok<R>;
}

/** The body type of a client method: `Answer<typeof api.v1.units.$get>`. */
// biome-ignore lint/suspicious/noExplicitAny: any parameter list — only the answer's type is read.
export type Answer<F extends (...args: any[]) => Promise<ClientResponse<unknown>>> = Ok<
  Awaited<ReturnType<F>>
>;

/** An abort signal for a typed call (TanStack Query hands one to every query). */
export const signalled = (signal: AbortSignal | undefined) => ({ init: { signal } });

/** A field path from the API (`admin.username`, `/admin/username`, `admin[0]`) as an antd Form name path. */
export function namePath(path: string): (string | number)[] {
  return path
    .split(/[./[\]]+/)
    .filter((p) => p !== "")
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}
