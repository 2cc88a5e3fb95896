import { makeHandler } from "./handler.ts";
import { depsFromEnv } from "./runtime.ts";

/** The api function's entry point (CDK: functions/api/src/lambda.ts, export `handler`). */
export const handler = makeHandler(depsFromEnv());
