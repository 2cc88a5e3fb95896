import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { DEMO_COUNTY } from "@weiquan/local";
import { CasesRepository, T, type TenantTable, TQ, TrackingRepository } from "@weiquan/store";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { expectError, startApi, type TestApi } from "../support/api.ts";
import { complaintBody } from "../support/cases.ts";
import { injectTransactionConflicts } from "../support/faults.ts";

/**
 * Racing requests and DynamoDB failures against the real handler on DynamoDB Local: one winner per
 * version, unique tracking numbers whose every gap is a voided number, TransactionConflict retried without
 * duplicates, and a request that cannot be written answers 503 having written no case.
 */
let api: TestApi;
let clock = new Date("2026-11-23T10:00:00+08:00");
let table: TenantTable;
const t: Record<string, string> = {};
const county = DEMO_COUNTY.countyCode;
// biome-ignore lint/suspicious/noExplicitAny: JSON from the API
let units: any[];
const unitId = (name: string) => units.find((u) => u.name.startsWith(name)).id as string;
let point1UserId: string;
let faults: ReturnType<typeof injectTransactionConflicts> | undefined;

beforeAll(async () => {
  api = await startApi({ demo: true, now: () => clock, tokenTtlSeconds: 90 * 86400 });
  for (const who of ["admin", "station1", "point1", "point2"]) t[who] = await api.login(county, who);
  units = (await api.call("GET", "/v1/units", { token: t.admin })).body.items;
  const me = await api.call("GET", "/v1/me", { token: t.point1 });
  point1UserId = me.body.user.id;
  table = await api.deps.tenantAccess.forTenant(me.body.tenant.id);
});
afterEach(() => {
  faults?.restore();
  faults = undefined;
});
afterAll(() => api.close());

const create = (token: string, body: unknown, headers?: Record<string, string>) =>
  api.call("POST", "/v1/cases", { token, body, headers });
const act = (token: string, id: string, body: unknown) =>
  api.call("POST", `/v1/cases/${id}/transitions`, { token, body });

/** Every item of a partition, read straight from the table. */
async function partition(pk: string): Promise<Record<string, unknown>[]> {
  const out = await table.doc.send(
    new QueryCommand({
      TableName: table.tableName,
      KeyConditionExpression: "PK = :pk",
      ExpressionAttributeValues: { ":pk": pk },
      ConsistentRead: true,
    }),
  );
  return out.Items ?? [];
}
const timelineOf = async (id: string) => (await partition(T.case(id).PK)).filter((i) => i.SK !== "CASE");
const ledgerOf = (unit: string) => partition(TQ.ledger(unit).partition.value);
async function rollupOf(unit: string, month: string): Promise<Record<string, number>> {
  const items = await partition(T.rollup(unit, month).PK);
  return (items.find((i) => i.SK === T.rollup(unit, month).SK) ?? {}) as Record<string, number>;
}
/** The bureau, the office, the station and the point of 南关社区: every unit a point1 case counts in. */
const chain = () => ["宝坻区", "宝平市场", "宝平街道", "南关社区"].map(rootOr);
function rootOr(name: string) {
  return name === "宝坻区" ? units.find((u) => u.type === "bureau").id : unitId(name);
}
/** How much `counter` grew in each unit of the chain between two snapshots. */
const deltas = (before: Record<string, number>[], after: Record<string, number>[], counter: string) =>
  after.map((a, i) => (a[counter] ?? 0) - (before[i]![counter] ?? 0));
const snapshot = async (month: string) => Promise.all(chain().map((u) => rollupOf(u, month)));

describe("racing transitions on one version", () => {
  it("lets exactly one of 20 accept the case; the others get 409 and nothing is counted twice", async () => {
    const c = (await create(t.point1, complaintBody({ subject: "二十个并发受理" }))).body;
    const before = await snapshot("2026-11");
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        act(i % 2 ? t.point1 : t.station1, c.id, { action: "accept", version: 1, note: `第 ${i} 个` }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const r of results.filter((r) => r.status === 409)) {
      expectError(r, 409, "VERSION_CONFLICT");
      expect(r.body.error.details.current).toMatchObject({ status: "accepted", version: 2 });
    }
    const events = await timelineOf(c.id);
    expect(events.map((e) => e.action)).toEqual(["create", "accept"]);
    expect(events[1]!.note).toMatch(/^第 \d+ 个$/);
    const stored = await new CasesRepository(table).get(c.id);
    expect(stored).toMatchObject({ status: "accepted", version: 2 });

    const after = await snapshot("2026-11");
    expect(deltas(before, after, "accepted")).toEqual([1, 1, 1, 1]);
    expect(deltas(before, after, "decided")).toEqual([1, 1, 1, 1]);
  });

  it("lets exactly one of 20 different actions on the same version win", async () => {
    const c = (await create(t.point1, complaintBody({ subject: "受理与不予受理并发" }))).body;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        act(
          t.point1,
          c.id,
          i % 2 ? { action: "accept", version: 1 } : { action: "reject", version: 1, reason: "time_barred" },
        ),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    const events = await timelineOf(c.id);
    expect(events).toHaveLength(2);
    const stored = (await new CasesRepository(table).get(c.id))!;
    expect(stored.version).toBe(2);
    expect(stored.status).toBe(events[1]!.toStatus);
  });
});

describe("tracking numbers under concurrency", () => {
  it("answers a burst of 50 parallel registrations 201 (or 503 having written no case), with unique numbers and no unexplained gap", async () => {
    clock = new Date("2026-11-24T09:30:00+08:00");
    const tracking = new TrackingRepository(table);
    expect(await tracking.lastSeq("2026-11-24")).toBe(0);
    const ledgerBefore = (await ledgerOf(unitId("南关社区"))).length;
    const before = await snapshot("2026-11");

    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        create(
          i % 4 === 0 ? t.station1 : t.point1,
          complaintBody({ subject: `并发登记 ${i}`, unitId: unitId("南关社区") }),
        ),
      ),
    );
    for (const r of results) expect([201, 503]).toContain(r.status);
    const created = results.filter((r) => r.status === 201);
    const numbers = created.map((r) => r.body.trackingNo as string);
    expect(new Set(numbers).size).toBe(created.length);
    // Every number reserved that day is a case or a voided number, each exactly once.
    const last = await tracking.lastSeq("2026-11-24");
    const voided = (await tracking.voided("2026-11", 200)).items.map((v) => v.trackingNo);
    expect([...numbers, ...voided].sort()).toEqual(
      Array.from({ length: last }, (_, i) => `${county}20261124${String(i + 1).padStart(4, "0")}`),
    );
    // Each number points at its own case, and each case is in the ledger and the figures once.
    for (const r of created) expect(await tracking.idByTrackingNo(r.body.trackingNo)).toBe(r.body.id);
    expect((await ledgerOf(unitId("南关社区"))).length - ledgerBefore).toBe(created.length);
    const after = await snapshot("2026-11");
    expect(deltas(before, after, "received")).toEqual(Array(4).fill(created.length));
    clock = new Date("2026-11-23T10:00:00+08:00");
  }, 120_000);
});

describe("TransactionConflict from DynamoDB", () => {
  it("retries a registration whose transaction is cancelled 5 times and writes it once", async () => {
    clock = new Date("2026-11-25T09:00:00+08:00");
    const before = await snapshot("2026-11");
    const ledgerBefore = (await ledgerOf(unitId("南关社区"))).length;
    faults = injectTransactionConflicts(api, 5);
    const r = await create(t.point1, complaintBody({ subject: "冲突后重试登记" }), {
      "idempotency-key": "retry-1",
    });
    expect(r.status).toBe(201);
    expect(faults.state.injected).toBe(5);
    expect(faults.state.transactions).toBe(6);
    faults.restore();

    expect(r.body.trackingNo).toBe(`${county}202611250001`);
    const tracking = new TrackingRepository(table);
    expect(await tracking.lastSeq("2026-11-25")).toBe(1);
    expect(await timelineOf(r.body.id)).toHaveLength(1);
    expect((await ledgerOf(unitId("南关社区"))).length - ledgerBefore).toBe(1);
    const after = await snapshot("2026-11");
    expect(deltas(before, after, "received")).toEqual(Array(4).fill(1));
    // The idempotency record was written with the case: the same request again is the same case.
    const again = await create(t.point1, complaintBody({ subject: "冲突后重试登记" }), {
      "idempotency-key": "retry-1",
    });
    expect(again.body.id).toBe(r.body.id);
    expect(await tracking.lastSeq("2026-11-25")).toBe(1);
  });

  it("retries a transition whose transaction is cancelled 3 times and applies it once", async () => {
    const c = (await create(t.point1, complaintBody({ subject: "冲突后重试受理" }))).body;
    const before = await snapshot("2026-11");
    faults = injectTransactionConflicts(api, 3);
    const r = await act(t.point1, c.id, { action: "accept", version: 1 });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: "accepted", version: 2 });
    expect(faults.state.injected).toBe(3);
    faults.restore();
    expect((await timelineOf(c.id)).map((e) => e.action)).toEqual(["create", "accept"]);
    const after = await snapshot("2026-11");
    expect(deltas(before, after, "accepted")).toEqual(Array(4).fill(1));
  });

  it("answers 503 to a registration that never gets through, having written no case and voided its number", async () => {
    clock = new Date("2026-11-26T09:00:00+08:00");
    const tracking = new TrackingRepository(table);
    const before = await snapshot("2026-11");
    const ledgerBefore = await ledgerOf(unitId("南关社区"));
    faults = injectTransactionConflicts(api, Number.POSITIVE_INFINITY);
    const r = await create(t.point1, complaintBody({ subject: "始终冲突的登记" }), {
      "idempotency-key": "never-1",
    });
    expectError(r, 503, "SERVICE_UNAVAILABLE");
    expect(r.headers.get("retry-after")).toBe("1");
    expect(faults.state.injected).toBeGreaterThan(1);
    faults.restore();

    // No case, no ledger row, no tracking pointer, no figures, no idempotency record; the number it had
    // reserved is voided with its reason, so the day's sequence stays explainable.
    expect(await tracking.lastSeq("2026-11-26")).toBe(1);
    expect(await tracking.idByTrackingNo(`${county}202611260001`)).toBeNull();
    expect((await tracking.voided("2026-11", 200)).items).toContainEqual(
      expect.objectContaining({ trackingNo: `${county}202611260001`, reason: "write_failed", seq: 1 }),
    );
    expect(await ledgerOf(unitId("南关社区"))).toEqual(ledgerBefore);
    expect(await snapshot("2026-11")).toEqual(before);
    const list = await api.call("GET", "/v1/cases?q=始终冲突", { token: t.admin });
    expect(list.body.items).toEqual([]);
    expect(await partition(T.idempotency(point1UserId, "never-1").PK)).toEqual([]);
    // The bureau's admin reads it in the month's voided numbers; nobody else may.
    const voided = await api.call("GET", "/v1/audit/voided-numbers?month=2026-11", { token: t.admin });
    expect(voided.body.items).toContainEqual(
      expect.objectContaining({ trackingNo: `${county}202611260001`, reason: "write_failed" }),
    );
    expectError(
      await api.call("GET", "/v1/audit/voided-numbers?month=2026-11", { token: t.point1 }),
      403,
      "ROLE_FORBIDDEN",
    );
    // Once DynamoDB is back, the same request goes through with the day's next number.
    const retry = await create(t.point1, complaintBody({ subject: "始终冲突的登记" }), {
      "idempotency-key": "never-1",
    });
    expect(retry.status).toBe(201);
    expect(retry.body.trackingNo).toBe(`${county}202611260002`);
    clock = new Date("2026-11-23T10:00:00+08:00");
  });

  it("answers 503 to a transition that never gets through; the case, timeline and figures stay as they were", async () => {
    const c = (await create(t.point1, complaintBody({ subject: "始终冲突的受理" }))).body;
    const before = await snapshot("2026-11");
    const stored = await new CasesRepository(table).get(c.id);
    faults = injectTransactionConflicts(api, Number.POSITIVE_INFINITY);
    const r = await act(t.point1, c.id, { action: "accept", version: 1 });
    expectError(r, 503, "SERVICE_UNAVAILABLE");
    faults.restore();
    expect(await new CasesRepository(table).get(c.id)).toEqual(stored);
    expect((await timelineOf(c.id)).map((e) => e.action)).toEqual(["create"]);
    expect(await snapshot("2026-11")).toEqual(before);
    // The same request with the same version then succeeds.
    expect((await act(t.point1, c.id, { action: "accept", version: 1 })).status).toBe(200);
  });
});
