import { AppError, type ErrorEnvelope, httpStatusOf } from "@weiquan/domain";
import { isDependencyFailure } from "@weiquan/store";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "./env.ts";
import { countThrottled, logUnexpected } from "./observe.ts";

const envelope = (code: string, message: string, details?: unknown): ErrorEnvelope => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

/** The one place typed errors become HTTP answers. Anything unexpected is a logged 500 without internals. */
export function onError(err: Error, c: Context<AppEnv>) {
  if (err instanceof AppError) {
    if (err.retryAfter !== undefined) c.header("Retry-After", String(err.retryAfter));
    return c.json(
      envelope(err.code, err.message, err.details),
      httpStatusOf[err.kind] as ContentfulStatusCode,
    );
  }
  if (err instanceof HTTPException) {
    // Hono raises these for a body that is not JSON and similar protocol faults: the client's mistake.
    const status = err.status;
    if (status === 400) {
      return c.json(
        envelope("MALFORMED_REQUEST", "请求体不是有效的 JSON", [{ path: "", message: err.message }]),
        400,
      );
    }
    return c.json(envelope("HTTP_ERROR", err.message), status as ContentfulStatusCode);
  }
  if (isDependencyFailure(err)) {
    // A stalled, throttled or failing dependency: the request wrote nothing it could not confirm (every
    // change is one transaction; a retry with the same Idempotency-Key returns the first answer).
    countThrottled(c, err);
    c.header("Retry-After", "2");
    return c.json(envelope("SERVICE_UNAVAILABLE", "服务繁忙，请稍后重试"), 503);
  }
  logUnexpected(c, err);
  return c.json(envelope("INTERNAL", "服务器内部错误，请稍后重试"), 500);
}

export const notFoundRoute = (c: Context) =>
  c.json(envelope("ROUTE_NOT_FOUND", `没有这个接口：${c.req.method} ${c.req.path}`), 404);
