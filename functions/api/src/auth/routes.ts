import { LoginInput, LoginResponse, MeResponse, NotFound } from "@weiquan/domain";
import { UnitsRepository } from "@weiquan/store";
import { Hono } from "hono";
import { z } from "zod";
import { authenticated } from "../http/caller.ts";
import { doc } from "../http/docs.ts";
import type { AppEnv } from "../http/env.ts";
import { valid } from "../http/validate.ts";
import { login } from "./login.ts";

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
    valid("json", LoginInput),
    async (c) => c.json(await login(c.var.deps, c.req.valid("json"))),
  )
  .get(
    "/v1/me",
    doc({
      summary: "The caller: user, unit and tenant",
      tags: ["auth"],
      ok: { schema: MeResponse },
      errors: [403],
    }),
    authenticated,
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
        },
        unit: unit ? { id: unit.id, name: unit.name, type: unit.type } : null,
        tenant: t ? { id: t.id, name: t.name, countyCode: t.countyCode, status: t.status } : null,
      } satisfies MeResponse);
    },
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
