import { DEMO_COUNTY } from "@weiquan/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type TestApi } from "../support/api.ts";
import { complaintBody } from "../support/cases.ts";

/**
 * GET /v1/worklist — the 工作台 (issue 15 item 1): what needs each user now, on a clock the test moves.
 * Complaints registered on Monday 2026-11-23 must be decided by Wednesday 2 December.
 */
let api: TestApi;
let clock = new Date("2026-11-23T10:00:00+08:00");
const county = DEMO_COUNTY.countyCode;
const t: Record<string, string> = {};
// biome-ignore lint/suspicious/noExplicitAny: JSON from the API
type Json = any;

beforeAll(async () => {
  api = await startApi({ demo: true, now: () => clock, tokenTtlSeconds: 400 * 86400 });
  for (const who of ["admin", "viewer", "station1", "point1", "point2"])
    t[who] = await api.login(county, who);
});
afterAll(() => api.close());

async function worklist(who: string): Promise<Record<string, Json>> {
  const r = await api.call("GET", "/v1/worklist", { token: t[who] });
  expect(r.status).toBe(200);
  expect(r.body.unavailable).toEqual([]);
  return Object.fromEntries(r.body.sections.map((s: Json) => [s.key, s]));
}
const register = async (who: string, subject: string) =>
  (await api.call("POST", "/v1/cases", { token: t[who], body: complaintBody({ subject }) })).body;

describe("the worklist", () => {
  it("lists a point's new cases to decide, an online filing among them, most urgent first", async () => {
    const walkIn = await register("point1", "工作台-上门投诉");
    const units = (await api.call("GET", "/v1/units", { token: t.point1 })).body.items;
    const online = await api.call("POST", `/v1/public/${county}/cases`, {
      body: {
        kind: "complaint",
        unitId: units[0].id,
        consumer: { name: "赵大妈", phone: "13612345678", address: "宝坻区南关社区 3 号楼" },
        business: { name: "南关超市", address: "南关大街 1 号" },
        category: "goods.food",
        subject: "工作台-网上投诉",
        description: "11 月 20 日在南关超市买的牛奶已过期三天。",
        request: "退款并赔偿",
        consent: true,
      },
    });
    expect(online.status).toBe(201);

    const w = await worklist("point1");
    // The ledger's sections first, then what supervision asks of the point (supervision-work.test.ts).
    expect(Object.keys(w)).toEqual([
      "cases.toReceive",
      "cases.toDecide",
      "cases.dueSoon",
      "cases.overdue",
      "sampling.followUps",
      "inspections.toRectify",
    ]);
    const toDecide = w["cases.toDecide"];
    expect(toDecide).toMatchObject({ title: "待受理", tone: "info", count: 2, more: false });
    expect(toDecide.href).toContain("status=registered");
    const byTitle = Object.fromEntries(toDecide.items.map((i: Json) => [i.title.split("　")[1], i]));
    expect(byTitle["工作台-上门投诉"]).toMatchObject({
      id: walkIn.id,
      title: `${walkIn.trackingNo}　工作台-上门投诉`,
      href: `/cases/${walkIn.id}`,
      dueBy: "2026-12-02T23:59:59+08:00",
    });
    expect(byTitle["工作台-网上投诉"].detail).toBe("网上投诉");
    expect(w["cases.toReceive"]).toMatchObject({ count: 0, items: [] });
    // Another point's to-dos are its own.
    expect((await worklist("point2"))["cases.toDecide"].count).toBe(0);
  });

  it("shows a case passed up in the receiving station's 待接收, and no longer in the point's 待受理", async () => {
    const c = await register("point1", "工作台-提交上级");
    const targets = (await api.call("GET", `/v1/cases/${c.id}/escalation-targets`, { token: t.point1 })).body
      .items;
    const station = targets.find((u: Json) => u.type === "station");
    const up = await api.call("POST", `/v1/cases/${c.id}/transitions`, {
      token: t.point1,
      body: { action: "escalate", version: c.version, toUnitId: station.id },
    });
    expect(up.status).toBe(200);

    const s = await worklist("station1");
    expect(s["cases.toReceive"].count).toBe(1);
    expect(s["cases.toReceive"].items[0]).toMatchObject({ id: c.id, href: `/cases/${c.id}` });
    expect(s["cases.toReceive"].href).toContain(`unit=${station.id}`);
    const p = await worklist("point1");
    expect(p["cases.toDecide"].items.map((i: Json) => i.id)).not.toContain(c.id);
  });

  it("moves cases to 即将到期 near their limit and to 已超期 after it, for the unit and the bureau", async () => {
    clock = new Date("2026-12-01T09:00:00+08:00");
    let w = await worklist("point1");
    expect(w["cases.dueSoon"]).toMatchObject({ tone: "warning" });
    expect(w["cases.dueSoon"].count).toBeGreaterThanOrEqual(2);
    expect(w["cases.overdue"].count).toBe(0);

    clock = new Date("2026-12-03T09:00:00+08:00");
    w = await worklist("point1");
    expect(w["cases.overdue"]).toMatchObject({ tone: "danger", href: "/cases?view=overdue" });
    expect(w["cases.overdue"].count).toBeGreaterThanOrEqual(2);
    expect(w["cases.dueSoon"].items.map((i: Json) => i.id)).toEqual([]);
    // The bureau sees every overdue case of the county.
    expect((await worklist("admin"))["cases.overdue"].count).toBeGreaterThanOrEqual(3);
  });

  it("has nothing to do for the governance office, which only reads figures", async () => {
    const r = await api.call("GET", "/v1/worklist", { token: t.viewer });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ sections: [], unavailable: [] });
  });

  it("needs a token", async () => {
    expect((await api.call("GET", "/v1/worklist")).status).toBe(401);
  });
});

describe("answers on the wire", () => {
  it("compresses a large answer for a client that accepts gzip, and not for one that does not", async () => {
    const gz = await api.call("GET", "/v1/units", { token: t.admin, headers: { "accept-encoding": "gzip" } });
    expect(gz.status).toBe(200);
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gz.body.items.length).toBeGreaterThan(5);
    const plain = await api.call("GET", "/v1/units", {
      token: t.admin,
      headers: { "accept-encoding": "identity" },
    });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.body).toEqual(gz.body);
  });
});
