import { ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { newId } from "@weiquan/domain";
import { onboardTenant } from "@weiquan/fn-api";
import { type Placement, provisionTenant, type TenantRecord, tenantTablePrefix } from "@weiquan/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type TestApi } from "../support/api.ts";

// A tenant's region and account are recorded at onboarding, so that counties can later spread over
// several regions and accounts (cells) without moving anyone's data (docs/deploy.md § Many counties).

const BEIJING: Placement = { region: "cn-north-1", account: "111122223333" };
const NINGXIA: Placement = { region: "cn-northwest-1", account: "444455556666" };

let api: TestApi;
let operator: string;
beforeAll(async () => {
  api = await startApi();
  operator = await api.login("platform", "operator");
});
afterAll(() => api.close());

const body = (countyCode: string) => ({
  countyCode,
  name: `测试县市场监督管理局 ${countyCode}`,
  admin: { username: "chief", displayName: "局长", password: "Start@2026" },
});

const tenantTables = async () =>
  ((await api.deps.dynamo!.send(new ListTablesCommand({}))).TableNames ?? []).filter((n) =>
    n.startsWith(tenantTablePrefix(api.stage)),
  );

describe("where a tenant lives", () => {
  it("records the onboarding deployment's region and account, and shows them to the operator", async () => {
    const r = await api.call("POST", "/v1/platform/tenants", { token: operator, body: body("130102") });
    expect(r.status).toBe(201);
    // A local run has one place, called `local`; in AWS it is the function's AWS_REGION and account.
    expect(r.body).toMatchObject({ region: "local", account: "local" });
    const stored = await api.deps.control.tenants.get(r.body.id);
    expect(stored).toMatchObject({ region: "local", account: "local" });

    const detail = await api.call("GET", `/v1/platform/tenants/${r.body.id}`, { token: operator });
    expect(detail.body).toMatchObject({ id: r.body.id, region: "local", account: "local" });
    const list = await api.call("GET", "/v1/platform/tenants?limit=100", { token: operator });
    expect(list.body.items.find((t: { id: string }) => t.id === r.body.id)).toMatchObject({
      region: "local",
      account: "local",
    });
  });

  it("keeps a tenant's own placement, whatever deployment reads the record later", async () => {
    const inBeijing = {
      ...api.deps,
      placement: BEIJING,
      startProvisioning: async (tenantId: string) => {
        await provisionTenant(
          {
            client: api.deps.dynamo!,
            tenants: api.deps.control.tenants,
            now: api.deps.now,
            placement: BEIJING,
          },
          tenantId,
        );
        return "done" as const;
      },
    };
    const { tenant } = await onboardTenant(inBeijing, body("130104"));
    expect(tenant).toMatchObject({ status: "active", ...BEIJING });
    // Read through the api whose own placement is `local`: the record's placement is what it shows.
    const detail = await api.call("GET", `/v1/platform/tenants/${tenant.id}`, { token: operator });
    expect(detail.body).toMatchObject({ status: "active", ...BEIJING });
  });

  it("shows a record from before placements were recorded as living where the deployment is", async () => {
    const now = new Date().toISOString();
    const id = newId();
    const legacy: TenantRecord = {
      id,
      countyCode: "130105",
      name: "早先开通的县局",
      status: "provisioning", // its detail reads no table (an active one's adds the table's usage)
      tableName: `${tenantTablePrefix(api.stage)}${id}`,
      createdAt: now,
      updatedAt: now,
      version: 1,
      rootUnitId: newId(),
      adminUserId: newId(),
      prepopulate: false,
      provisioning: { done: [], error: null },
    };
    expect(await api.deps.control.tenants.create(legacy)).toBe(true);
    const detail = await api.call("GET", `/v1/platform/tenants/${id}`, { token: operator });
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ id, region: "local", account: "local" });
  });

  it("never gives a tenant recorded in another cell a table here: provisioning stops with the reason", async () => {
    const tablesBefore = await tenantTables();
    const placedInBeijingProvisionedInNingxia = {
      ...api.deps,
      placement: BEIJING,
      startProvisioning: async (tenantId: string) => {
        await provisionTenant(
          {
            client: api.deps.dynamo!,
            tenants: api.deps.control.tenants,
            now: api.deps.now,
            placement: NINGXIA,
          },
          tenantId,
        );
        return "done" as const;
      },
    };
    await expect(onboardTenant(placedInBeijingProvisionedInNingxia, body("130107"))).rejects.toMatchObject({
      code: "SERVICE_UNAVAILABLE",
    });
    const t = (await api.deps.control.tenants.getByCountyCode("130107"))!;
    expect(t).toMatchObject({ status: "provisioning", ...BEIJING });
    expect(t.provisioning.done).toEqual([]);
    expect(t.provisioning.error).toContain("cn-north-1 / 111122223333");
    expect(t.provisioning.error).toContain("cn-northwest-1 / 444455556666");
    expect(await tenantTables()).toEqual(tablesBefore);
  });
});
