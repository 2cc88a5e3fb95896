import { DEMO_COUNTY } from "@weiquan/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, startApi, type TestApi } from "../support/api.ts";

let api: TestApi;
let admin: string;
// biome-ignore lint/suspicious/noExplicitAny: units are JSON from the API
let units: any[];
const county = DEMO_COUNTY.countyCode;
const unit = (name: string) => units.find((u) => u.name.startsWith(name));
beforeAll(async () => {
  api = await startApi({ demo: true });
  admin = await api.login(county, "admin");
  units = (await api.call("GET", "/v1/units", { token: admin })).body.items;
});
afterAll(() => api.close());

describe("users", () => {
  it("creates a point user who logs in and sees only their point", async () => {
    const point = unit("城关社区");
    const r = await api.call("POST", "/v1/users", {
      token: admin,
      body: {
        username: "chengguan",
        displayName: "城关点 杨春燕",
        role: "point_staff",
        unitId: point.id,
        password: "Riverbank@2026",
      },
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      username: "chengguan",
      role: "point_staff",
      unitId: point.id,
      disabled: false,
      version: 1,
    });
    expect(r.body).not.toHaveProperty("passwordHash");
    const token = await api.login(county, "chengguan", "Riverbank@2026");
    const seen = (await api.call("GET", "/v1/units", { token })).body.items;
    expect(seen.map((u: { id: string }) => u.id)).toEqual([point.id]);
  });

  it("requires the role to fit the unit type", async () => {
    const r = await api.call("POST", "/v1/users", {
      token: admin,
      body: {
        username: "wrongfit",
        displayName: "x",
        role: "station_staff",
        unitId: unit("城关社区").id,
        password: "Wrongfit1",
      },
    });
    expectError(r, 422, "ROLE_UNIT_MISMATCH");
    expect(r.body.error.message).toContain("服务站");
    expectError(
      await api.call("POST", "/v1/users", {
        token: admin,
        body: {
          username: "chief2",
          displayName: "x",
          role: "bureau_staff",
          unitId: unit("宝平市场监管所").id,
          password: "Chief2abc",
        },
      }),
      422,
      "ROLE_UNIT_MISMATCH",
    );
  });

  it("refuses a taken username with 409, and bad fields with 400 naming them", async () => {
    expectError(
      await api.call("POST", "/v1/users", {
        token: admin,
        body: {
          username: "point1",
          displayName: "x",
          role: "point_staff",
          unitId: unit("南关社区").id,
          password: "Another@2026x",
        },
      }),
      409,
      "USERNAME_TAKEN",
    );
    const bad = await api.call("POST", "/v1/users", {
      token: admin,
      body: {
        username: "Bad Name",
        displayName: "",
        role: "king",
        unitId: unit("南关社区").id,
        password: "short",
      },
    });
    expectError(bad, 400, "VALIDATION_FAILED");
    expect([...new Set(bad.body.error.details.map((d: { path: string }) => d.path))].sort()).toEqual([
      "displayName",
      "password",
      "role",
      "username",
    ]);
  });

  it("never returns passwords in lists", async () => {
    const r = await api.call("GET", "/v1/users?limit=200", { token: admin });
    expect(r.status).toBe(200);
    expect(r.body.items.length).toBeGreaterThanOrEqual(8);
    expect(JSON.stringify(r.body)).not.toMatch(/passwordHash|scrypt/);
  });

  it("disables a user: their token stops working at once and they cannot log in", async () => {
    const token = await api.login(county, "point2");
    const user = (await api.call("GET", "/v1/users?limit=200", { token: admin })).body.items.find(
      (u: { username: string }) => u.username === "point2",
    );
    const r = await api.call("PATCH", `/v1/users/${user.id}`, {
      token: admin,
      body: { version: user.version, disabled: true },
    });
    expect(r.body).toMatchObject({ disabled: true, version: user.version + 1 });
    expectError(await api.call("GET", "/v1/units", { token }), 401, "ACCOUNT_DISABLED");
    expectError(
      await api.call("POST", "/v1/auth/login", {
        body: { tenant: county, username: "point2", password: "Demo@2026" },
      }),
      401,
      "INVALID_CREDENTIALS",
    );
    expectError(
      await api.call("PATCH", `/v1/users/${user.id}`, {
        token: admin,
        body: { version: user.version, disabled: false },
      }),
      409,
      "VERSION_CONFLICT",
    );
    await api.call("PATCH", `/v1/users/${user.id}`, {
      token: admin,
      body: { version: user.version + 1, disabled: false },
    });
    expect(
      (
        await api.call("POST", "/v1/auth/login", {
          body: { tenant: county, username: "point2", password: "Demo@2026" },
        })
      ).status,
    ).toBe(200);
  });

  it("moves a user to another unit with a fitting role, and refuses to lock the admin out of their own account", async () => {
    const list = (await api.call("GET", "/v1/users?limit=200", { token: admin })).body.items;
    const station1 = list.find((u: { username: string }) => u.username === "station1");
    const moved = await api.call("PATCH", `/v1/users/${station1.id}`, {
      token: admin,
      body: { version: station1.version, role: "point_staff", unitId: unit("城关社区").id },
    });
    expect(moved.body).toMatchObject({ role: "point_staff", unitId: unit("城关社区").id });
    const me = list.find((u: { username: string }) => u.username === "admin");
    expectError(
      await api.call("PATCH", `/v1/users/${me.id}`, {
        token: admin,
        body: { version: me.version, disabled: true },
      }),
      422,
      "SELF_LOCKOUT",
    );
  });

  it("keeps login bookkeeping that an admin edit does not touch (failed attempts still lock the account)", async () => {
    const fail = () =>
      api.call("POST", "/v1/auth/login", { body: { tenant: county, username: "bureau", password: "nope" } });
    for (let i = 0; i < 3; i++) expectError(await fail(), 401, "INVALID_CREDENTIALS");
    const user = (await api.call("GET", "/v1/users?limit=200", { token: admin })).body.items.find(
      (u: { username: string }) => u.username === "bureau",
    );
    const r = await api.call("PATCH", `/v1/users/${user.id}`, {
      token: admin,
      body: { version: user.version, displayName: "县局 张敏（督导科）" },
    });
    expect(r.body.displayName).toBe("县局 张敏（督导科）");
    expectError(await fail(), 401, "INVALID_CREDENTIALS");
    expectError(await fail(), 429, "ACCOUNT_LOCKED");
  });

  it("is for the bureau admin only", async () => {
    for (const who of ["office1", "point1", "viewer"]) {
      const token = await api.login(county, who);
      expectError(await api.call("GET", "/v1/users", { token }), 403, "ROLE_FORBIDDEN");
      expectError(
        await api.call("POST", "/v1/users", {
          token,
          body: {
            username: "x1x",
            displayName: "x",
            role: "point_staff",
            unitId: unit("南关社区").id,
            password: "Other@2026x",
          },
        }),
        403,
        "ROLE_FORBIDDEN",
      );
    }
  });

  it("lets every user change their own password, proving the current one", async () => {
    const token = await api.login(county, "office1");
    expectError(
      await api.call("POST", "/v1/me/password", {
        token,
        body: { currentPassword: "wrong", newPassword: "Changed@2026x" },
      }),
      422,
      "CURRENT_PASSWORD_WRONG",
    );
    expectError(
      await api.call("POST", "/v1/me/password", {
        token,
        body: { currentPassword: "Demo@2026", newPassword: "weak" },
      }),
      400,
      "VALIDATION_FAILED",
    );
    expect(
      (
        await api.call("POST", "/v1/me/password", {
          token,
          body: { currentPassword: "Demo@2026", newPassword: "Changed@2026x" },
        })
      ).status,
    ).toBe(200);
    expect(await api.login(county, "office1", "Changed@2026x")).toEqual(expect.any(String));
  });
});
