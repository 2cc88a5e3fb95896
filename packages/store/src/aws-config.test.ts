import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { HttpRequest } from "@smithy/core/protocols";
import type { RetryErrorInfo } from "@smithy/types";
import { describe, expect, it } from "vitest";
import { DeadlineHttpHandler, DeadlineRetryStrategy } from "./aws-config.ts";
import { isDependencyFailure } from "./aws-errors.ts";
import { DeadlineExceeded, pause, withDeadline } from "./deadline.ts";

const sdkError = (message: string) =>
  Object.assign(new Error(message), { $metadata: {} }) as RetryErrorInfo["error"];
const transient: RetryErrorInfo = { errorType: "TRANSIENT", error: sdkError("timeout") };
const soon = (ms: number) => ({ at: Date.now() + ms });

describe("the retry strategy bound to the request's deadline", () => {
  it("retries a transient failure while attempts and time remain", async () => {
    const s = new DeadlineRetryStrategy(3);
    const first = await s.acquireInitialRetryToken();
    const second = await s.refreshRetryTokenForRetry(first, transient);
    expect(second.getRetryCount()).toBe(1);
    const third = await s.refreshRetryTokenForRetry(second, transient);
    expect(third.getRetryCount()).toBe(2);
    await expect(s.refreshRetryTokenForRetry(third, transient)).rejects.toThrow(/exhausted/);
  });

  it("never retries a client error (a malformed request, a failed condition)", async () => {
    const s = new DeadlineRetryStrategy(5);
    const token = await s.acquireInitialRetryToken();
    await expect(
      s.refreshRetryTokenForRetry(token, { errorType: "CLIENT_ERROR", error: sdkError("bad") }),
    ).rejects.toThrow(/not retryable/);
  });

  it("gives up rather than wait past the deadline", async () => {
    const s = new DeadlineRetryStrategy(5, 1000, 1000, 1000);
    const token = await s.acquireInitialRetryToken();
    await withDeadline(soon(100), async () => {
      await expect(s.refreshRetryTokenForRetry(token, transient)).rejects.toThrow(/no time left/);
    });
  });
});

describe("an HTTP attempt under a deadline", () => {
  const request = (port: number) =>
    new HttpRequest({
      protocol: "http:",
      hostname: "127.0.0.1",
      port,
      method: "POST",
      path: "/",
      headers: {},
    });

  it("does not start when the deadline has passed", async () => {
    const h = new DeadlineHttpHandler({ connectMs: 1000, attemptMs: 1000, maxAttempts: 1 });
    await withDeadline(soon(-1), async () => {
      await expect(h.handle(request(9))).rejects.toBeInstanceOf(DeadlineExceeded);
    });
  });

  it("times out at the deadline when it comes before the attempt's own timeout", async () => {
    const server = createServer(() => {}); // never answers
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const h = new DeadlineHttpHandler({ connectMs: 1000, attemptMs: 60_000, maxAttempts: 1 });
    try {
      await withDeadline(soon(400), async () => {
        const failure = await h.handle(request((server.address() as AddressInfo).port)).catch((e) => e);
        expect(failure.name).toBe("TimeoutError");
        expect(isDependencyFailure(failure)).toBe(true);
      });
    } finally {
      server.closeAllConnections();
      server.close();
      h.destroy();
    }
  });

  it("stops when the invocation is given up (the request's signal aborts)", async () => {
    const server = createServer(() => {});
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const h = new DeadlineHttpHandler({ connectMs: 1000, attemptMs: 60_000, maxAttempts: 1 });
    const giveUp = new AbortController();
    try {
      await withDeadline({ at: Date.now() + 60_000, signal: giveUp.signal }, async () => {
        const pending = h.handle(request((server.address() as AddressInfo).port)).catch((e) => e);
        setTimeout(() => giveUp.abort(), 50);
        const failure = await pending;
        expect(failure.name).toBe("AbortError");
        expect(isDependencyFailure(failure)).toBe(true);
      });
    } finally {
      server.closeAllConnections();
      server.close();
      h.destroy();
    }
  });
});

describe("our own retry pauses", () => {
  it("refuses to sleep into the deadline", async () => {
    await withDeadline(soon(100), async () => {
      await expect(pause(500)).rejects.toBeInstanceOf(DeadlineExceeded);
    });
  });

  it("sleeps freely outside a request", async () => {
    await expect(pause(1)).resolves.toBeUndefined();
  });
});

describe("what counts as a dependency failure (503, not 500)", () => {
  const named = (name: string, extra: object = {}) => Object.assign(new Error(name), { name, ...extra });

  it.each([
    ["throttling", named("ProvisionedThroughputExceededException", { $metadata: { httpStatusCode: 400 } })],
    ["a 500 from the service", named("InternalServerError", { $metadata: { httpStatusCode: 500 } })],
    ["a reset connection", Object.assign(new Error("socket hang up"), { code: "ECONNRESET" })],
    ["no time left", new DeadlineExceeded()],
    [
      "a transaction cancelled by a conflict",
      named("TransactionCanceledException", { CancellationReasons: [{ Code: "TransactionConflict" }] }),
    ],
  ])("%s", (_, e) => {
    expect(isDependencyFailure(e)).toBe(true);
  });

  it.each([
    ["a malformed request", named("ValidationException", { $metadata: { httpStatusCode: 400 } })],
    ["a failed condition", named("ConditionalCheckFailedException", { $metadata: { httpStatusCode: 400 } })],
    ["a plain bug", new TypeError("x is undefined")],
  ])("not %s", (_, e) => {
    expect(isDependencyFailure(e)).toBe(false);
  });
});
