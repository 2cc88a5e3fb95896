import { DEMO_COUNTY } from "@weiquan/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiResponse, expectError, startApi, type TestApi } from "../support/api.ts";
import { complaintBody } from "../support/cases.ts";

/**
 * Issue 10: the ledger, the case view and the dashboard read alongside the caller check instead of after
 * it (http/alongside.ts). Revocation stays instant: a disabled account or a suspended tenant is refused on
 * its very next request, with no data in the answer and no audit entry of a read that was refused; a caller
 * changed since its last request is answered from its fresh scope.
 */
let api: TestApi;
const county = DEMO_COUNTY.countyCode;
let admin: string;
let operator: string;
let caseId = "";
const month = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
const reads = () => [
  "/v1/cases?limit=50",
  `/v1/cases/${caseId}`,
  `/v1/stats/summary?from=${month()}&to=${month()}`,
];

beforeAll(async () => {
  api = await startApi({ demo: true });
  admin = await api.login(county, "admin");
  operator = await api.login("platform", "operator");
  const created = await api.call("POST", "/v1/cases", {
    token: await api.login(county, "point2"),
    body: complaintBody({ subject: "并行校验" }),
  });
  expect(created.status).toBe(201);
  caseId = created.body.id;
}, 180_000);
afterAll(async () => {
  await api?.close();
});

/** Each read answers with its data (and leaves this process a confirmed scope of the token to read early with). */
async function warmUp(token: string) {
  for (const path of reads()) {
    const r = await api.call("GET", path, { token });
    expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBe(200);
  }
}

/** The refusal alone: the error, nothing of what the route read. */
function expectRefused(r: ApiResponse, status: number, code: string) {
  expectError(r, status, code);
  expect(Object.keys(r.body)).toEqual(["error"]);
  expect(JSON.stringify(r.body)).not.toContain("并行校验");
}

async function auditEntries(): Promise<number> {
  const r = await api.call("GET", `/v1/audit/personal-data?month=${month()}&limit=200`, { token: admin });
  expect(r.status).toBe(200);
  return r.body.items.length;
}

async function patchUser(username: string, change: Record<string, unknown>) {
  const users = await api.call("GET", `/v1/users?limit=200`, { token: admin });
  const user = users.body.items.find((u: { username: string }) => u.username === username);
  const current = await api.call("GET", `/v1/users/${user.id}`, { token: admin });
  const r = await api.call("PATCH", `/v1/users/${user.id}`, {
    token: admin,
    body: { version: current.body.version, ...change },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

describe("reads alongside the caller check", () => {
  it("refuses a user disabled since the last request at once, with no data and no audit entry", async () => {
    const token = await api.login(county, "bureau");
    await warmUp(token);
    const audited = await auditEntries();
    await patchUser("bureau", { disabled: true });
    try {
      for (const path of reads())
        expectRefused(await api.call("GET", path, { token }), 401, "ACCOUNT_DISABLED");
      // Refused before its input is judged, as when the check came first.
      expectRefused(await api.call("GET", "/v1/cases?limit=100000", { token }), 401, "ACCOUNT_DISABLED");
      expect(await auditEntries()).toBe(audited);
    } finally {
      await patchUser("bureau", { disabled: false });
    }
    // Enabled again (the token is still valid): answered again.
    await warmUp(token);
  });

  it("refuses every caller of a tenant suspended since the last request at once, with no data", async () => {
    const token = await api.login(county, "bureau");
    await warmUp(token);
    const audited = await auditEntries();
    const t = (await api.deps.control.tenants.getByCountyCode(county))!;
    const suspended = await api.call("POST", `/v1/platform/tenants/${t.id}/suspend`, { token: operator });
    expect(suspended.status).toBe(200);
    try {
      for (const path of reads())
        expectRefused(await api.call("GET", path, { token }), 403, "TENANT_SUSPENDED");
    } finally {
      const resumed = await api.call("POST", `/v1/platform/tenants/${t.id}/resume`, { token: operator });
      expect(resumed.status).toBe(200);
    }
    expect(await auditEntries()).toBe(audited);
    await warmUp(token);
  });

  it("answers a caller moved since the last request from the unit they sit in now", async () => {
    const token = await api.login(county, "point2");
    await warmUp(token);
    const before = await api.call("GET", "/v1/cases?limit=50", { token });
    expect(before.body.items.map((r: { id: string }) => r.id)).toContain(caseId);
    const audited = await auditEntries();
    const me = (await api.call("GET", "/v1/me", { token })).body;
    const units = (await api.call("GET", "/v1/units?limit=200", { token: admin })).body.items;
    const other = units.find((u: { type: string; id: string }) => u.type === "point" && u.id !== me.unit.id);
    await patchUser("point2", { unitId: other.id });

    // The new point's ledger, not the one the last request read; the old point's case is not theirs to see.
    const after = await api.call("GET", "/v1/cases?limit=50", { token });
    expect(after.status).toBe(200);
    expect(after.body.items.map((r: { id: string }) => r.id)).not.toContain(caseId);
    expectError(await api.call("GET", `/v1/cases/${caseId}`, { token }), 404, "NOT_FOUND");
    const summary = await api.call("GET", reads()[2]!, { token });
    expect(summary.body.unitId).toBe(other.id);
    // The early read of the case under the old unit was dropped before its audit entry was written.
    expect(await auditEntries()).toBe(audited);
  });
});
