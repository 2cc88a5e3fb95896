import { request } from "node:http";
import { DEMO_COUNTY } from "@weiquan/local";
import { type TenantTable, TrackingRepository } from "@weiquan/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiResponse, expectError, startApi, type TestApi } from "../support/api.ts";
import { complaintBody } from "../support/cases.ts";
import { injectTransactionConflicts } from "../support/faults.ts";

/**
 * A county's 3·15 morning: consumers filing online from several addresses and clerks registering at the
 * counter, all at once, on one county — every registration succeeds with its own number, and a filing
 * that could not be written does not count against the consumer's hourly limit.
 */
let api: TestApi;
let clock = new Date("2026-03-15T09:00:00+08:00");
let table: TenantTable;
const county = DEMO_COUNTY.countyCode;
const t: Record<string, string> = {};
// biome-ignore lint/suspicious/noExplicitAny: JSON from the API
let units: any[];
const unitId = (name: string) => units.find((u) => u.name.startsWith(name)).id as string;

beforeAll(async () => {
  // Deadlines far beyond a loaded test machine's slowness: a 503 here could only come from contention.
  api = await startApi({
    demo: true,
    now: () => clock,
    tokenTtlSeconds: 400 * 86400,
    budget: { marginMs: 2000, maxMs: 110_000 },
    functionTimeoutMs: 120_000,
  });
  for (const who of ["admin", "station1", "point1", "point2"]) t[who] = await api.login(county, who);
  units = (await api.call("GET", "/v1/units", { token: t.admin })).body.items;
  const me = await api.call("GET", "/v1/me", { token: t.point1 });
  table = await api.deps.tenantAccess.forTenant(me.body.tenant.id);
}, 120_000);
afterAll(() => api.close());

/** A public filing from the loopback address `from` (the bridge reports it as the request's source). */
function fileFrom(from: string, body: unknown): Promise<ApiResponse> {
  const payload = JSON.stringify(body);
  const target = new URL(`/v1/public/${county}/cases`, api.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: "POST",
        localAddress: from,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({
            status: res.statusCode ?? 0,
            headers: new Headers(),
            body: text ? JSON.parse(text) : null,
          });
        });
      },
    );
    req.on("error", reject);
    req.write(payload);
    req.end();
  });
}

const onlineComplaint = (subject: string, unit?: string) => ({
  kind: "complaint",
  consumer: { name: "赵大妈", phone: "13612345678", address: "宝坻区南关社区 3 号楼" },
  business: { name: "南关超市", address: "南关大街 1 号" },
  category: "goods.food",
  subject,
  description: "在南关超市买的牛奶已过期三天。",
  request: "退款并赔偿",
  amountFen: 2590,
  consent: true,
  ...(unit ? { unitId: unit } : {}),
});

describe("a burst of registrations on one county", () => {
  it("answers 20 simultaneous filings and registrations 201, each with its own number and none voided", async () => {
    const day = "2026-03-15";
    const tracking = new TrackingRepository(table);
    const results = await Promise.all([
      // 12 online filings from 6 addresses, into a point, a station and the bureau's own ledger …
      ...Array.from({ length: 12 }, (_, i) =>
        fileFrom(
          `127.0.1.${10 + (i % 6)}`,
          onlineComplaint(
            `网上投诉 ${i}`,
            i % 3 === 0 ? undefined : unitId(i % 3 === 1 ? "南关社区" : "宝平街道"),
          ),
        ),
      ),
      // … and 8 registrations at the counters of a station and two points.
      ...Array.from({ length: 8 }, (_, i) =>
        api.call("POST", "/v1/cases", {
          token: [t.station1, t.point1, t.point2][i % 3],
          body: complaintBody({ subject: `窗口登记 ${i}` }),
        }),
      ),
    ]);
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const numbers = results.map((r) => r.body.trackingNo as string);
    expect(new Set(numbers).size).toBe(20);
    expect(await tracking.lastSeq(day)).toBe(20);
    expect((await tracking.voided(day.slice(0, 7), 50)).items).toEqual([]);
  }, 180_000);

  it("does not count a filing that failed on our side against the consumer's hourly limit", async () => {
    clock = new Date("2026-03-16T10:00:00+08:00");
    const from = "127.0.1.40";
    for (let i = 0; i < 9; i++)
      expect((await fileFrom(from, onlineComplaint(`第 ${i + 1} 件`))).status).toBe(201);
    // The 10th meets a database that cannot write: 503, nothing written …
    const faults = injectTransactionConflicts(api, Number.POSITIVE_INFINITY);
    const failed = await fileFrom(from, onlineComplaint("写入失败的一件")).finally(() => faults.restore());
    expectError(failed, 503, "SERVICE_UNAVAILABLE");
    // … so the consumer still has the 10th filing of the hour, and only then reaches the limit.
    expect((await fileFrom(from, onlineComplaint("第 10 件"))).status).toBe(201);
    expectError(await fileFrom(from, onlineComplaint("第 11 件")), 429, "RATE_LIMITED");
  }, 180_000);
});
