import { isServerError, isThrottlingError, isTransientError } from "@smithy/core/retry";

/** True when a write failed only because its condition did not hold. */
export const isConditionFailure = (e: unknown) =>
  e instanceof Error && e.name === "ConditionalCheckFailedException";

export const isTransactionCanceled = (e: unknown) =>
  e instanceof Error && e.name === "TransactionCanceledException";

/** Reasons of a cancelled transaction, one per item, e.g. ["None", "ConditionalCheckFailed"]. */
export function cancellationReasons(e: unknown): string[] {
  const reasons = (e as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.map((r) => r.Code ?? "None");
}

/**
 * True when a call failed because a dependency is slow, throttled or down (or the request ran out of
 * time waiting for it): the API answers 503 with Retry-After, never 500. Client errors (a malformed
 * request, a missing table) stay bugs.
 */
export function isDependencyFailure(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  if (e.name === "DeadlineExceeded" || e.name === "AbortError" || e.name === "TimeoutError") return true;
  // biome-ignore lint/suspicious/noExplicitAny: smithy's classifiers read SDK error fields ($metadata, code)
  const sdk = e as any;
  if (isThrottlingError(sdk) || isTransientError(sdk) || isServerError(sdk)) return true;
  return (
    isTransactionCanceled(e) &&
    cancellationReasons(e).some((r) => r === "TransactionConflict" || r === "ThrottlingError")
  );
}
