import { createHash } from "node:crypto";
import { drawSample, maskName, roundItemCounters, unitIdsOf } from "@weiquan/domain";
import { dailySupervision } from "@weiquan/fn-api/supervision/daily";
import { DEMO_COUNTY } from "@weiquan/local";
import { ClosedComplaintsRepository, RoundsRepository, rebuildRollups } from "@weiquan/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, startApi, type TestApi } from "../support/api.ts";
import { complaintBody } from "../support/cases.ts";

/**
 * The bureau's monthly sampled callbacks (抽查回访) through the API, in a fresh demo tenant. In October
 * 2026 point1 closes 6 complaints, point2 closes 3, station1 closes 2 (one of them passed up by point1),
 * and point1 also closes a consultation (not in the population); one more complaint of point1 stays open.
 * In November the bureau draws October's round with share 0.5, at least 1 and at most 2 per unit.
 */
let api: TestApi;
let clock = new Date("2026-10-12T09:00:00+08:00");
const t: Record<string, string> = {};
let otherAdmin: string;
const county = DEMO_COUNTY.countyCode;
// biome-ignore lint/suspicious/noExplicitAny: JSON from the API
let units: any[];
const unitId = (name: string) => units.find((u) => u.name.startsWith(name)).id as string;
// biome-ignore lint/suspicious/noExplicitAny: JSON from the API
let round: any;
const closedBy: Record<string, string[]> = {};

const walk = async (token: string, c: { id: string; version: number }, ...actions: object[]) => {
  let version = c.version;
  for (const a of actions) {
    clock = new Date(clock.getTime() + 3_600_000);
    const r = await api.call("POST", `/v1/cases/${c.id}/transitions`, { token, body: { ...a, version } });
    if (r.status !== 200) throw new Error(`${JSON.stringify(a)}: ${r.status} ${JSON.stringify(r.body)}`);
    version = r.body.version;
  }
  return { id: c.id, version };
};
const create = async (token: string, body: object) => {
  const r = await api.call("POST", "/v1/cases", { token, body });
  if (r.status !== 201) throw new Error(`create: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { id: string; version: number; trackingNo: string; unitId: string };
};
const settle = [
  { action: "accept" },
  { action: "start_mediation" },
  { action: "resolve", agreement: "商家退货退款", recoveredFen: 10000 },
  { action: "close" },
];
const closeComplaint = async (who: string, subject: string) => {
  const c = await create(t[who]!, complaintBody({ subject }));
  await walk(t[who]!, c, ...settle);
  closedBy[c.unitId] = [...(closedBy[c.unitId] ?? []), c.trackingNo];
  return c;
};
const get = (token: string, path: string) => api.call("GET", path, { token });
const post = (token: string, path: string, body?: unknown) => api.call("POST", path, { token, body });
const callback = (token: string, caseId: string, body: unknown) =>
  post(token, `/v1/sampling/rounds/${round.id}/items/${caseId}/callback`, body);

beforeAll(async () => {
  api = await startApi({ demo: true, now: () => clock, tokenTtlSeconds: 90 * 86400 });
  for (const who of ["admin", "bureau", "viewer", "office1", "station1", "station2", "point1", "point2"])
    t[who] = await api.login(county, who);
  units = (await get(t.admin!, "/v1/units")).body.items;
  for (let i = 0; i < 6; i++) await closeComplaint("point1", `南关投诉 ${i}`);
  for (let i = 0; i < 3; i++) await closeComplaint("point2", `大口屯投诉 ${i}`);
  await closeComplaint("station1", "宝平站自办投诉");
  // passed up by point1, closed by station1: counted for station1, the unit that closed it
  const up = await create(t.point1!, complaintBody({ subject: "点上交站的投诉" }));
  await walk(t.point1!, up, { action: "escalate", toUnitId: unitId("宝平街道") });
  const taken = (await get(t.station1!, `/v1/cases/${up.id}`)).body;
  await walk(t.station1!, taken, ...settle);
  closedBy[taken.unitId] = [...(closedBy[taken.unitId] ?? []), taken.trackingNo];
  const consultation = await create(t.point1!, {
    ...complaintBody({ subject: "咨询不入样本" }),
    kind: "consultation",
  });
  await walk(t.point1!, consultation, { action: "answer", answer: "已答复" }, { action: "close" });
  await create(t.point1!, complaintBody({ subject: "仍在办理" }));

  const operator = await api.login("platform", "operator");
  const onboarded = await post(operator, "/v1/platform/tenants", {
    countyCode: "130102",
    name: "石家庄市长安区市场监督管理局",
    admin: { username: "admin", displayName: "长安区管理员", password: "Other@2026" },
  });
  expect(onboarded.status).toBe(201);
  otherAdmin = await api.login("130102", "admin", "Other@2026");
  clock = new Date("2026-11-03T10:00:00+08:00");
}, 180_000);
afterAll(() => api?.close());

describe("drawing a round", () => {
  it("refuses a month that is not over yet, and bad parameters with field paths", async () => {
    expectError(await post(t.bureau!, "/v1/sampling/rounds", { month: "2026-11" }), 422, "MONTH_NOT_OVER");
    const bad = await post(t.bureau!, "/v1/sampling/rounds", {
      month: "2026-13",
      share: 0,
      minPerUnit: 3,
      maxPerUnit: 2,
    });
    expectError(bad, 400, "VALIDATION_FAILED");
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(
      ["maxPerUnit", "month", "share"].sort(),
    );
    expectError(
      await post(t.bureau!, "/v1/sampling/rounds", { month: "2026-10", extra: 1 }),
      400,
      "VALIDATION_FAILED",
    );
  });

  it("is the bureau's (or an office's for its subtree): stations, points and the governance office get 403", async () => {
    for (const who of ["station1", "point1", "viewer"])
      expectError(await post(t[who]!, "/v1/sampling/rounds", { month: "2026-10" }), 403, "ROLE_FORBIDDEN");
    // an office cannot draw for a unit outside its subtree: it does not even see it
    expectError(
      await post(t.office1!, "/v1/sampling/rounds", { month: "2026-10", unitId: unitId("大口屯镇") }),
      404,
      "NOT_FOUND",
    );
  });

  it("draws a stratified sample of the month's closed complaints, each unit at least one, reproducible from its seed", async () => {
    const r = await post(t.bureau!, "/v1/sampling/rounds", {
      month: "2026-10",
      share: 0.5,
      minPerUnit: 1,
      maxPerUnit: 2,
      seed: 20261103,
    });
    expect(r.status).toBe(201);
    round = r.body;
    expect(round).toMatchObject({
      month: "2026-10",
      seed: 20261103,
      share: 0.5,
      minPerUnit: 1,
      maxPerUnit: 2,
    });
    expect(round.population).toBe(11);
    // point1: ⌈0.5×6⌉=3 → capped at 2; point2: ⌈1.5⌉=2; station1: ⌈0.5×2⌉=1
    const quota: Record<string, number> = {
      [unitId("南关社区")]: 2,
      [unitId("大口屯村")]: 2,
      [unitId("宝平街道")]: 1,
    };
    expect(
      Object.fromEntries(round.strata.map((s: { unitId: string; sampled: number }) => [s.unitId, s.sampled])),
    ).toEqual(quota);
    expect(round.items).toHaveLength(5);
    expect(round.progress).toMatchObject({ total: 5, pending: 5, reached: 0, unreached: 0 });
    // the documented method, redone outside the system: per unit, the smallest SHA-256("seed:trackingNo")
    for (const [unit, n] of Object.entries(quota)) {
      const lots = closedBy[unit]!.map((no) =>
        createHash("sha256").update(`20261103:${no}`).digest("hex"),
      ).sort();
      const drawn = round.items
        .filter((i: { unitId: string }) => i.unitId === unit)
        .map((i: { lot: string }) => i.lot);
      expect(drawn).toEqual(lots.slice(0, n));
    }
    for (const i of round.items) {
      expect(i).toMatchObject({ kind: "complaint", attempts: 0, callback: null });
      expect(i.consumerName).toBe(maskName("张桂芳"));
    }
    expect(round.method).toContain("SHA-256");
    expect(round.canCallBack).toBe(true);
  });

  it("refuses a second round for the same month and scope (409 ROUND_EXISTS)", async () => {
    const again = await post(t.admin!, "/v1/sampling/rounds", { month: "2026-10" });
    expectError(again, 409, "ROUND_EXISTS");
    expect(again.body.error.details.roundId).toBe(round.id);
  });

  it("shows each reader its own part: a station its own items, the governance office all of it without the right to call", async () => {
    const own = await get(t.station1!, `/v1/sampling/rounds/${round.id}`);
    expect(own.status).toBe(200);
    expect(own.body.partial).toBe(true);
    expect(own.body.canCallBack).toBe(false);
    expect(
      own.body.items.every((i: { unitId: string }) =>
        [unitId("宝平街道"), unitId("南关社区")].includes(i.unitId),
      ),
    ).toBe(true);
    expect(own.body.items).toHaveLength(3);
    expect(own.body.progress.total).toBe(3);
    const viewer = await get(t.viewer!, `/v1/sampling/rounds/${round.id}`);
    expect(viewer.body).toMatchObject({ partial: false, canCallBack: false });
    expect(viewer.body.items).toHaveLength(5);
    expectError(await get(otherAdmin, `/v1/sampling/rounds/${round.id}`), 404, "NOT_FOUND");
    const list = await get(t.point2!, "/v1/sampling/rounds?year=2026");
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([round.id]);
    expect((await get(otherAdmin, "/v1/sampling/rounds?year=2026")).body.items).toEqual([]);
  });
});

describe("calling back", () => {
  it("gives the consumer's number only to those who call, and writes the read to the audit trail", async () => {
    const item = round.items[0];
    const contact = await get(t.bureau!, `/v1/sampling/rounds/${round.id}/items/${item.caseId}/contact`);
    expect(contact.status).toBe(200);
    expect(contact.body).toMatchObject({ name: "张桂芳", phone: "13812348000", trackingNo: item.trackingNo });
    const audit = await get(t.admin!, "/v1/audit/personal-data?month=2026-11");
    expect(
      audit.body.items.some(
        (e: { caseId: string; username: string }) => e.caseId === item.caseId && e.username === "bureau",
      ),
    ).toBe(true);
    for (const who of ["viewer", "station1"])
      expectError(
        await get(t[who]!, `/v1/sampling/rounds/${round.id}/items/${item.caseId}/contact`),
        403,
        "ROLE_FORBIDDEN",
      );
  });

  it("counts attempts: an unreached call leaves the item unreached, a reached one records the answer", async () => {
    const item = round.items[0];
    expectError(await callback(t.bureau!, item.caseId, { reached: true }), 400, "VALIDATION_FAILED");
    expectError(
      await callback(t.bureau!, item.caseId, { reached: false, result: "satisfied" }),
      400,
      "VALIDATION_FAILED",
    );
    expectError(
      await callback(t.bureau!, item.caseId, { reached: true, result: "fine" }),
      400,
      "VALIDATION_FAILED",
    );
    const miss = await callback(t.bureau!, item.caseId, { reached: false, note: "无人接听" });
    expect(miss.status).toBe(200);
    expect(miss.body).toMatchObject({
      attempts: 1,
      callback: { reached: false, result: null, note: "无人接听" },
    });
    let state = (await get(t.bureau!, `/v1/sampling/rounds/${round.id}`)).body;
    expect(state.progress).toMatchObject({ pending: 4, unreached: 1, reached: 0 });
    const hit = await callback(t.bureau!, item.caseId, { reached: true, result: "satisfied", note: "满意" });
    expect(hit.body).toMatchObject({
      attempts: 2,
      callback: { reached: true, result: "satisfied", byName: "县局 张敏" },
    });
    state = (await get(t.bureau!, `/v1/sampling/rounds/${round.id}`)).body;
    expect(state.progress).toMatchObject({ pending: 4, unreached: 0, reached: 1, satisfied: 1 });
    expectError(
      await callback(t.bureau!, item.caseId, { reached: true, result: "unsatisfied" }),
      422,
      "CALLBACK_DONE",
    );
    // the case's timeline shows the bureau's callback apart from the unit's own
    const c = (await get(t.bureau!, `/v1/cases/${item.caseId}`)).body;
    const entries = c.timeline.filter((e: { action: string }) => e.action === "sampling_callback");
    expect(entries.map((e: { data: { reached: boolean } }) => e.data.reached)).toEqual([false, true]);
    expect(c.callback).toBeUndefined();
  });

  it("opens a follow-up for the handling unit when the consumer is unsatisfied, and tells it", async () => {
    const item = round.items.find((i: { unitId: string }) => i.unitId === unitId("大口屯村"));
    const r = await callback(t.bureau!, item.caseId, {
      reached: true,
      result: "unsatisfied",
      issues: ["agreement_unfulfilled", "not_informed"],
      note: "商家至今未退款",
    });
    expect(r.status).toBe(200);
    expect(r.body.followUpId).toBeTruthy();
    const open = await get(t.point2!, "/v1/sampling/follow-ups?status=open");
    expect(open.body.items).toHaveLength(1);
    const f = open.body.items[0];
    expect(f).toMatchObject({
      caseId: item.caseId,
      unitId: unitId("大口屯村"),
      status: "open",
      issues: ["agreement_unfulfilled", "not_informed"],
    });
    // its station sees it too, the other office's side does not
    expect((await get(t.station2!, "/v1/sampling/follow-ups")).body.items).toHaveLength(1);
    expect((await get(t.station1!, "/v1/sampling/follow-ups")).body.items).toHaveLength(0);
    const notices = (await get(t.point2!, "/v1/notices")).body;
    expect(notices.items[0]).toMatchObject({
      kind: "callback_unsatisfied",
      ref: { type: "follow_up", id: f.id },
    });

    expectError(
      await post(t.bureau!, `/v1/sampling/follow-ups/${f.id}/close`, { version: 1, note: "x" }),
      403,
      "ROLE_FORBIDDEN",
    );
    expectError(
      await post(t.point1!, `/v1/sampling/follow-ups/${f.id}/close`, { version: 1, note: "x" }),
      404,
      "NOT_FOUND",
    );
    expectError(
      await post(t.point2!, `/v1/sampling/follow-ups/${f.id}/close`, { version: 7, note: "x" }),
      409,
      "VERSION_CONFLICT",
    );
    const closed = await post(t.point2!, `/v1/sampling/follow-ups/${f.id}/close`, {
      version: 1,
      note: "已督促商家退款，消费者确认收到",
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      status: "closed",
      version: 2,
      closing: { byName: "大口屯村点 李国强" },
    });
  });

  it("lets only the drawing side call: 403 for the governance office and stations, 404 for an unknown case", async () => {
    const item = round.items[2];
    expectError(await callback(t.viewer!, item.caseId, { reached: false }), 403, "ROLE_FORBIDDEN");
    expectError(await callback(t.station1!, item.caseId, { reached: false }), 403, "ROLE_FORBIDDEN");
    expectError(await callback(t.bureau!, "no-such-case", { reached: false }), 404, "NOT_FOUND");
    expectError(await callback(otherAdmin, item.caseId, { reached: false }), 404, "NOT_FOUND");
  });
});

describe("figures", () => {
  it("show the units' own (self-reported) satisfaction next to the bureau's verified one, and survive a rebuild", async () => {
    // point1 calls one of its own closed complaints back itself: self-reported, counted in November
    const own = round.items.find((i: { unitId: string }) => i.unitId === unitId("南关社区"));
    const c = (await get(t.point1!, `/v1/cases/${own.caseId}`)).body;
    await walk(t.point1!, c, { action: "callback", result: "satisfied" });
    const expected = {
      callbacks: 1,
      satisfactionRate: 1,
      sampled: 5,
      verifiedCallbacks: 2,
      verifiedSatisfied: 1,
      verifiedUnsatisfied: 1,
      verifiedCallbackRate: 2 / 5,
      verifiedSatisfactionRate: 1 / 2,
    };
    const summary = (await get(t.viewer!, "/v1/stats/summary?from=2026-10&to=2026-11")).body;
    expect(summary).toMatchObject(expected);
    expect(summary.byMonth.find((m: { month: string }) => m.month === "2026-10")).toMatchObject({
      sampled: 5,
    });
    const point2 = (
      await get(t.bureau!, `/v1/stats/summary?from=2026-10&to=2026-10&unitId=${unitId("大口屯村")}`)
    ).body;
    expect(point2).toMatchObject({ sampled: 2, verifiedCallbacks: 1, verifiedSatisfactionRate: 0 });

    const tenant = (await api.deps.control.tenants.getByCountyCode(county))!;
    await rebuildRollups(await api.deps.tenantAccess.forTenant(tenant.id));
    expect((await get(t.viewer!, "/v1/stats/summary?from=2026-10&to=2026-11")).body).toMatchObject(expected);
  });
});

describe("the reminder", () => {
  it("tells the bureau once, after the 5th working day, that last month has no round — not when it has one", async () => {
    const tenant = (await api.deps.control.tenants.getByCountyCode(county))!;
    const table = await api.deps.tenantAccess.forTenant(tenant.id);
    const reminders = async () =>
      (await get(t.admin!, "/v1/notices?limit=200")).body.items.filter(
        (n: { kind: string }) => n.kind === "sampling_reminder",
      );
    // October has its round: nothing on 9 November (past November's 5th working day, the 6th)
    expect((await dailySupervision(table, new Date("2026-11-09T00:10:00+08:00"))).reminded).toBe(0);
    // November has none: nothing on 7 December (the 5th working day itself), then once from the 8th on
    expect((await dailySupervision(table, new Date("2026-12-07T00:10:00+08:00"))).reminded).toBe(0);
    expect((await dailySupervision(table, new Date("2026-12-08T00:10:00+08:00"))).reminded).toBe(1);
    expect((await dailySupervision(table, new Date("2026-12-09T00:10:00+08:00"))).reminded).toBe(0);
    const sent = await reminders();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ ref: { type: "round" } });
    expect(sent[0].text).toContain("2026-11");
  });
});

describe("a draw interrupted half-way", () => {
  it("is finished by drawing again, with the recorded seed, counting nothing twice", async () => {
    const tenant = (await api.deps.control.tenants.getByCountyCode(county))!;
    const table = await api.deps.tenantAccess.forTenant(tenant.id);
    const office = units.find((u) => u.name.startsWith("宝平市场"));
    const officePath = `${units.find((u) => u.type === "bureau").id}/${office.id}`;
    // what a crashed POST left: the header still "drawing", the items and their figures written
    const population = await new ClosedComplaintsRepository(table).population("2026-10", officePath);
    const params = { share: 1, minPerUnit: 1, maxPerUnit: null, seed: 7 };
    const drawn = drawSample(population, params);
    const id = `2026-10.${office.id}`;
    const rounds = new RoundsRepository(table);
    await rounds.claim({
      id,
      month: "2026-10",
      unitId: office.id,
      scopePath: officePath,
      ...params,
      status: "drawing",
      drawnAt: "2026-11-03T10:00:00.000+08:00",
      drawnBy: "u",
      drawnByName: "宝平所 韩志刚",
      population: population.length,
      strata: drawn.strata,
      progress: {
        total: drawn.items.length,
        reached: 0,
        unreached: 0,
        pending: drawn.items.length,
        satisfied: 0,
        basically_satisfied: 0,
        unsatisfied: 0,
      },
      version: 1,
    });
    const items = drawn.items.map((c) => ({
      ...c,
      roundId: id,
      month: "2026-10",
      kind: "complaint" as const,
      attempts: 0,
      callback: null,
      followUpId: null,
    }));
    const figures = items.map((i) => ({
      unitIds: unitIdsOf(i.unitPath),
      month: "2026-10",
      counters: roundItemCounters(i),
    }));
    await rounds.writeDraw(id, items, figures);
    const before = (await get(t.bureau!, `/v1/stats/summary?from=2026-10&to=2026-10&unitId=${office.id}`))
      .body.sampled;

    // the office draws again with other parameters: the recorded ones win, and the round is finished
    const again = await post(t.office1!, "/v1/sampling/rounds", { month: "2026-10", share: 0.1, seed: 99 });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id, seed: 7, share: 1, status: "ready" });
    expect(again.body.items).toHaveLength(items.length);
    const after = (await get(t.bureau!, `/v1/stats/summary?from=2026-10&to=2026-10&unitId=${office.id}`)).body
      .sampled;
    expect(after).toBe(before);
    // counted once: the bureau's round's items in the office's subtree, and this round's
    const bureauRound = round.items.filter((i: { unitId: string }) =>
      [unitId("南关社区"), unitId("宝平街道")].includes(i.unitId),
    ).length;
    expect(before).toBe(bureauRound + items.length);
    expectError(await post(t.office1!, "/v1/sampling/rounds", { month: "2026-10" }), 409, "ROUND_EXISTS");
  });
});
