import { lambdaHandler, type Tracer } from "@weiquan/runtime/observability";
import { withDeadline } from "@weiquan/store";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from "aws-lambda";
import { handle } from "hono/aws-lambda";
import { createApp } from "./app.ts";
import type { AppDeps } from "./deps.ts";
import { gaveUp, HARD_MARGIN_MS, requestDeadline } from "./http/deadline.ts";

export type ApiHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyResultV2>;

/**
 * The Lambda handler around the Hono app: Middy owns the Lambda level (structured logs with the request
 * context, metrics, the tracer where the partition has X-Ray, the early timeout), Hono owns HTTP. Every
 * AWS call of a request is bound to the request's deadline. The local bridge calls exactly this, so
 * local runs take production's path.
 */
export function makeHandler(deps: AppDeps, tracer: Tracer | null = null): ApiHandler {
  const honoHandler = handle(createApp(deps)) as unknown as ApiHandler;
  return lambdaHandler<APIGatewayProxyEventV2, APIGatewayProxyResultV2>(
    (event, context, { signal }) =>
      withDeadline(requestDeadline(context, deps.budget, signal), () => honoHandler(event, context)),
    tracer,
    { timeoutEarlyInMillis: HARD_MARGIN_MS, timeoutEarlyResponse: gaveUp },
  ) as unknown as ApiHandler;
}
