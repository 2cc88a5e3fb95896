import type { Deadline } from "@weiquan/store";
import type { APIGatewayProxyResultV2, Context } from "aws-lambda";

/** How much of the invocation a request may spend before it answers 503. */
export interface RequestBudget {
  /** Kept back from the function's remaining time to send the answer. */
  marginMs: number;
  /** The most a request may take whatever the function's timeout: a stall is a fast 503, not a slow one. */
  maxMs: number;
}

/**
 * In AWS every call answers within milliseconds, so 10 s means a dependency is stalled: the client gets
 * 503 + Retry-After long before API Gateway's 30 s and the function's own timeout.
 */
export const AWS_BUDGET: RequestBudget = { marginMs: 1500, maxMs: 10_000 };
/**
 * Locally the whole function time (less the margin): DynamoDB Local on a loaded two-core machine, and
 * onboarding that creates a table in-process, are slow without anything being wrong.
 */
export const LOCAL_BUDGET: RequestBudget = { marginMs: 2000, maxMs: 60_000 };

/** Middy answers by itself this long before the platform would kill the function (see `gaveUp`). */
export const HARD_MARGIN_MS = 500;

/** The request's deadline: its budget from now, within the Lambda context's remaining time. */
export const requestDeadline = (context: Context, budget: RequestBudget, signal?: AbortSignal): Deadline => ({
  at: Date.now() + Math.max(0, Math.min(budget.maxMs, context.getRemainingTimeInMillis() - budget.marginMs)),
  signal,
});

/**
 * The answer when the handler itself has not answered just before the function's timeout (something
 * other than an AWS call hung): the same 503 envelope as a stalled dependency. Middy aborts the
 * request's signal at the same moment, so its AWS calls still in flight stop and none starts after.
 */
export const gaveUp = (): APIGatewayProxyResultV2 => ({
  statusCode: 503,
  headers: {
    "content-type": "application/json; charset=UTF-8",
    "retry-after": "2",
    "x-content-type-options": "nosniff",
    "cache-control": "no-store",
  },
  body: JSON.stringify({ error: { code: "SERVICE_UNAVAILABLE", message: "服务暂时不可用，请稍后重试" } }),
});
