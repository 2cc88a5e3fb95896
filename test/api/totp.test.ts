import { totpCode } from "@weiquan/fn-api/auth/totp";
import { DEMO_COUNTY, DEMO_PASSWORD } from "@weiquan/local";
import { publicUser, UsersRepository } from "@weiquan/store";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, startApi, type TestApi } from "../support/api.ts";

// Mid-step, so "the previous / next 30 s" are whole steps away from the edges.
let clock = Math.floor(Date.now() / 30_000) * 30_000 + 10_000;
const now = () => new Date(clock);
const county = DEMO_COUNTY.countyCode;
const STEP = 30_000;

/** What the authenticator app shows at the test clock (plus an offset in steps). */
const codeAt = (secret: string, steps = 0) => totpCode(secret, new Date(clock + steps * STEP));
/** A valid-looking code that is none of the three accepted ones. */
const wrongCode = (secret: string) => {
  const accepted = new Set([codeAt(secret, -1), codeAt(secret), codeAt(secret, 1)]);
  for (let n = 0; ; n++) {
    const c = String(n).padStart(6, "0");
    if (!accepted.has(c)) return c;
  }
};

let api: TestApi;
beforeAll(async () => {
  api = await startApi({ demo: true, now });
});
afterAll(() => api.close());

const login = (tenant: string, username: string, password: string, totp?: string) =>
  api.call("POST", "/v1/auth/login", {
    body: { tenant, username, password, ...(totp === undefined ? {} : { totp }) },
  });

/** Enrolls `username` and returns its secret. Each call moves the clock on a step (codes are single-use). */
async function enroll(a: TestApi, token: string): Promise<string> {
  const started = await a.call("POST", "/v1/me/totp", { token });
  expect(started.status).toBe(200);
  const secret = started.body.secret as string;
  const confirmed = await a.call("POST", "/v1/me/totp/confirm", { token, body: { code: codeAt(secret) } });
  expect(confirmed.status).toBe(200);
  clock += STEP;
  return secret;
}

describe("TOTP enrollment (POST /v1/me/totp, /v1/me/totp/confirm)", () => {
  it("hands out a pending secret with an otpauth URI, activates it only with a right code, then hides it", async () => {
    const token = await api.login(county, "office1");
    expect((await api.call("GET", "/v1/me", { token })).body.user.totpEnabled).toBe(false);

    const started = await api.call("POST", "/v1/me/totp", { token });
    expect(started.status).toBe(200);
    const { secret, otpauthUri } = started.body;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(otpauthUri);
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe(`/维权通 Weiquan:${county}:office1`);
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe("维权通 Weiquan");
    expect(uri.searchParams.get("algorithm")).toBe("SHA1");
    expect(uri.searchParams.get("digits")).toBe("6");
    expect(uri.searchParams.get("period")).toBe("30");

    // Pending is not active: login still needs the password only.
    expect((await login(county, "office1", DEMO_PASSWORD)).status).toBe(200);

    const wrong = await api.call("POST", "/v1/me/totp/confirm", { token, body: { code: wrongCode(secret) } });
    expectError(wrong, 422, "INVALID_TOTP");
    expect(wrong.body.error.message).toMatch(/验证码/);
    expectError(
      await api.call("POST", "/v1/me/totp/confirm", { token, body: { code: "12345" } }),
      400,
      "VALIDATION_FAILED",
    );
    expect((await api.call("GET", "/v1/me", { token })).body.user.totpEnabled).toBe(false);

    const right = await api.call("POST", "/v1/me/totp/confirm", { token, body: { code: codeAt(secret) } });
    expect(right.status).toBe(200);
    expect(right.body).toEqual({ totpEnabled: true });
    const me = await api.call("GET", "/v1/me", { token });
    expect(me.body.user.totpEnabled).toBe(true);
    expect(JSON.stringify(me.body)).not.toContain(secret);

    // Enrolling again while on would let a stolen session swap in its own phone: refused.
    expectError(await api.call("POST", "/v1/me/totp", { token }), 409, "TOTP_ALREADY_ENABLED");
    clock += STEP;
  });

  it("refuses to confirm before a secret was handed out", async () => {
    const token = await api.login(county, "point2");
    expectError(
      await api.call("POST", "/v1/me/totp/confirm", { token, body: { code: "123456" } }),
      422,
      "TOTP_NOT_STARTED",
    );
  });

  it("needs a token", async () => {
    expectError(await api.call("POST", "/v1/me/totp"), 401, "UNAUTHORIZED");
  });

  it("enrolls a platform operator too, labelled platform:{username}", async () => {
    const token = await api.login("platform", "operator");
    const started = await api.call("POST", "/v1/me/totp", { token });
    expect(decodeURIComponent(new URL(started.body.otpauthUri).pathname)).toBe(
      "/维权通 Weiquan:platform:operator",
    );
    const secret = started.body.secret as string;
    expect(
      (await api.call("POST", "/v1/me/totp/confirm", { token, body: { code: codeAt(secret) } })).status,
    ).toBe(200);
    clock += STEP;
    expectError(await login("platform", "operator", DEMO_PASSWORD), 401, "TOTP_REQUIRED");
    const r = await login("platform", "operator", DEMO_PASSWORD, codeAt(secret));
    expect(r.status).toBe(200);
    expect(r.body.user).toMatchObject({ role: "platform_admin", totpEnabled: true });
  });
});

describe("login with TOTP enabled", () => {
  let secret: string;
  beforeAll(async () => {
    secret = await enroll(api, await api.login(county, "station1"));
  });

  it("asks for the code (TOTP_REQUIRED) only after the right password", async () => {
    const r = await login(county, "station1", DEMO_PASSWORD);
    expectError(r, 401, "TOTP_REQUIRED");
    expect(r.body.error.message).toBe("请输入动态验证码");
  });

  it("answers a wrong password with INVALID_CREDENTIALS, never revealing the second factor", async () => {
    expectError(await login(county, "station1", "wrong-password"), 401, "INVALID_CREDENTIALS");
    expectError(
      await login(county, "station1", "wrong-password", codeAt(secret)),
      401,
      "INVALID_CREDENTIALS",
    );
  });

  it("logs in with the right code, returns totpEnabled, and refuses the same code again", async () => {
    const code = codeAt(secret);
    const r = await login(county, "station1", DEMO_PASSWORD, code);
    expect(r.status).toBe(200);
    expect(r.body.user).toMatchObject({ username: "station1", totpEnabled: true });
    expect(decodeJwt(r.body.token)).not.toHaveProperty("enr");
    expectError(await login(county, "station1", DEMO_PASSWORD, code), 401, "INVALID_TOTP");
    clock += STEP;
  });

  it("lets only one of two simultaneous logins use the same code", async () => {
    const code = codeAt(secret);
    const both = await Promise.all([
      login(county, "station1", DEMO_PASSWORD, code),
      login(county, "station1", DEMO_PASSWORD, code),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 401]);
    clock += STEP;
  });

  it("accepts the previous and the next 30-second code, but not two steps away", async () => {
    clock += 2 * STEP; // the previous step's code must not be the one just used
    expect((await login(county, "station1", DEMO_PASSWORD, codeAt(secret, -1))).status).toBe(200);
    clock += 3 * STEP;
    expect((await login(county, "station1", DEMO_PASSWORD, codeAt(secret, 1))).status).toBe(200);
    // The next step's code was used, so the current step's (earlier) one is refused as well.
    expectError(await login(county, "station1", DEMO_PASSWORD, codeAt(secret)), 401, "INVALID_TOTP");
    clock += 3 * STEP;
    expectError(await login(county, "station1", DEMO_PASSWORD, codeAt(secret, -2)), 401, "INVALID_TOTP");
    expectError(await login(county, "station1", DEMO_PASSWORD, codeAt(secret, 2)), 401, "INVALID_TOTP");
    clock += STEP;
  });

  it("counts wrong codes toward the lockout like wrong passwords", async () => {
    // The two refusals of the previous test count already: clear them with a good login.
    expect((await login(county, "station1", DEMO_PASSWORD, codeAt(secret))).status).toBe(200);
    clock += STEP;
    for (let i = 0; i < 2; i++)
      expectError(await login(county, "station1", DEMO_PASSWORD, wrongCode(secret)), 401, "INVALID_TOTP");
    for (let i = 0; i < 2; i++)
      expectError(await login(county, "station1", "nope"), 401, "INVALID_CREDENTIALS");
    const fifth = await login(county, "station1", DEMO_PASSWORD, wrongCode(secret));
    expectError(fifth, 429, "ACCOUNT_LOCKED");
    expectError(await login(county, "station1", DEMO_PASSWORD, codeAt(secret)), 429, "ACCOUNT_LOCKED");
    clock += 16 * 60_000;
    expect((await login(county, "station1", DEMO_PASSWORD, codeAt(secret))).status).toBe(200);
    clock += STEP;
  });

  it("does not count a login that only lacked the code", async () => {
    for (let i = 0; i < 6; i++)
      expectError(await login(county, "station1", DEMO_PASSWORD), 401, "TOTP_REQUIRED");
    expect((await login(county, "station1", DEMO_PASSWORD, codeAt(secret))).status).toBe(200);
    clock += STEP;
  });
});

describe("DELETE /v1/me/totp", () => {
  it("needs a current code, then logins need the password only again", async () => {
    const token = await api.login(county, "point1");
    const secret = await enroll(api, token);
    expectError(
      await api.call("DELETE", "/v1/me/totp", { token, body: { code: wrongCode(secret) } }),
      422,
      "INVALID_TOTP",
    );
    expectError(await api.call("DELETE", "/v1/me/totp", { token, body: {} }), 400, "VALIDATION_FAILED");
    expectError(await login(county, "point1", DEMO_PASSWORD), 401, "TOTP_REQUIRED");

    const off = await api.call("DELETE", "/v1/me/totp", { token, body: { code: codeAt(secret) } });
    expect(off.status).toBe(200);
    expect(off.body).toEqual({ totpEnabled: false });
    expect((await api.call("GET", "/v1/me", { token })).body.user.totpEnabled).toBe(false);
    expect((await login(county, "point1", DEMO_PASSWORD)).status).toBe(200);
    expectError(
      await api.call("DELETE", "/v1/me/totp", { token, body: { code: codeAt(secret) } }),
      409,
      "TOTP_NOT_ENABLED",
    );
  });

  it("keeps the secrets off the user item's public shape", async () => {
    const t = (await api.deps.control.tenants.getByCountyCode(county))!;
    const users = new UsersRepository(await api.deps.tenantAccess.forTenant(t.id));
    const station1 = (await users.getByUsername("station1"))!;
    expect(station1.totpEnabled).toBe(true);
    expect(station1.totpSecret).toMatch(/^[A-Z2-7]+$/);
    expect(Object.keys(publicUser(station1)).filter((k) => k.startsWith("totp"))).toEqual([]);
  });
});

describe("roles that require TOTP (production settings)", () => {
  let strict: TestApi;
  beforeAll(async () => {
    strict = await startApi({ demo: true, now, requireTotpFor: ["bureau_admin", "platform_admin"] });
  });
  afterAll(() => strict.close());

  it("gives an admin without TOTP an enrollment-only token: /v1/me and enrollment work, everything else is 403", async () => {
    const r = await strict.call("POST", "/v1/auth/login", {
      body: { tenant: "platform", username: "operator", password: DEMO_PASSWORD },
    });
    expect(r.status).toBe(200);
    expect(r.body.user).toMatchObject({ totpEnabled: false, totpEnrollmentRequired: true });
    const token = r.body.token as string;
    expect(decodeJwt(token).enr).toBe(true);

    const refused = await strict.call("GET", "/v1/platform/tenants", { token });
    expectError(refused, 403, "TOTP_ENROLLMENT_REQUIRED");
    expect(refused.body.error.message).toMatch(/动态验证码/);

    const me = await strict.call("GET", "/v1/me", { token });
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ totpEnabled: false, totpEnrollmentRequired: true });

    const secret = await enroll(strict, token);
    // The enrollment-only token stays limited; a new login with a code gives a full one.
    expectError(await strict.call("GET", "/v1/platform/tenants", { token }), 403, "TOTP_ENROLLMENT_REQUIRED");
    const full = await strict.call("POST", "/v1/auth/login", {
      body: { tenant: "platform", username: "operator", password: DEMO_PASSWORD, totp: codeAt(secret) },
    });
    expect(full.status).toBe(200);
    expect(full.body.user).toMatchObject({ totpEnabled: true });
    expect(full.body.user).not.toHaveProperty("totpEnrollmentRequired");
    expect((await strict.call("GET", "/v1/platform/tenants", { token: full.body.token })).status).toBe(200);

    // A required role cannot switch it off again.
    clock += STEP;
    expectError(
      await strict.call("DELETE", "/v1/me/totp", { token: full.body.token, body: { code: codeAt(secret) } }),
      422,
      "TOTP_REQUIRED_FOR_ROLE",
    );
  });

  it("applies to the bureau admin, not to other tenant roles", async () => {
    const admin = await strict.call("POST", "/v1/auth/login", {
      body: { tenant: county, username: "admin", password: DEMO_PASSWORD },
    });
    expect(admin.body.user).toMatchObject({ role: "bureau_admin", totpEnrollmentRequired: true });
    const staff = await strict.call("POST", "/v1/auth/login", {
      body: { tenant: county, username: "bureau", password: DEMO_PASSWORD },
    });
    expect(staff.status).toBe(200);
    expect(staff.body.user).not.toHaveProperty("totpEnrollmentRequired");
    expect(decodeJwt(staff.body.token)).not.toHaveProperty("enr");
  });
});
