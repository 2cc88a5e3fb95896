import { loadTracer } from "@weiquan/runtime/observability";
import { makeHandler } from "./handler.ts";
import { depsFromEnv } from "./runtime.ts";

/** The api function's entry point (CDK: functions/api/src/lambda.ts, export `handler`). */
export const handler = makeHandler(await depsFromEnv(), await loadTracer());
