import { DEMO_COUNTY } from "@weiquan/local";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { expectError, startApi, type TestApi } from "../support/api.ts";

// Every login hashes a password (scrypt): slow on a loaded machine, so generous timeouts.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

/** Accounts under attack: lockout that reveals nothing, passwords people guess, spraying from one source. */
let api: TestApi;
let clock = Date.now();
let admin: string;
const county = DEMO_COUNTY.countyCode;
const login = (tenant: string, username: string, password: string) =>
  api.call("POST", "/v1/auth/login", { body: { tenant, username, password } });

beforeAll(async () => {
  api = await startApi({ demo: true, now: () => new Date(clock) });
  admin = await api.login(county, "admin");
});
afterAll(() => api.close());

/** A fresh failure window for the per-source throttle (windows are 15 minutes). */
const nextWindow = () => {
  clock += 16 * 60_000;
};

describe("lockout", () => {
  it.each([
    ["an existing user", county, "station1"],
    ["an unknown user", county, "nobody-here"],
    ["an unknown county", "999999", "admin"],
    ["an unknown platform operator", "platform", "nobody-here"],
  ])("answers %s with the same sequence: four 401s, then 429 ACCOUNT_LOCKED", async (_, tenant, username) => {
    nextWindow();
    const statuses: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await login(tenant, username, `Wrong-guess-${i}`);
      statuses.push(`${r.status} ${r.body.error.code}`);
      if (r.status === 429) expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(800);
    }
    expect(statuses).toEqual([
      ...Array(4).fill("401 INVALID_CREDENTIALS"),
      "429 ACCOUNT_LOCKED",
      "429 ACCOUNT_LOCKED",
    ]);
  });
});

describe("passwords people guess", () => {
  const newUser = (password: string) =>
    api.call("POST", "/v1/users", {
      token: admin,
      body: { username: "zhangwei", displayName: "张伟", role: "bureau_staff", unitId: rootId, password },
    });
  let rootId: string;
  beforeAll(async () => {
    const units = (await api.call("GET", "/v1/units", { token: admin })).body.items;
    rootId = units.find((u: { parentId: string | null }) => u.parentId === null).id;
  });

  it.each([
    ["equal to the username", "zhangwei1"],
    ["containing the username", "Zhangwei@2026"],
    ["containing the county code", `Pw${county}x`],
    ["common", "Password1"],
    ["a keyboard walk", "Qwerty123"],
  ])("refuses one %s with the field's path", async (_, password) => {
    const r = await newUser(password);
    expectError(r, 400, "VALIDATION_FAILED");
    expect(r.body.error.details).toEqual([{ path: "password", message: expect.any(String) }]);
  });

  it("refuses a weak password on one's own change too, and accepts a strong one", async () => {
    const token = await api.login(county, "station2");
    const change = (newPassword: string) =>
      api.call("POST", "/v1/me/password", { token, body: { currentPassword: "Demo@2026", newPassword } });
    const weak = await change("station2abc");
    expectError(weak, 400, "VALIDATION_FAILED");
    expect(weak.body.error.details[0].path).toBe("newPassword");
    expect((await change("Harbour-lamp-51")).status).toBe(200);
    expect((await newUser("Harbour-lamp-52")).status).toBe(201);
  });
});

describe("password spraying from one source", () => {
  it("refuses the source after 30 failed logins across usernames, then lets it in after the window", async () => {
    nextWindow();
    for (let i = 0; i < 30; i++)
      expectError(await login(county, `sprayed-${i}`, "Spring2026"), 401, "INVALID_CREDENTIALS");
    // Even the right password of a real account is refused now, before any password is checked.
    const refused = await login(county, "office1", "Demo@2026");
    expectError(refused, 429, "LOGIN_THROTTLED");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    nextWindow();
    expect((await login(county, "office1", "Demo@2026")).status).toBe(200);
  });
});
