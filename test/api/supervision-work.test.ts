import { DEMO_COUNTY } from "@weiquan/local";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, startApi, type TestApi } from "../support/api.ts";
import { complaintBody } from "../support/cases.ts";
import { samplePng, upload } from "../support/files.ts";

/**
 * What the console's supervision pages rely on beyond the contract tests of sampling and inspections:
 * photos and evidence linked to their records, the 工作台's supervision sections, and the two workbooks.
 * A fresh demo tenant: point1 (南关社区) closes two complaints in October 2026; in November the bureau
 * draws October's round and inspects point1.
 */
let api: TestApi;
let clock = new Date("2026-10-12T09:00:00+08:00");
const t: Record<string, string> = {};
const county = DEMO_COUNTY.countyCode;
// biome-ignore lint/suspicious/noExplicitAny: JSON from the API
let units: any[];
const unitId = (name: string) => units.find((u) => u.name.startsWith(name)).id as string;
const get = (token: string, path: string) => api.call("GET", path, { token });
const post = (token: string, path: string, body?: unknown) => api.call("POST", path, { token, body });
// biome-ignore lint/suspicious/noExplicitAny: JSON from the API
let round: any;
// biome-ignore lint/suspicious/noExplicitAny: JSON from the API
let inspection: any;
const results = ["four_ones", "four_unified", "ledger_complete", "cases_on_time", "publicity_displayed"].map(
  (code) => ({ code, result: code === "ledger_complete" ? "fail" : "pass" }),
);
const section = async (who: string, key: string) => {
  const r = await get(t[who]!, "/v1/worklist");
  expect(r.status).toBe(200);
  return r.body.sections.find((s: { key: string }) => s.key === key);
};
const workbook = async (who: string, path: string) => {
  const res = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${t[who]}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("spreadsheetml");
  const wb = new ExcelJS.Workbook();
  // biome-ignore lint/suspicious/noExplicitAny: exceljs's load() is typed for an older Buffer
  await wb.xlsx.load((await res.arrayBuffer()) as any);
  return wb;
};

beforeAll(async () => {
  api = await startApi({ demo: true, now: () => clock, tokenTtlSeconds: 90 * 86400 });
  for (const who of ["admin", "bureau", "office1", "station1", "station2", "point1"])
    t[who] = await api.login(county, who);
  units = (await get(t.admin!, "/v1/units")).body.items;
  for (const subject of ["冰箱不制冷", '=HYPERLINK("http://x")']) {
    const c = (await post(t.point1!, "/v1/cases", complaintBody({ subject }))).body;
    let version = c.version;
    for (const a of [
      { action: "accept" },
      { action: "start_mediation" },
      { action: "resolve", agreement: "退货退款", recoveredFen: 10000 },
      { action: "close" },
    ]) {
      clock = new Date(clock.getTime() + 3_600_000);
      const r = await post(t.point1!, `/v1/cases/${c.id}/transitions`, { ...a, version });
      expect(r.status).toBe(200);
      version = r.body.version;
    }
  }
  clock = new Date("2026-11-10T10:00:00+08:00");
  round = (await post(t.bureau!, "/v1/sampling/rounds", { month: "2026-10", share: 1, seed: 20261110 })).body;
}, 180_000);
afterAll(() => api?.close());

describe("photos and evidence", () => {
  it("are linked to the inspection and the rectification: the unit and the bureau open them, another station does not, and a file serves one record", async () => {
    const photo = await upload(api, t.bureau!, { bytes: samplePng(), fileName: "现场.png" });
    const r = await post(t.bureau!, "/v1/inspections", {
      unitId: unitId("南关社区"),
      quarter: "2026-Q4",
      inspectedAt: "2026-11-10",
      inspectors: ["张敏"],
      results,
      findings: [
        { text: "=SUM(A1) 台账未登记处理结果", dueBy: "2026-11-20" },
        { text: "投诉电话未公示", dueBy: "2026-11-12" },
      ],
      attachmentIds: [photo.id],
    });
    expect(r.status).toBe(201);
    inspection = r.body;
    expect(inspection.attachmentIds).toEqual([photo.id]);
    for (const who of ["point1", "station1", "bureau"])
      expect((await get(t[who]!, `/v1/attachments/${photo.id}`)).status).toBe(200);
    expectError(await get(t.station2!, `/v1/attachments/${photo.id}`), 404, "NOT_FOUND");

    const again = await post(t.bureau!, "/v1/inspections", {
      unitId: unitId("南关社区"),
      quarter: "2026-Q4",
      inspectedAt: "2026-11-10",
      inspectors: ["张敏"],
      results,
      attachmentIds: [photo.id],
    });
    expect(again.status).toBe(422);
    expect(again.body.error.details[0].path).toBe("attachmentIds.0");

    const evidence = await upload(api, t.point1!, { bytes: samplePng(), fileName: "整改.png" });
    // The finding due on the 20th (the one due on the 12th stays open and falls overdue below).
    const finding = inspection.findings.find((f: object) => JSON.stringify(f).includes("2026-11-20"));
    const rectified = await post(
      t.point1!,
      `/v1/inspections/${inspection.id}/findings/${finding.id}/rectify`,
      {
        note: "已补登",
        attachmentIds: [evidence.id],
        version: inspection.version,
      },
    );
    expect(rectified.status).toBe(200);
    inspection = rectified.body;
    const done = inspection.findings.find((f: { id: string }) => f.id === finding.id);
    expect(done.rectification.attachmentIds).toEqual([evidence.id]);
    expect((await get(t.bureau!, `/v1/attachments/${evidence.id}`)).status).toBe(200);
    expectError(await get(t.station2!, `/v1/attachments/${evidence.id}`), 404, "NOT_FOUND");
  });
});

describe("the 工作台", () => {
  it("gives the bureau the callbacks left in its latest round, and the unit its follow-up once a consumer is unsatisfied", async () => {
    const due = await section("bureau", "sampling.callbacks");
    expect(due).toMatchObject({
      count: 2,
      tone: "info",
      href: `/supervision/sampling?round=${encodeURIComponent(round.id)}`,
    });
    expect(await section("point1", "sampling.callbacks")).toBeUndefined();

    const item = round.items[0];
    const r = await post(t.bureau!, `/v1/sampling/rounds/${round.id}/items/${item.caseId}/callback`, {
      reached: true,
      result: "unsatisfied",
      issues: ["slow"],
    });
    expect(r.status).toBe(200);
    expect((await section("bureau", "sampling.callbacks")).count).toBe(1);
    const followUps = await section("point1", "sampling.followUps");
    expect(followUps.items.map((i: { title: string }) => i.title)).toContain(
      `${item.trackingNo}　${item.subject}`,
    );
    expect((await section("station1", "sampling.followUps")).count).toBeGreaterThanOrEqual(1);
    expect(await section("bureau", "sampling.followUps")).toBeUndefined();
  });

  it("gives the unit its findings to rectify, the bureau the rectifications to verify and the findings past due", async () => {
    // Tell the findings apart by their rectification.
    const rectifiedFinding = inspection.findings.find((f: { rectification?: unknown }) => f.rectification);
    const openFinding = inspection.findings.find((f: { rectification?: unknown }) => !f.rectification);
    const toRectify = await section("point1", "inspections.toRectify");
    expect(toRectify.items.map((i: { id: string }) => i.id)).toContain(openFinding.id);
    expect(toRectify.items.map((i: { id: string }) => i.id)).not.toContain(rectifiedFinding.id);
    const toVerify = await section("bureau", "inspections.toVerify");
    expect(toVerify.items.map((i: { id: string }) => i.id)).toContain(rectifiedFinding.id);
    expect(toVerify.items.find((i: { id: string }) => i.id === rectifiedFinding.id).href).toBe(
      `/supervision/inspections?inspection=${encodeURIComponent(inspection.id)}`,
    );
    const before = await section("bureau", "inspections.overdue");
    expect(before.items.map((i: { id: string }) => i.id)).not.toContain(openFinding.id);
    clock = new Date("2026-11-13T10:00:00+08:00");
    const after = await section("bureau", "inspections.overdue");
    expect(after).toMatchObject({ tone: "danger" });
    expect(after.items.map((i: { id: string }) => i.id)).toContain(openFinding.id);
    expect(await section("point1", "inspections.overdue")).toBeUndefined();
  });
});

describe("what is due this month and quarter", () => {
  it("tells the bureau and an office when last month's round is not drawn yet for their scope", async () => {
    // 10 November: October's round is drawn for the county, not for the office's area.
    expect(await section("bureau", "sampling.roundDue")).toMatchObject({ count: 0, items: [] });
    expect(await section("office1", "sampling.roundDue")).toMatchObject({
      count: 1,
      href: "/supervision/sampling?draw=2026-10",
    });
    const saved = clock;
    clock = new Date("2026-12-02T09:00:00+08:00");
    try {
      const due = await section("bureau", "sampling.roundDue");
      expect(due).toMatchObject({ count: 1, tone: "warning", href: "/supervision/sampling?draw=2026-11" });
      expect(due.items[0].title).toContain("2026-11");
    } finally {
      clock = saved;
    }
    for (const who of ["station1", "point1"]) expect(await section(who, "sampling.roundDue")).toBeUndefined();
  });

  it("lists the stations and points not inspected this quarter, due at the quarter's end, each inspector its own area", async () => {
    const coverage = (await get(t.bureau!, "/v1/inspections/coverage?quarter=2026-Q4")).body;
    const missing = coverage.units.filter((u: { inspections: number }) => u.inspections === 0);
    expect(missing.length).toBeGreaterThan(0);
    const due = await section("bureau", "inspections.notVisited");
    expect(due).toMatchObject({ count: missing.length, href: "/supervision/inspections?tab=coverage" });
    expect(due.items.map((i: { id: string }) => i.id)).not.toContain(unitId("南关社区"));
    expect(due.items[0].dueBy).toBe("2026-12-31T23:59:59.999+08:00");
    const office = await section("office1", "inspections.notVisited");
    expect(office.count).toBeLessThan(due.count);
    expect(await section("station1", "inspections.notVisited")).toBeUndefined();
  });

  it("counts the assessment items left to score only for those who score them", async () => {
    expect(await section("bureau", "assessment.toScore")).toMatchObject({ count: 0 });
    expect(await section("office1", "assessment.toScore")).toMatchObject({ count: 0 });
    expect(await section("point1", "assessment.toScore")).toBeUndefined();
  });
});

describe("the workbooks", () => {
  it("export a round's callbacks with how it was drawn (each unit its own part), text that looks like a formula kept as text", async () => {
    const wb = await workbook("bureau", `/v1/sampling/rounds/${round.id}/callbacks.xlsx`);
    const items = wb.getWorksheet("回访清单")!;
    expect(items.rowCount).toBe(1 + round.items.length);
    const subjects = [2, 3].map((n) => items.getRow(n).getCell(3).value);
    expect(subjects).toContain('\'=HYPERLINK("http://x")');
    expect(items.getRow(1).values).toEqual(
      expect.arrayContaining(["案件编号", "回访结果", "抽签值（SHA-256）"]),
    );
    const method = wb.getWorksheet("抽样方法")!;
    expect(method.getRow(4).values).toEqual([undefined, "随机种子", "20261110"]);
    // Another station reads the bureau's round as its own part of it: none of point1's cases.
    const other = await workbook("station2", `/v1/sampling/rounds/${round.id}/callbacks.xlsx`);
    expect(other.getWorksheet("回访清单")!.rowCount).toBe(1);
  });

  it("export a quarter's inspections and their findings, each unit's only to those who see it", async () => {
    const wb = await workbook("bureau", "/v1/inspections/findings.xlsx?quarter=2026-Q4");
    const findings = wb.getWorksheet("发现问题")!;
    const texts = findings.getColumn(3).values;
    expect(texts).toContain("'=SUM(A1) 台账未登记处理结果");
    expect(texts).toContain("投诉电话未公示");
    const own = await workbook("station2", "/v1/inspections/findings.xlsx?quarter=2026-Q4");
    expect(own.getWorksheet("发现问题")!.getColumn(3).values).not.toContain("投诉电话未公示");
    expectError(
      await get(t.bureau!, "/v1/inspections/findings.xlsx?quarter=2026-Q5"),
      400,
      "VALIDATION_FAILED",
    );
  });
});
