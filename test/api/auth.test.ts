import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { DEMO_COUNTY, demoUsers } from "@weiquan/local";
import { UsersRepository } from "@weiquan/store";
import { createLocalJWKSet, decodeJwt, exportJWK, generateKeyPair, jwtVerify, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, startApi, type TestApi } from "../support/api.ts";

let api: TestApi;
let clock = Date.now();
beforeAll(async () => {
  api = await startApi({ demo: true, now: () => new Date(clock) });
});
afterAll(() => api.close());

const county = DEMO_COUNTY.countyCode;
const login = (tenant: string, username: string, password: string) =>
  api.call("POST", "/v1/auth/login", { body: { tenant, username, password } });

describe("POST /v1/auth/login", () => {
  it.each([["admin", "bureau_admin"], ...demoUsers.map((u) => [u.username, u.role])])(
    "logs in demo user %s as %s and returns a short-lived ES256 token",
    async (username, role) => {
      const r = await login(county, username, "Demo@2026");
      expect(r.status).toBe(200);
      expect(r.body.user).toMatchObject({ username, role });
      expect(r.body.user).not.toHaveProperty("passwordHash");
      const header = JSON.parse(Buffer.from(r.body.token.split(".")[0], "base64url").toString());
      expect(header.alg).toBe("ES256");
      const claims = decodeJwt(r.body.token);
      expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(12 * 3600);
      expect(Date.parse(r.body.expiresAt)).toBe(claims.exp! * 1000);
    },
  );

  it("accepts the tenant id as well as the county code", async () => {
    const t = await api.deps.control.tenants.getByCountyCode(county);
    const r = await login(t!.id, "point1", "Demo@2026");
    expect(r.status).toBe(200);
  });

  it("gives one answer for a wrong password, an unknown user and an unknown tenant", async () => {
    const answers = await Promise.all([
      login(county, "point2", "wrong-password"),
      login(county, "nobody", "Demo@2026"),
      login("999999", "admin", "Demo@2026"),
      login("platform", "admin", "Demo@2026"),
    ]);
    for (const r of answers) expectError(r, 401, "INVALID_CREDENTIALS");
    expect(new Set(answers.map((r) => r.body.error.message)).size).toBe(1);
  });

  it("locks the account after 5 consecutive failures, even for the right password, then unlocks", async () => {
    for (let i = 0; i < 4; i++)
      expectError(await login(county, "station2", "nope"), 401, "INVALID_CREDENTIALS");
    const fifth = await login(county, "station2", "nope");
    expectError(fifth, 429, "ACCOUNT_LOCKED");
    expect(Number(fifth.headers.get("retry-after"))).toBeGreaterThan(0);
    expectError(await login(county, "station2", "Demo@2026"), 429, "ACCOUNT_LOCKED");
    clock += 16 * 60_000;
    expect((await login(county, "station2", "Demo@2026")).status).toBe(200);
  });

  it("resets the failure count after a successful login", async () => {
    for (let i = 0; i < 4; i++) await login(county, "office1", "nope");
    expect((await login(county, "office1", "Demo@2026")).status).toBe(200);
    for (let i = 0; i < 4; i++)
      expectError(await login(county, "office1", "nope"), 401, "INVALID_CREDENTIALS");
  });

  it("answers 400 with field paths for missing or malformed fields", async () => {
    const r = await api.call("POST", "/v1/auth/login", { body: { tenant: "120115", password: 5 } });
    expectError(r, 400, "VALIDATION_FAILED");
    expect(r.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      "password",
      "username",
    ]);
  });
});

describe("GET /v1/me", () => {
  it("returns the caller's user, unit and tenant", async () => {
    const token = await api.login(county, "point1");
    const r = await api.call("GET", "/v1/me", { token });
    expect(r.status).toBe(200);
    expect(r.body.user).toMatchObject({ username: "point1", role: "point_staff" });
    expect(r.body.unit).toMatchObject({ name: "南关社区消费维权服务点", type: "point" });
    expect(r.body.tenant).toMatchObject({ countyCode: county, name: DEMO_COUNTY.name, status: "active" });
  });

  it("returns a platform operator without unit or tenant", async () => {
    const token = await api.login("platform", "operator");
    const r = await api.call("GET", "/v1/me", { token });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      user: { role: "platform_admin", tenantId: "platform" },
      unit: null,
      tenant: null,
    });
  });

  it("stops accepting a token at once when its user is disabled", async () => {
    const token = await api.login(county, "point2");
    expect((await api.call("GET", "/v1/me", { token })).status).toBe(200);
    const t = (await api.deps.control.tenants.getByCountyCode(county))!;
    const table = await api.deps.tenantAccess.forTenant(t.id);
    const user = (await new UsersRepository(table).getByUsername("point2"))!;
    await table.doc.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: { PK: `USER#${user.id}`, SK: "USER" },
        UpdateExpression: "SET disabled = :t",
        ExpressionAttributeValues: { ":t": true },
      }),
    );
    expectError(await api.call("GET", "/v1/me", { token }), 401, "ACCOUNT_DISABLED");
    expectError(await login(county, "point2", "Demo@2026"), 401, "INVALID_CREDENTIALS");
  });
});

describe("token verification", () => {
  const claimsOf = async () => decodeJwt(await api.login(county, "viewer"));

  it("rejects a missing or malformed Authorization header", async () => {
    expectError(await api.call("GET", "/v1/me"), 401, "UNAUTHORIZED");
    expectError(
      await api.call("GET", "/v1/me", { headers: { authorization: "Basic abc" } }),
      401,
      "UNAUTHORIZED",
    );
    expectError(await api.call("GET", "/v1/me", { token: "not.a.jwt" }), 401, "INVALID_TOKEN");
  });

  it("rejects alg: none", async () => {
    const claims = await claimsOf();
    const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const token = `${enc({ alg: "none", typ: "JWT" })}.${enc(claims)}.`;
    expectError(await api.call("GET", "/v1/me", { token }), 401, "INVALID_TOKEN");
  });

  it("rejects a tampered payload (role raised to bureau_admin)", async () => {
    const [h, , s] = (await api.login(county, "viewer")).split(".");
    const claims = { ...(await claimsOf()), role: "bureau_admin" };
    const token = `${h}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${s}`;
    expectError(await api.call("GET", "/v1/me", { token }), 401, "INVALID_TOKEN");
  });

  it("rejects a token signed with another key, even with our kid", async () => {
    const { privateKey } = await generateKeyPair("ES256");
    const kid = (await api.call("GET", "/.well-known/jwks.json")).body.keys[0].kid;
    const token = await new SignJWT({ ...(await claimsOf()) })
      .setProtectedHeader({ alg: "ES256", kid })
      .sign(privateKey);
    expectError(await api.call("GET", "/v1/me", { token }), 401, "INVALID_TOKEN");
  });

  it("rejects an HS256 token keyed with the public key", async () => {
    const jwk = (await api.call("GET", "/.well-known/jwks.json")).body.keys[0];
    const secret = new TextEncoder().encode(JSON.stringify(jwk));
    const token = await new SignJWT({ ...(await claimsOf()) })
      .setProtectedHeader({ alg: "HS256" })
      .sign(secret);
    expectError(await api.call("GET", "/v1/me", { token }), 401, "INVALID_TOKEN");
  });

  it("rejects an expired token", async () => {
    const token = await api.login(county, "bureau");
    clock += 9 * 3600_000;
    try {
      expectError(await api.call("GET", "/v1/me", { token }), 401, "TOKEN_EXPIRED");
    } finally {
      clock -= 9 * 3600_000;
    }
  });

  it("publishes the public key (no private part) in JWKS, and it verifies issued tokens", async () => {
    const r = await api.call("GET", "/.well-known/jwks.json");
    expect(r.status).toBe(200);
    expect(r.body.keys).toHaveLength(1);
    expect(r.body.keys[0]).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256", use: "sig" });
    expect(r.body.keys[0]).not.toHaveProperty("d");
    const token = await api.login(county, "admin");
    const { payload } = await jwtVerify(token, createLocalJWKSet(r.body), { currentDate: new Date(clock) });
    expect(payload.role).toBe("bureau_admin");
    // exportJWK is used only to prove the test's own key differs from the published one
    const other = await exportJWK((await generateKeyPair("ES256", { extractable: true })).publicKey);
    expect(other.x).not.toBe(r.body.keys[0].x);
  });
});
