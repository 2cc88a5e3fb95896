import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The moment by which a request must have its answer, shared by every AWS call made on its behalf. The
 * api handler sets it from the Lambda context's remaining time (less a margin to send a 503), so a
 * stalled dependency ends in a deliberate answer, never in the platform killing the function after a
 * write it could not confirm.
 */
export interface Deadline {
  /** Epoch milliseconds. */
  at: number;
  /** Aborted when the invocation is given up (Middy's early timeout): calls still in flight stop. */
  signal?: AbortSignal;
}

const current = new AsyncLocalStorage<Deadline>();

/** Runs `fn` with every AWS call inside it (however deep, however async) bound to `deadline`. */
export const withDeadline = <T>(deadline: Deadline, fn: () => T): T => current.run(deadline, fn);

export const currentDeadline = (): Deadline | undefined => current.getStore();

/** Milliseconds left before the current deadline; Infinity outside a request (jobs, tests, scripts). */
export function timeLeft(): number {
  const d = current.getStore();
  if (!d) return Number.POSITIVE_INFINITY;
  if (d.signal?.aborted) return 0;
  return d.at - Date.now();
}

/** No time left for one more call: the request answers 503 (see `isDependencyFailure`). */
export class DeadlineExceeded extends Error {
  override name = "DeadlineExceeded";
  constructor(what = "the request's deadline has passed") {
    super(what);
  }
}

/** The least time worth starting one more AWS attempt with; less than this and the request gives up. */
export const MIN_ATTEMPT_MS = 150;

/**
 * Waits `ms` before retrying something ourselves (a cancelled transaction, a taken number), unless the
 * wait and one more attempt would not fit before the deadline: then it throws `DeadlineExceeded` now
 * rather than sleep into the platform's timeout.
 */
export async function pause(ms: number): Promise<void> {
  if (timeLeft() < ms + MIN_ATTEMPT_MS) throw new DeadlineExceeded("no time left to retry");
  await new Promise((r) => setTimeout(r, ms));
}
