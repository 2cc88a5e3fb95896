import { logger, MetricUnit, metrics } from "@weiquan/runtime/observability";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv, Caller } from "./env.ts";

/** The capability of a path: the first segment after `/v1/` (`well-known` for `/.well-known/…`). */
const segmentOf = (path: string) =>
  /^\/v1\/([^/.:*]+)/.exec(path)?.[1] ?? (path.startsWith("/.well-known/") ? "well-known" : "other");

/**
 * One single-metric emitter per process, reused: each use adds its dimension and metadata and its one
 * metric, which Powertools writes at once and then clears (dimensions and metadata too). Building one per
 * request (`singleMetric()` constructs a whole Metrics, reading the environment and making a console)
 * cost more CPU than the rest of the request's middleware.
 */
let emitter: ReturnType<typeof metrics.singleMetric> | undefined;
const singleMetric = () => {
  emitter ??= metrics.singleMetric();
  return emitter;
};

/**
 * Per request: the API Gateway request id on every log line, and after the answer one `Requests` metric
 * with the capability as dimension (`ServerErrors` too for a 5xx). Tenant and user go on log lines and as
 * metric metadata, never as dimensions: thousands of tenants would be thousands of billed metrics.
 */
export const observe = (routePaths: () => string[]) => {
  let known: Set<string> | undefined;
  // Only the app's own capabilities become dimension values: a scan of random paths adds no metrics.
  const capabilityOf = (path: string) => {
    known ??= new Set(routePaths().map(segmentOf));
    const segment = segmentOf(path);
    return known.has(segment) ? segment : "other";
  };
  return createMiddleware<AppEnv>(async (c, next) => {
    const event = (c.env as { event?: APIGatewayProxyEventV2 } | undefined)?.event;
    logger.appendKeys({ requestId: event?.requestContext?.requestId });
    await next();
    const capability = capabilityOf(c.req.path);
    const caller = c.get("caller") as Caller | undefined;
    const count = (name: string) => {
      const metric = singleMetric();
      metric.addDimension("capability", capability);
      if (caller) metric.addMetadata("tenantId", caller.tenantId);
      metric.addMetric(name, MetricUnit.Count, 1);
    };
    count("Requests");
    if (c.res.status >= 500) count("ServerErrors");
  });
};

/** Called once the caller is known: tenant and user on every later log line of the request. */
export function identify(caller: Caller): void {
  logger.appendKeys({ tenantId: caller.tenantId, userId: caller.userId });
}

/** The one log line of an unexpected error (the 500 answer tells the client nothing more). */
export function logUnexpected(c: Context<AppEnv>, err: Error): void {
  const caller = c.get("caller") as Caller | undefined;
  logger.error("unhandled", {
    error: err,
    method: c.req.method,
    path: c.req.path,
    ...(caller ? { tenantId: caller.tenantId, userId: caller.userId } : {}),
  });
}

/** DynamoDB (or another AWS service) throttled a request, answered 503: one count, alarmed on by the stack. */
export function countThrottled(c: Context<AppEnv>, err: Error): void {
  const caller = c.get("caller") as Caller | undefined;
  logger.warn("dependency throttled", { error: err.name, path: c.req.path, tenantId: caller?.tenantId });
  const metric = singleMetric();
  if (caller) metric.addMetadata("tenantId", caller.tenantId);
  metric.addMetric("DependencyThrottled", MetricUnit.Count, 1);
}
