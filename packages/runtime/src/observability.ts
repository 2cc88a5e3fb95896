import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { Metrics, MetricUnit } from "@aws-lambda-powertools/metrics";
import { logMetrics } from "@aws-lambda-powertools/metrics/middleware";
import type { Tracer } from "@aws-lambda-powertools/tracer";

export type { Tracer };

import { captureLambdaHandler } from "@aws-lambda-powertools/tracer/middleware";
import middy, { type MiddyfiedHandler } from "@middy/core";
import type { Context } from "aws-lambda";

/**
 * The Lambda-level kit every Weiquan function shares (Powertools): one structured logger, EMF metrics in
 * the `Weiquan` namespace and, where the partition has X-Ray, a tracer. The service name, namespace and
 * whether tracing is on come from the environment CDK sets (POWERTOOLS_SERVICE_NAME,
 * POWERTOOLS_METRICS_NAMESPACE, POWERTOOLS_TRACE_ENABLED); outside Lambda metrics and traces are off.
 */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? "weiquan" });

const inLambda = () => !!process.env.AWS_LAMBDA_FUNCTION_NAME;
// Metrics go to stdout as EMF; outside Lambda (pnpm dev, tests, bench) that would only be noise.
if (!inLambda()) process.env.POWERTOOLS_METRICS_DISABLED ??= "true";

export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? "Weiquan",
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? "weiquan",
});

export { MetricUnit };

/**
 * The tracer, or null where tracing is off (the China regions have no X-Ray: CDK sets
 * POWERTOOLS_TRACE_ENABLED=false there). Loaded only when on, so the X-Ray SDK costs nothing elsewhere.
 */
export async function loadTracer(): Promise<Tracer | null> {
  if (!inLambda() || process.env.POWERTOOLS_TRACE_ENABLED === "false") return null;
  const { Tracer } = await import("@aws-lambda-powertools/tracer");
  return new Tracer();
}

/**
 * Wraps a function's handler in the shared middlewares: Lambda context on every log line (keys appended
 * during an invocation are dropped after it), metrics flushed with a cold-start metric, and the tracer's
 * segment when tracing is on. Errors that escape the handler are logged once here, then rethrown so
 * Lambda counts them (Errors metric, retries, failure destinations).
 */
export function lambdaHandler<E, R>(
  handler: (event: E, context: Context, options: { signal: AbortSignal }) => Promise<R>,
  tracer: Tracer | null = null,
  options: middy.PluginObject = {},
): MiddyfiedHandler<E, R> {
  let chain = middy<E, R>(options).use(injectLambdaContext(logger, { resetKeys: true }));
  // Outside Lambda metrics are off, yet Powertools still warns on every flush without metrics (test noise).
  if (inLambda()) chain = chain.use(logMetrics(metrics, { captureColdStartMetric: true }));
  if (tracer) chain = chain.use(captureLambdaHandler(tracer));
  return chain
    .use({
      onError: async (request) => {
        logger.error("invocation failed", { error: request.error as Error });
      },
    })
    .handler(handler);
}
