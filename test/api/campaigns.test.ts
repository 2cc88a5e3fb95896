import { createHash } from "node:crypto";
import { DeleteCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { DEMO_COUNTY } from "@weiquan/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, startApi, type TestApi } from "../support/api.ts";

/**
 * A 无传销社区 campaign (seed 003) in a fresh demo tenant: 8 active points, two under each of the 4
 * stations. Targets 90% created, 80% passed; a 100-point sheet with pass mark 80; one third checked.
 */
let api: TestApi;
const t: Record<string, string> = {};
const county = DEMO_COUNTY.countyCode;
// biome-ignore lint/suspicious/noExplicitAny: JSON from the API
let units: any[];
const unitId = (name: string) => units.find((u) => u.name.startsWith(name)).id as string;
let otherTenant: string;
const call = (method: string, path: string, token: string, body?: unknown) =>
  api.call(method, path, { token, body });

const fiveOnes = {
  contact_card: true,
  info_platform: true,
  open_letter: true,
  responsibility_letter: true,
  supervision_network: true,
};
const campaign = {
  name: "2026 年创建“无传销社区”活动",
  kind: "pyramid_free",
  year: "2026",
  deadline: "2026-09-15",
  targets: { creationRate: 0.9, passRate: 0.8 },
  scoreSheet: [
    { code: "lead", title: "组织领导", maxPoints: 20 },
    { code: "five", title: "“五个一”落实", maxPoints: 50 },
    { code: "publicity", title: "宣传教育", maxPoints: 30 },
  ],
  passMark: 80,
};
const scores = (lead: number, five: number, publicity: number) => ({
  inspectedAt: "2026-08-27",
  inspectors: ["张敏", "周平"],
  scores: [
    { code: "lead", points: lead },
    { code: "five", points: five },
    { code: "publicity", points: publicity },
  ],
});

beforeAll(async () => {
  api = await startApi({ demo: true, now: () => new Date("2026-08-20T10:00:00+08:00") });
  for (const who of ["admin", "bureau", "viewer", "office1", "station1", "station2", "point1", "point2"])
    t[who] = await api.login(county, who);
  units = (await call("GET", "/v1/units", t.admin)).body.items;
  const operator = await api.login("platform", "operator");
  await call("POST", "/v1/platform/tenants", operator, {
    countyCode: "130102",
    name: "石家庄市长安区市场监督管理局",
    admin: { username: "admin", displayName: "长安区管理员", password: "Other@2026" },
  });
  otherTenant = await api.login("130102", "admin", "Other@2026");
});
afterAll(() => api.close());

let id: string;
const created = (cid: string, name: string, token: string, body: object = { checklist: fiveOnes }) =>
  call("POST", `/v1/campaigns/${cid}/units/${unitId(name)}/created`, token, body);

describe("starting a campaign", () => {
  it("is the bureau's (403 for offices, stations, points and the governance viewer)", async () => {
    for (const who of ["office1", "station1", "point1", "viewer"])
      expectError(await call("POST", "/v1/campaigns", t[who]!, campaign), 403, "ROLE_FORBIDDEN");
  });

  it("refuses a score sheet that does not sum to 100 (422) and names bad fields (400)", async () => {
    const r = await call("POST", "/v1/campaigns", t.bureau, {
      ...campaign,
      scoreSheet: campaign.scoreSheet.slice(1),
    });
    expectError(r, 422, "SCORE_SHEET_NOT_100");
    const bad = await call("POST", "/v1/campaigns", t.bureau, {
      ...campaign,
      kind: "other_kind",
      targets: { creationRate: 90, passRate: 0.8 },
      sampleShare: 0,
    });
    expectError(bad, 400, "VALIDATION_FAILED");
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(["kind", "targets.creationRate", "sampleShare"]),
    );
  });

  it("enrols only visible, active points (404 unknown, 422 a station)", async () => {
    expectError(
      await call("POST", "/v1/campaigns", t.bureau, { ...campaign, unitIds: ["nope"] }),
      404,
      "NOT_FOUND",
    );
    expectError(
      await call("POST", "/v1/campaigns", t.bureau, { ...campaign, unitIds: [unitId("宝平街道")] }),
      422,
      "CAMPAIGN_UNIT_NOT_POINT",
    );
  });

  it("enrols every active point by default, counted per station, with the 五个一 as the checklist", async () => {
    const headers = { "idempotency-key": "campaign-1" };
    const r = await api.call("POST", "/v1/campaigns", { token: t.bureau, body: campaign, headers });
    const again = await api.call("POST", "/v1/campaigns", { token: t.bureau, body: campaign, headers });
    expect(again.body.id).toBe(r.body.id);
    expect(r.status).toBe(201);
    id = r.body.id;
    expect(r.body).toMatchObject({
      status: "active",
      year: "2026",
      deadline: "2026-09-15T23:59:59.999+08:00",
      sampleShare: 1 / 3,
      counts: { enrolled: 8, created: 0, inspected: 0, passed: 0, failed: 0 },
      sample: null,
      version: 1,
    });
    expect(r.body.checklist.map((c: { code: string }) => c.code)).toEqual(Object.keys(fiveOnes));
    expect(r.body.progress.stations).toHaveLength(4);
    expect(r.body.progress.stations[0]).toMatchObject({
      enrolled: 2,
      created: 0,
      creationRate: 0,
      meetsCreation: false,
    });
  });
});

describe("creating, unit by unit", () => {
  it("lets the point itself declare it created, with its checklist done", async () => {
    const r = await created(id, "南关社区", t.point1, { checklist: fiveOnes, note: "联系卡已发放到户" });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      status: "created",
      version: 2,
      inSample: false,
      creation: { note: "联系卡已发放到户", by: "南关社区点 陈桂兰" },
    });
  });

  it("hides other points from a point (404) and refuses the governance viewer (403)", async () => {
    expectError(await created(id, "城关社区", t.point1), 404, "NOT_FOUND");
    expectError(await created(id, "城关社区", t.viewer), 403, "ROLE_FORBIDDEN");
    expectError(await created(id, "城关社区", otherTenant), 404, "NOT_FOUND");
  });

  it("refuses an unfinished checklist and a second declaration (422), a stale version (409)", async () => {
    expectError(
      await created(id, "城关社区", t.station1, { checklist: { ...fiveOnes, open_letter: false } }),
      422,
      "CHECKLIST_INCOMPLETE",
    );
    expectError(await created(id, "南关社区", t.station1), 422, "CAMPAIGN_UNIT_STATE");
    const stale = await created(id, "城关社区", t.station1, { checklist: fiveOnes, version: 7 });
    expectError(stale, 409, "VERSION_CONFLICT");
    expect(stale.body.error.details.current).toMatchObject({ status: "enrolled", version: 1 });
    expectError(await created(id, "城关社区", t.station1, { checklist: "all" }), 400, "VALIDATION_FAILED");
  });

  it("counts progress against the target per station and in total", async () => {
    for (const [name, who] of [
      ["城关社区", "station1"],
      ["大口屯村", "point2"],
      ["小辛码头村", "station2"],
      ["海滨社区", "bureau"],
      ["钰华社区", "bureau"],
      ["王卜庄村", "admin"],
    ] as const)
      expect((await created(id, name, t[who]!)).status).toBe(200);
    const r = await call("GET", `/v1/campaigns/${id}`, t.viewer);
    expect(r.body.progress.total).toMatchObject({
      enrolled: 8,
      created: 7,
      creationRate: 0.875,
      meetsCreation: false,
    });
    const station4 = r.body.progress.stations.find((s: { stationName: string }) =>
      s.stationName.startsWith("王卜庄"),
    );
    expect(station4).toMatchObject({ enrolled: 2, created: 1, creationRate: 0.5 });
  });
});

let sampledIds: string[];
/** station1's sampled unit, and the other three. */
let mineToCheck: string;
let others: string[];
describe("the one-third sample for on-site checks", () => {
  it("is drawn by the bureau only, per station, with its seed recorded; once (409)", async () => {
    expectError(await call("POST", `/v1/campaigns/${id}/sample`, t.station1, {}), 403, "ROLE_FORBIDDEN");
    expectError(await call("POST", `/v1/campaigns/${id}/sample`, t.viewer, {}), 403, "ROLE_FORBIDDEN");
    const r = await call("POST", `/v1/campaigns/${id}/sample`, t.bureau, { seed: 20260826 });
    expect(r.status).toBe(200);
    expect(r.body.sample).toMatchObject({ seed: 20260826, share: 1 / 3, size: 4, drawnBy: "县局 张敏" });
    expect(
      r.body.sample.stations.map((s: { created: number; drawn: number }) => [s.created, s.drawn]).sort(),
    ).toEqual([
      [1, 1],
      [2, 1],
      [2, 1],
      [2, 1],
    ]);
    expectError(await call("POST", `/v1/campaigns/${id}/sample`, t.bureau, {}), 409, "SAMPLE_EXISTS");
    const list = await call("GET", `/v1/campaigns/${id}/units?sampled=true`, t.bureau);
    sampledIds = list.body.items.map((u: { unitId: string }) => u.unitId);
    expect(sampledIds).toHaveLength(4);
    const station1 = (await call("GET", `/v1/campaigns/${id}/units?sampled=true`, t.station1)).body.items;
    expect(station1).toHaveLength(1);
    mineToCheck = station1[0].unitId;
    others = sampledIds.filter((u) => u !== mineToCheck);
    expect(list.body.items.every((u: { inSample: boolean }) => u.inSample)).toBe(true);
    // Each drawn unit shows its lot, which anyone can recompute from the seed and the unit's id.
    for (const u of list.body.items)
      expect(u.lot).toBe(createHash("sha256").update(`20260826:${u.unitId}`).digest("hex"));
  });

  it("is re-drawn identically from the same seed and the same created units", async () => {
    const again = (await call("POST", "/v1/campaigns", t.bureau, { ...campaign, name: "复核" })).body.id;
    for (const name of ["南关社区", "城关社区", "大口屯村", "小辛码头村", "海滨社区", "钰华社区", "王卜庄村"])
      expect((await created(again, name, t.bureau)).status).toBe(200);
    await call("POST", `/v1/campaigns/${again}/sample`, t.bureau, { seed: 20260826 });
    const list = await call("GET", `/v1/campaigns/${again}/units?sampled=true`, t.bureau);
    expect(list.body.items.map((u: { unitId: string }) => u.unitId)).toEqual(sampledIds);
  });

  it("cannot be drawn with a malformed seed (400)", async () => {
    expectError(
      await call("POST", `/v1/campaigns/${id}/sample`, t.bureau, { seed: "abc" }),
      400,
      "VALIDATION_FAILED",
    );
  });
});

describe("on-site checks", () => {
  const inspect = (name: string | undefined, token: string, body: object, uid = unitId(name!)) =>
    call("POST", `/v1/campaigns/${id}/units/${uid}/inspection`, token, body);

  it("scores a created unit against the sheet and passes it at the pass mark", async () => {
    const r = await inspect(undefined, t.bureau, scores(18, 45, 25), others[0]);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      status: "passed",
      inspection: { total: 88, passed: true, inspectors: ["张敏", "周平"] },
    });
    const failed = await inspect(undefined, t.bureau, scores(10, 40, 20), others[1]);
    expect(failed.body).toMatchObject({ status: "failed", inspection: { total: 70, passed: false } });
  });

  it("lets an office check in its own subtree only; points and stations may not (403)", async () => {
    expectError(await inspect(undefined, t.station1, scores(20, 50, 30), mineToCheck), 403, "ROLE_FORBIDDEN");
    const r = await inspect(undefined, t.office1, scores(20, 50, 30), mineToCheck);
    expect(r.body).toMatchObject({ status: "passed", inspection: { total: 100 } });
    expectError(await inspect("大口屯村", t.office1, scores(20, 50, 30)), 404, "NOT_FOUND");
  });

  it("refuses a unit not created, missing or excessive scores (422)", async () => {
    expectError(await inspect("东老口村", t.bureau, scores(20, 50, 30)), 422, "CAMPAIGN_UNIT_STATE");
    const open = others[2]!;
    expectError(await inspect(undefined, t.bureau, scores(21, 50, 30), open), 422, "POINTS_OUT_OF_RANGE");
    expectError(
      await inspect(undefined, t.bureau, { ...scores(1, 1, 1), scores: [{ code: "lead", points: 1 }] }, open),
      422,
      "SCORES_INCOMPLETE",
    );
    const bad = await inspect(
      undefined,
      t.bureau,
      { inspectedAt: "yesterday", inspectors: [], scores: [] },
      open,
    );
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      "inspectedAt",
      "inspectors",
      "scores",
    ]);
  });

  it("shows pass rate against the target and masks inspectors' names for the governance viewer", async () => {
    const r = await call("GET", `/v1/campaigns/${id}`, t.viewer);
    expect(r.body.progress.total).toMatchObject({
      inspected: 3,
      passed: 2,
      failed: 1,
      sampled: 4,
      meetsPass: false,
    });
    expect(r.body.progress.total.passRate).toBeCloseTo(2 / 3);
    const unit = (await call("GET", `/v1/campaigns/${id}/units/${others[0]}`, t.viewer)).body;
    expect(unit.inspection.inspectors).toEqual(["张*", "周*"]);
  });
});

describe("editing and closing", () => {
  it("edits with version (409 stale); the sheet is fixed once a unit was checked (422)", async () => {
    const cur = (await call("GET", `/v1/campaigns/${id}`, t.bureau)).body;
    expectError(
      await call("PATCH", `/v1/campaigns/${id}`, t.bureau, { version: cur.version + 1, name: "x" }),
      409,
      "VERSION_CONFLICT",
    );
    expectError(
      await call("PATCH", `/v1/campaigns/${id}`, t.bureau, { version: cur.version, passMark: 60 }),
      422,
      "CAMPAIGN_INSPECTED",
    );
    expectError(
      await call("PATCH", `/v1/campaigns/${id}`, t.station1, { version: cur.version, name: "x" }),
      403,
      "ROLE_FORBIDDEN",
    );
    const r = await call("PATCH", `/v1/campaigns/${id}`, t.bureau, {
      version: cur.version,
      deadline: "2026-09-30",
    });
    expect(r.body).toMatchObject({ version: cur.version + 1, deadline: "2026-09-30T23:59:59.999+08:00" });
  });

  it("is read-only once closed (422 CAMPAIGN_NOT_ACTIVE)", async () => {
    const cur = (await call("GET", `/v1/campaigns/${id}`, t.bureau)).body;
    await call("PATCH", `/v1/campaigns/${id}`, t.bureau, { version: cur.version, status: "closed" });
    expectError(await created(id, "东老口村", t.bureau), 422, "CAMPAIGN_NOT_ACTIVE");
  });

  it("lists campaigns by year for every role; another tenant sees none of them (404)", async () => {
    const r = await call("GET", "/v1/campaigns?year=2026", t.point2);
    expect(r.body.items.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(["复核", campaign.name]),
    );
    expectError(await call("GET", `/v1/campaigns/${id}`, otherTenant), 404, "NOT_FOUND");
    expectError(await call("GET", `/v1/campaigns/${id}/units`, otherTenant), 404, "NOT_FOUND");
  });

  it("lists a station's units only to it, in tree order, with a cursor", async () => {
    const mine = await call("GET", `/v1/campaigns/${id}/units`, t.station1);
    expect(mine.body.items.map((u: { unitName: string }) => u.unitName.slice(0, 4)).sort()).toEqual([
      "南关社区",
      "城关社区",
    ]);
    const first = await call("GET", `/v1/campaigns/${id}/units?limit=3`, t.bureau);
    expect(first.body.items).toHaveLength(3);
    const rest = await call(
      "GET",
      `/v1/campaigns/${id}/units?limit=10&cursor=${first.body.nextCursor}`,
      t.bureau,
    );
    expect(rest.body.items).toHaveLength(5);
    const enrolled = await call("GET", `/v1/campaigns/${id}/units?status=enrolled`, t.bureau);
    expect(enrolled.body.items.map((u: { unitName: string }) => u.unitName)).toEqual([
      "东老口村消费维权服务点",
    ]);
  });
});

describe("a creation interrupted half-way", () => {
  it("is finished by the retry with the same Idempotency-Key, its units and counts all written", async () => {
    const body = { ...campaign, name: "中断后重试" };
    const headers = { "idempotency-key": "campaign-interrupted" };
    const first = await api.call("POST", "/v1/campaigns", { token: t.bureau, body, headers });
    expect(first.status).toBe(201);
    // what a crashed POST left: the campaign still "creating" with its roster, no stations or units yet
    const tenant = (await api.deps.control.tenants.getByCountyCode(county))!;
    const table = await api.deps.tenantAccess.forTenant(tenant.id);
    const pk = `CAMP#${first.body.id}`;
    const parts = await table.doc.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: "PK = :pk",
        ExpressionAttributeValues: { ":pk": pk },
      }),
    );
    for (const item of parts.Items ?? []) {
      if (/^(STAT|UNIT)#/.test(item.SK))
        await table.doc.send(new DeleteCommand({ TableName: table.tableName, Key: { PK: pk, SK: item.SK } }));
    }
    await table.doc.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: { PK: pk, SK: "CAMP" },
        UpdateExpression: "SET #s = :c",
        ExpressionAttributeNames: { "#s": "status" },
        ExpressionAttributeValues: { ":c": "creating" },
      }),
    );
    const half = await call("GET", `/v1/campaigns/${first.body.id}`, t.bureau);
    expect(half.body.status).toBe("creating");

    const retry = await api.call("POST", "/v1/campaigns", { token: t.bureau, body, headers });
    expect(retry).toMatchObject({ status: 201, body: { id: first.body.id, status: "active" } });
    const read = await call("GET", `/v1/campaigns/${first.body.id}`, t.bureau);
    expect(read.body).toMatchObject({ status: "active", counts: { enrolled: 8 } });
    const listed = await call("GET", `/v1/campaigns/${first.body.id}/units?limit=20`, t.bureau);
    expect(listed.body.items).toHaveLength(8);
  });
});
