import { DEMO_COUNTY } from "@weiquan/local";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, startApi, type TestApi } from "../support/api.ts";
import { complaintBody, createCase, walkCase } from "../support/cases.ts";
import { samplePdf, samplePng, upload } from "../support/files.ts";

/**
 * The annual assessment against DynamoDB Local, in a fresh demo tenant (4 stations, 8 points, all
 * active). The year's data, scripted in March 2026 (working days: the 7-day limit of a complaint received
 * Monday 2 March ends on Wednesday 11 March):
 *
 *   A  point1 complaint, complete (nature, amount, date): accepted on time, resolved, closed, called back
 *   B  point1 complaint without a date: accepted late (23 March), mediation failed, closed
 *   C  point2 complaint, complete: passed up to station2, which accepts it on time
 *
 * Hand-computed: point1 on-time 1/2, mediation 1/2, closed 2/2, callbacks 1/2, ledger 1/2, 四个一 1/1;
 * station1 the same counters (its subtree) with 四个一 3/3; point2 received C complete (1/1), still open
 * (closed 0/1), and decided nothing; station2 decided C on time (1/1), 四个一 2/3 (小辛码头村点 has no phone
 * and no ledger).
 */
let api: TestApi;
let clock = new Date("2026-03-02T09:00:00+08:00");
const t: Record<string, string> = {};
const county = DEMO_COUNTY.countyCode;
// biome-ignore lint/suspicious/noExplicitAny: JSON from the API
let units: any[];
const unitId = (name: string) => units.find((u) => u.name.startsWith(name)).id as string;
let otherTenant: string;

const walk = (token: string, c: { id: string; version: number }, ...actions: object[]) =>
  walkCase(api, token, c, ...actions);
const create = (token: string, body: unknown) => createCase(api, token, body);
const call = (method: string, path: string, token: string, body?: unknown) =>
  api.call(method, path, { token, body });

const template = {
  year: "2026",
  name: "2026 年度消费维权服务站（点）绩效考核",
  appliesTo: ["station", "point"],
  items: [
    { code: "ontime", title: "按时受理", maxPoints: 20, source: "auto", metric: "on_time_acceptance_rate" },
    {
      code: "mediation",
      title: "调解成功",
      maxPoints: 10,
      source: "auto",
      metric: "mediation_success_rate",
      scale: {
        thresholds: [
          { atLeast: 0.9, points: 10 },
          { atLeast: 0.5, points: 5 },
        ],
      },
    },
    { code: "closure", title: "办结", maxPoints: 5, source: "auto", metric: "closure_rate" },
    { code: "callback", title: "回访", maxPoints: 10, source: "auto", metric: "callback_rate" },
    {
      code: "ledger",
      title: "台账完整",
      maxPoints: 15,
      source: "auto",
      metric: "ledger_completeness",
      ifNoData: "zero",
    },
    { code: "fourones", title: "四个一", maxPoints: 10, source: "auto", metric: "four_ones" },
    {
      code: "site",
      title: "现场检查",
      maxPoints: 30,
      source: "manual",
      guidance: "查看台账、牌匾、制度上墙",
    },
  ],
  stars: [
    { atLeast: 70, stars: 1 },
    { atLeast: 90, stars: 3 },
    { atLeast: 80, stars: 2 },
  ],
};

beforeAll(async () => {
  api = await startApi({ demo: true, now: () => clock, tokenTtlSeconds: 400 * 86400 });
  for (const who of ["admin", "bureau", "viewer", "office1", "station1", "station2", "point1", "point2"])
    t[who] = await api.login(county, who);
  units = (await call("GET", "/v1/units", t.admin)).body.items;

  const operator = await api.login("platform", "operator");
  const onboarded = await call("POST", "/v1/platform/tenants", operator, {
    countyCode: "130102",
    name: "石家庄市长安区市场监督管理局",
    admin: { username: "admin", displayName: "长安区管理员", password: "Other@2026" },
  });
  expect(onboarded.status).toBe(201);
  otherTenant = await api.login("130102", "admin", "Other@2026");

  const complete = { occurredAt: "2026-02-20T10:00:00+08:00" };
  const A = await create(t.point1, complaintBody(complete));
  await walk(
    t.point1,
    A,
    { action: "accept" },
    { action: "start_mediation" },
    { action: "resolve", agreement: "退货退款", recoveredFen: 329900 },
    { action: "close" },
    { action: "callback", result: "satisfied" },
  );
  const B = await create(t.point1, complaintBody());
  const C = await create(t.point2, complaintBody(complete));
  const up = await walk(t.point2, C, { action: "escalate", toUnitId: unitId("大口屯镇消费") });
  await walk(t.station2, up, { action: "accept" });
  // Supervision's data of the year: point1 inspected, 4 of 5 checks passed, one finding still open.
  const inspection = await call("POST", "/v1/inspections", t.bureau, {
    unitId: unitId("南关社区"),
    quarter: "2026-Q1",
    inspectedAt: "2026-03-02",
    inspectors: ["张敏"],
    results: [
      { code: "four_ones", result: "pass" },
      { code: "four_unified", result: "pass" },
      { code: "ledger_complete", result: "fail", note: "两件投诉缺少发生时间" },
      { code: "cases_on_time", result: "pass" },
      { code: "publicity_displayed", result: "pass" },
    ],
    findings: [{ text: "补全台账要素", dueBy: "2026-03-31" }],
  });
  expect(inspection.status).toBe(201);
  // Capacity's: point1 at one training (of the yearly minimum of two) and one publicity event of its own.
  const training = await call("POST", "/v1/trainings", t.bureau, {
    title: "《市场监督管理投诉举报处理办法》解读",
    format: "lecture",
    heldAt: "2026-03-05",
    organizerUnitId: units.find((u) => u.type === "bureau").id,
    attendeeUnitIds: [unitId("南关社区")],
  });
  expect(training.status).toBe(201);
  const publicity = await call("POST", "/v1/publicity", t.point1, {
    unitId: unitId("南关社区"),
    kind: "consultation_stall",
    title: "3·15 消费维权咨询台",
    heldAt: "2026-03-15",
    peopleReached: 120,
  });
  expect(publicity.status).toBe(201);
  clock = new Date("2026-03-23T09:00:00+08:00");
  await walk(
    t.point1,
    B,
    { action: "accept" },
    { action: "start_mediation" },
    { action: "fail", reason: "no_agreement_possible" },
    { action: "close" },
  );
  clock = new Date("2027-01-08T10:00:00+08:00");
});
afterAll(() => api.close());

describe("assessment metrics", () => {
  it("lists every metric with its Chinese label, definition and whether its data is recorded", async () => {
    const r = await call("GET", "/v1/meta/assessment-metrics", t.viewer);
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(12);
    const onTime = r.body.items.find((m: { code: string }) => m.code === "on_time_acceptance_rate");
    expect(onTime).toMatchObject({ label: "按时受理率", unit: "rate", source: "cases", available: true });
    expect(onTime.definition).toContain("7 个工作日");
    expect(onTime.compute).toBeUndefined();
  });
});

let templateId: string;
describe("templates", () => {
  it("lets only the bureau admin create one (403 for staff, the office, stations and the governance viewer)", async () => {
    for (const who of ["bureau", "office1", "station1", "point1", "viewer"])
      expectError(await call("POST", "/v1/assessment-templates", t[who]!, template), 403, "ROLE_FORBIDDEN");
    const r = await call("POST", "/v1/assessment-templates", t.admin, template);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ year: "2026", version: 1, assessmentId: null });
    expect(r.body.stars.map((s: { atLeast: number }) => s.atLeast)).toEqual([90, 80, 70]);
    templateId = r.body.id;
  });

  it("refuses items that do not sum to 100 (422 TEMPLATE_NOT_100)", async () => {
    const r = await call("POST", "/v1/assessment-templates", t.admin, {
      ...template,
      items: template.items.slice(1),
    });
    expectError(r, 422, "TEMPLATE_NOT_100");
    expect(r.body.error.details).toEqual({ sum: 80 });
  });

  it("names the failing fields of a malformed template (400)", async () => {
    const r = await call("POST", "/v1/assessment-templates", t.admin, {
      ...template,
      year: "26",
      appliesTo: ["office"],
      items: [{ code: "x y", title: "", maxPoints: 0, source: "auto" }],
    });
    expectError(r, 400, "VALIDATION_FAILED");
    const paths = r.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "year",
        "appliesTo.0",
        "items.0.code",
        "items.0.title",
        "items.0.maxPoints",
        "items.0.metric",
      ]),
    );
  });

  it("edits with version: a stale one is 409 with the current template", async () => {
    const made = await call("POST", "/v1/assessment-templates", t.admin, { ...template, name: "草稿" });
    const ok = await call("PATCH", `/v1/assessment-templates/${made.body.id}`, t.admin, {
      version: 1,
      name: "草稿（修改）",
    });
    expect(ok.body).toMatchObject({ name: "草稿（修改）", version: 2 });
    const stale = await call("PATCH", `/v1/assessment-templates/${made.body.id}`, t.admin, {
      version: 1,
      name: "x",
    });
    expectError(stale, 409, "VERSION_CONFLICT");
    expect(stale.body.error.details.current).toMatchObject({ name: "草稿（修改）", version: 2 });
    expectError(
      await call("PATCH", `/v1/assessment-templates/${made.body.id}`, t.admin, {
        version: 2,
        items: template.items.slice(0, 2),
      }),
      422,
      "TEMPLATE_NOT_100",
    );
  });

  it("is listed by year and hidden from another tenant (404)", async () => {
    const list = await call("GET", "/v1/assessment-templates?year=2026&limit=1", t.viewer);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.nextCursor).toEqual(expect.any(String));
    expectError(await call("GET", `/v1/assessment-templates/${templateId}`, otherTenant), 404, "NOT_FOUND");
  });
});

let assessmentId: string;
// biome-ignore lint/suspicious/noExplicitAny: JSON from the API
const sheetOf = (a: any, name: string) =>
  a.sheets.find((s: { unitName: string }) => s.unitName.startsWith(name));
const points = (sheet: { items: { code: string; points: number | null }[] }) =>
  Object.fromEntries(sheet.items.map((i) => [i.code, i.points]));

describe("making the year's assessment", () => {
  it("is the bureau's: 403 for the office, stations, points and the governance viewer", async () => {
    for (const who of ["office1", "station1", "point1", "viewer"])
      expectError(
        await call("POST", "/v1/assessments", t[who]!, { templateId, year: "2026" }),
        403,
        "ROLE_FORBIDDEN",
      );
    expectError(
      await call("POST", "/v1/assessments", t.bureau, { templateId, year: "2025" }),
      422,
      "TEMPLATE_YEAR_MISMATCH",
    );
    expectError(
      await call("POST", "/v1/assessments", otherTenant, { templateId, year: "2026" }),
      404,
      "NOT_FOUND",
    );
  });

  it("makes one sheet per active station and point, auto items computed from the year and frozen with their inputs", async () => {
    const r = await call("POST", "/v1/assessments", t.bureau, { templateId, year: 2026 });
    expect(r.status).toBe(201);
    assessmentId = r.body.id;
    expect(r.body).toMatchObject({
      year: "2026",
      status: "scoring",
      sheetCount: 12,
      unscoredItems: 12,
      progress: { done: 12, total: 12 },
      signOff: null,
    });
    expect(r.body.sheets).toHaveLength(12);
    expect(r.body.nextCursor).toBeNull();

    const point1 = sheetOf(r.body, "南关社区");
    expect(point1.items.find((i: { code: string }) => i.code === "ontime")).toEqual({
      code: "ontime",
      points: 10,
      auto: true,
      input: { numerator: 1, denominator: 2 },
    });
    expect(points(point1)).toEqual({
      ontime: 10,
      mediation: 5,
      closure: 5,
      callback: 5,
      ledger: 7.5,
      fourones: 10,
      site: null,
    });
    expect(point1.total).toBeNull();
    expect(points(sheetOf(r.body, "宝平街道"))).toMatchObject({ ontime: 10, ledger: 7.5, fourones: 10 });
    // No decision, mediation or callback all year: full points by default; no complaint: the ledger item says zero.
    expect(points(sheetOf(r.body, "大口屯村"))).toMatchObject({
      ontime: 20,
      mediation: 10,
      closure: 0,
      callback: 10,
      ledger: 15,
    });
    expect(points(sheetOf(r.body, "小辛码头村"))).toMatchObject({ ledger: 0, fourones: 0 });
    const station2 = sheetOf(r.body, "大口屯镇");
    expect(station2.items.find((i: { code: string }) => i.code === "fourones")).toMatchObject({
      points: 6.67,
      input: { numerator: 2, denominator: 3 },
    });
    expect(points(station2)).toMatchObject({ ontime: 20 });
  });

  it("answers a repeated create with the same Idempotency-Key as the first time", async () => {
    const body = { ...template, name: "幂等创建" };
    const headers = { "idempotency-key": "tpl-create-1" };
    const first = await api.call("POST", "/v1/assessment-templates", { token: t.admin, body, headers });
    const again = await api.call("POST", "/v1/assessment-templates", { token: t.admin, body, headers });
    expect(again).toMatchObject({ status: 201, body: { id: first.body.id } });
    const made = await api.call("POST", "/v1/assessments", {
      token: t.bureau,
      body: { templateId: first.body.id, year: "2026" },
      headers: { "idempotency-key": "asmt-create-1" },
    });
    const replay = await api.call("POST", "/v1/assessments", {
      token: t.bureau,
      body: { templateId: first.body.id, year: "2026" },
      headers: { "idempotency-key": "asmt-create-1" },
    });
    expect(replay).toMatchObject({ status: 201, body: { id: made.body.id, sheetCount: 12 } });
  });

  it("is made once per template (409 ASSESSMENT_EXISTS) and locks the template (422 TEMPLATE_IN_USE)", async () => {
    const again = await call("POST", "/v1/assessments", t.admin, { templateId, year: "2026" });
    expectError(again, 409, "ASSESSMENT_EXISTS");
    expect(again.body.error.details.assessmentId).toBe(assessmentId);
    const tpl = (await call("GET", `/v1/assessment-templates/${templateId}`, t.admin)).body;
    expect(tpl.assessmentId).toBe(assessmentId);
    expectError(
      await call("PATCH", `/v1/assessment-templates/${templateId}`, t.admin, {
        version: tpl.version,
        name: "改名",
      }),
      422,
      "TEMPLATE_IN_USE",
    );
  });

  it("keeps the inputs it was computed from when the data changes afterwards", async () => {
    const late = await create(t.point1, complaintBody({ subject: "考核计算之后登记的投诉" }));
    expect(late.version).toBe(1);
    const sheet = await call("GET", `/v1/assessments/${assessmentId}/sheets/${unitId("南关社区")}`, t.bureau);
    expect(points(sheet.body).ledger).toBe(7.5);
  });
});

describe("scoring sheets", () => {
  const sheetPath = (name: string) => `/v1/assessments/${assessmentId}/sheets/${unitId(name)}`;

  it("shows each unit its own subtree's sheets; another unit's sheet is 404", async () => {
    const mine = await call("GET", `/v1/assessments/${assessmentId}`, t.station1);
    expect(mine.body.sheets.map((s: { unitName: string }) => s.unitName)).toEqual([
      "宝平街道消费维权服务站",
      expect.stringMatching(/^(南关|城关)社区/),
      expect.stringMatching(/^(南关|城关)社区/),
    ]);
    expect((await call("GET", sheetPath("南关社区"), t.point1)).status).toBe(200);
    expectError(await call("GET", sheetPath("大口屯村"), t.point1), 404, "NOT_FOUND");
    expectError(await call("GET", sheetPath("大口屯村"), t.office1), 404, "NOT_FOUND");
    expectError(await call("GET", sheetPath("大口屯村"), otherTenant), 404, "NOT_FOUND");
    expectError(await call("GET", `/v1/assessments/${assessmentId}`, otherTenant), 404, "NOT_FOUND");
  });

  it("pages the sheets with a cursor", async () => {
    const first = await call("GET", `/v1/assessments/${assessmentId}?limit=5`, t.viewer);
    expect(first.body.sheets).toHaveLength(5);
    const rest = await call(
      "GET",
      `/v1/assessments/${assessmentId}?limit=50&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      t.viewer,
    );
    expect(rest.body.sheets).toHaveLength(7);
    expectError(
      await call("GET", `/v1/assessments/${assessmentId}?cursor=nonsense`, t.viewer),
      400,
      "INVALID_CURSOR",
    );
  });

  it("lets the bureau and the office of the unit score manual items; stations, points and the viewer may not", async () => {
    for (const who of ["station1", "point1", "viewer"])
      expectError(
        await call("PATCH", sheetPath("南关社区"), t[who]!, {
          version: 1,
          items: [{ code: "site", points: 20 }],
        }),
        403,
        "ROLE_FORBIDDEN",
      );
    const r = await call("PATCH", sheetPath("南关社区"), t.office1, {
      version: 1,
      items: [{ code: "site", points: 28.5, note: "台账规范，牌匾醒目" }],
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ version: 2, total: 71 });
    expect(r.body.items.find((i: { code: string }) => i.code === "site")).toMatchObject({
      points: 28.5,
      note: "台账规范，牌匾醒目",
      scoredBy: "宝平所 韩志刚",
    });

    // The 工作台 counts what is left: the county's items for the bureau, the office's area for the office.
    const toScore = async (who: string) =>
      (await call("GET", "/v1/worklist", t[who]!)).body.sections.find(
        (s: { key: string }) => s.key === "assessment.toScore",
      );
    const scoring = (await call("GET", "/v1/assessments?year=2026", t.bureau)).body.items.filter(
      (a: { status: string }) => a.status === "scoring",
    );
    const bureau = await toScore("bureau");
    expect(bureau.count).toBe(
      scoring.reduce((n: number, a: { unscoredItems: number }) => n + a.unscoredItems, 0),
    );
    expect(bureau.items).toContainEqual(
      expect.objectContaining({
        href: `/assessment/${assessmentId}`,
        title: "2026 年度考核：11 个评分项待评分",
      }),
    );
    let area = 0;
    for (const a of scoring)
      area += (
        await call("GET", `/v1/assessments/${a.id}?unitId=${unitId("宝平市场监管所")}&limit=50`, t.office1!)
      ).body.sheets.filter((s: { total: number | null }) => s.total === null).length;
    expect(area).toBeGreaterThan(0);
    expect((await toScore("office1")).count).toBe(area);
    expect(await toScore("station1")).toBeUndefined();
  });

  it("answers a stale version with 409 and the current sheet", async () => {
    const r = await call("PATCH", sheetPath("南关社区"), t.bureau, {
      version: 1,
      items: [{ code: "site", points: 1 }],
    });
    expectError(r, 409, "VERSION_CONFLICT");
    expect(r.body.error.details.current).toMatchObject({ version: 2, total: 71 });
  });

  it("keeps a manual item's evidence files, seen by those who see the sheet", async () => {
    const sheet = (await call("GET", sheetPath("南关社区"), t.bureau)).body;
    const photo = await upload(api, t.bureau!, { fileName: "现场检查.png", bytes: samplePng() });
    const scan = await upload(api, t.bureau!, {
      fileName: "台账扫描.pdf",
      contentType: "application/pdf",
      bytes: samplePdf(),
    });
    const r = await call("PATCH", sheetPath("南关社区"), t.bureau, {
      version: sheet.version,
      items: [{ code: "site", points: 28.5, attachmentIds: [photo.id, scan.id] }],
    });
    expect(r.status).toBe(200);
    const site = () => r.body.items.find((i: { code: string }) => i.code === "site");
    expect(site().attachments).toEqual([
      expect.objectContaining({ id: photo.id, fileName: "现场检查.png", contentType: "image/png" }),
      expect.objectContaining({ id: scan.id, fileName: "台账扫描.pdf", contentType: "application/pdf" }),
    ]);
    // The sheet's unit and those above it download the files; a unit elsewhere and another county do not.
    for (const who of ["point1", "station1", "office1", "viewer"])
      expect((await call("GET", `/v1/attachments/${photo.id}`, t[who]!)).status, who).toBe(200);
    for (const who of ["station2", "point2"])
      expectError(await call("GET", `/v1/attachments/${photo.id}`, t[who]!), 404, "NOT_FOUND");
    expectError(await call("GET", `/v1/attachments/${photo.id}`, otherTenant), 404, "NOT_FOUND");

    // The whole list: leaving the scan out stops showing it; a file already used is refused at its path.
    const less = await call("PATCH", sheetPath("南关社区"), t.bureau, {
      version: r.body.version,
      items: [{ code: "site", points: 28.5, attachmentIds: [photo.id] }],
    });
    expect(less.body.items.find((i: { code: string }) => i.code === "site").attachments).toEqual([
      expect.objectContaining({ id: photo.id }),
    ]);
    const taken = await call("PATCH", sheetPath("城关社区"), t.bureau, {
      version: (await call("GET", sheetPath("城关社区"), t.bureau)).body.version,
      items: [{ code: "site", points: 20, attachmentIds: [photo.id] }],
    });
    expect(taken.status).toBe(422);
    expect(taken.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      "items.0.attachmentIds.0",
    ]);
    // A file is one item's evidence, and one patch names at most a record's worth of files (400, by path).
    const twice = await call("PATCH", sheetPath("城关社区"), t.bureau, {
      version: 1,
      items: [
        { code: "site", points: 20, attachmentIds: [photo.id] },
        { code: "ontime", points: 20, attachmentIds: [photo.id] },
      ],
    });
    expectError(twice, 400, "VALIDATION_FAILED");
    expect(twice.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      "items.1.attachmentIds.0",
    ]);
    const many = Array.from({ length: 11 }, (_, i) => `file-${i}`);
    const tooMany = await call("PATCH", sheetPath("城关社区"), t.bureau, {
      version: 1,
      items: [
        { code: "site", points: 20, attachmentIds: many },
        { code: "ontime", points: 20, attachmentIds: many.map((id) => `${id}-b`) },
      ],
    });
    expectError(tooMany, 400, "VALIDATION_FAILED");
    expect(tooMany.body.error.details.map((d: { path: string }) => d.path)).toEqual(["items"]);
    // Someone else's upload is as if it did not exist; nothing was scored.
    const theirs = await upload(api, t.office1!, { bytes: samplePng() });
    expectError(
      await call("PATCH", sheetPath("城关社区"), t.bureau, {
        version: (await call("GET", sheetPath("城关社区"), t.bureau)).body.version,
        items: [{ code: "site", points: 20, attachmentIds: [theirs.id] }],
      }),
      404,
      "NOT_FOUND",
    );
    expect(
      (await call("GET", sheetPath("城关社区"), t.bureau)).body.items.find(
        (i: { code: string }) => i.code === "site",
      ).points,
    ).toBeNull();
  });

  it("refuses points outside [0, maxPoints] and auto items (422), and bad input (400)", async () => {
    const over = await call("PATCH", sheetPath("城关社区"), t.bureau, {
      version: 1,
      items: [{ code: "site", points: 31 }],
    });
    expectError(over, 422, "POINTS_OUT_OF_RANGE");
    expectError(
      await call("PATCH", sheetPath("城关社区"), t.bureau, {
        version: 1,
        items: [{ code: "ontime", points: 20 }],
      }),
      422,
      "ITEM_NOT_MANUAL",
    );
    const bad = await call("PATCH", sheetPath("城关社区"), t.bureau, {
      version: "1",
      items: [{ code: "site", points: -2 }],
    });
    expectError(bad, 400, "VALIDATION_FAILED");
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      "version",
      "items.0.points",
    ]);
  });

  it("will not finalize while a manual item is unscored (422 SHEETS_INCOMPLETE)", async () => {
    const r = await call("POST", `/v1/assessments/${assessmentId}/finalize`, t.bureau);
    expectError(r, 422, "SHEETS_INCOMPLETE");
    expect(r.body.error.details.sheets).toBe(11);
  });

  it("cannot be signed off before it is finalized (422)", async () => {
    expectError(
      await call("POST", `/v1/assessments/${assessmentId}/sign-off`, t.viewer, {}),
      422,
      "ASSESSMENT_NOT_FINALIZED",
    );
  });
});

describe("finalizing and the 综治 sign-off", () => {
  it("gives totals, ranks within each type and stars; the ranking lists stations then points by rank", async () => {
    const all = (await call("GET", `/v1/assessments/${assessmentId}`, t.bureau)).body;
    const site: Record<string, number> = { 大口屯村: 25, 大口屯镇: 24, 宝平街道: 20 };
    for (const s of all.sheets) {
      if (s.total !== null) continue;
      const points = Object.entries(site).find(([k]) => s.unitName.startsWith(k))?.[1] ?? 10;
      const r = await call("PATCH", `/v1/assessments/${assessmentId}/sheets/${s.unitId}`, t.bureau, {
        version: s.version,
        items: [{ code: "site", points }],
      });
      expect(r.status).toBe(200);
    }
    expectError(
      await call("POST", `/v1/assessments/${assessmentId}/finalize`, t.viewer),
      403,
      "ROLE_FORBIDDEN",
    );
    expectError(
      await call("POST", `/v1/assessments/${assessmentId}/finalize`, t.office1),
      403,
      "ROLE_FORBIDDEN",
    );
    const r = await call("POST", `/v1/assessments/${assessmentId}/finalize`, t.bureau);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: "finalized", finalizedBy: "县局 张敏", unscoredItems: 0 });

    const ranking = (await call("GET", `/v1/assessments/${assessmentId}`, t.viewer)).body;
    const rows = ranking.sheets.map(
      (s: { unitName: string; unitType: string; total: number; rank: number; stars: number }) => [
        s.unitType,
        s.rank,
        s.unitName.slice(0, 4),
        s.total,
        s.stars,
      ],
    );
    // Stations: 大口屯镇 61.67 + 24, 宝平街道 42.5 + 20, 海滨街道 51.67 + 10, 王卜庄镇 48.33 + 10;
    // points: 大口屯村 65 + 25 = 90 (3 stars), 南关社区 42.5 + 28.5 = 71, the rest 65 or 55.
    expect(rows[0]).toEqual(["station", 1, "大口屯镇", 85.67, 2]);
    expect(rows.find((r: unknown[]) => r[2] === "宝平街道")).toEqual(["station", 2, "宝平街道", 62.5, 0]);
    const firstPoint = rows.find((r: unknown[]) => r[0] === "point");
    expect(firstPoint).toEqual(["point", 1, "大口屯村", 90, 3]);
    expect(rows.find((r: unknown[]) => r[2] === "南关社区")).toEqual(["point", 2, "南关社区", 71, 1]);
    expect(rows.map((r: unknown[]) => r[0])).toEqual([
      ...Array(4).fill("station"),
      ...Array(8).fill("point"),
    ]);
  });

  it("is read-only once finalized", async () => {
    const sheet = (
      await call("GET", `/v1/assessments/${assessmentId}/sheets/${unitId("南关社区")}`, t.bureau)
    ).body;
    expectError(
      await call("PATCH", `/v1/assessments/${assessmentId}/sheets/${sheet.unitId}`, t.bureau, {
        version: sheet.version,
        items: [{ code: "site", points: 1 }],
      }),
      422,
      "ASSESSMENT_NOT_SCORING",
    );
    expectError(
      await call("POST", `/v1/assessments/${assessmentId}/finalize`, t.bureau),
      422,
      "ASSESSMENT_NOT_SCORING",
    );
  });

  it("is signed off by the governance viewer alone, once, with name and time", async () => {
    for (const who of ["admin", "bureau", "office1", "station1"])
      expectError(
        await call("POST", `/v1/assessments/${assessmentId}/sign-off`, t[who]!, {}),
        403,
        "ROLE_FORBIDDEN",
      );
    expectError(
      await call("POST", `/v1/assessments/${assessmentId}/sign-off`, otherTenant, {}),
      404,
      "NOT_FOUND",
    );
    expectError(
      await call("POST", `/v1/assessments/${assessmentId}/sign-off`, t.viewer, { note: 1 }),
      400,
      "VALIDATION_FAILED",
    );
    const r = await call("POST", `/v1/assessments/${assessmentId}/sign-off`, t.viewer, {
      note: "同意考核结果",
    });
    expect(r.status).toBe(200);
    expect(r.body.signOff).toEqual({
      by: expect.any(String),
      name: "综治办 周平",
      at: "2027-01-08T10:00:00.000+08:00",
      note: "同意考核结果",
    });
    expectError(
      await call("POST", `/v1/assessments/${assessmentId}/sign-off`, t.viewer, {}),
      409,
      "ALREADY_SIGNED_OFF",
    );
  });

  it("exports the ranking, every input and the definitions as Excel", async () => {
    const res = await fetch(`${api.url}/v1/assessments/${assessmentId}/report.xlsx`, {
      headers: { authorization: `Bearer ${t.viewer}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ranking = wb.getWorksheet("考核排名")!;
    expect(ranking.getRow(1).values).toEqual(
      expect.arrayContaining(["排名", "单位", "总分", "按时受理（20分）"]),
    );
    expect(ranking.getRow(2).values).toEqual(
      expect.arrayContaining([1, "大口屯镇消费维权服务站", 85.67, "★★"]),
    );
    const inputs = wb.getWorksheet("计分依据")!;
    expect(inputs.rowCount).toBe(1 + 12 * 7);
    expect(wb.getWorksheet("指标口径")!.getRow(2).values).toEqual(expect.arrayContaining(["按时受理率"]));
  });

  it("lists the year's assessments for every role", async () => {
    const r = await call("GET", "/v1/assessments?year=2026", t.point2);
    expect(r.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: assessmentId, status: "finalized" })]),
    );
    expect(r.body.items.some((a: object) => "sheetsRev" in a)).toBe(false);
  });
});

describe("metrics from supervision's and capacity's data", () => {
  it("scores inspections, findings, trainings and publicity from the year's records", async () => {
    const tpl = await call("POST", "/v1/assessment-templates", t.admin, {
      year: "2026",
      name: "检查专项考核",
      appliesTo: ["point"],
      items: [
        { code: "checks", title: "检查合格", maxPoints: 25, source: "auto", metric: "inspection_pass_rate" },
        {
          code: "rectified",
          title: "整改到位",
          maxPoints: 25,
          source: "auto",
          metric: "findings_rectified_rate",
          ifNoData: "zero",
        },
        { code: "training", title: "参加培训", maxPoints: 25, source: "auto", metric: "training_attendance" },
        {
          code: "publicity",
          title: "宣传活动",
          maxPoints: 25,
          source: "auto",
          metric: "publicity_events",
          target: 1,
        },
      ],
    });
    expect(tpl.status).toBe(201);
    const r = await call("POST", "/v1/assessments", t.bureau, { templateId: tpl.body.id, year: "2026" });
    expect(r.body.sheetCount).toBe(8);
    const point1 = sheetOf(r.body, "南关社区");
    expect(point1.items).toEqual([
      { code: "checks", points: 20, auto: true, input: { numerator: 4, denominator: 5 } },
      { code: "rectified", points: 0, auto: true, input: { numerator: 0, denominator: 1 } },
      { code: "training", points: 12.5, auto: true, input: { numerator: 1, denominator: 2 } },
      { code: "publicity", points: 25, auto: true, input: { numerator: 1, denominator: 1 } },
    ]);
    expect(points(sheetOf(r.body, "城关社区"))).toEqual({
      checks: 25,
      rectified: 0,
      training: 0,
      publicity: 0,
    });
  });
});
