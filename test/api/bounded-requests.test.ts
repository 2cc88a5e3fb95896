import { DEMO_COUNTY } from "@weiquan/local";
import { boundViolation, type CallMeter, type MeteredCall, meterCalls } from "@weiquan/store/call-meter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type TestApi } from "../support/api.ts";
import { complaintBody } from "../support/cases.ts";

/**
 * Issue 10: no request path scans or grows with the tenant. Every DynamoDB call the handler makes is
 * counted (a middleware on the API's own client); each main path of the console must send no Scan and at
 * most a fixed number of calls — the bound includes the caller's authentication.
 */
let api: TestApi;
let meter: CallMeter;
const county = DEMO_COUNTY.countyCode;
const t: Record<string, string> = {};
let caseId = "";

beforeAll(async () => {
  api = await startApi({ demo: true });
  for (const who of ["bureau", "station1", "point1"]) t[who] = await api.login(county, who);
  const created = await api.call("POST", "/v1/cases", {
    token: t.point1,
    body: complaintBody({ subject: "计数" }),
  });
  expect(created.status).toBe(201);
  caseId = created.body.id;
  meter = meterCalls(api.deps.dynamo!);
}, 180_000);
afterAll(async () => {
  meter?.remove();
  await api?.close();
});

async function callsOf(who: string, path: string): Promise<MeteredCall[]> {
  const { result, calls } = await meter.measure(() => api.call("GET", path, { token: t[who] }));
  expect(result.status, `${path}: ${JSON.stringify(result.body)}`).toBe(200);
  return calls;
}

/**
 * [who, path, at most this many DynamoDB calls]. Every authenticated request costs 2 of them (the tenant's
 * status ‖ the account with its unit in one BatchGetItem), whatever follows. The ledger and the case view
 * read the tenant's settings (its calendar), the dashboard the caller's unit's gauges, in that same
 * BatchGetItem, not in a call of their own.
 */
const paths: [string, string, number][] = [
  ["bureau", "/v1/cases?limit=50", 3],
  ["bureau", `/v1/cases?limit=50&q=${encodeURIComponent("冰箱")}`, 3],
  ["bureau", "/v1/cases?limit=50&category=goods.appliances", 3],
  // A filter nothing matches: fewer items and a cursor, never a walk over the ledger.
  ["bureau", `/v1/cases?limit=200&q=${encodeURIComponent("不存在的词")}&category=services.living`, 5],
  ["point1", "/v1/cases?limit=50&overdue=true", 3],
  ["bureau", "/v1/stats/summary", 3],
  ["bureau", "/v1/stats/categories", 3],
  // + what is due for an inspector: last month's round (1), the quarter's coverage (units, inspections: 2),
  // the assessments being scored (1)
  ["bureau", "/v1/worklist", 18],
  ["station1", "/v1/worklist", 14],
  ["point1", "/v1/worklist", 14],
  ["point1", "/v1/cases/:case", 4],
  ["bureau", "/v1/cases/:case", 5], // + the registering unit's name
  ["bureau", "/v1/notices", 4],
  ["point1", "/v1/notices", 4],
  ["point1", "/v1/me", 3],
];

describe("bounded request paths", () => {
  it.each(paths)("%s GET %s: no Scan, at most %i DynamoDB calls", async (who, path, max) => {
    const calls = await callsOf(who, path.replace(":case", caseId));
    expect(boundViolation(calls, max)).toBe("");
  });

  it("reads the network's figures with one query per row of the slice shown, never per case", async () => {
    const { result, calls } = await meter.measure(() =>
      api.call("GET", "/v1/stats/units", { token: t.bureau }),
    );
    expect(result.status).toBe(200);
    // the caller (2), the slice's units (1) and their gauges (1), then each row's months
    expect(boundViolation(calls, 4 + result.body.items.length)).toBe("");
  });
});

describe("the caller read in one round trip", () => {
  it("answers a token issued before its user moved from the unit the user sits in now", async () => {
    const token = await api.login(county, "point2");
    const admin = await api.login(county, "admin");
    const before = (await api.call("GET", "/v1/me", { token })).body;
    const units = (await api.call("GET", "/v1/units", { token: admin })).body.items;
    const other = units.find(
      (u: { type: string; id: string }) => u.type === "point" && u.id !== before.unit.id,
    );
    const user = (await api.call("GET", `/v1/users/${before.user.id}`, { token: admin })).body;
    const moved = await api.call("PATCH", `/v1/users/${user.id}`, {
      token: admin,
      body: { version: user.version, unitId: other.id },
    });
    expect(moved.status).toBe(200);
    expect((await api.call("GET", "/v1/me", { token })).body.unit.id).toBe(other.id);
    const ledger = await api.call("GET", "/v1/cases?limit=5", { token });
    expect(ledger.status).toBe(200);
  });
});
