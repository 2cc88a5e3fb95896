import { ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { loadCountyDivisions } from "@weiquan/divisions";
import { localDynamoClient, provisionTenant, tenantTablePrefix } from "@weiquan/store";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectError, startApi, type TestApi } from "../support/api.ts";

// 滕州市: one of the largest counties in the data (21 townships, 1,180 villages).
const LARGE = "370481";
// 宝坻区, the demo county: 26 townships / streets, 822 villages / communities.
const BAODI = "120115";

let api: TestApi;
let operator: string;
beforeAll(async () => {
  api = await startApi();
  operator = await api.login("platform", "operator");
});
afterAll(() => api.close());

const body = (countyCode: string, prepopulate = true) => ({
  countyCode,
  name: `测试县市场监督管理局 ${countyCode}`,
  admin: { username: "chief", displayName: "局长", password: "Start@2026" },
  prepopulate,
});
const onboard = (countyCode: string, prepopulate = true) =>
  api.call("POST", "/v1/platform/tenants", { token: operator, body: body(countyCode, prepopulate) });

interface UnitView {
  id: string;
  parentId: string | null;
  type: string;
  name: string;
  code?: string;
  status: string;
  standards: { compliant: boolean };
}
async function unitsOf(countyCode: string): Promise<UnitView[]> {
  const token = await api.login(countyCode, "chief", "Start@2026");
  const r = await api.call("GET", "/v1/units", { token });
  expect(r.status).toBe(200);
  return r.body.items as UnitView[];
}

async function tenantTables() {
  const out = await api.deps.dynamo!.send(new ListTablesCommand({}));
  return (out.TableNames ?? []).filter((n) => n.startsWith(tenantTablePrefix(api.stage)));
}

/** The tree must match the division data exactly: one station per township, one point per village. */
async function expectCountyTree(countyCode: string) {
  const data = (await loadCountyDivisions(countyCode))!;
  const units = await unitsOf(countyCode);
  const [bureau] = units.filter((u) => u.type === "bureau");
  const stations = units.filter((u) => u.type === "station");
  const points = units.filter((u) => u.type === "point");
  expect(units).toHaveLength(1 + stations.length + points.length);
  expect(stations).toHaveLength(data.townships.length);
  expect(points).toHaveLength(data.townships.reduce((n, t) => n + t.villages.length, 0));
  expect(new Set(units.map((u) => u.id)).size).toBe(units.length);
  expect(new Set([...stations, ...points].map((u) => u.code)).size).toBe(stations.length + points.length);
  for (const s of stations) expect(s).toMatchObject({ parentId: bureau!.id, status: "planned" });
  const stationById = new Map(stations.map((s) => [s.id, s]));
  for (const p of points) {
    expect(p.status).toBe("planned");
    const station = stationById.get(p.parentId!);
    expect(station, `the station of ${p.name}`).toBeDefined();
    // A village's 12-digit code starts with its township's 9-digit code.
    expect(p.code!.slice(0, 9)).toBe(station!.code!.slice(0, 9));
  }
  return { bureau: bureau!, stations, points, data };
}

// Each test onboards a county of 800–1,200 units through DynamoDB Local: minutes on a loaded 2-core machine.
const HEAVY = 240_000;

describe("onboarding with prepopulate: true", () => {
  it(
    `builds ${BAODI} 宝坻区's network: 26 planned stations and 822 planned points under them`,
    async () => {
      const r = await onboard(BAODI);
      expect(r.status).toBe(201);
      expect(r.body.status).toBe("active");
      expect(r.body.provisioning.steps).toEqual([
        "table",
        "configure",
        "root",
        "prepopulate",
        "admin",
        "activate",
      ]);
      expect(r.body.provisioning.done).toEqual(r.body.provisioning.steps);

      const { stations, points } = await expectCountyTree(BAODI);
      expect(stations).toHaveLength(26);
      expect(points).toHaveLength(822);
      // 四统一 · 统一名称: the tenant's patterns, filled with the place each unit serves.
      const haibin = stations.find((s) => s.name === "海滨街道消费维权服务站");
      expect(haibin).toMatchObject({ type: "station", code: "120115001000", status: "planned" });
      expect(haibin!.standards.compliant).toBe(false);
      expect(stations.find((s) => s.name === "大口屯镇消费维权服务站")?.code).toBe("120115101000");
      const village = points.find((p) => p.code === "120115001001");
      expect(village).toMatchObject({
        name: "石幢南社区消费维权服务点",
        parentId: haibin!.id,
        status: "planned",
      });
    },
    HEAVY,
  );

  it(
    `prepopulates a large county (${LARGE} 滕州市, 1,180 villages) and reports how long it took`,
    async () => {
      const started = performance.now();
      const r = await onboard(LARGE);
      const ms = Math.round(performance.now() - started);
      expect(r.status).toBe(201);
      const { stations, points } = await expectCountyTree(LARGE);
      expect(stations).toHaveLength(21);
      expect(points).toHaveLength(1180);
      console.log(`onboarding ${LARGE} with ${stations.length + points.length} units took ${ms} ms`);
    },
    HEAVY,
  );

  it(
    "finishes a prepopulation that crashed half-way on retry, without duplicating a unit",
    async () => {
      const countyCode = "120114"; // 武清区
      const { onboardTenant } = await import("@weiquan/fn-api");
      // A provisioner whose DynamoDB connection dies after 5 BatchWriteItem calls (125 units written).
      let batches = 0;
      const flaky = localDynamoClient(inject("dynamoEndpoint"));
      flaky.middlewareStack.add(
        (next, context) => async (args) => {
          if (context.commandName === "BatchWriteItemCommand" && ++batches > 5) throw new Error("crash");
          return next(args);
        },
        { step: "initialize" },
      );
      const crashing = {
        ...api.deps,
        startProvisioning: async (tenantId: string) => {
          await provisionTenant(
            { client: flaky, tenants: api.deps.control.tenants, now: api.deps.now },
            tenantId,
          );
          return "done" as const;
        },
      };
      await expect(onboardTenant(crashing, body(countyCode))).rejects.toMatchObject({
        code: "SERVICE_UNAVAILABLE",
      });
      const half = (await api.deps.control.tenants.getByCountyCode(countyCode))!;
      expect(half.status).toBe("provisioning");
      expect(half.provisioning.done).toEqual(["table", "configure", "root"]);
      expect(half.provisioning.error).toBe("crash");

      const tablesBefore = (await tenantTables()).length;
      const retry = await onboard(countyCode);
      expect(retry.status).toBe(200);
      expect(retry.body).toMatchObject({ id: half.id, status: "active" });
      expect((await tenantTables()).length).toBe(tablesBefore);

      // Running the whole provisioning again (a duplicate async invocation) changes nothing either.
      await provisionTenant(
        { client: api.deps.dynamo!, tenants: api.deps.control.tenants, now: api.deps.now },
        half.id,
      );
      const { data } = await expectCountyTree(countyCode);
      expect(data.county.name).toBe("武清区");
    },
    HEAVY,
  );

  it("answers 422 PREPOPULATE_UNAVAILABLE for a county the division data does not know, claiming nothing", async () => {
    const tablesBefore = (await tenantTables()).length;
    expectError(await onboard("120199"), 422, "PREPOPULATE_UNAVAILABLE");
    expect(await api.deps.control.tenants.getByCountyCode("120199")).toBeNull();
    expect((await tenantTables()).length).toBe(tablesBefore);
    // The same county without prepopulate is onboarded as before: the bureau alone.
    const r = await onboard("120199", false);
    expect(r.status).toBe(201);
    expect(r.body.provisioning.steps).not.toContain("prepopulate");
    const units = await unitsOf("120199");
    expect(units.map((u) => u.type)).toEqual(["bureau"]);
  });
});
