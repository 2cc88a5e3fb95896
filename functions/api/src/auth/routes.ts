import {
  ChangePasswordInput,
  LoginInput,
  LoginResponse,
  MeResponse,
  NotFound,
  TotpCodeInput,
  TotpEnrollment,
  TotpStatus,
} from "@weiquan/domain";
import { UnitsRepository } from "@weiquan/store";
import { Hono } from "hono";
import { z } from "zod";
import { enrollmentAllowed, passwordChangeAllowed } from "../http/caller.ts";
import { doc } from "../http/docs.ts";
import type { AppEnv } from "../http/env.ts";
import { sourceOf } from "../http/source.ts";
import { noBody, valid } from "../http/validate.ts";
import { confirmEnrollment, disableTotp, startEnrollment } from "./enrollment.ts";
import { login } from "./login.ts";
import { changeOwnPassword } from "./password-change.ts";

const Jwks = z.object({ keys: z.array(z.record(z.string(), z.unknown())) });

export const authRoutes = new Hono<AppEnv>()
  .post(
    "/v1/auth/login",
    doc({
      summary: "Log in",
      tags: ["auth"],
      auth: false,
      ok: { schema: LoginResponse },
      errors: [400, 401, 403, 409, 429],
    }),
    // 401 TOTP_REQUIRED (right password, code needed) and INVALID_TOTP (wrong or reused code) come
    // only after the password was right; a wrong password answers INVALID_CREDENTIALS either way.
    valid("json", LoginInput),
    async (c) => c.json(await login(c.var.deps, c.req.valid("json"), sourceOf(c, "login"))),
  )
  .get(
    "/v1/me",
    doc({
      summary: "The caller: user, unit and tenant",
      tags: ["auth"],
      ok: { schema: MeResponse },
      errors: [403],
    }),
    passwordChangeAllowed,
    async (c) => {
      const { caller } = c.var;
      const unit =
        caller.table && caller.unitId ? await new UnitsRepository(caller.table).get(caller.unitId) : null;
      if (caller.table && !unit) throw NotFound("所属单位");
      const t = caller.tenant;
      return c.json({
        user: {
          id: caller.userId,
          username: caller.username,
          displayName: caller.displayName,
          role: caller.role,
          unitId: caller.unitId,
          tenantId: caller.tenantId,
          totpEnabled: caller.totpEnabled,
          ...(caller.enrollmentOnly ? { totpEnrollmentRequired: true } : {}),
          ...(caller.passwordChangeOnly ? { passwordChangeRequired: true } : {}),
        },
        unit: unit ? { id: unit.id, name: unit.name, type: unit.type } : null,
        tenant: t ? { id: t.id, name: t.name, countyCode: t.countyCode, status: t.status } : null,
      } satisfies MeResponse);
    },
  )
  .post(
    "/v1/me/password",
    doc({
      summary:
        "Change one's own password, proving the current one (tenant users and platform operators). The one " +
        "route a password-change-only session (login answered `passwordChangeRequired: true`) may use " +
        "besides GET /v1/me; log in again afterwards. 422 CURRENT_PASSWORD_WRONG (counts toward the " +
        "lockout), PASSWORD_UNCHANGED; 429 ACCOUNT_LOCKED.",
      tags: ["auth"],
      ok: { schema: z.object({ ok: z.literal(true) }) },
      errors: [400, 409, 422, 429],
    }),
    passwordChangeAllowed,
    valid("json", ChangePasswordInput),
    async (c) => {
      await changeOwnPassword(c.var.deps, c.var.caller, c.req.valid("json"));
      return c.json({ ok: true as const });
    },
  )
  .post(
    "/v1/me/totp",
    doc({
      summary: "Start TOTP enrollment: a new pending secret and its otpauth:// URI (not active yet)",
      tags: ["auth"],
      ok: { schema: TotpEnrollment },
      errors: [403, 409],
    }),
    enrollmentAllowed,
    noBody,
    async (c) => c.json(await startEnrollment(c.var.deps, c.var.caller)),
  )
  .post(
    "/v1/me/totp/confirm",
    doc({
      summary: "Activate the pending TOTP secret with a current code",
      tags: ["auth"],
      ok: { schema: TotpStatus },
      errors: [400, 403, 409, 422],
    }),
    enrollmentAllowed,
    valid("json", TotpCodeInput),
    async (c) => c.json(await confirmEnrollment(c.var.deps, c.var.caller, c.req.valid("json").code)),
  )
  .delete(
    "/v1/me/totp",
    doc({
      summary: "Turn TOTP off (needs a current code)",
      tags: ["auth"],
      ok: { schema: TotpStatus },
      errors: [400, 403, 409, 422, 429],
    }),
    enrollmentAllowed,
    valid("json", TotpCodeInput),
    async (c) => c.json(await disableTotp(c.var.deps, c.var.caller, c.req.valid("json").code)),
  )
  .get(
    "/.well-known/jwks.json",
    doc({
      summary: "Public keys that verify access tokens",
      tags: ["auth"],
      auth: false,
      ok: { schema: Jwks },
    }),
    async (c) => {
      c.header("Cache-Control", "public, max-age=300");
      return c.json({ keys: [(await c.var.deps.signingKey()).publicJwk] });
    },
  );
