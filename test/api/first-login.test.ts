import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { totpCode } from "@weiquan/fn-api/auth/totp";
import { ensureFirstOperator } from "@weiquan/fn-api/platform/first-operator";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, startApi, type TestApi } from "../support/api.ts";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);

// Mid-step, so a code is whole steps away from the edges; moved on a step after each code is used.
let clock = Math.floor(Date.now() / 30_000) * 30_000 + 10_000;
const now = () => new Date(clock);

let api: TestApi;
beforeAll(async () => {
  // Production settings: a password set by someone else must be changed, administrators must use TOTP.
  api = await startApi({
    now,
    requirePasswordChange: true,
    requireTotpFor: ["bureau_admin", "platform_admin"],
  });
});
afterAll(() => api.close());

/** `pnpm first-operator` as the deployer runs it (its script), against this file's stage in DynamoDB Local. */
async function firstOperatorCommand(...args: string[]) {
  const endpoint = await api.deps.dynamo!.config.endpoint!();
  const url = `${endpoint.protocol}//${endpoint.hostname}:${endpoint.port}`;
  const out = await run(
    join(repoRoot, "node_modules/.bin/tsx"),
    ["scripts/first-operator.ts", "--stage", api.stage, "--endpoint", url, "--username", "root", ...args],
    { cwd: repoRoot },
  );
  return { stdout: out.stdout, password: /one-time password: (\S+)/.exec(out.stdout)?.[1] };
}

/** The same command's work in-process (starting tsx takes seconds on a busy machine). */
const firstOperator = (reset = false) =>
  ensureFirstOperator(
    api.deps.control.platformUsers,
    { username: "root", displayName: "运维", reset },
    now(),
  );

const login = (tenant: string, username: string, password: string, totp?: string) =>
  api.call("POST", "/v1/auth/login", { body: { tenant, username, password, ...(totp ? { totp } : {}) } });

const changePassword = (token: string, currentPassword: string, newPassword: string) =>
  api.call("POST", "/v1/me/password", { token, body: { currentPassword, newPassword } });

/** Enrolls TOTP with an enrollment-only token; returns the secret. */
async function enroll(token: string): Promise<string> {
  const started = await api.call("POST", "/v1/me/totp", { token });
  expect(started.status).toBe(200);
  const secret = started.body.secret as string;
  expect(
    (await api.call("POST", "/v1/me/totp/confirm", { token, body: { code: totpCode(secret, now()) } }))
      .status,
  ).toBe(200);
  clock += 30_000;
  return secret;
}

describe("the first platform operator of a deployed stage (pnpm first-operator)", () => {
  let operatorToken: string;

  it("is created once with a one-time password that only opens the password change, then TOTP enrollment", async () => {
    const created = await firstOperatorCommand("--display-name", "运维");
    expect(created.stdout).toMatch(/Created platform operator "root"/);
    const oneTime = created.password!;
    expect(oneTime).toMatch(/^[A-Za-z2-9]{20}$/);

    // Run again: nothing changes, no password is handed out.
    expect(await firstOperator()).toEqual({ outcome: "exists", username: "root" });

    const first = await login("platform", "root", oneTime);
    expect(first.status).toBe(200);
    expect(first.body.user).toMatchObject({ role: "platform_admin", passwordChangeRequired: true });
    expect(first.body.user).not.toHaveProperty("totpEnrollmentRequired");
    const restricted = first.body.token as string;
    expect(decodeJwt(restricted).pwc).toBe(true);

    // Only GET /v1/me and the password change accept it.
    expectError(
      await api.call("GET", "/v1/platform/tenants", { token: restricted }),
      403,
      "PASSWORD_CHANGE_REQUIRED",
    );
    expectError(
      await api.call("POST", "/v1/me/totp", { token: restricted }),
      403,
      "PASSWORD_CHANGE_REQUIRED",
    );
    const me = await api.call("GET", "/v1/me", { token: restricted });
    expect(me.body.user).toMatchObject({
      username: "root",
      displayName: "运维",
      passwordChangeRequired: true,
    });

    expectError(
      await changePassword(restricted, "wrong-one1", "Chosen2026pw"),
      422,
      "CURRENT_PASSWORD_WRONG",
    );
    expectError(await changePassword(restricted, oneTime, oneTime), 422, "PASSWORD_UNCHANGED");
    expect((await changePassword(restricted, oneTime, "Chosen2026pw")).status).toBe(200);
    // The restricted token stays restricted; the one-time password is gone.
    expectError(
      await api.call("GET", "/v1/platform/tenants", { token: restricted }),
      403,
      "PASSWORD_CHANGE_REQUIRED",
    );
    expectError(await login("platform", "root", oneTime), 401, "INVALID_CREDENTIALS");

    // Next login: the role requires TOTP, so enrollment comes next.
    const second = await login("platform", "root", "Chosen2026pw");
    expect(second.body.user).toMatchObject({ totpEnrollmentRequired: true });
    expect(second.body.user).not.toHaveProperty("passwordChangeRequired");
    const secret = await enroll(second.body.token);
    const full = await login("platform", "root", "Chosen2026pw", totpCode(secret, now()));
    clock += 30_000;
    expect(full.status).toBe(200);
    operatorToken = full.body.token;
    expect(decodeJwt(operatorToken)).not.toHaveProperty("pwc");
    expect((await api.call("GET", "/v1/platform/tenants", { token: operatorToken })).status).toBe(200);
  }, 120_000);

  it("hands out a new one-time password with --reset, clearing TOTP (the break-glass path)", async () => {
    const reset = await firstOperator(true);
    expect(reset.outcome).toBe("reset");
    expectError(await login("platform", "root", "Chosen2026pw"), 401, "INVALID_CREDENTIALS");
    const r = await login("platform", "root", reset.oneTimePassword!);
    expect(r.body.user).toMatchObject({ passwordChangeRequired: true, totpEnabled: false });
    // A token issued before the reset is restricted too: the account is read on every request.
    expectError(
      await api.call("GET", "/v1/platform/tenants", { token: operatorToken }),
      403,
      "PASSWORD_CHANGE_REQUIRED",
    );
    expect((await changePassword(r.body.token, reset.oneTimePassword!, "Again2026pw")).status).toBe(200);
    const next = await login("platform", "root", "Again2026pw");
    const secret = await enroll(next.body.token);
    const full = await login("platform", "root", "Again2026pw", totpCode(secret, now()));
    clock += 30_000;
    operatorToken = full.body.token;
    expect((await api.call("GET", "/v1/platform/tenants", { token: operatorToken })).status).toBe(200);
  });

  it("makes the county's first admin and every user an admin creates change the password they were given", async () => {
    const onboarded = await api.call("POST", "/v1/platform/tenants", {
      token: operatorToken,
      body: {
        countyCode: "110101",
        name: "北京市东城区市场监督管理局",
        admin: { username: "admin", displayName: "管理员", password: "Given2026pw" },
      },
    });
    expect(onboarded.status).toBe(201);
    const given = await login("110101", "admin", "Given2026pw");
    expect(given.body.user).toMatchObject({ passwordChangeRequired: true });
    expect((await changePassword(given.body.token, "Given2026pw", "Mine2026pw")).status).toBe(200);
    const enrolling = await login("110101", "admin", "Mine2026pw");
    const secret = await enroll(enrolling.body.token);
    const admin = (await login("110101", "admin", "Mine2026pw", totpCode(secret, now()))).body
      .token as string;
    clock += 30_000;

    const root = (await api.call("GET", "/v1/me", { token: admin })).body.unit.id as string;
    const created = await api.call("POST", "/v1/users", {
      token: admin,
      body: {
        username: "deputy",
        displayName: "副局长",
        role: "bureau_staff",
        unitId: root,
        password: "Start2026pw",
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ mustChangePassword: true });
    const deputy = await login("110101", "deputy", "Start2026pw");
    expect(deputy.body.user).toMatchObject({ passwordChangeRequired: true });
    expect((await changePassword(deputy.body.token, "Start2026pw", "Second-desk-2026")).status).toBe(200);
    const deputyToken = (await login("110101", "deputy", "Second-desk-2026")).body.token as string;
    expect((await api.call("GET", "/v1/cases", { token: deputyToken })).status).toBe(200);
    const cleared = await api.call("GET", `/v1/users/${created.body.id}`, { token: admin });
    expect(cleared.body).not.toHaveProperty("mustChangePassword");

    // An admin's reset sets the flag again, and restricts the session the user still holds.
    const reset = await api.call("PATCH", `/v1/users/${created.body.id}`, {
      token: admin,
      body: { version: cleared.body.version, password: "Reset2026pw" },
    });
    expect(reset.body).toMatchObject({ mustChangePassword: true });
    expectError(await api.call("GET", "/v1/cases", { token: deputyToken }), 403, "PASSWORD_CHANGE_REQUIRED");
  }, 120_000);
});
