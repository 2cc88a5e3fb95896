import { ApiError } from "./error.ts";

export interface RetryOptions {
  /** Tries in all (the first included). */
  attempts?: number;
  /** Waits this long before try n (1-based), unless the API asked for longer (capped by `maxWaitMs`). */
  backoffMs?: (n: number) => number;
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A transient failure worth another try: no answer (lost or timed out), or the API busy / stalled. */
export const isTransient = (e: unknown): boolean => e instanceof ApiError && e.transient;

/**
 * Sends a create again after a 503 or a lost answer. `send` must carry the same `Idempotency-Key` every
 * time, so the API answers a repeat with the first answer: the case is registered exactly once whether the
 * first try failed before or after the write. Anything else (400, 409, 422 …) is final and thrown at once.
 */
export async function sendOnce<T>(send: () => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const attempts = opts.attempts ?? 4;
  const backoff = opts.backoffMs ?? ((n) => 500 * 2 ** (n - 2));
  const maxWait = opts.maxWaitMs ?? 8_000;
  const sleep = opts.sleep ?? wait;
  for (let n = 1; ; n++) {
    try {
      return await send();
    } catch (e) {
      if (n >= attempts || !isTransient(e)) throw e;
      const asked = e instanceof ApiError && e.retryAfter !== null ? e.retryAfter * 1000 : 0;
      await sleep(Math.min(maxWait, Math.max(asked, backoff(n + 1))));
    }
  }
}
