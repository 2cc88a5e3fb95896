import { ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { ensureTable, tenantTableDefinition, tenantTablePrefix, UsersRepository } from "@weiquan/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, startApi, type TestApi } from "../support/api.ts";

let api: TestApi;
let operator: string;
beforeAll(async () => {
  api = await startApi({ demo: true });
  operator = await api.login("platform", "operator");
});
afterAll(() => api.close());

const onboard = (countyCode: string, extra: Record<string, unknown> = {}) =>
  api.call("POST", "/v1/platform/tenants", {
    token: operator,
    body: {
      countyCode,
      name: `测试县市场监督管理局 ${countyCode}`,
      admin: { username: "chief", displayName: "局长", password: "Start@2026" },
      ...extra,
    },
  });

async function tenantTables() {
  const out = await api.deps.dynamo!.send(new ListTablesCommand({}));
  return (out.TableNames ?? []).filter((n) => n.startsWith(tenantTablePrefix(api.stage)));
}

describe("onboarding a tenant", () => {
  it("provisions the table, the root bureau and the admin, who can then log in", async () => {
    const r = await onboard("130102");
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      countyCode: "130102",
      status: "active",
      tableName: `${api.stage}-tenant-${r.body.id}`,
    });
    expect(r.body.provisioning.done).toEqual(r.body.provisioning.steps);
    expect(await tenantTables()).toContain(r.body.tableName);
    const token = await api.login("130102", "chief", "Start@2026");
    const me = await api.call("GET", "/v1/me", { token });
    expect(me.body).toMatchObject({
      user: { role: "bureau_admin" },
      unit: { type: "bureau", name: "测试县市场监督管理局 130102" },
      tenant: { countyCode: "130102", status: "active" },
    });
  });

  it("refuses a second tenant for the same county code with 409 TENANT_EXISTS", async () => {
    expectError(await onboard("120115"), 409, "TENANT_EXISTS");
  });

  it("makes exactly one tenant, table and admin when the same onboarding races 6 times", async () => {
    const before = (await tenantTables()).length;
    const answers = await Promise.all(Array.from({ length: 6 }, () => onboard("130103")));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.every((s) => s === 201 || s === 200 || s === 409)).toBe(true);
    expect((await tenantTables()).length).toBe(before + 1);
    const list = await api.call("GET", "/v1/platform/tenants?limit=200", { token: operator });
    expect(list.body.items.filter((t: { countyCode: string }) => t.countyCode === "130103")).toHaveLength(1);
  });

  it("finishes a crashed onboarding on retry without a second table or admin", async () => {
    // A run that died after creating the table: the tenant is claimed, its table exists, nothing else.
    const { onboardTenant } = await import("@weiquan/fn-api");
    const crashing = { ...api.deps, startProvisioning: async () => Promise.reject(new Error("crash")) };
    await expect(
      onboardTenant(crashing, {
        countyCode: "130104",
        name: "测试县 130104",
        admin: { username: "chief", displayName: "局长", password: "Start@2026" },
      }),
    ).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE" });
    const half = (await api.deps.control.tenants.getByCountyCode("130104"))!;
    expect(half.status).toBe("provisioning");
    await ensureTable(api.deps.dynamo!, half.tableName, tenantTableDefinition);
    expectError(
      await api.call("POST", "/v1/auth/login", {
        body: { tenant: "130104", username: "chief", password: "Start@2026" },
      }),
      409,
      "TENANT_PROVISIONING",
    );

    const before = (await tenantTables()).length;
    const retry = await onboard("130104");
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ id: half.id, status: "active" });
    const again = await onboard("130104");
    expectError(again, 409, "TENANT_EXISTS");
    expect((await tenantTables()).length).toBe(before);
    const table = await api.deps.tenantAccess.forTenant(half.id);
    expect((await new UsersRepository(table).getByUsername("chief"))?.id).toBe(half.adminUserId);
    expect((await api.deps.control.tenants.get(half.id))?.pendingAdmin).toBeUndefined();
  });

  it.each([
    [{ countyCode: "12011" }, "countyCode"],
    [{ countyCode: "120100" }, "countyCode"],
    [{ admin: { username: "chief", displayName: "局长", password: "short" } }, "admin.password"],
    [{ admin: { username: "Bad Name", displayName: "局长", password: "Start@2026" } }, "admin.username"],
    [{ name: "" }, "name"],
  ])("answers 400 naming the field for %j", async (patch, path) => {
    const r = await api.call("POST", "/v1/platform/tenants", {
      token: operator,
      body: {
        countyCode: "130105",
        name: "测试县",
        admin: { username: "chief", displayName: "局长", password: "Start@2026" },
        ...patch,
      },
    });
    expectError(r, 400, "VALIDATION_FAILED");
    expect(r.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await api.deps.control.tenants.getByCountyCode("130105")).toBeNull();
  });

  it("is for platform operators only", async () => {
    const admin = await api.login("120115", "admin");
    expectError(await api.call("GET", "/v1/platform/tenants", { token: admin }), 403, "ROLE_FORBIDDEN");
    expectError(
      await api.call("POST", "/v1/platform/tenants", { token: admin, body: {} }),
      403,
      "ROLE_FORBIDDEN",
    );
    expectError(await api.call("GET", "/v1/platform/tenants"), 401, "UNAUTHORIZED");
  });
});

describe("reading tenants", () => {
  it("lists tenants newest first with cursor paging, and rejects a forged cursor", async () => {
    const first = await api.call("GET", "/v1/platform/tenants?limit=1", { token: operator });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await api.call("GET", `/v1/platform/tenants?limit=1&cursor=${first.body.nextCursor}`, {
      token: operator,
    });
    expect(second.body.items[0].createdAt <= first.body.items[0].createdAt).toBe(true);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    const forged = Buffer.from(JSON.stringify({ PK: "TENANT#x", SK: "USER", evil: 1 })).toString("base64url");
    expectError(
      await api.call("GET", `/v1/platform/tenants?cursor=${forged}`, { token: operator }),
      400,
      "INVALID_CURSOR",
    );
    expectError(
      await api.call("GET", "/v1/platform/tenants?cursor=%%%", { token: operator }),
      400,
      "INVALID_CURSOR",
    );
    expectError(
      await api.call("GET", "/v1/platform/tenants?limit=500", { token: operator }),
      400,
      "VALIDATION_FAILED",
    );
  });

  it("gets one tenant with its provisioning progress, 404 for an unknown id", async () => {
    const t = (await api.deps.control.tenants.getByCountyCode("120115"))!;
    const r = await api.call("GET", `/v1/platform/tenants/${t.id}`, { token: operator });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: t.id, countyCode: "120115", status: "active" });
    expect(r.body).not.toHaveProperty("pendingAdmin");
    expectError(await api.call("GET", "/v1/platform/tenants/nope", { token: operator }), 404, "NOT_FOUND");
  });
});

describe("suspending a tenant", () => {
  it("answers every call of a suspended tenant with 403 and a clear message, and resume restores it", async () => {
    const t = (await api.deps.control.tenants.getByCountyCode("120115"))!;
    const token = await api.login("120115", "station1");
    const suspended = await api.call("POST", `/v1/platform/tenants/${t.id}/suspend`, { token: operator });
    expect(suspended.status).toBe(200);
    expect(suspended.body.status).toBe("suspended");

    const me = await api.call("GET", "/v1/me", { token });
    expectError(me, 403, "TENANT_SUSPENDED");
    expect(me.body.error.message).toContain("暂停");
    expectError(
      await api.call("POST", "/v1/auth/login", {
        body: { tenant: "120115", username: "admin", password: "Demo@2026" },
      }),
      403,
      "TENANT_SUSPENDED",
    );
    expectError(
      await api.call("POST", `/v1/platform/tenants/${t.id}/suspend`, { token: operator }),
      422,
      "ILLEGAL_TENANT_TRANSITION",
    );

    const resumed = await api.call("POST", `/v1/platform/tenants/${t.id}/resume`, { token: operator });
    expect(resumed.body.status).toBe("active");
    expect((await api.call("GET", "/v1/me", { token })).status).toBe(200);
    expectError(
      await api.call("POST", `/v1/platform/tenants/${t.id}/resume`, { token: operator }),
      422,
      "ILLEGAL_TENANT_TRANSITION",
    );
  });
});
