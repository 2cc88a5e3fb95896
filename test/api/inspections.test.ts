import { maskName } from "@weiquan/domain";
import { dailySupervision } from "@weiquan/fn-api/supervision/daily";
import { DEMO_COUNTY } from "@weiquan/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, startApi, type TestApi } from "../support/api.ts";

/**
 * Quarterly inspections through the API, in a fresh demo tenant, in the fourth quarter of 2026: the bureau
 * inspects 南关社区点 and finds two problems, the point rectifies, the bureau sends one back and accepts
 * the other; 宝平所 inspects a station of its own subtree; coverage and overdue findings follow.
 */
let api: TestApi;
let clock = new Date("2026-11-10T10:00:00+08:00");
const t: Record<string, string> = {};
let otherAdmin: string;
const county = DEMO_COUNTY.countyCode;
// biome-ignore lint/suspicious/noExplicitAny: JSON from the API
let units: any[];
const unitId = (name: string) => units.find((u) => u.name.startsWith(name)).id as string;
const get = (token: string, path: string) => api.call("GET", path, { token });
const post = (token: string, path: string, body?: unknown) => api.call("POST", path, { token, body });
const codes = ["four_ones", "four_unified", "ledger_complete", "cases_on_time", "publicity_displayed"];
const allPass = (over: Record<string, string> = {}) =>
  codes.map((code) => ({ code, result: over[code] ?? "pass" }));
const body = (over: Record<string, unknown> = {}) => ({
  unitId: unitId("南关社区"),
  quarter: "2026-Q4",
  inspectedAt: "2026-11-10",
  inspectors: ["张敏", "韩志刚"],
  results: allPass({ ledger_complete: "fail", four_unified: "na" }),
  findings: [
    { text: "台账 10 月有 2 件投诉未登记处理结果", dueBy: "2026-11-20" },
    { text: "投诉电话未公示上墙", dueBy: "2026-11-12" },
  ],
  ...over,
});
// biome-ignore lint/suspicious/noExplicitAny: JSON from the API
let inspection: any;

beforeAll(async () => {
  api = await startApi({ demo: true, now: () => clock, tokenTtlSeconds: 90 * 86400 });
  for (const who of ["admin", "bureau", "viewer", "office1", "station1", "station2", "point1", "point2"])
    t[who] = await api.login(county, who);
  units = (await get(t.admin!, "/v1/units")).body.items;
  const operator = await api.login("platform", "operator");
  await post(operator, "/v1/platform/tenants", {
    countyCode: "130102",
    name: "石家庄市长安区市场监督管理局",
    admin: { username: "admin", displayName: "长安区管理员", password: "Other@2026" },
  });
  otherAdmin = await api.login("130102", "admin", "Other@2026");
}, 120_000);
afterAll(() => api?.close());

describe("the checklist", () => {
  it("comes with the station standards by default and is the bureau admin's to change", async () => {
    const s = (await get(t.bureau!, "/v1/settings")).body;
    expect(s.inspectionChecklist.map((c: { code: string }) => c.code)).toEqual(codes);
    expect(s.sampling).toEqual({ share: 0.2, minPerUnit: 1, maxPerUnit: 5 });
    const dup = await api.call("PUT", "/v1/settings", {
      token: t.admin!,
      body: {
        version: s.version,
        templates: s.templates,
        inspectionChecklist: [
          { code: "a", text: "一" },
          { code: "a", text: "二" },
        ],
      },
    });
    expectError(dup, 400, "VALIDATION_FAILED");
    expect(dup.body.error.details[0].path).toBe("inspectionChecklist.1.code");
  });
});

describe("recording an inspection", () => {
  it("refuses bad input with field paths: date outside the quarter, unknown or missing items, due date too early", async () => {
    const r = await post(
      t.bureau!,
      "/v1/inspections",
      body({
        inspectedAt: "2026-09-30",
        results: [...allPass().slice(1), { code: "nonsense", result: "pass" }],
        findings: [{ text: "x", dueBy: "2026-09-01" }],
      }),
    );
    expectError(r, 400, "VALIDATION_FAILED");
    expect(r.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(
      ["findings.0.dueBy", "inspectedAt", "results", "results.4.code"].sort(),
    );
    const shape = await post(t.bureau!, "/v1/inspections", body({ quarter: "2026-Q5", inspectors: [] }));
    expect(shape.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      "inspectors",
      "quarter",
    ]);
    expectError(
      await post(t.bureau!, "/v1/inspections", body({ inspectedAt: "2026-11-30" })),
      400,
      "VALIDATION_FAILED",
    );
  });

  it("is the bureau's, or an office's below itself: 403 for stations, points and the governance office, 404 out of sight", async () => {
    for (const who of ["station1", "point1", "viewer"])
      expectError(await post(t[who]!, "/v1/inspections", body()), 403, "ROLE_FORBIDDEN");
    expectError(
      await post(t.office1!, "/v1/inspections", body({ unitId: unitId("大口屯镇") })),
      404,
      "NOT_FOUND",
    );
    expectError(
      await post(t.office1!, "/v1/inspections", body({ unitId: unitId("宝平市场") })),
      403,
      "ROLE_FORBIDDEN",
    );
    expectError(await post(otherAdmin, "/v1/inspections", body()), 404, "NOT_FOUND");
  });

  it("records results, the pass rate over judged items and the findings, and tells the unit", async () => {
    const r = await post(t.bureau!, "/v1/inspections", body());
    expect(r.status).toBe(201);
    inspection = r.body;
    expect(inspection).toMatchObject({
      unitId: unitId("南关社区"),
      quarter: "2026-Q4",
      inspectedAt: "2026-11-10T00:00:00.000+08:00",
      passRate: 3 / 4,
      findingCounts: { open: 2, rectified: 0, verified: 0 },
      version: 1,
      canInspect: true,
      canRectify: false,
    });
    expect(inspection.results.find((x: { code: string }) => x.code === "ledger_complete")).toMatchObject({
      result: "fail",
      text: "台账完整、登记及时，与实际受理情况一致",
    });
    // In the order entered, on the answer and on every read.
    const asEntered = [
      ["2026-11-20T23:59:59.999+08:00", "open"],
      ["2026-11-12T23:59:59.999+08:00", "open"],
    ];
    const dues = (i: { findings: { dueBy: string; status: string }[] }) =>
      i.findings.map((f) => [f.dueBy, f.status]);
    expect(dues(inspection)).toEqual(asEntered);
    expect(dues((await get(t.bureau!, `/v1/inspections/${inspection.id}`)).body)).toEqual(asEntered);
    const notice = (await get(t.point1!, "/v1/notices")).body.items[0];
    expect(notice).toMatchObject({ kind: "finding_raised", ref: { type: "inspection", id: inspection.id } });
    const office = await post(
      t.office1!,
      "/v1/inspections",
      body({ unitId: unitId("宝平街道"), results: allPass(), findings: [] }),
    );
    expect(office.status).toBe(201);
    expect(office.body.passRate).toBe(1);
  });

  it("is read by the units above and the unit itself, staff names masked for the governance office", async () => {
    expect((await get(t.point1!, `/v1/inspections/${inspection.id}`)).body.canRectify).toBe(true);
    expect((await get(t.station1!, `/v1/inspections/${inspection.id}`)).body.canRectify).toBe(true);
    const viewer = (await get(t.viewer!, `/v1/inspections/${inspection.id}`)).body;
    expect(viewer.inspectors).toEqual(["张敏", "韩志刚"].map(maskName));
    expect(viewer).toMatchObject({ canInspect: false, canRectify: false });
    for (const who of ["station2", "point2"])
      expectError(await get(t[who]!, `/v1/inspections/${inspection.id}`), 404, "NOT_FOUND");
    expectError(await get(otherAdmin, `/v1/inspections/${inspection.id}`), 404, "NOT_FOUND");
  });

  it("edits with the version: a stale one is a 409 with the inspection as it is", async () => {
    const stale = await api.call("PATCH", `/v1/inspections/${inspection.id}`, {
      token: t.bureau!,
      body: { version: 0, note: "补充说明" },
    });
    expectError(stale, 409, "VERSION_CONFLICT");
    expect(stale.body.error.details.current.version).toBe(1);
    const ok = await api.call("PATCH", `/v1/inspections/${inspection.id}`, {
      token: t.bureau!,
      body: { version: 1, note: "补充说明", results: allPass({ ledger_complete: "fail" }) },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ version: 2, note: "补充说明", passRate: 4 / 5 });
    expectError(
      await api.call("PATCH", `/v1/inspections/${inspection.id}`, { token: t.point1!, body: { version: 2 } }),
      403,
      "ROLE_FORBIDDEN",
    );
    inspection = ok.body;
  });
});

describe("rectification", () => {
  it("is the unit's to report and the inspector's to verify; a rejection sends it back with a reason", async () => {
    const [late, soon] = [...inspection.findings].sort((a, b) => (a.dueBy < b.dueBy ? 1 : -1));
    const path = (f: { id: string }, step: string) =>
      `/v1/inspections/${inspection.id}/findings/${f.id}/${step}`;
    expectError(await post(t.bureau!, path(late, "rectify"), { note: "x" }), 403, "ROLE_FORBIDDEN");
    expectError(await post(t.point1!, path(late, "verify"), { accepted: true }), 403, "ROLE_FORBIDDEN");
    expectError(
      await post(t.bureau!, path(late, "verify"), { accepted: true }),
      422,
      "FINDING_NOT_RECTIFIED",
    );
    expectError(await post(t.point1!, path(late, "rectify"), { note: "" }), 400, "VALIDATION_FAILED");
    expectError(
      await post(t.point1!, path(late, "rectify"), { note: "x", version: 1 }),
      409,
      "VERSION_CONFLICT",
    );

    const done = await post(t.point1!, path(late, "rectify"), { note: "已补登 2 件投诉的处理结果" });
    expect(done.status).toBe(200);
    expect(done.body.findingCounts).toEqual({ open: 1, rectified: 1, verified: 0 });
    expect((await get(t.bureau!, "/v1/notices")).body.items[0]).toMatchObject({ kind: "finding_rectified" });
    const waiting = await get(t.bureau!, "/v1/inspections/findings?status=rectified");
    expect(waiting.body.items.map((f: { id: string }) => f.id)).toEqual([late.id]);

    expectError(await post(t.bureau!, path(late, "verify"), { accepted: false }), 400, "VALIDATION_FAILED");
    const back = await post(t.bureau!, path(late, "verify"), {
      accepted: false,
      note: "缺少补登后的台账照片",
    });
    expect(back.body.findings.find((f: { id: string }) => f.id === late.id)).toMatchObject({
      status: "open",
      verification: { accepted: false, note: "缺少补登后的台账照片" },
    });
    expect((await get(t.point1!, "/v1/notices")).body.items[0]).toMatchObject({ kind: "finding_rejected" });

    // the station answers for its point
    await post(t.station1!, path(late, "rectify"), { note: "已补登并拍照", attachmentIds: [] });
    const accepted = await post(t.bureau!, path(late, "verify"), { accepted: true, note: "核验通过" });
    const f = accepted.body.findings.find((x: { id: string }) => x.id === late.id);
    expect(f).toMatchObject({ status: "verified", verifiedBy: "县局 张敏" });
    expect(f.history.map((h: { action: string }) => h.action)).toEqual([
      "rectify",
      "reject",
      "rectify",
      "accept",
    ]);
    expectError(await post(t.point1!, path(late, "rectify"), { note: "x" }), 422, "FINDING_NOT_OPEN");
    expect(accepted.body.findingCounts).toEqual({ open: 1, rectified: 0, verified: 1 });
    inspection = accepted.body;
    expect(soon.status).toBe("open");
  });

  it("counts an open finding past its due date as overdue, in its unit's list and above", async () => {
    clock = new Date("2026-11-15T09:00:00+08:00");
    const mine = await get(t.point1!, "/v1/inspections/findings?overdue=true");
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0]).toMatchObject({ text: "投诉电话未公示上墙", overdue: true });
    expect((await get(t.bureau!, "/v1/inspections/findings?overdue=true")).body.items).toHaveLength(1);
    expect((await get(t.station2!, "/v1/inspections/findings?overdue=true")).body.items).toHaveLength(0);
    const open = await get(t.station1!, "/v1/inspections/findings?status=open");
    expect(open.body.items.map((f: { overdue: boolean }) => f.overdue)).toEqual([true]);

    // the daily job tells the unit, once per lapse
    const tenant = (await api.deps.control.tenants.getByCountyCode(county))!;
    const table = await api.deps.tenantAccess.forTenant(tenant.id);
    expect((await dailySupervision(table, clock)).overdueFindings).toBe(1);
    expect((await dailySupervision(table, clock)).overdueFindings).toBe(0);
    const notices = (await get(t.point1!, "/v1/notices")).body.items;
    expect(notices.filter((n: { kind: string }) => n.kind === "finding_overdue")).toHaveLength(1);
  });

  it("feeds the dashboard: checks passed over judged, findings rectified over raised, overdue now", async () => {
    // 南关: 4 pass + 1 fail (after the edit); 宝平街道站: 5 pass; 2 findings, 1 verified, 1 overdue
    const s = (await get(t.viewer!, "/v1/stats/summary?from=2026-11&to=2026-11")).body;
    expect(s).toMatchObject({
      inspections: 2,
      inspectionChecks: 10,
      inspectionChecksPassed: 9,
      inspectionPassRate: 0.9,
      findings: 2,
      findingsRectified: 1,
      findingsRectifiedRate: 0.5,
      overdueFindingsNow: 1,
    });
    const other = (
      await get(t.bureau!, `/v1/stats/summary?from=2026-11&to=2026-11&unitId=${unitId("大口屯镇")}`)
    ).body;
    expect(other).toMatchObject({ inspections: 0, overdueFindingsNow: 0, inspectionPassRate: null });
  });
});

describe("coverage and lists", () => {
  it("shows which active stations and points were inspected in the quarter", async () => {
    const c = (await get(t.bureau!, "/v1/inspections/coverage?quarter=2026-Q4")).body;
    const inspected = c.units
      .filter((u: { inspections: number }) => u.inspections > 0)
      .map((u: { unitId: string }) => u.unitId);
    expect(inspected.sort()).toEqual([unitId("南关社区"), unitId("宝平街道")].sort());
    expect(c.inspected).toBe(2);
    expect(c.inspectedShare).toBeCloseTo(2 / c.total);
    expect(c.units.every((u: { type: string }) => u.type === "station" || u.type === "point")).toBe(true);
    const office = (await get(t.office1!, "/v1/inspections/coverage?quarter=2026-Q4")).body;
    expect(office.units.every((u: { unitId: string }) => u.unitId !== unitId("大口屯镇"))).toBe(true);
    expect((await get(t.bureau!, "/v1/inspections/coverage?quarter=2026-Q3")).body.inspected).toBe(0);
    expectError(await get(t.bureau!, "/v1/inspections/coverage"), 400, "VALIDATION_FAILED");
  });

  it("lists a quarter's inspections in a subtree, and one unit's", async () => {
    const all = (await get(t.bureau!, "/v1/inspections?quarter=2026-Q4")).body.items;
    expect(all).toHaveLength(2);
    const station = (await get(t.station1!, "/v1/inspections?quarter=2026-Q4")).body.items;
    expect(station).toHaveLength(2);
    const point = (await get(t.point1!, "/v1/inspections")).body.items;
    expect(point.map((i: { id: string }) => i.id)).toEqual([inspection.id]);
    const one = (await get(t.bureau!, `/v1/inspections?unitId=${unitId("南关社区")}`)).body.items;
    expect(one.map((i: { id: string }) => i.id)).toEqual([inspection.id]);
    const paged = await get(t.bureau!, "/v1/inspections?quarter=2026-Q4&limit=1");
    expect(paged.body.items).toHaveLength(1);
    expect(paged.body.nextCursor).toBeTruthy();
    expectError(await get(t.point2!, `/v1/inspections?unitId=${unitId("南关社区")}`), 404, "NOT_FOUND");
  });
});
