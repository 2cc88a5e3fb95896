import { Hono } from "hono";
import { z } from "zod";
import { doc } from "../http/docs.ts";
import type { AppEnv } from "../http/env.ts";

export const systemRoutes = new Hono<AppEnv>().get(
  "/v1/health",
  doc({
    summary: "Liveness",
    tags: ["system"],
    auth: false,
    dependencies: false,
    ok: { schema: z.object({ status: z.literal("ok") }) },
  }),
  (c) => c.json({ status: "ok" as const }),
);
