import { DEMO_COUNTY } from "@weiquan/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, startApi, type TestApi } from "../support/api.ts";

let api: TestApi;
let admin: string;
// biome-ignore lint/suspicious/noExplicitAny: units are JSON from the API
let byName: (name: string) => any;
beforeAll(async () => {
  api = await startApi({ demo: true });
  admin = await api.login(DEMO_COUNTY.countyCode, "admin");
  const all = (await api.call("GET", "/v1/units", { token: admin })).body.items;
  byName = (name) => all.find((u: { name: string }) => u.name.startsWith(name));
});
afterAll(() => api.close());

describe("units", () => {
  it("lists the whole tenant for the bureau, flat, each with its 四个一 standards", async () => {
    const r = await api.call("GET", "/v1/units", { token: admin });
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(15);
    const station = byName("王卜庄镇");
    expect(station.standards).toEqual({
      fourOnes: { staff: true, plaque: false, phone: false, ledger: true },
      compliant: false,
    });
    expect(r.body.items[0].type).toBe("bureau");
  });

  it("creates a station under an office and a point under it, with type rules enforced", async () => {
    const office = byName("宝平市场监管所");
    const station = await api.call("POST", "/v1/units", {
      token: admin,
      body: {
        parentId: office.id,
        type: "station",
        name: "口东街道消费维权服务站",
        address: "宝坻区口东街道",
        phone: "022-29260011",
        staff: { name: "吴海燕", phone: "13920260011" },
        plaque: true,
        ledger: "electronic",
      },
    });
    expect(station.status).toBe(201);
    expect(station.body).toMatchObject({
      parentId: office.id,
      type: "station",
      status: "active",
      version: 1,
      standards: { compliant: true },
    });
    const point = await api.call("POST", "/v1/units", {
      token: admin,
      body: { parentId: station.body.id, type: "point", name: "口东村消费维权服务点" },
    });
    expect(point.status).toBe(201);
    expect(point.body.standards.compliant).toBe(false);

    const underPoint = await api.call("POST", "/v1/units", {
      token: admin,
      body: { parentId: point.body.id, type: "point", name: "不该存在" },
    });
    expectError(underPoint, 422, "UNIT_TYPE_RULE");
    expect(underPoint.body.error.message).toContain("服务点");
    expectError(
      await api.call("POST", "/v1/units", {
        token: admin,
        body: { parentId: office.id, type: "office", name: "所下设所" },
      }),
      422,
      "UNIT_TYPE_RULE",
    );
    expectError(
      await api.call("POST", "/v1/units", {
        token: admin,
        body: { parentId: office.id, type: "point", name: "所下设点" },
      }),
      422,
      "UNIT_TYPE_RULE",
    );
    expectError(
      await api.call("POST", "/v1/units", {
        token: admin,
        body: { parentId: "nope", type: "point", name: "无上级" },
      }),
      404,
      "NOT_FOUND",
    );
    expectError(
      await api.call("POST", "/v1/units", {
        token: admin,
        body: { parentId: office.id, type: "region", name: "x" },
      }),
      400,
      "VALIDATION_FAILED",
    );
  });

  it("edits the standards with a version; a stale version answers 409 with the current unit", async () => {
    const point = byName("东老口村");
    const r = await api.call("PATCH", `/v1/units/${point.id}`, {
      token: admin,
      body: {
        version: point.version,
        plaque: true,
        phone: "022-29481234",
        ledger: "paper",
        staff: { name: "田玉梅", phone: "13512481234" },
      },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ version: point.version + 1, standards: { compliant: true } });
    const stale = await api.call("PATCH", `/v1/units/${point.id}`, {
      token: admin,
      body: { version: point.version, plaque: false },
    });
    expectError(stale, 409, "VERSION_CONFLICT");
    expect(stale.body.error.details.current.version).toBe(point.version + 1);
    const cleared = await api.call("PATCH", `/v1/units/${point.id}`, {
      token: admin,
      body: { version: point.version + 1, ledger: null },
    });
    expect(cleared.body.standards).toMatchObject({ fourOnes: { ledger: false }, compliant: false });
  });

  it("refuses to close a unit with active children, and closes it once they are closed", async () => {
    const station = byName("王卜庄镇");
    const refused = await api.call("PATCH", `/v1/units/${station.id}`, {
      token: admin,
      body: { version: station.version, status: "closed" },
    });
    expectError(refused, 422, "UNIT_HAS_ACTIVE_CHILDREN");
    expect(refused.body.error.message).toContain("王卜庄村");
    const units = (await api.call("GET", "/v1/units", { token: admin })).body.items;
    for (const p of units.filter((u: { parentId: string }) => u.parentId === station.id)) {
      expect(
        (
          await api.call("PATCH", `/v1/units/${p.id}`, {
            token: admin,
            body: { version: p.version, status: "closed" },
          })
        ).status,
      ).toBe(200);
    }
    const closed = await api.call("PATCH", `/v1/units/${station.id}`, {
      token: admin,
      body: { version: station.version, status: "closed" },
    });
    expect(closed.body.status).toBe("closed");
    const root = units[0];
    expectError(
      await api.call("PATCH", `/v1/units/${root.id}`, {
        token: admin,
        body: { version: root.version, status: "closed" },
      }),
      422,
      "UNIT_NOT_CLOSABLE",
    );
  });

  it("reports 四个一 compliance of active stations and points and who falls short, and why", async () => {
    const r = await api.call("GET", "/v1/units/compliance", { token: admin });
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(r.body.byType.station.total + r.body.byType.point.total);
    expect(r.body.rate).toBeCloseTo(r.body.compliant / r.body.total);
    const short = r.body.shortfalls.find((s: { name: string }) => s.name === "钰华社区消费维权服务点");
    expect(short.missing).toEqual(["plaque", "phone"]);
    const station1 = await api.login(DEMO_COUNTY.countyCode, "station1");
    const own = await api.call("GET", "/v1/units/compliance", { token: station1 });
    expect(own.body.total).toBe(3);
  });

  it("masks staff contacts for the governance office", async () => {
    const viewer = await api.login(DEMO_COUNTY.countyCode, "viewer");
    const station = (await api.call("GET", "/v1/units", { token: viewer })).body.items.find(
      (u: { name: string }) => u.name === "宝平街道消费维权服务站",
    );
    expect(station.staff).toEqual({ name: "刘**", phone: "138****6018" });
    expectError(
      await api.call("PATCH", `/v1/units/${station.id}`, {
        token: viewer,
        body: { version: station.version, plaque: true },
      }),
      403,
      "UNIT_FORBIDDEN",
    );
  });
});

describe("settings (四统一 templates)", () => {
  it("starts from the default templates and saves with a version (bureau_admin only)", async () => {
    const first = await api.call("GET", "/v1/settings", { token: admin });
    expect(first.body.version).toBe(0);
    expect(first.body.templates.pointDuties).toContain("台账");
    const templates = { ...first.body.templates, plaqueStyle: "蓝底白字横式牌匾" };
    const saved = await api.call("PUT", "/v1/settings", { token: admin, body: { version: 0, templates } });
    expect(saved.body).toMatchObject({ version: 1, templates: { plaqueStyle: "蓝底白字横式牌匾" } });
    expectError(
      await api.call("PUT", "/v1/settings", { token: admin, body: { version: 0, templates } }),
      409,
      "VERSION_CONFLICT",
    );
    const bureau = await api.login(DEMO_COUNTY.countyCode, "bureau");
    expectError(
      await api.call("PUT", "/v1/settings", { token: bureau, body: { version: 1, templates } }),
      403,
      "ROLE_FORBIDDEN",
    );
    expect((await api.call("GET", "/v1/settings", { token: bureau })).body.version).toBe(1);
    expectError(
      await api.call("PUT", "/v1/settings", {
        token: admin,
        body: { version: 1, templates: { ...templates, stationNamePattern: "" } },
      }),
      400,
      "VALIDATION_FAILED",
    );
  });
});

describe("coverage and opening hours", () => {
  it("reports coverage: the share of villages (points not closed) with an active point, and of townships with an active station", async () => {
    const count = async () => (await api.call("GET", "/v1/units/compliance", { token: admin })).body.coverage;
    const before = await count();
    const all = (await api.call("GET", "/v1/units", { token: admin })).body.items as {
      type: string;
      status: string;
    }[];
    const points = all.filter((u) => u.type === "point" && u.status !== "closed");
    expect(before.points).toBe(points.length);
    expect(before.activePoints).toBe(points.filter((u) => u.status === "active").length);
    expect(before.rate).toBeCloseTo(before.activePoints / before.points);
    expect(before.stations).toBe(all.filter((u) => u.type === "station" && u.status !== "closed").length);

    const station = byName("海滨街道");
    const planned = await api.call("POST", "/v1/units", {
      token: admin,
      body: { parentId: station.id, type: "point", name: "海滨一村消费维权服务点", status: "planned" },
    });
    const withPlanned = await count();
    expect(withPlanned).toMatchObject({ points: before.points + 1, activePoints: before.activePoints });
    expect(withPlanned.rate).toBeLessThan(1);
    await api.call("PATCH", `/v1/units/${planned.body.id}`, {
      token: admin,
      body: { version: 1, status: "active" },
    });
    expect(await count()).toMatchObject({ points: before.points + 1, activePoints: before.activePoints + 1 });

    // A station's own figures cover its own points only.
    const station1 = await api.login(DEMO_COUNTY.countyCode, "station1");
    const own = (await api.call("GET", "/v1/units/compliance", { token: station1 })).body.coverage;
    expect(own).toMatchObject({ points: 2, activePoints: 2, rate: 1, stations: 1, activeStations: 1 });
  });

  it("keeps a unit's opening hours: set on create, changed and cleared with a patch", async () => {
    const created = await api.call("POST", "/v1/units", {
      token: admin,
      body: {
        parentId: byName("海滨街道").id,
        type: "point",
        name: "海滨二村消费维权服务点",
        hours: "周一至周五 8:30—17:30",
      },
    });
    expect(created.body.hours).toBe("周一至周五 8:30—17:30");
    const patched = await api.call("PATCH", `/v1/units/${created.body.id}`, {
      token: admin,
      body: { version: 1, hours: "每日 9:00—17:00（节假日除外）" },
    });
    expect(patched.body.hours).toBe("每日 9:00—17:00（节假日除外）");
    const cleared = await api.call("PATCH", `/v1/units/${created.body.id}`, {
      token: admin,
      body: { version: 2, hours: null },
    });
    expect(cleared.body).not.toHaveProperty("hours");
    expectError(
      await api.call("PATCH", `/v1/units/${created.body.id}`, {
        token: admin,
        body: { version: 3, hours: "x".repeat(101) },
      }),
      400,
      "VALIDATION_FAILED",
    );
  });
});
