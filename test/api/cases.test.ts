import { DEMO_COUNTY } from "@weiquan/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, startApi, type TestApi } from "../support/api.ts";
import { complaintBody, declareSubCategories } from "../support/cases.ts";

/** The case API against DynamoDB Local, on a clock the test moves (Monday 2026-11-23, 10:00 Shanghai). */
let api: TestApi;
let clock = new Date("2026-11-23T10:00:00+08:00");
const t: Record<string, string> = {};
const county = DEMO_COUNTY.countyCode;
// biome-ignore lint/suspicious/noExplicitAny: JSON from the API
let units: any[];
const unitId = (name: string) => units.find((u) => u.name.startsWith(name)).id as string;

beforeAll(async () => {
  api = await startApi({ demo: true, now: () => clock, tokenTtlSeconds: 90 * 86400 });
  for (const who of ["admin", "bureau", "viewer", "office1", "station1", "station2", "point1", "point2"])
    t[who] = await api.login(county, who);
  units = (await api.call("GET", "/v1/units", { token: t.admin })).body.items;
});
afterAll(() => api.close());

const create = (token: string, body: unknown, headers?: Record<string, string>) =>
  api.call("POST", "/v1/cases", { token, body, headers });
const act = (token: string, id: string, body: unknown) =>
  api.call("POST", `/v1/cases/${id}/transitions`, { token, body });

describe("registering a case", () => {
  it("registers a complaint in the caller's unit with a tracking number, rule set and deadline", async () => {
    const r = await create(t.point1, complaintBody());
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      kind: "complaint",
      status: "registered",
      unitId: unitId("南关社区"),
      originUnitId: unitId("南关社区"),
      ruleSet: "samr-121",
      version: 1,
      recoveredFen: 0,
      amountFen: 329900,
      overdue: false,
      canHandle: true,
      masked: false,
      consumer: { name: "张桂芳", phone: "13812348000" },
    });
    expect(r.body.trackingNo).toMatch(/^12011520261123\d{4}$/);
    // Received Monday 23 Nov: 7 working days not counting the day of receipt end on Wednesday 2 Dec.
    expect(r.body.deadlines).toEqual({ acceptBy: "2026-12-02T23:59:59+08:00" });
    expect(r.body.receivedAt).toBe("2026-11-23T10:00:00.000+08:00");
    expect(r.body.allowedActions).toEqual(["accept", "reject", "escalate"]);
  });

  it("names every field the regulation requires of a complaint", async () => {
    const r = await create(t.point1, {
      kind: "complaint",
      channel: "phone",
      consumer: { name: "王五" },
      category: "goods.food",
      subject: "月饼过期",
      description: "买到过期月饼",
    });
    expectError(r, 400, "VALIDATION_FAILED");
    const paths = r.body.error.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual([
      "business.address",
      "business.name",
      "consumer.address",
      "consumer.phone",
      "request",
    ]);
  });

  it("accepts an anonymous report and rejects bad identifiers, categories and units", async () => {
    const report = await create(t.station1, {
      kind: "report",
      channel: "phone",
      business: { name: "某无证小作坊" },
      category: "goods.food",
      subject: "无证生产辣条",
      description: "村东头有人无证生产辣条",
    });
    expect(report.status).toBe(201);
    expect(report.body.deadlines).toEqual({ handOverBy: "2026-11-25T23:59:59+08:00" });
    const badId = await create(
      t.point1,
      complaintBody({ consumer: { ...complaintBody().consumer, idNumber: "110105194912310021" } }),
    );
    expectError(badId, 400, "VALIDATION_FAILED");
    expect(badId.body.error.details[0].path).toBe("consumer.idNumber");
    const badCode = await create(
      t.point1,
      complaintBody({ business: { name: "某店", address: "某地", creditCode: "91110108551385082A" } }),
    );
    expect(badCode.body.error.details[0].path).toBe("business.creditCode");
    expectError(
      await create(t.point1, complaintBody({ category: "goods.spaceships" })),
      400,
      "VALIDATION_FAILED",
    );
    // A unit outside the caller's subtree is as absent as a unit that does not exist.
    expectError(await create(t.point1, complaintBody({ unitId: unitId("大口屯村") })), 404, "NOT_FOUND");
    expectError(await create(t.viewer, complaintBody()), 403, "CASE_FORBIDDEN");
  });

  it("replays an Idempotency-Key: same key and body → the first answer, nothing new", async () => {
    const body = complaintBody({ subject: "幂等登记" });
    const headers = { "idempotency-key": "intake-7f3a" };
    const first = await create(t.point1, body, headers);
    const again = await create(t.point1, body, headers);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.trackingNo).toBe(first.body.trackingNo);
    expectError(
      await create(t.point1, { ...body, subject: "另一件事" }, headers),
      409,
      "IDEMPOTENCY_KEY_REUSED",
    );
    // Another user's key is another request.
    const other = await create(t.station1, body, headers);
    expect(other.body.id).not.toBe(first.body.id);
    const list = await api.call("GET", "/v1/cases?q=幂等登记", { token: t.admin });
    expect(list.body.items).toHaveLength(2);
    expectError(await create(t.point1, body, { "idempotency-key": "has space" }), 400, "VALIDATION_FAILED");
  });
});

describe("the complaint workflow", () => {
  it("runs registered → accepted → mediating → resolved → closed → callback, with a timeline", async () => {
    const c = (await create(t.point1, complaintBody())).body;
    clock = new Date("2026-11-24T09:00:00+08:00");
    const accepted = await act(t.point1, c.id, { action: "accept", version: 1 });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: "accepted", version: 2 });
    // samr-121: mediation ends 60 calendar days after acceptance.
    expect(accepted.body.deadlines.mediateBy).toBe("2027-01-23T23:59:59+08:00");
    const mediating = await act(t.point1, c.id, { action: "start_mediation", version: 2 });
    expect(mediating.body.status).toBe("mediating");
    const resolved = await act(t.point1, c.id, {
      action: "resolve",
      version: 3,
      agreement: "商家同意退货并全额退款 3299 元",
      recoveredFen: 329900,
    });
    expect(resolved.body).toMatchObject({ status: "resolved", recoveredFen: 329900 });
    const closed = await act(t.point1, c.id, { action: "close", version: 4 });
    expect(closed.body.allowedActions).toEqual(["callback"]);
    const called = await act(t.bureau, c.id, {
      action: "callback",
      version: 5,
      result: "satisfied",
      note: "很满意",
    });
    expect(called.body.callback).toMatchObject({ result: "satisfied" });
    expect(called.body.allowedActions).toEqual([]);

    const full = await api.call("GET", `/v1/cases/${c.id}`, { token: t.point1 });
    expect(full.body.timeline.map((e: { action: string }) => e.action)).toEqual([
      "create",
      "accept",
      "start_mediation",
      "resolve",
      "close",
      "callback",
    ]);
    expect(full.body.timeline[3]).toMatchObject({
      fromStatus: "mediating",
      toStatus: "resolved",
      byName: "南关社区点 陈桂兰",
      data: { recoveredFen: 329900 },
    });
    const byNo = await api.call("GET", `/v1/cases/by-tracking/${c.trackingNo}`, { token: t.station1 });
    expect(byNo.body.id).toBe(c.id);
  });

  it("refuses an action the status does not allow, naming the status and what is allowed", async () => {
    const c = (await create(t.point1, complaintBody())).body;
    const r = await act(t.point1, c.id, { action: "resolve", version: 1, agreement: "x", recoveredFen: 0 });
    expectError(r, 422, "ILLEGAL_TRANSITION");
    expect(r.body.error.details).toEqual({
      status: "registered",
      action: "resolve",
      allowed: ["accept", "reject", "escalate"],
    });
    expect(r.body.error.message).toContain("已登记");
    const unchanged = await api.call("GET", `/v1/cases/${c.id}`, { token: t.point1 });
    expect(unchanged.body.version).toBe(1);
  });

  it("answers a stale version with 409 and the current case", async () => {
    const c = (await create(t.point1, complaintBody())).body;
    await act(t.point1, c.id, { action: "accept", version: 1 });
    const r = await act(t.point1, c.id, { action: "reject", version: 1, reason: "time_barred" });
    expectError(r, 409, "VERSION_CONFLICT");
    expect(r.body.error.details.current).toMatchObject({ status: "accepted", version: 2 });
  });

  it("requires a legal ground to reject, and a note for 'other'", async () => {
    const c = (await create(t.point1, complaintBody())).body;
    expectError(
      await act(t.point1, c.id, { action: "reject", version: 1, reason: "because" }),
      400,
      "VALIDATION_FAILED",
    );
    const noNote = await act(t.point1, c.id, { action: "reject", version: 1, reason: "other_legal_ground" });
    expect(noNote.body.error.details[0].path).toBe("note");
    const ok = await act(t.point1, c.id, { action: "reject", version: 1, reason: "outside_jurisdiction" });
    expect(ok.body).toMatchObject({ status: "rejected", rejection: { reason: "outside_jurisdiction" } });
  });

  it("pauses the mediation clock for an appraisal and moves the deadline on resuming", async () => {
    clock = new Date("2026-11-23T10:00:00+08:00");
    const c = (await create(t.point1, complaintBody())).body;
    await act(t.point1, c.id, { action: "accept", version: 1 });
    const paused = await act(t.point1, c.id, { action: "pause_clock", version: 2, reason: "appraisal" });
    expect(paused.body).toMatchObject({
      paused: true,
      dueBy: null,
      allowedActions: expect.arrayContaining(["resume_clock"]),
    });
    expect(paused.body.deadlines.mediateBy).toBeUndefined();
    clock = new Date("2026-11-30T10:00:00+08:00");
    const resumed = await act(t.point1, c.id, { action: "resume_clock", version: 3 });
    // 60 days from acceptance on 23 Nov end on 22 Jan. The clock stood still 24–29 Nov (the day of
    // acceptance is not counted anyway; the day it resumes counts again): 6 days later, 28 Jan.
    expect(resumed.body.deadlines.mediateBy).toBe("2027-01-28T23:59:59+08:00");
    expect(resumed.body.paused).toBe(false);
    clock = new Date("2026-11-23T10:00:00+08:00");
  });

  it("flags overdue cases and lists them with ?overdue=true", async () => {
    clock = new Date("2026-11-23T10:00:00+08:00");
    const c = (await create(t.point2, complaintBody({ subject: "逾期测试" }))).body;
    clock = new Date("2026-12-03T08:00:00+08:00");
    const late = await api.call("GET", `/v1/cases/${c.id}`, { token: t.point2 });
    expect(late.body).toMatchObject({ overdue: true, dueBy: "2026-12-02T23:59:59+08:00" });
    const overdue = await api.call("GET", "/v1/cases?overdue=true", { token: t.point2 });
    expect(overdue.body.items.map((i: { id: string }) => i.id)).toContain(c.id);
    expect(overdue.body.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    clock = new Date("2026-12-01T08:00:00+08:00");
    const soon = await api.call("GET", "/v1/cases?dueSoon=true", { token: t.point2 });
    expect(soon.body.items.map((i: { id: string }) => i.id)).toContain(c.id);
    clock = new Date("2026-11-23T10:00:00+08:00");
  });
});

describe("consent to mediation (同意委托调解)", () => {
  it("refuses to start mediation without the complainant's consent until the clerk records it", async () => {
    const c = (
      await create(
        t.point1,
        complaintBody({ subject: "未同意调解", consents: { publish: true, mediation: false } }),
      )
    ).body;
    expect(c.consents).toEqual({ publish: true, mediation: false });
    expect(c.allowedActions).toContain("record_mediation_consent");
    const accepted = await act(t.point1, c.id, { action: "accept", version: 1 });
    expect(accepted.body.allowedActions).not.toContain("start_mediation");
    expectError(
      await act(t.point1, c.id, { action: "start_mediation", version: 2 }),
      422,
      "MEDIATION_CONSENT_REQUIRED",
    );

    const recorded = await act(t.point1, c.id, {
      action: "record_mediation_consent",
      version: 2,
      note: "投诉人电话确认同意委托调解",
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({
      status: "accepted",
      version: 3,
      consents: { publish: true, mediation: true },
    });
    expect(recorded.body.allowedActions).toContain("start_mediation");
    expect(recorded.body.allowedActions).not.toContain("record_mediation_consent");
    const started = await act(t.point1, c.id, { action: "start_mediation", version: 3 });
    expect(started.body.status).toBe("mediating");

    const read = (await api.call("GET", `/v1/cases/${c.id}`, { token: t.point1 })).body;
    expect(read.timeline.map((e: { action: string }) => e.action)).toEqual([
      "create",
      "accept",
      "record_mediation_consent",
      "start_mediation",
    ]);
    expect(read.timeline[2]).toMatchObject({
      note: "投诉人电话确认同意委托调解",
      data: { consent: "mediation" },
    });
  });
});

describe("reports and consultations", () => {
  it("hands a report over, records feedback and closes it", async () => {
    const r = (
      await create(t.station1, {
        kind: "report",
        channel: "letter",
        business: { name: "宝坻区某农资店", address: "宝坻区周良庄镇" },
        category: "goods.farm_inputs",
        subject: "销售假化肥",
        description: "有村民反映该店销售的复合肥养分不足",
      })
    ).body;
    const handed = await act(t.station1, r.id, {
      action: "hand_over",
      version: 1,
      to: "宝坻区市场监管综合执法支队",
    });
    expect(handed.body).toMatchObject({
      status: "handed_over",
      handOver: { to: "宝坻区市场监管综合执法支队" },
    });
    expect(handed.body.deadlines.checkBy).toBe("2026-12-14T23:59:59+08:00");
    const fb = await act(t.station1, r.id, { action: "record_feedback", version: 2, result: "已立案调查" });
    expect(fb.body.status).toBe("feedback");
    const closed = await act(t.station1, r.id, { action: "close", version: 3 });
    // An anonymous report has nobody to call back.
    expect(closed.body.allowedActions).toEqual([]);
  });

  it("answers a consultation and closes it", async () => {
    const q = (
      await create(t.point1, {
        kind: "consultation",
        channel: "phone",
        consumer: { name: "赵大爷", phone: "022-29241234" },
        category: "services.finance",
        subject: "老年人理财产品能否退",
        description: "问银行推销的理财产品能否退",
      })
    ).body;
    expect(q.deadlines).toEqual({});
    const a = await act(t.point1, q.id, {
      action: "answer",
      version: 1,
      answer: "建议先与银行协商，并可向金融监管部门投诉",
    });
    expect(a.body.status).toBe("answered");
    expectError(await act(t.point1, q.id, { action: "accept", version: 2 }), 422, "ILLEGAL_TRANSITION");
  });
});

describe("escalation, visibility and personal data", () => {
  it("moves an escalated case to the station's queue; the point keeps read access but cannot act", async () => {
    const c = (await create(t.point1, complaintBody({ subject: "金额较大的装修纠纷", amountFen: 8_000_000 })))
      .body;
    const targets = await api.call("GET", `/v1/cases/${c.id}/escalation-targets`, { token: t.point1 });
    const names = targets.body.items.map((u: { name: string }) => u.name);
    // Its own station, the office of its area (辖区所) and the bureau, nearest first — no unrelated office.
    expect(names).toEqual(["宝平街道消费维权服务站", "宝平市场监管所", units.find((u) => !u.parentId).name]);
    for (const elsewhere of ["大口屯镇消费", "大口屯市场监管所"])
      expectError(
        await act(t.point1, c.id, { action: "escalate", version: 1, toUnitId: unitId(elsewhere) }),
        422,
        "ESCALATION_TARGET",
      );
    const up = await act(t.point1, c.id, { action: "escalate", version: 1, toUnitId: unitId("宝平街道") });
    expect(up.body).toMatchObject({
      status: "escalated",
      unitId: unitId("宝平街道"),
      originUnitId: unitId("南关社区"),
      canHandle: false,
      masked: true,
    });
    // The station's queue lists it; the station continues where the point left off.
    const queue = await api.call("GET", `/v1/cases?unitId=${unitId("宝平街道")}`, { token: t.station1 });
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(c.id);
    const atStation = await api.call("GET", `/v1/cases/${c.id}`, { token: t.station1 });
    expect(atStation.body.allowedActions).toEqual(["accept", "reject", "escalate"]);
    // The case names the unit that registered it.
    expect(atStation.body.originUnitName).toMatch(/^南关社区/);
    // The station's bell announces it (待接收), opening the case.
    const bell = (await api.call("GET", "/v1/notices", { token: t.station1 })).body;
    expect(bell.items.filter((n: { caseId?: string }) => n.caseId === c.id)).toEqual([
      expect.objectContaining({
        kind: "case_escalated",
        unitId: unitId("宝平街道"),
        trackingNo: c.trackingNo,
        ref: { type: "case", id: c.id },
        read: false,
      }),
    ]);
    expect(bell.unread).toBeGreaterThan(0);
    const accepted = await act(t.station1, c.id, { action: "accept", version: 2 });
    expect(accepted.body.status).toBe("accepted");
    // The point sees the outcome, masked, and cannot act.
    const fromPoint = await api.call("GET", `/v1/cases/${c.id}`, { token: t.point1 });
    expect(fromPoint.body).toMatchObject({
      status: "accepted",
      masked: true,
      consumer: { phone: "138****8000", name: "张**" },
    });
    expect(fromPoint.body.consumer.idNumber).toBe("110105********002X");
    expectError(await act(t.point1, c.id, { action: "start_mediation", version: 3 }), 403, "CASE_READ_ONLY");
    // Another point and another station never learn it exists.
    expectError(await api.call("GET", `/v1/cases/${c.id}`, { token: t.point2 }), 404, "NOT_FOUND");
    expectError(await act(t.station2, c.id, { action: "start_mediation", version: 3 }), 404, "NOT_FOUND");
    expectError(
      await api.call("GET", `/v1/cases/by-tracking/${c.trackingNo}`, { token: t.station2 }),
      404,
      "NOT_FOUND",
    );
    const list2 = await api.call("GET", "/v1/cases", { token: t.station2 });
    expect(list2.body.items.map((i: { id: string }) => i.id)).not.toContain(c.id);
  });

  it("passes a failed mediation up to the station, which mediates it afresh", async () => {
    const c = (await create(t.point1, complaintBody({ subject: "调解不成后提交上级" }))).body;
    await act(t.point1, c.id, { action: "accept", version: 1 });
    await act(t.point1, c.id, { action: "start_mediation", version: 2 });
    const failed = await act(t.point1, c.id, { action: "fail", version: 3, reason: "no_agreement_possible" });
    expect(failed.body.allowedActions).toEqual(["escalate", "close"]);
    const up = await act(t.point1, c.id, { action: "escalate", version: 4, toUnitId: unitId("宝平街道") });
    expect(up.body).toMatchObject({ status: "escalated", escalatedFrom: "accepted" });
    expect(up.body.ending).toBeUndefined();
    const atStation = await api.call("GET", `/v1/cases/${c.id}`, { token: t.station1 });
    expect(atStation.body.allowedActions).toEqual([
      "start_mediation",
      "pause_clock",
      "terminate",
      "escalate",
    ]);
    await act(t.station1, c.id, { action: "start_mediation", version: 5 });
    const resolved = await act(t.station1, c.id, {
      action: "resolve",
      version: 6,
      agreement: "站里调解成功",
      recoveredFen: 1000,
    });
    expect(resolved.body.status).toBe("resolved");
  });

  it("masks personal data for the governance office and audits every unmasked read", async () => {
    const c = (await create(t.point1, complaintBody({ subject: "审计测试" }))).body;
    const viewed = await api.call("GET", `/v1/cases/${c.id}`, { token: t.viewer });
    expect(viewed.body).toMatchObject({ masked: true, canHandle: false, consumer: { phone: "138****8000" } });
    expectError(await act(t.viewer, c.id, { action: "accept", version: 1 }), 403, "CASE_READ_ONLY");
    await api.call("GET", `/v1/cases/${c.id}`, { token: t.station1 });
    const audit = await api.call("GET", "/v1/audit/personal-data?month=2026-11", { token: t.admin });
    const reads = audit.body.items.filter((e: { caseId: string }) => e.caseId === c.id);
    expect(reads.map((e: { username: string }) => e.username)).toEqual(["station1"]);
    expectError(
      await api.call("GET", "/v1/audit/personal-data?month=2026-11", { token: t.bureau }),
      403,
      "ROLE_FORBIDDEN",
    );
    // Ledger rows never carry personal data whole, whoever lists them.
    const rows = await api.call("GET", "/v1/cases?q=审计测试", { token: t.point1 });
    expect(rows.body.items[0].consumerName).toBe("张**");
    expect(rows.body.items[0].consumer).toBeUndefined();
  });
});

describe("the ledger list", () => {
  it("pages newest first with a cursor and refuses a forged one", async () => {
    for (let i = 0; i < 5; i++) {
      clock = new Date(Date.UTC(2026, 10, 25, 2, 0, i));
      await create(t.point2, complaintBody({ subject: `分页 ${i}` }));
    }
    const first = await api.call("GET", "/v1/cases?q=分页&limit=3", { token: t.point2 });
    expect(first.body.items.map((i: { subject: string }) => i.subject)).toEqual([
      "分页 4",
      "分页 3",
      "分页 2",
    ]);
    const second = await api.call("GET", `/v1/cases?q=分页&limit=3&cursor=${first.body.nextCursor}`, {
      token: t.point2,
    });
    expect(second.status, `${first.body.nextCursor} ${JSON.stringify(second.body)}`).toBe(200);
    expect(second.body.items.map((i: { subject: string }) => i.subject)).toEqual(["分页 1", "分页 0"]);
    expect(second.body.nextCursor).toBeNull();
    expectError(
      await api.call("GET", "/v1/cases?cursor=bm90LWEtY3Vyc29y", { token: t.point2 }),
      400,
      "INVALID_CURSOR",
    );
    const day = await api.call("GET", "/v1/cases?from=2026-11-25&to=2026-11-25&kind=complaint", {
      token: t.point2,
    });
    expect(day.body.items).toHaveLength(5);
    expectError(
      await api.call("GET", "/v1/cases?status=nonsense", { token: t.point2 }),
      400,
      "VALIDATION_FAILED",
    );
    clock = new Date("2026-11-23T10:00:00+08:00");
  });

  it("filters by a category and its sub-codes", async () => {
    await declareSubCategories(api, t.admin, [{ code: "goods.food.dairy", label: "乳制品" }]);
    const a = (await create(t.station2, complaintBody({ category: "goods.food", subject: "类别筛选 甲" })))
      .body;
    const b = (
      await create(t.station2, complaintBody({ category: "goods.food.dairy", subject: "类别筛选 乙" }))
    ).body;
    await create(t.station2, complaintBody({ category: "goods.appliances", subject: "类别筛选 丙" }));
    const food = await api.call("GET", "/v1/cases?q=类别筛选&category=goods.food", { token: t.station2 });
    expect(food.body.items.map((i: { id: string }) => i.id).sort()).toEqual([a.id, b.id].sort());
    expectError(
      await api.call("GET", "/v1/cases?category=GOODS", { token: t.station2 }),
      400,
      "VALIDATION_FAILED",
    );
  });

  it("lists categories with Chinese labels", async () => {
    const r = await api.call("GET", "/v1/meta/categories", { token: t.point1 });
    expect(r.body.items).toHaveLength(27);
    expect(r.body.items).toContainEqual({
      code: "goods.farm_inputs",
      label: "农用生产资料",
      group: "goods",
      groupLabel: "商品类",
    });
  });
});

describe("cases and the network", () => {
  it("refuses to close a unit with open cases, or to move a unit whose ledger holds cases", async () => {
    const point = unitId("大口屯村");
    const unit = (await api.call("GET", `/v1/units/${point}`, { token: t.admin })).body;
    const close = await api.call("PATCH", `/v1/units/${point}`, {
      token: t.admin,
      body: { version: unit.version, status: "closed" },
    });
    expectError(close, 422, "UNIT_HAS_OPEN_CASES");
    const move = await api.call("PATCH", `/v1/units/${point}`, {
      token: t.admin,
      body: { version: unit.version, parentId: unitId("宝平街道") },
    });
    expectError(move, 422, "UNIT_HAS_CASES");
    expect((await api.call("GET", `/v1/units/${point}`, { token: t.admin })).body.version).toBe(unit.version);
  });
});
