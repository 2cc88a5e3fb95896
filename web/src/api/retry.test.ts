import { describe, expect, it } from "vitest";
import { ApiError, NETWORK_ERROR } from "./error.ts";
import { sendOnce } from "./retry.ts";

/** A create whose first answers are the given failures, then success; records the waits asked for. */
function flaky(failures: ApiError[]) {
  const sent: number[] = [];
  const waits: number[] = [];
  let n = 0;
  const send = async () => {
    sent.push(++n);
    const failure = failures[n - 1];
    if (failure) throw failure;
    return { id: "case-1" };
  };
  const sleep = async (ms: number) => {
    waits.push(ms);
  };
  return { send, sent, waits, sleep };
}

const busy = (retryAfter: number | null = null) =>
  new ApiError(503, "SERVICE_UNAVAILABLE", "服务繁忙", [], retryAfter);
const lost = () => new ApiError(0, NETWORK_ERROR, "Failed to fetch");

describe("sendOnce (a create with its Idempotency-Key)", () => {
  it("sends again after a 503 and after a lost answer, and answers with the eventual success", async () => {
    const f = flaky([busy(), lost()]);
    await expect(sendOnce(f.send, { sleep: f.sleep })).resolves.toEqual({ id: "case-1" });
    expect(f.sent).toEqual([1, 2, 3]);
    expect(f.waits).toEqual([500, 1000]);
  });

  it("waits as long as the API's Retry-After asks, within a cap", async () => {
    const f = flaky([busy(3), busy(60)]);
    await sendOnce(f.send, { sleep: f.sleep });
    expect(f.waits).toEqual([3000, 8000]);
  });

  it("gives up after the last attempt with the last failure", async () => {
    const f = flaky([busy(), busy(), busy(), busy(), busy()]);
    await expect(sendOnce(f.send, { sleep: f.sleep })).rejects.toMatchObject({ status: 503 });
    expect(f.sent).toHaveLength(4);
  });

  it("never repeats a request the API answered: 400, 409, 422 and 429 are final", async () => {
    for (const status of [400, 409, 422, 429]) {
      const f = flaky([new ApiError(status, "X", "no")]);
      await expect(sendOnce(f.send, { sleep: f.sleep })).rejects.toMatchObject({ status });
      expect(f.sent).toEqual([1]);
    }
  });
});
