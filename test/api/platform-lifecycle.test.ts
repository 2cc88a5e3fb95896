import { createHash } from "node:crypto";
import { readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { ListTablesCommand, ScanCommand } from "@aws-sdk/client-dynamodb";
import { shanghaiMonth } from "@weiquan/domain";
import { DEMO_COUNTY, demoUnits, demoUsers } from "@weiquan/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, startApi, type TestApi } from "../support/api.ts";
import { complaintBody } from "../support/cases.ts";

/**
 * The tenant's life after onboarding, on the demo tenant: usage figures, a complete export, and deletion
 * (suspend → export → delete), which frees the county code and leaves the record and exports for audit.
 */
let api: TestApi;
let exportsDir: string;
let operator: string;
let admin: string;
let point1: string;
let tenantId: string;
let tableName: string;
const county = DEMO_COUNTY.countyCode;

beforeAll(async () => {
  api = await startApi({ demo: true });
  // Local exports without a data folder go under the temp folder, one folder per stage.
  exportsDir = join(tmpdir(), "weiquan", "exports", api.stage);
  operator = await api.login("platform", "operator");
  admin = await api.login(county, "admin");
  point1 = await api.login(county, "point1");
  const tenant = (await api.deps.control.tenants.getByCountyCode(county))!;
  tenantId = tenant.id;
  tableName = tenant.tableName;
});
afterAll(async () => {
  await api.close();
  await rm(exportsDir, { recursive: true, force: true });
});

const path = (suffix = "") => `/v1/platform/tenants/${tenantId}${suffix}`;
const asOperator = (method: string, p: string) => api.call(method, p, { token: operator });

async function tableItems(name: string) {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await api.deps.dynamo!.send(
      // biome-ignore lint/suspicious/noExplicitAny: the low-level key is passed back as given
      new ScanCommand({ TableName: name, ConsistentRead: true, ExclusiveStartKey: start as any }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

async function tenantTables() {
  const out = await api.deps.dynamo!.send(new ListTablesCommand({}));
  return out.TableNames ?? [];
}

async function exportNow() {
  const r = await asOperator("POST", path("/export"));
  expect(r.status).toBe(202);
  expect(r.body).toEqual({ exportId: expect.any(String), status: "completed" });
  const list = await asOperator("GET", path("/exports"));
  const record = list.body.items.find((e: { exportId: string }) => e.exportId === r.body.exportId);
  expect(record).toBeDefined();
  return record;
}

describe("usage figures of a tenant", () => {
  it("counts units by type and status, users, cases total / open and this month's received exactly", async () => {
    const created = [];
    for (let i = 0; i < 3; i++) {
      const r = await api.call("POST", "/v1/cases", { token: point1, body: complaintBody() });
      expect(r.status).toBe(201);
      created.push(r.body);
    }
    // One of them is rejected and closed: 3 received, 2 still open.
    const c = created[0];
    const rejected = await api.call("POST", `/v1/cases/${c.id}/transitions`, {
      token: point1,
      body: { action: "reject", reason: "time_barred", version: c.version },
    });
    expect(rejected.status).toBe(200);
    const closed = await api.call("POST", `/v1/cases/${c.id}/transitions`, {
      token: point1,
      body: { action: "close", version: rejected.body.version },
    });
    expect(closed.status).toBe(200);

    const r = await asOperator("GET", path());
    expect(r.status).toBe(200);
    const byType: Record<string, Record<string, number>> = { bureau: { active: 1 } };
    for (const u of demoUnits) byType[u.type] = { active: (byType[u.type]?.active ?? 0) + 1 };
    expect(r.body.usage).toMatchObject({
      units: { total: demoUnits.length + 1, byType },
      users: { total: demoUsers.length + 1, disabled: 0 },
      cases: { total: 3, open: 2, month: shanghaiMonth(new Date()), receivedThisMonth: 3 },
    });
    const items = await tableItems(tableName);
    // DynamoDB Local answers DescribeTable live (AWS refreshes it about every six hours).
    expect(r.body.usage.table.itemCount).toBe(items.length);
    expect(r.body.usage.table.sizeBytes).toBeGreaterThan(0);
  });

  it("shows no usage for a tenant still provisioning, and 404 for an unknown tenant", async () => {
    const { onboardTenant } = await import("@weiquan/fn-api");
    const crashing = { ...api.deps, startProvisioning: async () => Promise.reject(new Error("crash")) };
    await expect(
      onboardTenant(crashing, {
        countyCode: "130106",
        name: "测试县 130106",
        admin: { username: "chief", displayName: "局长", password: "Start@2026" },
      }),
    ).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE" });
    const half = (await api.deps.control.tenants.getByCountyCode("130106"))!;
    const r = await asOperator("GET", `/v1/platform/tenants/${half.id}`);
    expect(r.body).toMatchObject({ status: "provisioning" });
    expect(r.body.usage).toBeUndefined();
    expectError(await asOperator("GET", "/v1/platform/tenants/nosuchtenant"), 404, "NOT_FOUND");
  });
});

describe("exporting a tenant", () => {
  it("writes every item of the tenant's table as gzip DynamoDB-JSON lines and records count, size and hash", async () => {
    const before = await tableItems(tableName);
    const record = await exportNow();
    expect(record).toMatchObject({
      tenantId,
      status: "completed",
      format: "dynamodb-json-lines+gzip",
      itemCount: before.length,
      error: null,
    });
    expect(record.location).toMatch(/^file:/);
    const file = fileURLToPath(record.location);
    expect(file.startsWith(exportsDir)).toBe(true);
    const gz = await readFile(file);
    expect(gz.length).toBe(record.bytes);
    expect(createHash("sha256").update(gz).digest("hex")).toBe(record.sha256);

    const lines = gunzipSync(gz).toString("utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(before.length);
    const exported = lines.map((l) => JSON.parse(l).Item);
    const keyOf = (i: Record<string, { S?: string }>) => `${i.PK?.S}|${i.SK?.S}`;
    expect(new Set(exported.map(keyOf))).toEqual(new Set(before.map((i) => keyOf(i as never))));
    // A known item, byte for byte: the root unit as DynamoDB JSON.
    const tenant = (await api.deps.control.tenants.get(tenantId))!;
    const root = exported.find((i) => i.PK.S === `UNIT#${tenant.rootUnitId}`);
    expect(root).toEqual(before.find((i) => keyOf(i as never) === `UNIT#${tenant.rootUnitId}|UNIT`));
    expect(root).toMatchObject({ type: { S: "bureau" }, name: { S: DEMO_COUNTY.name } });
  });

  it("lists the tenant's exports newest first", async () => {
    const second = await exportNow();
    const list = await asOperator("GET", path("/exports?limit=1"));
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].exportId).toBe(second.exportId);
    expect(list.body.nextCursor).toEqual(expect.any(String));
    const rest = await asOperator("GET", path(`/exports?cursor=${encodeURIComponent(list.body.nextCursor)}`));
    expect(rest.body.items.length).toBeGreaterThanOrEqual(1);
  });

  it("answers 404 for an unknown tenant", async () => {
    expectError(await asOperator("POST", "/v1/platform/tenants/nosuchtenant/export"), 404, "NOT_FOUND");
    expectError(await asOperator("GET", "/v1/platform/tenants/nosuchtenant/exports"), 404, "NOT_FOUND");
  });
});

describe("deleting a tenant", () => {
  it("is for platform admins only", async () => {
    expectError(await api.call("GET", path(), { token: admin }), 403, "ROLE_FORBIDDEN");
    expectError(await api.call("POST", path("/export"), { token: admin }), 403, "ROLE_FORBIDDEN");
    expectError(await api.call("GET", path("/exports"), { token: admin }), 403, "ROLE_FORBIDDEN");
    expectError(await api.call("DELETE", path(), { token: admin }), 403, "ROLE_FORBIDDEN");
    expect((await api.call("DELETE", path())).status).toBe(401);
  });

  it("refuses a tenant without any completed export with 409 EXPORT_REQUIRED", async () => {
    const r = await api.call("POST", "/v1/platform/tenants", {
      token: operator,
      body: {
        countyCode: "130105",
        name: "测试县 130105",
        admin: { username: "chief", displayName: "局长", password: "Start@2026" },
      },
    });
    expect(r.status).toBe(201);
    expectError(await asOperator("DELETE", `/v1/platform/tenants/${r.body.id}`), 409, "EXPORT_REQUIRED");
    expect(await tenantTables()).toContain(r.body.tableName);
  });

  it("refuses an active tenant with 409 TENANT_NOT_SUSPENDED even with a completed export", async () => {
    expectError(await asOperator("DELETE", path()), 409, "TENANT_NOT_SUSPENDED");
    expect(await tenantTables()).toContain(tableName);
  });

  it("refuses a suspended tenant whose exports all predate the suspension with 409 EXPORT_REQUIRED", async () => {
    const s = await asOperator("POST", path("/suspend"));
    expect(s.status).toBe(200);
    expect(s.body.suspendedAt).toEqual(expect.any(String));
    expectError(await asOperator("DELETE", path()), 409, "EXPORT_REQUIRED");
    expect(await tenantTables()).toContain(tableName);
  });

  it("after suspend + export: drops the table, frees the county code, keeps the record and the exports", async () => {
    const exported = await exportNow();
    const r = await asOperator("DELETE", path());
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: tenantId, status: "offboarded", deletedAt: expect.any(String) });
    expect(await tenantTables()).not.toContain(tableName);
    expect(await api.deps.control.tenants.getByCountyCode(county)).toBeNull();

    const detail = await asOperator("GET", path());
    expect(detail.body).toMatchObject({ status: "offboarded" });
    expect(detail.body.usage).toBeUndefined();
    const list = await asOperator("GET", path("/exports"));
    expect(list.body.items.map((e: { exportId: string }) => e.exportId)).toContain(exported.exportId);
    expect((await stat(fileURLToPath(exported.location))).size).toBe(exported.bytes);
  });

  it("answers a repeated delete with the same deleted tenant", async () => {
    const r = await asOperator("DELETE", path());
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: tenantId, status: "offboarded" });
    expectError(await asOperator("POST", path("/resume")), 422, "ILLEGAL_TENANT_TRANSITION");
    expectError(await asOperator("POST", path("/export")), 422, "TENANT_NOT_EXPORTABLE");
  });

  it("fails logins and old tokens of the deleted tenant with 401, like an unknown tenant", async () => {
    for (const tenant of [county, tenantId, "nosuchtenant"]) {
      const r = await api.call("POST", "/v1/auth/login", {
        body: { tenant, username: "admin", password: "Demo@2026" },
      });
      expect(r.status, tenant).toBe(401);
    }
    expect((await api.call("GET", "/v1/me", { token: point1 })).status).toBe(401);
    expect((await api.call("GET", "/v1/cases", { token: point1 })).status).toBe(401);
  });

  it("lets the county code be onboarded again, as a new tenant with a new table", async () => {
    const r = await api.call("POST", "/v1/platform/tenants", {
      token: operator,
      body: {
        countyCode: county,
        name: DEMO_COUNTY.name,
        admin: { username: "chief", displayName: "局长", password: "Start@2026" },
      },
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ countyCode: county, status: "active" });
    expect(r.body.id).not.toBe(tenantId);
    const token = await api.login(county, "chief", "Start@2026");
    const cases = await api.call("GET", "/v1/cases", { token });
    expect(cases.status).toBe(200);
    expect(cases.body.items).toEqual([]);
    const fresh = await asOperator("GET", `/v1/platform/tenants/${r.body.id}`);
    expect(fresh.body.usage).toMatchObject({ cases: { total: 0, open: 0 }, units: { total: 1 } });
  });
});
