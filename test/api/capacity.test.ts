import { DEMO_COUNTY } from "@weiquan/local";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiResponse, expectError, startApi, type TestApi } from "../support/api.ts";
import { samplePng, upload } from "../support/files.ts";

/**
 * Trainings, publicity, warnings and volunteers through the API: happy paths with their figures, and for
 * each the contract's errors — 400 with field paths, 404 across tenants and subtrees, 409 on a stale
 * version, 403 for roles that may not write.
 */
let api: TestApi;
const t: Record<string, string> = {};
let other: string;
// biome-ignore lint/suspicious/noExplicitAny: JSON from the API
let units: any[];
const county = DEMO_COUNTY.countyCode;
const unit = (name: string) => units.find((u) => u.name.startsWith(name)).id as string;
const paths = (r: ApiResponse) =>
  [...new Set((r.body.error.details as { path: string }[]).map((d) => d.path))].sort();

beforeAll(async () => {
  api = await startApi({ demo: true, now: () => new Date("2026-11-20T02:00:00Z") });
  for (const who of ["admin", "bureau", "viewer", "office1", "station1", "station2", "point1", "point2"])
    t[who] = await api.login(county, who);
  units = (await api.call("GET", "/v1/units", { token: t.admin })).body.items;
  const operator = await api.login("platform", "operator");
  await api.call("POST", "/v1/platform/tenants", {
    token: operator,
    body: {
      countyCode: "130104",
      name: "石家庄市桥西区市场监督管理局",
      admin: { username: "admin", displayName: "桥西区管理员", password: "Other@2026" },
    },
  });
  other = await api.login("130104", "admin", "Other@2026");
}, 180_000);
afterAll(() => api.close());

const trainingBody = (over: Record<string, unknown> = {}) => ({
  title: "《市场监督管理投诉举报处理办法》业务培训",
  format: "lecture",
  heldAt: "2026-11-18",
  hours: 2,
  place: "宝平街道便民服务中心二楼会议室",
  organizerUnitId: unit("宝平街道"),
  attendeeUnitIds: [unit("宝平街道"), unit("南关社区")],
  attendees: [{ name: "刘秀英", unitId: unit("宝平街道") }],
  ...over,
});

describe("trainings", () => {
  // biome-ignore lint/suspicious/noExplicitAny: JSON from the API
  let training: any;

  it("a station records a training with a photo; the figures and the coverage count it", async () => {
    const photo = await upload(api, t.station1!, { bytes: samplePng() });
    const r = await api.call("POST", "/v1/trainings", {
      token: t.station1,
      body: trainingBody({ attachmentIds: [photo.id] }),
    });
    expect(r.status).toBe(201);
    training = r.body;
    expect(training).toMatchObject({
      format: "lecture",
      heldAt: "2026-11-18T00:00:00.000+08:00",
      version: 1,
      attachments: [{ id: photo.id, contentType: "image/png" }],
    });
    const coverage = await api.call("GET", "/v1/trainings/coverage?year=2026", { token: t.station1 });
    expect(coverage.body.minimumPerYear).toBe(2);
    expect(coverage.body.units.find((u: { unitId: string }) => u.unitId === unit("南关社区"))).toMatchObject({
      attended: 1,
      met: false,
    });
    // The photo is now as visible as the training: the point that attended sees it, another station not.
    expect((await api.call("GET", `/v1/attachments/${photo.id}`, { token: t.admin })).status).toBe(200);
    expectError(
      await api.call("GET", `/v1/attachments/${photo.id}`, { token: t.station2 }),
      404,
      "NOT_FOUND",
    );
  });

  it("lists it for the units on its paths and the bureau, never for another subtree or tenant", async () => {
    for (const who of ["admin", "viewer", "office1", "station1", "point1"]) {
      const list = await api.call("GET", "/v1/trainings?year=2026", { token: t[who] });
      expect(
        list.body.items.map((x: { id: string }) => x.id),
        who,
      ).toContain(training.id);
    }
    expect((await api.call("GET", "/v1/trainings?year=2026", { token: t.station2 })).body.items).toEqual([]);
    expectError(
      await api.call("GET", `/v1/trainings/${training.id}`, { token: t.station2 }),
      404,
      "NOT_FOUND",
    );
    expectError(await api.call("GET", `/v1/trainings/${training.id}`, { token: other }), 404, "NOT_FOUND");
  });

  it("refuses bad input with the fields' paths", async () => {
    const r = await api.call("POST", "/v1/trainings", {
      token: t.station1,
      body: { ...trainingBody(), format: "nap", heldAt: "yesterday", attendeeUnitIds: [], hours: 0.3 },
    });
    expectError(r, 400, "VALIDATION_FAILED");
    expect(paths(r)).toEqual(["attendeeUnitIds", "format", "heldAt", "hours"]);
  });

  it("answers 404 for units outside the caller's subtree and 403 for roles that may not record", async () => {
    expectError(
      await api.call("POST", "/v1/trainings", {
        token: t.station1,
        body: trainingBody({ attendeeUnitIds: [unit("大口屯村")], attendees: [] }),
      }),
      404,
      "NOT_FOUND",
    );
    for (const who of ["point1", "viewer"])
      expectError(
        await api.call("POST", "/v1/trainings", {
          token: t[who],
          body: trainingBody({ organizerUnitId: who === "point1" ? unit("南关社区") : unit("宝平街道") }),
        }),
        403,
        "TRAINING_FORBIDDEN",
      );
  });

  it("edits with the version read (409 with the current item when stale) and moves the figures", async () => {
    const edited = await api.call("PATCH", `/v1/trainings/${training.id}`, {
      token: t.station1,
      body: { version: 1, attendeeUnitIds: [unit("宝平街道")], topic: "受理时限" },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, topic: "受理时限", attendees: [{ name: "刘秀英" }] });
    const stale = await api.call("PATCH", `/v1/trainings/${training.id}`, {
      token: t.station1,
      body: { version: 1, title: "旧版本" },
    });
    expectError(stale, 409, "VERSION_CONFLICT");
    expect(stale.body.error.details.current.version).toBe(2);
    const coverage = await api.call("GET", "/v1/trainings/coverage?year=2026", { token: t.station1 });
    expect(coverage.body.units.find((u: { unitId: string }) => u.unitId === unit("南关社区")).attended).toBe(
      0,
    );
    expectError(
      await api.call("DELETE", `/v1/trainings/${training.id}?version=1`, { token: t.station1 }),
      409,
      "VERSION_CONFLICT",
    );
    expect(
      (await api.call("DELETE", `/v1/trainings/${training.id}?version=2`, { token: t.station1 })).status,
    ).toBe(204);
    const after = await api.call("GET", "/v1/trainings/coverage?year=2026", { token: t.station1 });
    expect(after.body.units.every((u: { attended: number }) => u.attended === 0)).toBe(true);
  });
});

describe("publicity", () => {
  // biome-ignore lint/suspicious/noExplicitAny: JSON from the API
  let event: any;
  let photoId: string;
  const stall = (over: Record<string, unknown> = {}) => ({
    unitId: unit("南关社区"),
    kind: "consultation_stall",
    title: "3·15 消费维权咨询台",
    heldAt: "2026-03-15",
    place: "南关大街农贸市场门口",
    peopleReached: 160,
    materials: 400,
    campaign: "consumer_rights_day",
    ...over,
  });

  it("a point records a 3·15 stall with a photo; its subtree's lists and figures have it", async () => {
    const photo = await upload(api, t.point1!, { bytes: samplePng() });
    photoId = photo.id;
    const r = await api.call("POST", "/v1/publicity", {
      token: t.point1,
      body: stall({ attachmentIds: [photo.id] }),
    });
    expect(r.status).toBe(201);
    event = r.body;
    for (const who of ["point1", "station1", "office1", "admin", "viewer"]) {
      const list = await api.call("GET", "/v1/publicity?from=2026-01&to=2026-12", { token: t[who] });
      expect(
        list.body.items.map((x: { id: string }) => x.id),
        who,
      ).toContain(event.id);
    }
    expect((await api.call("GET", "/v1/publicity?from=2026-01", { token: t.station2 })).body.items).toEqual(
      [],
    );
    expectError(await api.call("GET", `/v1/publicity/${event.id}`, { token: t.point2 }), 404, "NOT_FOUND");
    expectError(await api.call("GET", `/v1/publicity/${event.id}`, { token: other }), 404, "NOT_FOUND");
    expect((await api.call("GET", `/v1/attachments/${photo.id}`, { token: t.station1 })).status).toBe(200);
    expectError(await api.call("GET", `/v1/attachments/${photo.id}`, { token: t.point2 }), 404, "NOT_FOUND");
  });

  it("refuses a file that another record already holds", async () => {
    const r = await api.call("POST", "/v1/publicity", {
      token: t.point1,
      body: stall({ attachmentIds: [photoId] }),
    });
    expectError(r, 422, "ATTACHMENT_LINKED");
    expect(paths(r)).toEqual(["attachmentIds.0"]);
  });

  it("refuses bad input with paths, other subtrees with 404 and the governance viewer with 403", async () => {
    const bad = await api.call("POST", "/v1/publicity", {
      token: t.point1,
      body: { ...stall(), kind: "parade", peopleReached: -1, title: "" },
    });
    expect(paths(bad)).toEqual(["kind", "peopleReached", "title"]);
    expectError(
      await api.call("POST", "/v1/publicity", { token: t.point1, body: stall({ unitId: unit("大口屯村") }) }),
      404,
      "NOT_FOUND",
    );
    expectError(
      await api.call("POST", "/v1/publicity", { token: t.viewer, body: stall() }),
      403,
      "PUBLICITY_FORBIDDEN",
    );
  });

  it("edits with versions, moving the figures to the new month", async () => {
    const moved = await api.call("PATCH", `/v1/publicity/${event.id}`, {
      token: t.station1,
      body: { version: 1, heldAt: "2026-04-02", peopleReached: 200, materials: null },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      version: 2,
      peopleReached: 200,
      heldAt: "2026-04-02T00:00:00.000+08:00",
    });
    expect(moved.body.materials).toBeUndefined();
    expectError(
      await api.call("PATCH", `/v1/publicity/${event.id}`, {
        token: t.point1,
        body: { version: 1, title: "x" },
      }),
      409,
      "VERSION_CONFLICT",
    );
    const march = await api.call("GET", "/v1/publicity?from=2026-03&to=2026-03", { token: t.point1 });
    expect(march.body.items).toEqual([]);
    const april = await api.call("GET", "/v1/publicity?from=2026-04&to=2026-04&kind=consultation_stall", {
      token: t.admin,
    });
    expect(april.body.items).toHaveLength(1);
  });
});

describe("warnings", () => {
  // biome-ignore lint/suspicious/noExplicitAny: JSON from the API
  let warning: any;

  it("the bureau sends a food-safety warning to every point; each gets a notice in the bell", async () => {
    const r = await api.call("POST", "/v1/warnings", {
      token: t.bureau,
      body: {
        title: "关于近期散装白酒甲醇超标的消费警示",
        body: "近期抽检发现部分散装白酒甲醇超标，请各服务点提醒村民不要购买来源不明的散装白酒。",
        category: "food",
        severity: "urgent",
        audience: { types: ["point"] },
      },
    });
    expect(r.status).toBe(201);
    warning = r.body;
    expect(warning).toMatchObject({ acked: 0, ackRate: 0, delivered: true });
    expect(warning.audienceTotal).toBeGreaterThanOrEqual(2);
    const bell = await api.call("GET", "/v1/notices", { token: t.point1 });
    expect(bell.body.items[0]).toMatchObject({
      kind: "warning",
      ref: { type: "warning", id: warning.id },
      read: false,
    });
    const inbox = await api.call("GET", "/v1/warnings?status=unacked", { token: t.point1 });
    expect(inbox.body.items.map((w: { id: string }) => w.id)).toEqual([warning.id]);
  });

  it("a point acknowledges it once (a repeat keeps the first time); the sender sees who has not", async () => {
    const first = await api.call("POST", `/v1/warnings/${warning.id}/ack`, { token: t.point1 });
    expect(first.status).toBe(200);
    const again = await api.call("POST", `/v1/warnings/${warning.id}/ack`, { token: t.point1 });
    expect(again.body.ackedAt).toBe(first.body.ackedAt);
    expect((await api.call("GET", "/v1/warnings?status=unacked", { token: t.point1 })).body.items).toEqual(
      [],
    );
    const seen = await api.call("GET", `/v1/warnings/${warning.id}`, { token: t.bureau });
    expect(seen.body.acked).toBe(1);
    const row = (id: string) => seen.body.audienceUnits.find((u: { unitId: string }) => u.unitId === id);
    expect(row(unit("南关社区")).ackedAt).toBe(first.body.ackedAt);
    expect(row(unit("大口屯村")).ackedAt).toBeUndefined();
    // The point sees its own row only; the governance office reads names masked.
    const own = await api.call("GET", `/v1/warnings/${warning.id}`, { token: t.point1 });
    expect(own.body.audienceUnits).toHaveLength(1);
    const masked = await api.call("GET", `/v1/warnings/${warning.id}`, { token: t.viewer });
    expect(masked.body.audienceUnits.find((u: { ackedBy?: string }) => u.ackedBy).ackedBy).toContain("*");
  });

  it("reminds the units that have not acknowledged, at most once an hour", async () => {
    const r = await api.call("POST", `/v1/warnings/${warning.id}/remind`, { token: t.bureau });
    expect(r.body.reminded).toBe(warning.audienceTotal - 1);
    expect((await api.call("GET", "/v1/notices", { token: t.point2 })).body.items[0].kind).toBe(
      "warning_reminder",
    );
    expectError(
      await api.call("POST", `/v1/warnings/${warning.id}/remind`, { token: t.bureau }),
      422,
      "REMINDED_RECENTLY",
    );
  });

  it("stands on the 工作台 of the units that have not acknowledged it, and leaves it once they have", async () => {
    const sections = async (who: string) =>
      (await api.call("GET", "/v1/worklist", { token: t[who] })).body.sections as {
        key: string;
        count: number;
        items: { id: string; href: string }[];
      }[];
    const waiting = (await sections("point2")).find((s) => s.key === "warnings.toAck");
    expect(waiting?.items.map((i) => i.id)).toContain(warning.id);
    expect(waiting?.items[0]?.href).toBe(`/outreach/warnings/${warning.id}`);
    const done = (await sections("point1")).find((s) => s.key === "warnings.toAck");
    expect(done?.items.map((i) => i.id) ?? []).not.toContain(warning.id);
    expect((await sections("viewer")).some((s) => s.key === "warnings.toAck")).toBe(false);
  });

  it("is sent only by the bureau and offices, read only by its sides, acknowledged only by its audience", async () => {
    const body = { title: "提示", body: "内容", category: "scam", severity: "info" };
    expectError(
      await api.call("POST", "/v1/warnings", { token: t.station1, body }),
      403,
      "WARNING_FORBIDDEN",
    );
    const bad = await api.call("POST", "/v1/warnings", {
      token: t.bureau,
      body: { ...body, severity: "loud", audience: { types: ["bureau"] } },
    });
    expect(paths(bad)).toEqual(["audience.types.0", "severity"]);
    expectError(
      await api.call("POST", "/v1/warnings", {
        token: t.office1,
        body: { ...body, audience: { unitIds: [unit("大口屯村")] } },
      }),
      404,
      "NOT_FOUND",
    );
    // The bureau sees it (its sender) but is not in its audience; a station is neither.
    expectError(
      await api.call("POST", `/v1/warnings/${warning.id}/ack`, { token: t.bureau }),
      403,
      "NOT_IN_AUDIENCE",
    );
    expectError(
      await api.call("POST", `/v1/warnings/${warning.id}/ack`, { token: t.station1 }),
      404,
      "NOT_FOUND",
    );
    expectError(await api.call("GET", `/v1/warnings/${warning.id}`, { token: other }), 404, "NOT_FOUND");
    expectError(await api.call("POST", `/v1/warnings/${warning.id}/ack`, { token: other }), 404, "NOT_FOUND");
  });
});

describe("volunteers", () => {
  // biome-ignore lint/suspicious/noExplicitAny: JSON from the API
  let volunteer: any;
  const person = () => ({
    unitId: unit("南关社区"),
    name: "赵德明",
    phone: "13702218888",
    joinedAt: "2025-03-15",
    skills: ["法律咨询"],
  });

  it("a point adds a volunteer; the unit and the bureau see them whole, the station and the viewer masked", async () => {
    const r = await api.call("POST", "/v1/volunteers", { token: t.point1, body: person() });
    expect(r.status).toBe(201);
    volunteer = r.body;
    expect(volunteer).toMatchObject({
      name: "赵德明",
      phone: "13702218888",
      status: "active",
      masked: false,
    });
    const byStation = await api.call("GET", `/v1/volunteers?unitId=${unit("宝平街道")}`, {
      token: t.station1,
    });
    expect(byStation.body.items[0]).toMatchObject({ name: "赵**", phone: "137****8888", masked: true });
    expect((await api.call("GET", `/v1/volunteers/${volunteer.id}`, { token: t.bureau })).body.masked).toBe(
      false,
    );
    expect((await api.call("GET", `/v1/volunteers/${volunteer.id}`, { token: t.viewer })).body.masked).toBe(
      true,
    );
    expectError(
      await api.call("GET", `/v1/volunteers/${volunteer.id}`, { token: t.point2 }),
      404,
      "NOT_FOUND",
    );
    expectError(await api.call("GET", `/v1/volunteers/${volunteer.id}`, { token: other }), 404, "NOT_FOUND");
    expect((await api.call("GET", "/v1/volunteers", { token: t.station2 })).body.items).toEqual([]);
  });

  it("is written only by the bureau admin and the unit's own staff, with versions", async () => {
    expectError(
      await api.call("POST", "/v1/volunteers", { token: t.station1, body: person() }),
      403,
      "VOLUNTEER_FORBIDDEN",
    );
    expectError(
      await api.call("POST", "/v1/volunteers", { token: t.viewer, body: person() }),
      403,
      "VOLUNTEER_FORBIDDEN",
    );
    const bad = await api.call("POST", "/v1/volunteers", {
      token: t.point1,
      body: { ...person(), phone: "电话", status: "gone" },
    });
    expect(paths(bad)).toEqual(["phone", "status"]);
    const left = await api.call("PATCH", `/v1/volunteers/${volunteer.id}`, {
      token: t.admin,
      body: { version: 1, status: "left" },
    });
    expect(left.body).toMatchObject({ status: "left", version: 2 });
    expectError(
      await api.call("PATCH", `/v1/volunteers/${volunteer.id}`, {
        token: t.point1,
        body: { version: 1, name: "赵明" },
      }),
      409,
      "VERSION_CONFLICT",
    );
    expect((await api.call("GET", "/v1/volunteers?status=active", { token: t.point1 })).body.items).toEqual(
      [],
    );
  });
});

describe("figures", () => {
  it("the dashboard counts trainings, publicity and warnings for each unit and every unit above it", async () => {
    const year = "from=2026-01&to=2026-12";
    const bureau = (await api.call("GET", `/v1/stats/summary?${year}`, { token: t.admin })).body;
    expect(bureau).toMatchObject({
      trainingsHeld: 0,
      publicityEvents: 1,
      peopleReached: 200,
      materialsHandedOut: 0,
    });
    expect(bureau.warningsReceived).toBeGreaterThanOrEqual(2);
    expect(bureau.warningsAcked).toBe(1);
    const point = (await api.call("GET", `/v1/stats/summary?${year}`, { token: t.point1 })).body;
    expect(point).toMatchObject({
      warningsReceived: 1,
      warningsAcked: 1,
      warningAckRate: 1,
      consumerRightsDayEvents: 1,
    });
    const other = (await api.call("GET", `/v1/stats/summary?${year}`, { token: t.point2 })).body;
    expect(other).toMatchObject({
      publicityEvents: 0,
      warningsReceived: 1,
      warningsAcked: 0,
      warningAckRate: 0,
    });
    const station = await api.call("GET", `/v1/stats/summary?${year}&unitId=${unit("宝平街道")}`, {
      token: t.station1,
    });
    const kinds = station.body.publicityByKind as { kind: string; events: number }[];
    expect(kinds.map((k) => k.kind)).toContain("contest");
    expect(kinds.find((k) => k.kind === "consultation_stall")?.events).toBe(1);
    expect(kinds.filter((k) => k.kind !== "consultation_stall").every((k) => k.events === 0)).toBe(true);
  });
});

describe("workbooks", () => {
  /** A workbook's sheets as rows of cell texts; no cell may be a formula. */
  async function workbook(token: string | undefined, path: string) {
    const res = await fetch(api.url + path, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="[\w.-]+"; filename\*=UTF-8''/,
    );
    const wb = new ExcelJS.Workbook();
    // biome-ignore lint/suspicious/noExplicitAny: exceljs types want a Node Buffer
    await wb.xlsx.load((await res.arrayBuffer()) as any);
    const sheets: Record<string, string[][]> = {};
    wb.eachSheet((ws) => {
      const rows: string[][] = [];
      ws.eachRow((row) => {
        const cells: string[] = [];
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          cells.push(String(cell.value));
        });
        rows.push(cells);
      });
      sheets[ws.name] = rows;
    });
    return sheets;
  }

  it("exports the trainings a unit sees, formula-like text kept as text; another subtree's unit is a 404", async () => {
    const title = '=HYPERLINK("http://evil.example","点我") 业务培训';
    const r = await api.call("POST", "/v1/trainings", {
      token: t.station1,
      body: trainingBody({ title, heldAt: "2026-11-19" }),
    });
    expect(r.status).toBe(201);
    const mine = await workbook(t.station1, "/v1/trainings/export.xlsx?year=2026");
    expect(mine["业务培训"]![0]).toEqual(expect.arrayContaining(["日期", "培训名称", "参训单位"]));
    const row = mine["业务培训"]!.find((cells) => cells.includes(`'${title}`));
    expect(row).toEqual(expect.arrayContaining(["2026-11-19", "集中授课", "刘秀英"]));
    const theirs = await workbook(t.station2, "/v1/trainings/export.xlsx?year=2026");
    expect(theirs["业务培训"]!.some((cells) => cells.includes(`'${title}`))).toBe(false);
    expectError(
      await api.call("GET", `/v1/trainings/export.xlsx?unitId=${unit("宝平街道")}`, { token: t.station2 }),
      404,
      "NOT_FOUND",
    );
    const bad = await api.call("GET", "/v1/trainings/export.xlsx?year=26", { token: t.station1 });
    expect(bad.status).toBe(400);
  });

  it("exports publicity by the list's filters", async () => {
    const all = await workbook(t.bureau, "/v1/publicity/export.xlsx?from=2026-01&to=2026-12");
    expect(all["宣传活动"]!.length).toBeGreaterThan(1);
    expect(all["宣传活动"]!.flat()).toContain("3·15 国际消费者权益日");
    const media = await workbook(t.bureau, "/v1/publicity/export.xlsx?from=2026-01&to=2026-12&kind=media");
    expect(media["宣传活动"]!.length).toBe(1);
    expect((await api.call("GET", "/v1/publicity/export.xlsx?kind=poster", { token: t.bureau })).status).toBe(
      400,
    );
  });

  it("exports warnings with each unit's acknowledgement for the sender, and a unit's own for its inbox", async () => {
    const sent = await workbook(t.bureau, "/v1/warnings/export.xlsx?box=sent");
    expect(sent["发出的警示"]!.flat()).toContain("关于近期散装白酒甲醇超标的消费警示");
    const rows = sent["各单位签收情况"]!.filter((cells) => cells[0] === "关于近期散装白酒甲醇超标的消费警示");
    expect(rows.map((cells) => cells[3])).toEqual(expect.arrayContaining(["已签收", "未签收"]));
    const inbox = await workbook(t.point2, "/v1/warnings/export.xlsx");
    expect(Object.keys(inbox)).toEqual(["收到的警示"]);
    expect(inbox["收到的警示"]!.slice(1).map((cells) => cells[5])).toContain("未签收");
  });

  it("exports the volunteer roster masked as the list is", async () => {
    const station = await workbook(t.station1, `/v1/volunteers/export.xlsx?unitId=${unit("宝平街道")}`);
    expect(station["维权志愿者"]![1]).toEqual(expect.arrayContaining(["赵**", "137****8888", "已退出"]));
    const bureau = await workbook(t.bureau, "/v1/volunteers/export.xlsx");
    expect(bureau["维权志愿者"]!.flat()).toContain("13702218888");
  });
});
