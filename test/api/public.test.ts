import { request } from "node:http";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { DEMO_COUNTY } from "@weiquan/local";
import { T, tenantTableName } from "@weiquan/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiResponse, expectError, startApi, type TestApi } from "../support/api.ts";

/**
 * Public intake (api.md § Public intake) through the real handler. Requests come from distinct loopback
 * addresses (127.0.0.x), which the bridge reports as API Gateway's `sourceIp`: each block is its own source.
 */
let api: TestApi;
let clock = new Date("2026-11-23T10:00:00+08:00");
const county = DEMO_COUNTY.countyCode;
const t: Record<string, string> = {};
// biome-ignore lint/suspicious/noExplicitAny: JSON from the API
let units: any[];
const unitId = (name: string) => units.find((u) => u.name.startsWith(name)).id as string;

beforeAll(async () => {
  api = await startApi({ demo: true, now: () => clock, tokenTtlSeconds: 90 * 86400 });
  for (const who of ["admin", "point1", "station1", "bureau"]) t[who] = await api.login(county, who);
  units = (await api.call("GET", "/v1/units", { token: t.admin })).body.items;
});
afterAll(() => api.close());

/** An HTTP call to the API from the loopback address `from`. */
function callFrom(
  url: string,
  from: string,
  method: string,
  path: string,
  body?: unknown,
  raw?: string,
): Promise<ApiResponse> {
  const payload = raw ?? (body === undefined ? undefined : JSON.stringify(body));
  const target = new URL(path, url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method,
        localAddress: from,
        headers: payload
          ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload) }
          : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          const headers = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === "string") headers.set(k, v);
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            // keep the text
          }
          resolve({ status: res.statusCode ?? 0, headers, body: parsed });
        });
      },
    );
    req.on("error", reject);
    if (payload) req.write(payload);
    req.end();
  });
}

let lastSource = 10;
/** A fresh source address. */
const source = () => {
  const ip = `127.0.0.${++lastSource}`;
  return (method: string, path: string, body?: unknown, raw?: string) =>
    callFrom(api.url, ip, method, path, body, raw);
};

const onlineComplaint = (over: Record<string, unknown> = {}) => ({
  kind: "complaint",
  consumer: { name: "赵大妈", phone: "13612345678", address: "宝坻区南关社区 3 号楼" },
  business: { name: "南关超市", address: "南关大街 1 号" },
  category: "goods.food",
  subject: "买到过期牛奶",
  description: "11 月 20 日在南关超市买的牛奶已过期三天。",
  request: "退款并赔偿",
  amountFen: 2590,
  consent: true,
  ...over,
});

const base = `/v1/public/${county}`;
const staffCase = async (trackingNo: string) =>
  (await api.call("GET", `/v1/cases/by-tracking/${trackingNo}`, { token: t.admin })).body;

describe("the directory", () => {
  it("lists the tenant's name, the notice and only active stations and points, without staff", async () => {
    const from = source();
    const r = await from("GET", base);
    expect(r.status).toBe(200);
    expect(r.body.name).toBe(DEMO_COUNTY.name);
    expect(r.body.consentNotice).toContain("个人信息");
    expect(r.body.consentNotice).toContain(DEMO_COUNTY.name);
    const types = new Set(r.body.units.map((u: { type: string }) => u.type));
    expect([...types].sort()).toEqual(["point", "station"]);
    const activeStationsAndPoints = units.filter(
      (u) => u.status === "active" && (u.type === "station" || u.type === "point"),
    );
    expect(r.body.units.map((u: { id: string }) => u.id).sort()).toEqual(
      activeStationsAndPoints.map((u) => u.id).sort(),
    );
    const text = JSON.stringify(r.body);
    for (const u of units) {
      if (u.staff) {
        expect(text).not.toContain(u.staff.name);
        expect(text).not.toContain(u.staff.phone);
      }
    }
    const point = r.body.units.find((u: { name: string }) => u.name.startsWith("南关社区"));
    expect(point).toMatchObject({ type: "point", parentId: unitId("宝平街道"), phone: "022-29243361" });
  });

  it("shows the tenant's own personal-information notice once set in settings, the default when cleared", async () => {
    const from = source();
    const current = (await api.call("GET", "/v1/settings", { token: t.admin })).body;
    const own = "本局个人信息处理告知：仅用于办理投诉，保存三年。";
    const saved = await api.call("PUT", "/v1/settings", {
      token: t.admin,
      body: { version: current.version, templates: current.templates, consentNotice: own },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.consentNotice).toBe(own);
    expect((await from("GET", base)).body.consentNotice).toBe(own);
    // Saving templates without the field keeps the notice; an empty one restores the default.
    const kept = await api.call("PUT", "/v1/settings", {
      token: t.admin,
      body: { version: saved.body.version, templates: current.templates },
    });
    expect(kept.body.consentNotice).toBe(own);
    const cleared = await api.call("PUT", "/v1/settings", {
      token: t.admin,
      body: { version: kept.body.version, templates: current.templates, consentNotice: "" },
    });
    expect(cleared.body.consentNotice).toBeUndefined();
    expect((await from("GET", base)).body.consentNotice).toContain("处理目的");
  });

  it("answers 404 for a county that is not a tenant", async () => {
    const from = source();
    expectError(await from("GET", "/v1/public/110101"), 404, "NOT_FOUND");
    expectError(await from("POST", "/v1/public/110101/cases", onlineComplaint()), 404, "NOT_FOUND");
    expectError(
      await from("GET", "/v1/public/110101/cases/110101202611230001?code=ABCDE23456"),
      404,
      "NOT_FOUND",
    );
  });
});

describe("filing", () => {
  it("files a complaint into the chosen point's ledger with channel online and a query code", async () => {
    const from = source();
    const r = await from("POST", `${base}/cases`, onlineComplaint({ unitId: unitId("南关社区") }));
    expect(r.status).toBe(201);
    expect(Object.keys(r.body).sort()).toEqual(["queryCode", "trackingNo"]);
    expect(r.body.trackingNo).toMatch(/^12011520261123\d{4}$/);
    expect(r.body.queryCode).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);

    const c = await staffCase(r.body.trackingNo);
    // The point's bell announces the new online filing.
    const bell = (await api.call("GET", "/v1/notices", { token: t.point1 })).body;
    expect(bell.items.filter((n: { caseId?: string }) => n.caseId === c.id)).toEqual([
      expect.objectContaining({
        kind: "case_filed_online",
        unitId: unitId("南关社区"),
        trackingNo: r.body.trackingNo,
        ref: { type: "case", id: c.id },
        read: false,
      }),
    ]);
    expect(c).toMatchObject({
      kind: "complaint",
      channel: "online",
      status: "registered",
      unitId: unitId("南关社区"),
      receivedAt: "2026-11-23T10:00:00.000+08:00",
      createdBy: "public",
      consumer: { name: "赵大妈", phone: "13612345678" },
      // The clock starts at receipt: 7 working days, the day of receipt not counted.
      deadlines: { acceptBy: "2026-12-02T23:59:59+08:00" },
    });
    expect(c.timeline[0]).toMatchObject({ action: "create", data: { channel: "online", consent: true } });

    // It is in the point's ledger (and its station's), with channel online.
    for (const who of ["point1", "station1"]) {
      const ledger = await api.call("GET", `/v1/cases?q=${r.body.trackingNo}`, { token: t[who] });
      expect(ledger.body.items).toEqual([
        expect.objectContaining({
          trackingNo: r.body.trackingNo,
          channel: "online",
          unitId: unitId("南关社区"),
        }),
      ]);
    }

    // The code is stored only as a hash.
    const tenantId = (await api.call("GET", "/v1/me", { token: t.admin })).body.tenant.id;
    const item = await api.deps.control.doc.send(
      new GetCommand({
        TableName: tenantTableName(api.stage, tenantId),
        Key: T.publicAccess(r.body.trackingNo),
      }),
    );
    expect(item.Item?.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(item.Item)).not.toContain(r.body.queryCode);
  });

  it("files a report anonymously and a consultation into the bureau's ledger when no unit is chosen", async () => {
    const from = source();
    const report = await from("POST", `${base}/cases`, {
      kind: "report",
      category: "goods.food",
      subject: "无证生产辣条",
      description: "村东头有个无证作坊在生产辣条。",
      consent: true,
    });
    expect(report.status).toBe(201);
    const consultation = await from("POST", `${base}/cases`, {
      kind: "consultation",
      consumer: { name: "李四", phone: "13712345678" },
      category: "services.education",
      subject: "培训班退费",
      description: "孩子的培训班上了两次课不想上了，能退多少？",
      consent: true,
    });
    expect(consultation.status).toBe(201);
    const root = units.find((u) => u.type === "bureau").id;
    expect(await staffCase(report.body.trackingNo)).toMatchObject({
      kind: "report",
      unitId: root,
      channel: "online",
    });
    expect(await staffCase(consultation.body.trackingNo)).toMatchObject({
      kind: "consultation",
      unitId: root,
    });
  });

  it("names every field the regulation requires of a complaint, and requires consent", async () => {
    const from = source();
    const r = await from("POST", `${base}/cases`, {
      kind: "complaint",
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
      "consent",
      "consumer.address",
      "consumer.phone",
      "request",
    ]);
    expectError(
      await from("POST", `${base}/cases`, onlineComplaint({ consent: false })),
      400,
      "VALIDATION_FAILED",
    );
    expectError(
      await from("POST", `${base}/cases`, onlineComplaint({ kind: "praise" })),
      400,
      "VALIDATION_FAILED",
    );
    expectError(await from("POST", `${base}/cases`, undefined, "{not json"), 400, "MALFORMED_REQUEST");
  });

  it("accepts only an active station or point of the tenant", async () => {
    const from = source();
    expectError(
      await from("POST", `${base}/cases`, onlineComplaint({ unitId: "01nosuchunit0000000000000" })),
      404,
      "NOT_FOUND",
    );
    const office = units.find((u) => u.type === "office").id;
    expectError(
      await from("POST", `${base}/cases`, onlineComplaint({ unitId: office })),
      422,
      "UNIT_NOT_ACTIVE",
    );
    // A planned point: created but not yet active.
    const planned = await api.call("POST", "/v1/units", {
      token: t.admin,
      body: {
        parentId: unitId("宝平街道"),
        type: "point",
        name: "新建社区消费维权服务点",
        status: "planned",
      },
    });
    expect(planned.status).toBe(201);
    expectError(
      await from("POST", `${base}/cases`, onlineComplaint({ unitId: planned.body.id })),
      422,
      "UNIT_NOT_ACTIVE",
    );
    const dir = await from("GET", base);
    expect(dir.body.units.some((u: { id: string }) => u.id === planned.body.id)).toBe(false);
  });
});

describe("following and rating", () => {
  it("shows the status and timeline to the right code only; a wrong code looks like an absent case", async () => {
    const from = source();
    const filed = (await from("POST", `${base}/cases`, onlineComplaint({ unitId: unitId("南关社区") }))).body;
    const ok = await from("GET", `${base}/cases/${filed.trackingNo}?code=${filed.queryCode.toLowerCase()}`);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({
      trackingNo: filed.trackingNo,
      kind: "complaint",
      status: "registered",
      receivedAt: "2026-11-23T10:00:00.000+08:00",
      timeline: [{ at: "2026-11-23T10:00:00.000+08:00", action: "create" }],
      rating: null,
      canRate: false,
    });
    const text = JSON.stringify(ok.body);
    for (const secret of ["赵大妈", "13612345678", "南关社区 3 号楼", "陈桂兰", "point1", "public"])
      expect(text).not.toContain(secret);

    const wrongCode = filed.queryCode === "ABCDE23456" ? "ABCDE23457" : "ABCDE23456";
    const wrong = await from("GET", `${base}/cases/${filed.trackingNo}?code=${wrongCode}`);
    const absent = await from("GET", `${base}/cases/${county}202611239999?code=${filed.queryCode}`);
    expect(wrong.status).toBe(404);
    expect(absent.status).toBe(404);
    expect(wrong.body).toEqual(absent.body);
    expectError(await from("GET", `${base}/cases/${filed.trackingNo}`), 400, "VALIDATION_FAILED");
  });

  it("takes a rating only after closure, once; staff see it and the figures count it", async () => {
    const from = source();
    const filed = (await from("POST", `${base}/cases`, onlineComplaint({ unitId: unitId("南关社区") }))).body;
    const path = `${base}/cases/${filed.trackingNo}/rating?code=${filed.queryCode}`;
    expectError(await from("POST", path, { result: "satisfied" }), 422, "NOT_CLOSED");

    const c = await staffCase(filed.trackingNo);
    let version = c.version;
    for (const body of [
      { action: "accept" },
      // The page asked only for the personal-information consent: the clerk records 同意委托调解.
      { action: "record_mediation_consent" },
      { action: "start_mediation" },
      { action: "resolve", agreement: "超市退款并赔偿 100 元", recoveredFen: 12590 },
      { action: "close" },
    ]) {
      const r = await api.call("POST", `/v1/cases/${c.id}/transitions`, {
        token: t.point1,
        body: { ...body, version },
      });
      expect(r.status).toBe(200);
      version = r.body.version;
    }
    const closed = await from("GET", `${base}/cases/${filed.trackingNo}?code=${filed.queryCode}`);
    expect(closed.body).toMatchObject({ status: "closed", canRate: true });
    expect(closed.body.timeline.map((e: { action: string }) => e.action)).toEqual([
      "create",
      "accept",
      "record_mediation_consent",
      "start_mediation",
      "resolve",
      "close",
    ]);
    expect(JSON.stringify(closed.body)).not.toContain("超市退款");

    expectError(await from("POST", path, { result: "great" }), 400, "VALIDATION_FAILED");
    const rated = await from("POST", path, { result: "basically_satisfied", note: "处理挺快" });
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({ canRate: false, rating: { result: "basically_satisfied" } });
    expectError(await from("POST", path, { result: "satisfied" }), 409, "ALREADY_RATED");

    const staff = await staffCase(filed.trackingNo);
    expect(staff.rating).toMatchObject({ result: "basically_satisfied", note: "处理挺快" });
    expect(staff.timeline.at(-1)).toMatchObject({
      action: "rating",
      by: "public",
      data: { result: "basically_satisfied" },
    });

    const tenantId = (await api.call("GET", "/v1/me", { token: t.admin })).body.tenant.id;
    const rollup = await api.deps.control.doc.send(
      new GetCommand({
        TableName: tenantTableName(api.stage, tenantId),
        Key: T.rollup(unitId("南关社区"), "2026-11"),
      }),
    );
    expect(rollup.Item?.ratings).toBeGreaterThanOrEqual(1);
    expect(rollup.Item?.["rating.basically_satisfied"]).toBeGreaterThanOrEqual(1);

    const wrong = await from("POST", `${base}/cases/${filed.trackingNo}/rating?code=ABCDE23456`, {
      result: "satisfied",
    });
    expectError(wrong, 404, "NOT_FOUND");
  });
});

describe("abuse resistance", () => {
  it("limits filings per source: the 11th in an hour gets 429 with Retry-After", async () => {
    const from = source();
    for (let i = 0; i < 10; i++) {
      const r = await from("POST", `${base}/cases`, onlineComplaint({ subject: `第 ${i + 1} 件` }));
      expect(r.status).toBe(201);
    }
    const r = await from("POST", `${base}/cases`, onlineComplaint());
    expectError(r, 429, "RATE_LIMITED");
    expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(r.headers.get("retry-after"))).toBeLessThanOrEqual(3600);
    // Another source is not affected, and the window ends.
    expect((await source()("POST", `${base}/cases`, onlineComplaint())).status).toBe(201);
    clock = new Date(clock.getTime() + 3600_000);
    expect((await from("POST", `${base}/cases`, onlineComplaint())).status).toBe(201);
  });

  it("pretends success to a robot that fills the honeypot, and files nothing", async () => {
    const from = source();
    const r = await from("POST", `${base}/cases`, onlineComplaint({ website: "http://spam.example" }));
    expect(r.status).toBe(201);
    expect(r.body.queryCode).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);
    const staff = await api.call("GET", `/v1/cases/by-tracking/${r.body.trackingNo}`, { token: t.admin });
    const mine =
      staff.status === 200 && staff.body.subject === "买到过期牛奶" && staff.body.createdBy === "public";
    // Either no such number, or a real case someone else filed under it — never this one.
    if (staff.status === 200) expect(mine && staff.body.receivedAt === clock.toISOString()).toBe(false);
    expect((await from("GET", `${base}/cases/${r.body.trackingNo}?code=${r.body.queryCode}`)).status).toBe(
      404,
    );
  });

  it("refuses an oversized body with 413 before reading it", async () => {
    const from = source();
    const r = await from("POST", `${base}/cases`, onlineComplaint({ description: "很".repeat(20_000) }));
    expectError(r, 413, "PAYLOAD_TOO_LARGE");
    // A complaint at every field's maximum still fits.
    const max = await from(
      "POST",
      `${base}/cases`,
      onlineComplaint({
        description: "很".repeat(5000),
        request: "退".repeat(1000),
        subject: "长".repeat(100),
      }),
    );
    expect(max.status).toBe(201);
  });

  it("answers enumeration of tracking numbers with the same 404, then 429", async () => {
    const from = source();
    const answers: ApiResponse[] = [];
    for (let seq = 1; seq <= 10; seq++) {
      const no = `${county}20261123${String(seq).padStart(4, "0")}`;
      answers.push(await from("GET", `${base}/cases/${no}?code=ABCDE23456`));
    }
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(404));
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    const blocked = await from("GET", `${base}/cases/${county}202611230001?code=ABCDE23456`);
    expectError(blocked, 429, "RATE_LIMITED");
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("keeps a county's intake open past its normal rate: a new source is asked for a proof of work, not refused", async () => {
    clock = new Date(clock.getTime() + 3600_000);
    // Invalid bodies count too (they cost as much to refuse), and write nothing: a fast way to the limit.
    for (let s = 0; s < 30; s++) {
      const from = source();
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => from("POST", `${base}/cases`, { kind: "complaint" })),
      );
      expect(answers.every((a) => a.status === 400)).toBe(true);
    }
    // 30 sources × 10 = the normal rate: the next source is not told to come back in an hour, it gets a
    // challenge to solve (public-challenge.test.ts files with it).
    const r = await source()("POST", `${base}/cases`, onlineComplaint());
    expectError(r, 429, "CHALLENGE_REQUIRED");
    expect(r.headers.get("retry-after")).toBeNull();
    expect(r.body.error.details).toMatchObject({
      algorithm: "SHA-256",
      salt: expect.stringContaining(county),
    });
    // Following a case is a separate budget: consumers can still read.
    expect((await source()("GET", base)).status).toBe(200);
  });
});
