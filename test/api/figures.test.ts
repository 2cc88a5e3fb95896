import { DeleteCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { sweepOverdue } from "@weiquan/fn-api/cases/overdue";
import { rebuildTenantFigures } from "@weiquan/fn-api/figures/rebuild";
import { DEMO_COUNTY } from "@weiquan/local";
import { RollupsRepository, rebuildRollups, T, type TenantTable } from "@weiquan/store";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, startApi, type TestApi } from "../support/api.ts";
import { complaintBody, createCase, declareSubCategories, walkCase } from "../support/cases.ts";

/**
 * Figures against DynamoDB Local after a scripted sequence of cases in a fresh demo tenant. October
 * (Thursday 15th) and November (Monday 16th) 2026; the figures are read on Monday 30 November.
 *
 *   A  point1 complaint, appliances: accept, mediate, resolve (¥3,299.00), close, callback satisfied
 *   B  point1 complaint, food (phone): reject (time_barred), close
 *   C  point1 complaint, telecom: escalate to station1; station1 accepts, mediates, fails, closes,
 *      callback unsatisfied
 *   D  point2 consultation, finance (phone): answer, close
 *   E  station1 report, farm inputs (letter): hand over, feedback, close
 *   F  point1 complaint, appliances (Nov): accept, mediate, terminate, close, callback basically satisfied
 *   G  station2 complaint, food (Nov 16): left registered — overdue on Nov 30 (accept by Nov 25)
 *   H  bureau complaint, education (Nov 16): accepted on Nov 30, after its 7 working days
 */
let api: TestApi;
let clock = new Date("2026-10-15T10:00:00+08:00");
const t: Record<string, string> = {};
const county = DEMO_COUNTY.countyCode;
// biome-ignore lint/suspicious/noExplicitAny: JSON from the API
let units: any[];
let table: TenantTable;
const unitId = (name: string) => units.find((u) => u.name.startsWith(name)).id as string;
let root: string;

const create = (token: string, body: unknown) => createCase(api, token, body);
/** Applies actions in order, each on the version the previous one returned. */
const walk = (token: string, c: { id: string; version: number }, ...actions: object[]) =>
  walkCase(api, token, c, ...actions);
const get = (token: string, path: string) => api.call("GET", path, { token });

beforeAll(async () => {
  api = await startApi({ demo: true, now: () => clock, tokenTtlSeconds: 90 * 86400 });
  for (const who of ["admin", "bureau", "viewer", "office1", "station1", "station2", "point1", "point2"])
    t[who] = await api.login(county, who);
  units = (await get(t.admin, "/v1/units")).body.items;
  await declareSubCategories(api, t.admin, [{ code: "goods.appliances.fridge", label: "电冰箱" }]);
  root = units.find((u) => u.type === "bureau").id;
  const tenant = (await api.deps.control.tenants.getByCountyCode(county))!;
  table = await api.deps.tenantAccess.forTenant(tenant.id);

  const A = await create(t.point1, complaintBody({ category: "goods.appliances" }));
  await walk(
    t.point1,
    A,
    { action: "accept" },
    { action: "start_mediation" },
    { action: "resolve", agreement: "退货退款", recoveredFen: 329900 },
    { action: "close" },
    { action: "callback", result: "satisfied" },
  );
  const B = await create(t.point1, complaintBody({ category: "goods.food", channel: "phone" }));
  await walk(t.point1, B, { action: "reject", reason: "time_barred" }, { action: "close" });
  const C = await create(t.point1, complaintBody({ category: "services.telecom" }));
  const up = await walk(t.point1, C, { action: "escalate", toUnitId: unitId("宝平街道") });
  await walk(
    t.station1,
    up,
    { action: "accept" },
    { action: "start_mediation" },
    { action: "fail", reason: "no_agreement_possible" },
    { action: "close" },
    { action: "callback", result: "unsatisfied" },
  );
  const D = await create(t.point2, {
    kind: "consultation",
    channel: "phone",
    consumer: { name: "赵大爷", phone: "022-29241234" },
    category: "services.finance",
    subject: "老年人理财产品能否退",
    description: "问银行推销的理财产品能否退",
  });
  await walk(t.point2, D, { action: "answer", answer: "建议先与银行协商" }, { action: "close" });
  const E = await create(t.station1, {
    kind: "report",
    channel: "letter",
    business: { name: "宝坻区某农资店", address: "宝坻区周良庄镇" },
    category: "goods.farm_inputs",
    subject: "销售假化肥",
    description: "有村民反映该店销售的复合肥养分不足",
  });
  await walk(
    t.station1,
    E,
    { action: "hand_over", to: "宝坻区市场监管综合执法支队" },
    { action: "record_feedback", result: "已立案调查" },
    { action: "close" },
  );

  clock = new Date("2026-11-16T10:00:00+08:00");
  const F = await create(t.point1, complaintBody({ category: "goods.appliances.fridge" }));
  await walk(
    t.point1,
    F,
    { action: "accept" },
    { action: "start_mediation" },
    { action: "terminate", reason: "withdrawn_or_settled" },
    { action: "close" },
    { action: "callback", result: "basically_satisfied" },
  );
  await create(t.station2, complaintBody({ category: "goods.food" }));
  const H = await create(t.bureau, complaintBody({ category: "services.education" }));

  // The daily sweep of 30 November counts G and H overdue (their 7 working days ended on the 25th) …
  clock = new Date("2026-11-30T00:10:00+08:00");
  await sweepOverdue(table, clock);
  // … and H leaves the count when the bureau accepts it.
  clock = new Date("2026-11-30T10:00:00+08:00");
  await walk(t.bureau, H, { action: "accept" });
}, 120_000);
afterAll(() => api.close());

const PERIOD = "from=2026-10&to=2026-11";

describe("the summary of a unit and period", () => {
  it("counts every figure of the bureau's whole network exactly", async () => {
    const r = await get(t.bureau, `/v1/stats/summary?${PERIOD}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      unitId: root,
      from: "2026-10",
      to: "2026-11",
      received: 8,
      complaints: 6,
      reports: 1,
      consultations: 1,
      accepted: 4,
      rejected: 1,
      decided: 5,
      decidedOnTime: 4,
      onTimeRate: 0.8,
      resolved: 1,
      failed: 1,
      terminated: 1,
      recoveredFen: 329900,
      answered: 1,
      handedOver: 1,
      referred: 0,
      closed: 6,
      escalated: 1,
      escalationRate: 1 / 8,
      callbacks: 3,
      satisfied: 1,
      basicallySatisfied: 1,
      unsatisfied: 1,
      overdueNow: 1,
      byKind: {
        complaint: { received: 6, closed: 4, escalated: 1 },
        report: { received: 1, closed: 1, escalated: 0 },
        consultation: { received: 1, closed: 1, escalated: 0 },
      },
    });
    expect(r.body.resolutionRate).toBeCloseTo(1 / 3, 10);
    expect(r.body.satisfactionRate).toBeCloseTo(1 / 3, 10);
    expect(r.body.byMonth.map((m: { month: string }) => m.month)).toEqual(["2026-10", "2026-11"]);
    expect(r.body.byMonth[0]).toMatchObject({
      month: "2026-10",
      received: 5,
      accepted: 2,
      rejected: 1,
      resolved: 1,
      failed: 1,
      terminated: 0,
      resolutionRate: 0.5,
      recoveredFen: 329900,
      closed: 5,
      escalated: 1,
      callbacks: 2,
      satisfactionRate: 0.5,
    });
    expect(r.body.byMonth[1]).toMatchObject({
      month: "2026-11",
      received: 3,
      accepted: 2,
      decided: 2,
      decidedOnTime: 1,
      onTimeRate: 0.5,
      terminated: 1,
      resolutionRate: 0,
      recoveredFen: 0,
      closed: 1,
      escalated: 0,
      escalationRate: 0,
      callbacks: 1,
      satisfactionRate: 0,
    });
  });

  it("keeps a point's figures inside its station's, its office's and the bureau's", async () => {
    const point1 = (await get(t.point1, `/v1/stats/summary?${PERIOD}`)).body;
    // The escalated case counts at the point until it left; the station's later decisions do not.
    expect(point1).toMatchObject({
      unitId: unitId("南关社区"),
      received: 4,
      accepted: 2,
      rejected: 1,
      resolved: 1,
      failed: 0,
      terminated: 1,
      resolutionRate: 0.5,
      recoveredFen: 329900,
      closed: 3,
      escalated: 1,
      escalationRate: 0.25,
      callbacks: 2,
      satisfactionRate: 0.5,
      overdueNow: 0,
    });
    const station1 = (await get(t.station1, `/v1/stats/summary?${PERIOD}`)).body;
    expect(station1).toMatchObject({
      received: 5,
      reports: 1,
      accepted: 3,
      rejected: 1,
      resolved: 1,
      failed: 1,
      terminated: 1,
      closed: 5,
      escalated: 1,
      handedOver: 1,
      callbacks: 3,
    });
    const office1 = (await get(t.office1, `/v1/stats/summary?${PERIOD}`)).body;
    const { unitId: _a, ...officeFigures } = office1;
    const { unitId: _b, ...stationFigures } = station1;
    expect(officeFigures).toEqual(stationFigures);
    const station2 = (await get(t.bureau, `/v1/stats/summary?${PERIOD}&unitId=${unitId("大口屯镇")}`)).body;
    expect(station2).toMatchObject({
      received: 2,
      complaints: 1,
      consultations: 1,
      answered: 1,
      overdueNow: 1,
    });

    const bureau = (await get(t.bureau, `/v1/stats/summary?${PERIOD}`)).body;
    for (const key of ["received", "accepted", "closed", "callbacks", "recoveredFen"])
      expect(bureau[key]).toBeGreaterThanOrEqual(office1[key] + station2[key]);
    // Only case H was received by the bureau itself.
    expect(bureau.received - office1.received - station2.received).toBe(1);
  });

  it("stores exactly the counters of each event in the rollup item (point1, October)", async () => {
    const [october] = await new RollupsRepository(table).months(unitId("南关社区"), "2026-10", "2026-10");
    expect(october!.counters).toEqual({
      received: 3,
      "kind.complaint": 3,
      "channel.walk_in": 2,
      "channel.phone": 1,
      "cat.goods.appliances": 1,
      "cat.goods.food": 1,
      "cat.services.telecom": 1,
      "kcat.complaint.goods.appliances": 1,
      "kcat.complaint.goods.food": 1,
      "kcat.complaint.services.telecom": 1,
      "nature.quality": 3,
      accepted: 1,
      rejected: 1,
      "reject.time_barred": 1,
      decided: 2,
      decidedOnTime: 2,
      resolved: 1,
      recoveredFen: 329900,
      mediationsEnded: 1,
      mediationsOnTime: 1,
      closed: 2,
      "closed.complaint": 2,
      // A, B and C were registered here in October and are closed (C by station1 after it was passed up).
      closedOfReceived: 3,
      callbacks: 1,
      "callbacks.complaint": 1,
      "callback.satisfied": 1,
      escalated: 1,
      "escalated.complaint": 1,
    });
  });

  it("defaults to the caller's unit and the current year to date", async () => {
    const r = await get(t.viewer, "/v1/stats/summary");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ unitId: root, from: "2026-01", to: "2026-11", received: 8 });
    expect(r.body.byMonth).toHaveLength(11);
    const lone = await get(t.bureau, "/v1/stats/summary?to=2026-10");
    expect(lone.body).toMatchObject({ from: "2026-01", to: "2026-10", received: 5 });
    const empty = await get(t.bureau, "/v1/stats/summary?from=2025-01&to=2025-12");
    expect(empty.body).toMatchObject({ received: 0, resolutionRate: null, onTimeRate: null });
    expect(empty.body.satisfactionRate).toBeNull();
    expect(empty.body.escalationRate).toBeNull();
  });

  it("answers 404 for a unit outside the caller's subtree, as if it did not exist", async () => {
    expectError(await get(t.point1, `/v1/stats/summary?unitId=${unitId("宝平街道")}`), 404, "NOT_FOUND");
    expectError(await get(t.station2, `/v1/stats/summary?unitId=${unitId("南关社区")}`), 404, "NOT_FOUND");
    expectError(await get(t.station2, `/v1/stats/categories?unitId=${unitId("南关社区")}`), 404, "NOT_FOUND");
    expectError(await get(t.bureau, "/v1/stats/summary?unitId=nope"), 404, "NOT_FOUND");
    expectError(await get(t.point1, `/v1/reports/summary.xlsx?unitId=${root}`), 404, "NOT_FOUND");
    expect((await get(t.station1, `/v1/stats/summary?unitId=${unitId("南关社区")}`)).status).toBe(200);
    expectError(await api.call("GET", "/v1/stats/summary"), 401, "UNAUTHORIZED");
  });

  it("validates the months", async () => {
    for (const [q, path] of [
      ["from=2026-13", "query.from"],
      ["to=2026-1", "query.to"],
      ["from=2026-11-01", "query.from"],
      ["from=2026-11&to=2026-10", "query.from"],
      ["from=2000-01&to=2026-10", "query.to"],
    ] as const) {
      const r = await get(t.bureau, `/v1/stats/summary?${q}`);
      expectError(r, 400, "VALIDATION_FAILED");
      expect(r.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expectError(await get(t.bureau, "/v1/stats/categories?limit=0"), 400, "VALIDATION_FAILED");
    expectError(await get(t.bureau, "/v1/stats/units?from=x"), 400, "VALIDATION_FAILED");
  });
});

describe("categories and the per-unit table", () => {
  it("ranks the national categories with their Chinese labels (sub-codes count in their class)", async () => {
    const all = await get(t.bureau, `/v1/stats/categories?${PERIOD}`);
    expect(all.body).toEqual([
      { category: "goods.appliances", label: "家用电子电器", count: 2 },
      { category: "goods.food", label: "食品", count: 2 },
      { category: "goods.farm_inputs", label: "农用生产资料", count: 1 },
      { category: "services.education", label: "教育培训服务", count: 1 },
      { category: "services.finance", label: "金融服务", count: 1 },
      { category: "services.telecom", label: "电信服务", count: 1 },
    ]);
    const complaints = await get(t.viewer, `/v1/stats/categories?${PERIOD}&kind=complaint&limit=3`);
    expect(complaints.body).toEqual([
      { category: "goods.appliances", label: "家用电子电器", count: 2 },
      { category: "goods.food", label: "食品", count: 2 },
      { category: "services.education", label: "教育培训服务", count: 1 },
    ]);
  });

  it("lists one row per visible unit with its subtree's figures", async () => {
    const all = await get(t.viewer, `/v1/stats/units?${PERIOD}`);
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(units.length);
    const row = (name: string) =>
      all.body.items.find((u: { name: string }) => u.name.startsWith(name)) as Record<string, unknown>;
    expect(row("天津市宝坻区")).toMatchObject({ depth: 0, received: 8, ownReceived: 1, overdueNow: 1 });
    expect(row("宝平市场监管所")).toMatchObject({ depth: 1, received: 5, ownReceived: 0, accepted: 3 });
    expect(row("宝平街道")).toMatchObject({ depth: 2, received: 5, ownReceived: 1, handedOver: 1 });
    expect(row("南关社区")).toMatchObject({ depth: 3, received: 4, escalationRate: 0.25 });
    expect(row("大口屯镇")).toMatchObject({ received: 2, overdueNow: 1 });
    expect(row("城关社区")).toMatchObject({ received: 0, resolutionRate: null });

    const station = await get(t.station1, `/v1/stats/units?${PERIOD}`);
    expect(station.body.items.map((u: { name: string }) => u.name).sort()).toEqual(
      ["南关社区消费维权服务点", "城关社区消费维权服务点", "宝平街道消费维权服务站"].sort(),
    );
    expect(station.body.items.find((u: { depth: number }) => u.depth === 0).name).toBe(
      "宝平街道消费维权服务站",
    );
  });

  it("slices the table by subtree for a large network: a unit and `depth` levels below it", async () => {
    const all = (await get(t.viewer, `/v1/stats/units?${PERIOD}`)).body.items as Record<string, unknown>[];
    const office = all.find((u) => String(u.name).startsWith("宝平市场监管所"))!;
    const slice = await get(t.viewer, `/v1/stats/units?${PERIOD}&unitId=${office.unitId}&depth=1`);
    expect(slice.status).toBe(200);
    const rows = slice.body.items as Record<string, unknown>[];
    expect(rows[0]).toMatchObject({ unitId: office.unitId, depth: 0, received: 5, ownReceived: 0 });
    expect(rows.slice(1).every((r) => r.depth === 1 && r.parentId === office.unitId)).toBe(true);
    // A station whose points are outside the slice: its figures, but its own share unknown.
    const baoping = rows.find((r) => String(r.name).startsWith("宝平街道"))!;
    expect(baoping).toMatchObject({ received: 5, ownReceived: null });
    expect(baoping.childCount).toBeGreaterThan(0);
    // Depth 0 is the unit alone; a unit outside the caller's subtree is 404.
    const alone = await get(t.viewer, `/v1/stats/units?${PERIOD}&unitId=${office.unitId}&depth=0`);
    expect(alone.body.items).toHaveLength(1);
    const other = all.find((u) => String(u.name).startsWith("大口屯镇"))!;
    expect((await get(t.station1, `/v1/stats/units?${PERIOD}&unitId=${other.unitId}`)).status).toBe(404);
  });
});

describe("Excel workbooks", () => {
  const download = async (token: string, path: string) => {
    const res = await fetch(api.url + path, { headers: { authorization: `Bearer ${token}` } });
    return { res, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  it("exports the summary with Chinese headers, yuan and percentage formats and a frozen header", async () => {
    const { res, bytes } = await download(t.bureau, `/v1/reports/summary.xlsx?${PERIOD}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(res.headers.get("content-disposition")).toContain("attachment;");
    // A zip (PK…), intact through the Lambda bridge's base64 body.
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    const wb = new ExcelJS.Workbook();
    // biome-ignore lint/suspicious/noExplicitAny: exceljs's load() is typed for an older Buffer
    await wb.xlsx.load(bytes as any);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "汇总",
      "按月",
      "按类型",
      "宣传活动",
      "投诉热点",
      "指标口径",
    ]);

    const head = wb.getWorksheet("汇总")!;
    expect(head.getRow(1).values).toEqual([undefined, "指标", "数值", "口径"]);
    expect(head.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const line = (label: string) => {
      for (let i = 2; i <= head.rowCount; i++) if (head.getCell(i, 1).value === label) return head.getRow(i);
      throw new Error(`no row ${label}`);
    };
    expect(line("登记总量").getCell(2).value).toBe(8);
    expect(line("挽回经济损失（元）").getCell(2).value).toBe(3299);
    expect(line("挽回经济损失（元）").getCell(2).numFmt).toBe("#,##0.00");
    expect(line("调解成功率").getCell(2).value).toBeCloseTo(1 / 3, 10);
    expect(line("调解成功率").getCell(2).numFmt).toBe("0.0%");
    expect(line("当前超期").getCell(2).value).toBe(1);

    const months = wb.getWorksheet("按月")!;
    expect(months.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(months.getRow(1).getCell(1).value).toBe("月份");
    expect(months.getRow(2).getCell(1).value).toBe("2026-10");
    expect(months.getRow(3).getCell(1).value).toBe("2026-11");
    const cats = wb.getWorksheet("投诉热点")!;
    expect(cats.getRow(2).values).toEqual([undefined, 1, "家用电子电器", "goods.appliances", 2]);
  });

  it("exports the per-unit table, one row per visible unit", async () => {
    const { res, bytes } = await download(t.viewer, `/v1/reports/units.xlsx?${PERIOD}`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    // biome-ignore lint/suspicious/noExplicitAny: see above
    await wb.xlsx.load(bytes as any);
    const ws = wb.getWorksheet("各单位")!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 4)).toEqual(["单位", "类型", "登记总量", "本级登记"]);
    expect(headers).toContain("挽回经济损失（元）");
    expect(headers).toContain("满意率");
    expect(ws.rowCount).toBe(1 + units.length);
    const money = headers.indexOf("挽回经济损失（元）") + 1;
    expect(ws.getRow(2).getCell(1).value).toBe("天津市宝坻区市场监督管理局");
    expect(ws.getRow(2).getCell(money).value).toBe(3299);
    expect(ws.getRow(2).getCell(money).numFmt).toBe("#,##0.00");
  });
});

describe("rebuilding the rollups from the cases", () => {
  const snapshot = async () => {
    const repo = new RollupsRepository(table);
    const out: Record<string, unknown> = {};
    for (const u of units)
      for (const m of await repo.months(u.id, "0000-01", "9999-12")) out[`${u.id} ${m.month}`] = m.counters;
    return out;
  };

  const gauges = async () =>
    Object.fromEntries(await new RollupsRepository(table).gauges(units.map((u) => u.id)));

  it("recomputes exactly what the write path counted, replacing damaged and stray items", async () => {
    const incremental = await snapshot();
    const incrementalGauges = await gauges();
    expect(incrementalGauges[root]).toEqual({ open: 2, openOwn: 1, overdue: 1, overdueFindings: 0 });
    expect(Object.keys(incremental).length).toBeGreaterThan(10);
    // Damage: lose the bureau's October, inflate a point's November, invent a month nobody had.
    await table.doc.send(new DeleteCommand({ TableName: table.tableName, Key: T.rollup(root, "2026-10") }));
    await table.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: {
          ...T.rollup(unitId("南关社区"), "2026-11"),
          unitId: unitId("南关社区"),
          month: "2026-11",
          received: 99,
        },
      }),
    );
    await table.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: {
          ...T.rollup(unitId("城关社区"), "2025-01"),
          unitId: unitId("城关社区"),
          month: "2025-01",
          received: 5,
        },
      }),
    );
    await table.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { ...T.gauges(root), unitId: root, open: 9, overdue: 4 },
      }),
    );
    expect(await snapshot()).not.toEqual(incremental);
    expect(await gauges()).not.toEqual(incrementalGauges);

    const result = await rebuildRollups(table, { pageSize: 3 });
    expect(result).toMatchObject({ cases: 8, removed: 1 });
    expect(await snapshot()).toEqual(incremental);
    expect(await gauges()).toEqual(incrementalGauges);
    // The job's entry point, by county code, finds nothing left to change.
    expect(await rebuildTenantFigures(api.deps, county)).toMatchObject({ cases: 8, removed: 0 });
    expect(await snapshot()).toEqual(incremental);
    expect((await get(t.bureau, `/v1/stats/summary?${PERIOD}`)).body.received).toBe(8);
  });
});
