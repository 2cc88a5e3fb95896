import { DEMO_COUNTY } from "@weiquan/local";
import { type UnitRecord, UnitsRepository } from "@weiquan/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, startApi, type TestApi } from "../support/api.ts";

// biome-ignore lint/suspicious/noExplicitAny: units are JSON from the API
type Json = any;
let api: TestApi;
let admin: string;
const county = DEMO_COUNTY.countyCode;

async function units(token = admin): Promise<Json[]> {
  return (await api.call("GET", "/v1/units", { token })).body.items;
}
async function unit(name: string): Promise<Json> {
  const found = (await units()).find((u) => u.name.startsWith(name));
  if (!found) throw new Error(`no unit ${name}`);
  return found;
}
const move = (token: string, u: Json, parentId: string, version = u.version) =>
  api.call("PATCH", `/v1/units/${u.id}`, { token, body: { version, parentId } });

beforeAll(async () => {
  api = await startApi({ demo: true });
  admin = await api.login(county, "admin");
});
afterAll(() => api.close());

describe("moving a unit to another parent (PATCH /v1/units/{id} with parentId)", () => {
  it("moves a station with its points: every path is rewritten, its workers keep working, the bureau sees the new tree", async () => {
    const station = await unit("宝平街道");
    const office1 = await unit("宝平市场监管所");
    const office2 = await unit("大口屯市场监管所");
    const points = (await units()).filter((u) => u.parentId === station.id);
    expect(points.map((p) => p.name).sort()).toEqual(["南关社区消费维权服务点", "城关社区消费维权服务点"]);
    const pointUser = await api.login(county, "point1");
    const stationUser = await api.login(county, "station1");
    const officeUser = await api.login(county, "office1");

    const r = await move(admin, station, office2.id);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: station.id, parentId: office2.id, version: station.version + 1 });
    expect(r.body).not.toHaveProperty("path");
    expect(r.body).not.toHaveProperty("childRev");

    // The bureau sees the new tree, in tree order: the station and its points now follow office2.
    const tree = await units();
    const at = (id: string) => tree.findIndex((u) => u.id === id);
    expect(at(station.id)).toBeGreaterThan(at(office2.id));
    for (const p of points) {
      const now = tree.find((u) => u.id === p.id);
      expect(now).toMatchObject({ parentId: station.id, version: p.version + 1 });
      expect(at(p.id)).toBeGreaterThan(at(station.id));
    }
    const office2Subtree = tree.slice(at(office2.id));
    expect(office2Subtree.map((u) => u.id)).toEqual(
      expect.arrayContaining([station.id, ...points.map((p) => p.id)]),
    );

    // A point worker under the moved station still sees their point (their path is read per request).
    const seen = await units(pointUser);
    expect(seen.map((u) => u.name)).toEqual(["南关社区消费维权服务点"]);
    expect((await api.call("GET", `/v1/units/${seen[0].id}`, { token: pointUser })).status).toBe(200);
    expect((await units(stationUser)).map((u) => u.id).sort()).toEqual(
      [station.id, ...points.map((p) => p.id)].sort(),
    );
    // The old office no longer sees it; the station's compliance counts follow it.
    const officeView = await units(officeUser);
    expect(officeView.map((u) => u.id)).not.toContain(station.id);
    expect(officeView.map((u) => u.id)).not.toContain(points[0].id);
    expectError(await api.call("GET", `/v1/units/${station.id}`, { token: officeUser }), 404, "NOT_FOUND");
    expect(officeView[0].id).toBe(office1.id);

    // A child created under a moved point's station lands in the new place too.
    const child = await api.call("POST", "/v1/units", {
      token: stationUser,
      body: { parentId: station.id, type: "point", name: "新安社区消费维权服务点" },
    });
    expect(child.status).toBe(201);
    expect((await units(stationUser)).map((u) => u.id)).toContain(child.body.id);
  });

  it("keeps the type rules of creation (422 UNIT_TYPE_RULE)", async () => {
    const point = await unit("大口屯村");
    const office = await unit("大口屯市场监管所");
    const station = await unit("王卜庄镇");
    const toOffice = await move(admin, point, office.id);
    expectError(toOffice, 422, "UNIT_TYPE_RULE");
    expect(toOffice.body.error.message).toContain("服务点设在服务站下");
    expectError(await move(admin, station, point.id), 422, "UNIT_TYPE_RULE");
    expectError(await move(admin, office, (await unit("海滨街道")).id), 422, "UNIT_TYPE_RULE");
  });

  it("refuses to move a unit under itself or its descendants, and never moves the bureau", async () => {
    const office = await unit("大口屯市场监管所");
    const station = await unit("王卜庄镇");
    const own = await move(admin, station, station.id);
    expectError(own, 422, "UNIT_MOVE_CYCLE");
    expectError(await move(admin, office, station.id), 422, "UNIT_MOVE_CYCLE");
    const [root] = await units();
    expectError(await move(admin, root, office.id), 422, "UNIT_NOT_MOVABLE");
    // Nothing changed.
    expect((await unit("王卜庄镇")).version).toBe(station.version);
  });

  it("answers 404 for a new parent outside the caller's subtree, 403 for roles that may not move", async () => {
    const officeUser = await api.login(county, "office1");
    const point = await unit("钰华社区");
    // 宝平街道 moved to the other office above: it is outside office1's subtree now, like 大口屯镇.
    expectError(await move(officeUser, point, (await unit("大口屯镇")).id), 404, "NOT_FOUND");
    expectError(await move(officeUser, point, (await unit("宝平街道")).id), 404, "NOT_FOUND");
    expectError(await move(officeUser, point, "no-such-unit"), 404, "NOT_FOUND");
    // The bureau above the office is not visible to it either.
    const [root] = await units();
    expectError(await move(officeUser, await unit("海滨街道"), root.id), 404, "NOT_FOUND");

    // Within its own subtree an office may move a point to another of its stations.
    const office1 = await unit("宝平市场监管所");
    const created = await api.call("POST", "/v1/units", {
      token: officeUser,
      body: { parentId: office1.id, type: "station", name: "周良街道消费维权服务站" },
    });
    expect(created.status).toBe(201);
    const ok = await move(officeUser, point, created.body.id);
    expect(ok.status).toBe(200);
    expect(ok.body.parentId).toBe(created.body.id);

    const pointUser = await api.login(county, "point2");
    const own = await unit("大口屯村");
    expectError(await move(pointUser, own, (await unit("王卜庄镇")).id), 403, "UNIT_FORBIDDEN");
    const viewer = await api.login(county, "viewer");
    expectError(await move(viewer, own, (await unit("王卜庄镇")).id), 403, "UNIT_FORBIDDEN");
  });

  it("lets bureau staff move, with a version: a stale one answers 409 and changes nothing", async () => {
    const bureau = await api.login(county, "bureau");
    const point = await unit("大口屯村");
    const target = await unit("王卜庄镇");
    expectError(await move(bureau, point, target.id, point.version - 1 || 99), 409, "VERSION_CONFLICT");
    expect((await unit("大口屯村")).parentId).toBe(point.parentId);
    const r = await move(bureau, point, target.id);
    expect(r.body).toMatchObject({ parentId: target.id, version: point.version + 1 });
    // Its worker follows it.
    const pointUser = await api.login(county, "point2");
    expect((await units(pointUser)).map((u) => u.id)).toEqual([point.id]);
    const stationUser = await api.login(county, "station2");
    expect((await units(stationUser)).map((u) => u.id)).not.toContain(point.id);
  });

  it("never leaves a half-moved subtree: a concurrent edit or create anywhere in it cancels the whole move", async () => {
    const tenant = (await api.deps.control.tenants.getByCountyCode(county))!;
    const repo = new UnitsRepository(await api.deps.tenantAccess.forTenant(tenant.id));
    const all = await repo.listByPath();
    const root = all[0]!;
    const station = all.find((u) => u.name.startsWith("王卜庄镇"))!;
    const read = await repo.listByPath(station.path);
    expect(read.length).toBeGreaterThan(2);
    const moves = (units: UnitRecord[]) =>
      units.map((u) => ({
        next: {
          ...u,
          path: `${root.path}/${u.path.slice(u.path.indexOf(station.id))}`,
          version: u.version + 1,
        },
        expectedVersion: u.version,
        expectedChildRev: u.childRev,
      }));
    const unchanged = async () =>
      expect((await repo.listByPath(station.path)).map((u) => u.path)).toEqual(read.map((u) => u.path));

    // Someone edits the last point after the move read the subtree.
    const last = read.at(-1)!;
    expect(
      await repo.replace({ ...last, phone: "022-29000000", version: last.version + 1 }, last.version),
    ).toBe(true);
    expect(await repo.moveSubtree(moves(read), root)).toBe(false);
    await unchanged();

    // Someone creates a point under the station after the move read it.
    const fresh = await repo.listByPath(station.path);
    const raceId = `race-${Date.now()}`;
    const child: UnitRecord = {
      ...fresh.at(-1)!,
      id: raceId,
      name: "并发新增消费维权服务点",
      path: `${station.path}/${raceId}`,
      version: 1,
      childRev: undefined,
    };
    expect(await repo.createChild(child, fresh[0]!)).toBe(true);
    expect(await repo.moveSubtree(moves(fresh), root)).toBe(false);
    expect((await repo.listByPath(station.path)).every((u) => u.path.startsWith(station.path))).toBe(true);

    // A create under a parent that moved meanwhile (its path changed) is refused.
    expect(await repo.createChild({ ...child, id: "late" }, { ...fresh[0]!, path: "root/elsewhere" })).toBe(
      false,
    );
    expect(await repo.get("late")).toBeNull();
  });

  it("moves edits and place together, and refuses a subtree larger than one transaction (422)", async () => {
    const [root] = await units();
    const big = await api.call("POST", "/v1/units", {
      token: admin,
      body: {
        parentId: (await unit("大口屯市场监管所")).id,
        type: "station",
        name: "八门城镇消费维权服务站",
      },
    });
    for (let i = 0; i < 99; i += 11) {
      await Promise.all(
        Array.from({ length: Math.min(11, 99 - i) }, (_, k) =>
          api.call("POST", "/v1/units", {
            token: admin,
            body: { parentId: big.body.id, type: "point", name: `八门城第${i + k + 1}村消费维权服务点` },
          }),
        ),
      );
    }
    const station = await unit("八门城镇");
    expect((await units()).filter((u) => u.parentId === station.id)).toHaveLength(99);
    const tooBig = await move(admin, station, root.id);
    expectError(tooBig, 422, "UNIT_MOVE_TOO_LARGE");
    expect(tooBig.body.error.details).toEqual({ units: 100, max: 99 });
    expect(tooBig.body.error.message).toContain("分批");
    // One point fewer and it fits: 99 units and the new parent's check, DynamoDB's 100 items, in one go.
    const onePoint = (await units()).find((u) => u.parentId === station.id);
    expect((await move(admin, onePoint, (await unit("王卜庄镇")).id)).status).toBe(200);
    const fits = await move(admin, await unit("八门城镇"), root.id);
    expect(fits.status).toBe(200);
    const afterMove = await units();
    const moved = afterMove.filter((u) => u.parentId === station.id);
    expect(moved).toHaveLength(98);
    expect(afterMove.findIndex((u) => u.id === moved[0].id)).toBeGreaterThan(
      afterMove.findIndex((u) => u.id === station.id),
    );

    const small = await unit("海滨街道");
    const r = await api.call("PATCH", `/v1/units/${small.id}`, {
      token: admin,
      body: { version: small.version, parentId: root.id, hours: "周一至周五 8:30—17:30" },
    });
    expect(r.body).toMatchObject({ parentId: root.id, hours: "周一至周五 8:30—17:30" });
  });
});
