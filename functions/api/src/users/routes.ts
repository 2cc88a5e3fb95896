import { CreateUserInput, NotFound, PatchUserInput, User } from "@weiquan/domain";
import { Hono } from "hono";
import { z } from "zod";
import { doc } from "../http/docs.ts";
import { ListQuery, page } from "../http/lists.ts";
import { type ScopedEnv, tenantScoped } from "../http/scope.ts";
import { noBody, valid } from "../http/validate.ts";
import { createUser, patchUser, publicUser, resetTotp, usersOf } from "./service.ts";

const IdParam = z.object({ id: z.string().min(1).max(64) });
const tags = ["users"];

export const userRoutes = new Hono<ScopedEnv>()
  .use("/v1/users", ...tenantScoped)
  .use("/v1/users/*", ...tenantScoped)
  .get(
    "/v1/users",
    doc({
      summary: "The tenant's users (bureau_admin)",
      tags,
      ok: { schema: page(User) },
      errors: [400, 403],
    }),
    valid("query", ListQuery),
    async (c) => {
      const { limit, cursor } = c.req.valid("query");
      const out = await usersOf(c.var.scope).list(limit, cursor);
      return c.json({ items: out.items.map(publicUser), nextCursor: out.nextCursor });
    },
  )
  .post(
    "/v1/users",
    doc({
      summary: "Create a user; the role must fit the unit type (bureau_admin)",
      tags,
      ok: { status: 201, schema: User },
      errors: [400, 403, 404, 409, 422],
    }),
    valid("json", CreateUserInput),
    async (c) => c.json(await createUser(c.var.scope, c.req.valid("json"), c.var.deps.now()), 201),
  )
  .get(
    "/v1/users/:id",
    doc({ summary: "One user (bureau_admin)", tags, ok: { schema: User }, errors: [403, 404] }),
    valid("param", IdParam),
    async (c) => {
      const user = await usersOf(c.var.scope).get(c.req.valid("param").id);
      if (!user) throw NotFound("用户");
      return c.json(publicUser(user));
    },
  )
  .patch(
    "/v1/users/:id",
    doc({
      summary: "Change role, unit, name, disabled or reset the password (with version; bureau_admin)",
      tags,
      ok: { schema: User },
      errors: [400, 403, 404, 409, 422],
    }),
    valid("param", IdParam),
    valid("json", PatchUserInput),
    async (c) =>
      c.json(await patchUser(c.var.scope, c.req.valid("param").id, c.req.valid("json"), c.var.deps.now())),
  )
  .post(
    "/v1/users/:id/totp/reset",
    doc({
      summary:
        "Clear a user's two-step verification (lost phone) so they can enroll again; recorded as totpResetAt / totpResetBy (bureau_admin)",
      tags,
      ok: { schema: User },
      errors: [403, 404, 409, 422],
    }),
    valid("param", IdParam),
    noBody,
    async (c) => c.json(await resetTotp(c.var.scope, c.req.valid("param").id, c.var.deps.now())),
  );
