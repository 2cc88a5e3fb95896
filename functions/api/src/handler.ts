import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import middy from "@middy/core";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from "aws-lambda";
import { handle } from "hono/aws-lambda";
import { createApp } from "./app.ts";
import type { AppDeps } from "./deps.ts";

export type ApiHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyResultV2>;

/**
 * The Lambda handler around the Hono app: Middy owns the Lambda level (structured logs with the request
 * id), Hono owns HTTP. The local bridge calls exactly this, so local runs take production's path.
 */
export function makeHandler(deps: AppDeps): ApiHandler {
  const logger = new Logger({ serviceName: "weiquan-api" });
  const honoHandler = handle(createApp(deps)) as unknown as ApiHandler;
  return middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
    .use(injectLambdaContext(logger))
    .handler((event, context) => honoHandler(event, context)) as unknown as ApiHandler;
}
