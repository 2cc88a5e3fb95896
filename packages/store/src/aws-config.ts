import { NodeHttpHandler } from "@smithy/node-http-handler";
import type { HttpHandlerOptions, RetryErrorInfo, RetryStrategyV2, RetryToken } from "@smithy/types";
import { currentDeadline, DeadlineExceeded, MIN_ATTEMPT_MS, timeLeft } from "./deadline.ts";

type HttpRequest = Parameters<NodeHttpHandler["handle"]>[0];

/** How long one AWS call may take. */
export interface CallTimeouts {
  /** TCP (and TLS) connect. */
  connectMs: number;
  /** One attempt, from sending the request to the last byte of the answer. */
  attemptMs: number;
  /** Attempts per call, the first included. */
  maxAttempts: number;
}

/**
 * In AWS: DynamoDB, STS, Secrets Manager and KMS answer in milliseconds, so an attempt that takes 2 s is
 * a stall; three attempts with jittered backoff end within ~6.5 s, inside any request's budget.
 */
export const AWS_TIMEOUTS: CallTimeouts = { connectMs: 1000, attemptMs: 2000, maxAttempts: 3 };
/** Object uploads (export parts of 8 MiB) legitimately take longer than a key-value call. */
export const AWS_UPLOAD_TIMEOUTS: CallTimeouts = { connectMs: 1000, attemptMs: 30_000, maxAttempts: 3 };
/**
 * DynamoDB Local is one JVM on the developer's (or CI's) two busy cores: under a parallel test it can
 * take many seconds for an answer that DynamoDB gives in milliseconds, and a second attempt would only
 * queue behind the first. So locally an attempt is bounded by the request's deadline alone.
 */
export const LOCAL_TIMEOUTS: CallTimeouts = { connectMs: 5000, attemptMs: 60_000, maxAttempts: 3 };

/**
 * Every attempt is bounded by the client's own timeout and by the current request's deadline
 * (whichever comes first), and stops when the request is given up. With no time left it does not start.
 */
export class DeadlineHttpHandler extends NodeHttpHandler {
  constructor(private readonly timeouts: CallTimeouts) {
    super({
      connectionTimeout: timeouts.connectMs,
      requestTimeout: timeouts.attemptMs,
      // Without this a request timeout is only logged and the call waits on (smithy's default).
      throwOnRequestTimeout: true,
    });
  }

  override async handle(request: HttpRequest, options: HttpHandlerOptions = {}) {
    const left = timeLeft();
    if (left < MIN_ATTEMPT_MS) throw new DeadlineExceeded();
    const given = currentDeadline()?.signal;
    const own = options.abortSignal as AbortSignal | undefined;
    const abortSignal = given && own ? AbortSignal.any([given, own]) : (given ?? own);
    return super.handle(request, {
      abortSignal,
      requestTimeout: Math.max(1, Math.floor(Math.min(this.timeouts.attemptMs, left))),
    });
  }
}

const token = (count: number, delay: number): RetryToken => ({
  getRetryCount: () => count,
  getRetryDelay: () => delay,
});

/**
 * Retries throttling and transient failures (timeouts, resets, 5xx) with full-jitter exponential
 * backoff, but only while the wait plus one more attempt fits before the request's deadline; otherwise
 * the last error stands and the request answers 503.
 */
export class DeadlineRetryStrategy implements RetryStrategyV2 {
  readonly mode = "standard";
  constructor(
    private readonly maxAttempts: number,
    private readonly baseMs = 40,
    private readonly throttledBaseMs = 200,
    private readonly capMs = 2000,
  ) {}

  async acquireInitialRetryToken(): Promise<RetryToken> {
    return token(0, 0);
  }

  async refreshRetryTokenForRetry(previous: RetryToken, info: RetryErrorInfo): Promise<RetryToken> {
    const retries = previous.getRetryCount() + 1;
    if (info.errorType !== "THROTTLING" && info.errorType !== "TRANSIENT") throw new Error("not retryable");
    if (retries >= this.maxAttempts) throw new Error("attempts exhausted");
    const base = info.errorType === "THROTTLING" ? this.throttledBaseMs : this.baseMs;
    const delay = Math.floor(Math.random() * Math.min(this.capMs, base * 2 ** retries));
    if (timeLeft() < delay + MIN_ATTEMPT_MS) throw new Error("no time left before the deadline");
    return token(retries, delay);
  }

  recordSuccess(): void {}
}

/**
 * The part of an AWS client's configuration that bounds its calls; spread it into any v3 client:
 * `new DynamoDBClient({ ...boundedCalls(AWS_TIMEOUTS), region })`.
 */
export const boundedCalls = (t: CallTimeouts) => ({
  requestHandler: new DeadlineHttpHandler(t),
  retryStrategy: new DeadlineRetryStrategy(t.maxAttempts),
  maxAttempts: t.maxAttempts,
});
