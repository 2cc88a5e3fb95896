import { DEMO_COUNTY } from "@weiquan/local";
import { type CallTimeouts, LOCAL_TIMEOUTS } from "@weiquan/store";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { type ApiResponse, expectError, startApi, type TestApi } from "../support/api.ts";
import { complaintBody } from "../support/cases.ts";
import { type FaultProxy, startFaultProxy } from "../support/faults.ts";

/**
 * A stalled, throttled or failing DynamoDB, injected on the wire between the API's real client and
 * DynamoDB Local: every request answers 2xx or a deliberate 503 with Retry-After inside its budget —
 * never a 500 — and a write the network delivers after the answer never becomes a second case.
 */
let proxy: FaultProxy;
let api: TestApi;
let clock = new Date("2026-11-23T10:00:00+08:00");
// The api's per-attempt timeouts and request budget: roomy while the demo is seeded, set per test.
const timeouts: CallTimeouts = { ...LOCAL_TIMEOUTS };
const roomy = { marginMs: 500, maxMs: 60_000 };
const t: Record<string, string> = {};

beforeAll(async () => {
  proxy = await startFaultProxy(inject("dynamoEndpoint"));
  api = await startApi({
    demo: true,
    endpoint: proxy.url,
    now: () => clock,
    tokenTtlSeconds: 90 * 86400,
    timeouts,
    budget: roomy,
    // A function timeout far beyond the budgets below: only the request's own deadline can end a stall.
    functionTimeoutMs: 120_000,
  });
  for (const who of ["admin", "point1"]) t[who] = await api.login(DEMO_COUNTY.countyCode, who);
}, 180_000);
afterEach(async () => {
  proxy.clear();
  await proxy.settled();
  Object.assign(timeouts, LOCAL_TIMEOUTS);
  api.deps.budget = roomy;
});
afterAll(async () => {
  await api?.close();
  await proxy?.close();
});

/** Answers a request may give while DynamoDB misbehaves: success, or 503 with Retry-After. */
function expectDeliberate(r: ApiResponse, ok: number) {
  if (r.status === ok) return;
  expectError(r, 503, "SERVICE_UNAVAILABLE");
  expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
}

const register = (subject: string, key?: string) =>
  api.call("POST", "/v1/cases", {
    token: t.point1,
    body: complaintBody({ subject }),
    headers: key ? { "idempotency-key": key } : {},
  });

/** The cases of one day with this subject prefix, as the bureau's ledger lists them. */
async function casesOfDay(day: string, subject: string) {
  const r = await api.call("GET", `/v1/cases?from=${day}&to=${day}&limit=200`, { token: t.admin });
  expect(r.status).toBe(200);
  // biome-ignore lint/suspicious/noExplicitAny: JSON from the API
  return (r.body.items as any[]).filter((c) => String(c.subject).startsWith(subject));
}

describe("a stalled DynamoDB", () => {
  it("answers reads and writes 503 with Retry-After when their budget runs out, never 500", async () => {
    api.deps.budget = { marginMs: 500, maxMs: 2500 };
    proxy.stall({ ms: 60_000, after: "drop", operations: ["Query", "GetItem", "TransactWriteItems"] });
    const list = await api.call("GET", "/v1/cases", { token: t.point1 });
    expectError(list, 503, "SERVICE_UNAVAILABLE");
    expect(list.headers.get("retry-after")).toBe("2");
    const created = await register("数据库停顿时登记");
    expectError(created, 503, "SERVICE_UNAVAILABLE");
    expect(proxy.counts.stalled).toBeGreaterThan(0);
  });

  it("answers a search by a consumer's phone 503 with Retry-After when the ledger's reads stall", async () => {
    api.deps.budget = { marginMs: 500, maxMs: 2500 };
    proxy.stall({ ms: 60_000, after: "drop", operations: ["Query"] });
    const r = await api.call("GET", "/v1/cases?phone=13812348000", { token: t.admin });
    expectError(r, 503, "SERVICE_UNAVAILABLE");
    expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(proxy.counts.stalled).toBeGreaterThan(0);
  });

  it("registers a case whose write the network delivered after the 503 exactly once when retried with its key", async () => {
    clock = new Date("2026-11-24T09:00:00+08:00");
    api.deps.budget = { marginMs: 500, maxMs: 2500 };
    proxy.stall({ ms: 5000, after: "forward", operations: ["TransactWriteItems"] });
    const first = await register("迟到的写入", "late-write-1");
    expectError(first, 503, "SERVICE_UNAVAILABLE");
    // The held transaction reaches DynamoDB Local after the client was told 503.
    await proxy.settled();
    expect(proxy.counts.landedLate).toBeGreaterThan(0);
    proxy.clear();

    const again = await register("迟到的写入", "late-write-1");
    expect(again.status).toBe(201);
    const stored = await casesOfDay("2026-11-24", "迟到的写入");
    expect(stored.map((c) => c.id)).toEqual([again.body.id]);
    expect(stored[0].trackingNo).toBe(again.body.trackingNo);
  });

  it("retries a stalled attempt inside the budget, and the late copy of the same transaction writes nothing", async () => {
    clock = new Date("2026-11-25T09:00:00+08:00");
    timeouts.attemptMs = 1500;
    api.deps.budget = { marginMs: 500, maxMs: 15_000 };
    proxy.stall({ ms: 4000, after: "forward", operations: ["TransactWriteItems"], times: 1 });
    const r = await register("重试后登记");
    expect(r.status).toBe(201);
    await proxy.settled();
    expect(proxy.counts.landedLate).toBeGreaterThan(0);
    const stored = await casesOfDay("2026-11-25", "重试后登记");
    expect(stored.map((c) => c.id)).toEqual([r.body.id]);
  });
});

describe("throttling and server errors", () => {
  it("retries a throttled read and answers it", async () => {
    proxy.throttle({ operations: ["Query"], times: 1 });
    const r = await api.call("GET", "/v1/cases", { token: t.point1 });
    expect(r.status).toBe(200);
    expect(proxy.counts.throttled).toBeGreaterThan(0);
  });

  it("answers 503 with Retry-After when throttling outlasts the retries", async () => {
    proxy.throttle({ operations: ["Query"] });
    const r = await api.call("GET", "/v1/cases", { token: t.point1 });
    expectError(r, 503, "SERVICE_UNAVAILABLE");
    expect(r.headers.get("retry-after")).not.toBeNull();
  });

  it("answers 503 when DynamoDB keeps failing with 500, having written nothing", async () => {
    clock = new Date("2026-11-26T09:00:00+08:00");
    proxy.fail({ operations: ["TransactWriteItems"] });
    const r = await register("服务端错误时登记");
    expectError(r, 503, "SERVICE_UNAVAILABLE");
    proxy.clear();
    expect(await casesOfDay("2026-11-26", "服务端错误时登记")).toEqual([]);
  });

  it("answers 503 to a registration whose every transaction is cancelled (TransactionConflict), nothing written", async () => {
    clock = new Date("2026-11-27T09:00:00+08:00");
    proxy.conflict();
    const r = await register("一直冲突的登记");
    expectError(r, 503, "SERVICE_UNAVAILABLE");
    expect(proxy.counts.conflicted).toBeGreaterThan(1);
    proxy.clear();
    expect(await casesOfDay("2026-11-27", "一直冲突的登记")).toEqual([]);
  });
});

describe("parallel registrations on a slow database", () => {
  it("answers each of 16 parallel registrations 201 or 503 (never 500); retried with their keys, each is written exactly once", async () => {
    clock = new Date("2026-11-30T09:00:00+08:00");
    timeouts.attemptMs = 1500;
    api.deps.budget = { marginMs: 500, maxMs: 3000 };
    // A quarter of the transactions are held past the budget and then land: the slow machine, the slow network.
    proxy.stall({ ms: 3500, after: "forward", operations: ["TransactWriteItems"], chance: 0.25 });
    const keys = Array.from({ length: 16 }, (_, i) => `burst-${i}`);
    const answers = new Map<string, ApiResponse>();
    const round = async (pending: string[]) =>
      Promise.all(
        pending.map(async (key) => {
          const r = await register(`慢库并发登记 ${key}`, key);
          expectDeliberate(r, 201);
          answers.set(key, r);
        }),
      );
    await round(keys);
    expect(proxy.counts.stalled).toBeGreaterThan(0);
    proxy.clear();
    await proxy.settled();
    // The database recovers; the clients retry what got 503, with the same keys.
    Object.assign(timeouts, LOCAL_TIMEOUTS);
    api.deps.budget = roomy;
    for (let i = 0; i < 10; i++) {
      const pending = keys.filter((k) => answers.get(k)?.status !== 201);
      if (pending.length === 0) break;
      await round(pending);
    }
    expect(keys.map((k) => answers.get(k)?.status)).toEqual(keys.map(() => 201));

    const stored = await casesOfDay("2026-11-30", "慢库并发登记");
    expect(stored).toHaveLength(16);
    expect(new Set(stored.map((c) => c.trackingNo)).size).toBe(16);
    const byKey = new Map(stored.map((c) => [String(c.subject).split(" ")[1], c.id]));
    for (const k of keys) expect(byKey.get(k)).toBe(answers.get(k)!.body.id);
  }, 120_000);
});
