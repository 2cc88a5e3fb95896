import { DEMO_COUNTY } from "@weiquan/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type TestApi } from "../support/api.ts";

/**
 * Every unit and user endpoint × every demo role × (own subtree, a sibling subtree, another tenant):
 * what is outside the caller's subtree or tenant answers 404 — as if absent — and nothing changes.
 */
let api: TestApi;
const tokens: Record<string, string> = {};
// biome-ignore lint/suspicious/noExplicitAny: units are JSON from the API
let demoUnits: any[];
// biome-ignore lint/suspicious/noExplicitAny: units are JSON from the API
let otherUnits: any[];
let otherUserId: string;
const county = DEMO_COUNTY.countyCode;
const unitId = (name: string) => demoUnits.find((u) => u.name.startsWith(name)).id as string;

const roles = ["admin", "bureau", "viewer", "office1", "station1", "point1"] as const;
type Who = (typeof roles)[number];

/** For each role: a unit inside its subtree and one in a sibling subtree (null: it sees the whole tenant). */
const targets: Record<Who, { own: string; sibling: string | null }> = {
  admin: { own: "宝平街道", sibling: null },
  bureau: { own: "大口屯村", sibling: null },
  viewer: { own: "海滨社区", sibling: null },
  office1: { own: "海滨街道", sibling: "大口屯镇消费" },
  station1: { own: "城关社区", sibling: "海滨社区" },
  point1: { own: "南关社区", sibling: "城关社区" },
};
const editors: Who[] = ["admin", "bureau", "office1", "station1"];

beforeAll(async () => {
  api = await startApi({ demo: true });
  for (const who of [...roles, "station2", "point2"]) tokens[who] = await api.login(county, who);
  const operator = await api.login("platform", "operator");
  await api.call("POST", "/v1/platform/tenants", {
    token: operator,
    body: {
      countyCode: "130102",
      name: "石家庄市长安区市场监督管理局",
      admin: { username: "admin", displayName: "长安区管理员", password: "Other@2026" },
    },
  });
  const other = await api.login("130102", "admin", "Other@2026");
  const root = (await api.call("GET", "/v1/units", { token: other })).body.items[0];
  const station = await api.call("POST", "/v1/units", {
    token: other,
    body: { parentId: root.id, type: "station", name: "建北街道消费维权服务站" },
  });
  otherUnits = (await api.call("GET", "/v1/units", { token: other })).body.items;
  expect(station.status).toBe(201);
  otherUserId = (await api.call("GET", "/v1/users", { token: other })).body.items[0].id;
  demoUnits = (await api.call("GET", "/v1/units", { token: tokens.admin })).body.items;
});
afterAll(() => api.close());

async function versionOf(id: string): Promise<number> {
  return (await api.call("GET", `/v1/units/${id}`, { token: tokens.admin })).body.version;
}

describe.each(roles)("%s", (who) => {
  it("lists only units of its own subtree and tenant", async () => {
    const r = await api.call("GET", "/v1/units", { token: tokens[who] });
    expect(r.status).toBe(200);
    const ids: string[] = r.body.items.map((u: { id: string }) => u.id);
    for (const o of otherUnits) expect(ids).not.toContain(o.id);
    if (targets[who].sibling) expect(ids).not.toContain(unitId(targets[who].sibling!));
    expect(ids).toContain(unitId(targets[who].own));
  });

  it("reads a unit of its own subtree", async () => {
    expect(
      (await api.call("GET", `/v1/units/${unitId(targets[who].own)}`, { token: tokens[who] })).status,
    ).toBe(200);
  });

  it("gets 404 for a unit of another tenant, for read, edit and create-under", async () => {
    const foreign = otherUnits[1].id;
    expect((await api.call("GET", `/v1/units/${foreign}`, { token: tokens[who] })).status).toBe(404);
    expect(
      (
        await api.call("PATCH", `/v1/units/${foreign}`, {
          token: tokens[who],
          body: { version: 1, name: "被篡改" },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await api.call("POST", "/v1/units", {
          token: tokens[who],
          body: { parentId: foreign, type: "point", name: "越界服务点" },
        })
      ).status,
    ).toBe(404);
    const other = await api.login("130102", "admin", "Other@2026");
    const after = (await api.call("GET", `/v1/units/${foreign}`, { token: other })).body;
    expect(after).toMatchObject({ name: "建北街道消费维权服务站", version: 1 });
    expect((await api.call("GET", "/v1/units", { token: other })).body.items).toHaveLength(2);
  });

  it.runIf(targets[who].sibling !== null)(
    "gets 404 (never 403) for a unit of a sibling subtree, and changes nothing",
    async () => {
      const id = unitId(targets[who].sibling!);
      const before = await versionOf(id);
      const read = await api.call("GET", `/v1/units/${id}`, { token: tokens[who] });
      expect(read.status).toBe(404);
      expect(read.body.error.message).toBe("单位不存在");
      expect(
        (
          await api.call("PATCH", `/v1/units/${id}`, {
            token: tokens[who],
            body: { version: before, name: "被篡改" },
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await api.call("POST", "/v1/units", {
            token: tokens[who],
            body: { parentId: id, type: "point", name: "越界服务点" },
          })
        ).status,
      ).toBe(404);
      expect(await versionOf(id)).toBe(before);
    },
  );

  it(`${editors.includes(who) ? "may" : "may not"} edit a unit of its own subtree`, async () => {
    const id = unitId(targets[who].own);
    const current = (await api.call("GET", `/v1/units/${id}`, { token: tokens.admin })).body;
    const r = await api.call("PATCH", `/v1/units/${id}`, {
      token: tokens[who],
      body: { version: current.version, address: `${who} 核实的地址` },
    });
    if (editors.includes(who)) {
      expect(r.status).toBe(200);
      expect(r.body.address).toBe(`${who} 核实的地址`);
    } else {
      expect(r.status).toBe(403);
      expect((await api.call("GET", `/v1/units/${id}`, { token: tokens.admin })).body.version).toBe(
        current.version,
      );
    }
  });

  it(`${who === "admin" ? "manages" : "cannot manage"} users, and never those of another tenant`, async () => {
    const list = await api.call("GET", "/v1/users", { token: tokens[who] });
    const foreign = await api.call("GET", `/v1/users/${otherUserId}`, { token: tokens[who] });
    const patch = await api.call("PATCH", `/v1/users/${otherUserId}`, {
      token: tokens[who],
      body: { version: 1, disabled: true },
    });
    if (who === "admin") {
      expect(list.status).toBe(200);
      expect(list.body.items.map((u: { id: string }) => u.id)).not.toContain(otherUserId);
      expect(foreign.status).toBe(404);
      expect(patch.status).toBe(404);
    } else {
      expect([list.status, foreign.status, patch.status]).toEqual([403, 403, 403]);
    }
    expect(
      (
        await api.call("POST", "/v1/auth/login", {
          body: { tenant: "130102", username: "admin", password: "Other@2026" },
        })
      ).status,
    ).toBe(200);
  });
});

describe("a user of another tenant", () => {
  it("cannot reach the demo tenant's units or users by id", async () => {
    const other = await api.login("130102", "admin", "Other@2026");
    for (const u of demoUnits) {
      expect((await api.call("GET", `/v1/units/${u.id}`, { token: other })).status).toBe(404);
    }
    const demoUser = (await api.call("GET", "/v1/users", { token: tokens.admin })).body.items[0].id;
    expect((await api.call("GET", `/v1/users/${demoUser}`, { token: other })).status).toBe(404);
    expect(
      (
        await api.call("PATCH", `/v1/users/${demoUser}`, {
          token: other,
          body: { version: 1, disabled: true },
        })
      ).status,
    ).toBe(404);
  });
});
