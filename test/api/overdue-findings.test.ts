import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { dailySupervision } from "@weiquan/fn-api/supervision/daily";
import { DEMO_COUNTY } from "@weiquan/local";
import { rebuildRollups, T } from "@weiquan/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type TestApi } from "../support/api.ts";

/**
 * Overdue inspection findings as a gauge (issue 10): the dashboard reads one counter per unit instead of
 * every overdue finding of the tenant. A finding counts from the daily job's notice of its lapse until it
 * is rectified or given a new due date — in its unit and every unit above it — and the offline rebuild
 * recounts it. In a fresh demo tenant, on a clock the test moves.
 */
let api: TestApi;
let clock = new Date("2026-11-10T10:00:00+08:00");
const county = DEMO_COUNTY.countyCode;
const t: Record<string, string> = {};
// biome-ignore lint/suspicious/noExplicitAny: JSON from the API
let units: any[];
const unitId = (name: string) => units.find((u) => u.name.startsWith(name)).id as string;
const codes = ["four_ones", "four_unified", "ledger_complete", "cases_on_time", "publicity_displayed"];
// biome-ignore lint/suspicious/noExplicitAny: JSON from the API
let inspection: any;

beforeAll(async () => {
  api = await startApi({ demo: true, now: () => clock, tokenTtlSeconds: 90 * 86400 });
  for (const who of ["admin", "bureau", "station1", "station2", "point1"])
    t[who] = await api.login(county, who);
  units = (await api.call("GET", "/v1/units", { token: t.admin })).body.items;
}, 180_000);
afterAll(() => api?.close());

const overdueNow = async (who: string, unit?: string) => {
  const q = unit ? `&unitId=${unitId(unit)}` : "";
  const r = await api.call("GET", `/v1/stats/summary?from=2026-11&to=2026-11${q}`, { token: t[who] });
  expect(r.status).toBe(200);
  return r.body.overdueFindingsNow as number;
};
const table = async () =>
  api.deps.tenantAccess.forTenant((await api.deps.control.tenants.getByCountyCode(county))!.id);
/** The bureau, 南关社区's station and the point itself; 大口屯镇 is another subtree. */
const along = async () => [
  await overdueNow("bureau"),
  await overdueNow("station1"),
  await overdueNow("point1"),
  await overdueNow("bureau", "大口屯镇"),
];

describe("overdue findings on the dashboard", () => {
  it("count from the daily job's notice of the lapse, in the unit and every unit above it", async () => {
    const before = await along();
    const r = await api.call("POST", "/v1/inspections", {
      token: t.bureau,
      body: {
        unitId: unitId("南关社区"),
        quarter: "2026-Q4",
        inspectedAt: "2026-11-10",
        inspectors: ["张敏"],
        results: codes.map((code) => ({ code, result: code === "ledger_complete" ? "fail" : "pass" })),
        findings: [
          { text: "台账未登记处理结果", dueBy: "2026-11-12" },
          { text: "投诉电话未公示上墙", dueBy: "2026-11-13" },
          { text: "服务点标牌破损", dueBy: "2026-12-20" },
        ],
      },
    });
    expect(r.status).toBe(201);
    inspection = r.body;

    clock = new Date("2026-11-16T09:00:00+08:00");
    // Past due, but not yet noticed: the gauge moves with the daily job, like overdue cases.
    expect(await along()).toEqual(before);
    await dailySupervision(await table(), clock);
    expect(await along()).toEqual([before[0]! + 2, before[1]! + 2, before[2]! + 2, before[3]]);
    // The job again changes nothing: each lapse counts once.
    await dailySupervision(await table(), clock);
    expect(await overdueNow("point1")).toBe(before[2]! + 2);
  });

  it("stop counting once rectified, and count again when the rectification is sent back", async () => {
    const base = await along();
    const first = inspection.findings.find((f: { dueBy: string }) => f.dueBy.startsWith("2026-11-12"));
    const path = (step: string) => `/v1/inspections/${inspection.id}/findings/${first.id}/${step}`;
    const rectify = async () => {
      const r = await api.call("POST", path("rectify"), { token: t.point1, body: { note: "已补登" } });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    };
    const verify = async (accepted: boolean) => {
      const r = await api.call("POST", path("verify"), { token: t.bureau, body: { accepted, note: "核验" } });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    };
    const less = (n: number) => [base[0]! - n, base[1]! - n, base[2]! - n, base[3]];

    await rectify();
    expect(await along()).toEqual(less(1));
    // Sent back: open again past the due date already noticed.
    await verify(false);
    expect(await along()).toEqual(less(0));
    await rectify();
    await verify(true);
    expect(await along()).toEqual(less(1));
    // The job does not count a finding no longer open.
    await dailySupervision(await table(), clock);
    expect(await along()).toEqual(less(1));
  });

  it("is recounted by the offline rebuild", async () => {
    const counted = await along();
    const tt = await table();
    await tt.doc.send(
      new UpdateCommand({
        TableName: tt.tableName,
        Key: T.gauges(unitId("南关社区")),
        UpdateExpression: "SET overdueFindings = :n",
        ExpressionAttributeValues: { ":n": 40 },
      }),
    );
    expect(await overdueNow("point1")).toBe(40);
    await rebuildRollups(tt);
    expect(await along()).toEqual(counted);
  });
});
