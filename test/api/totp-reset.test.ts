import { totpCode } from "@weiquan/fn-api/auth/totp";
import { DEMO_COUNTY, DEMO_PASSWORD } from "@weiquan/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, startApi, type TestApi } from "../support/api.ts";

let clock = Math.floor(Date.now() / 30_000) * 30_000 + 10_000;
const now = () => new Date(clock);
const county = DEMO_COUNTY.countyCode;

let api: TestApi;
let admin: string;
beforeAll(async () => {
  api = await startApi({ demo: true, now });
  admin = await api.login(county, "admin");
});
afterAll(() => api.close());

const login = (tenant: string, username: string, password = DEMO_PASSWORD) =>
  api.call("POST", "/v1/auth/login", { body: { tenant, username, password } });

async function enroll(token: string): Promise<void> {
  const started = await api.call("POST", "/v1/me/totp", { token });
  const code = totpCode(started.body.secret, now());
  expect((await api.call("POST", "/v1/me/totp/confirm", { token, body: { code } })).status).toBe(200);
  clock += 30_000;
}

async function userId(username: string): Promise<string> {
  const page = await api.call("GET", "/v1/users?limit=200", { token: admin });
  return page.body.items.find((u: { username: string }) => u.username === username).id;
}

describe("resetting a user's two-step verification (POST /v1/users/{id}/totp/reset)", () => {
  it("lets the bureau admin clear a lost phone's TOTP: the user logs in with the password and may enroll again", async () => {
    await enroll(await api.login(county, "station1"));
    expectError(await login(county, "station1"), 401, "TOTP_REQUIRED");
    const id = await userId("station1");
    const before = await api.call("GET", `/v1/users/${id}`, { token: admin });
    expect(before.body).toMatchObject({ totpEnabled: true });
    expect(JSON.stringify(before.body)).not.toMatch(/totpSecret|totpPendingSecret/);

    const r = await api.call("POST", `/v1/users/${id}/totp/reset`, { token: admin });
    expect(r.status).toBe(200);
    const me = (await api.call("GET", "/v1/me", { token: admin })).body.user;
    expect(r.body).toMatchObject({
      id,
      totpEnabled: false,
      totpResetAt: now().toISOString(),
      totpResetBy: me.id,
      version: before.body.version + 1,
    });

    const relogin = await login(county, "station1");
    expect(relogin.status).toBe(200);
    await enroll(relogin.body.token);
    expectError(await login(county, "station1"), 401, "TOTP_REQUIRED");
  });

  it("answers 409 when there is nothing to reset, and refuses the admin's own factor", async () => {
    const id = await userId("point1");
    const nothing = await api.call("POST", `/v1/users/${id}/totp/reset`, { token: admin });
    expectError(nothing, 409, "TOTP_NOT_ENABLED");
    const me = (await api.call("GET", "/v1/me", { token: admin })).body.user;
    expectError(
      await api.call("POST", `/v1/users/${me.id}/totp/reset`, { token: admin }),
      422,
      "TOTP_RESET_SELF",
    );
  });

  it("is for the bureau admin only, and 404 for a user not in the tenant", async () => {
    const id = await userId("station1");
    for (const who of ["bureau", "office1", "station1", "viewer"]) {
      const token = await api.login(county, who, DEMO_PASSWORD).catch(() => null);
      if (!token) continue; // station1 has TOTP on again: covered by the others
      expectError(await api.call("POST", `/v1/users/${id}/totp/reset`, { token }), 403, "ROLE_FORBIDDEN");
    }
    expectError(await api.call("POST", `/v1/users/nobody/totp/reset`, { token: admin }), 404, "NOT_FOUND");
    expectError(await api.call("POST", `/v1/users/${id}/totp/reset`), 401, "UNAUTHORIZED");

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
    expectError(await api.call("POST", `/v1/users/${id}/totp/reset`, { token: other }), 404, "NOT_FOUND");
    // Still on in the demo tenant.
    expectError(await login(county, "station1"), 401, "TOTP_REQUIRED");
  });
});
