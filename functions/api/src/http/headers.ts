import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./env.ts";

/**
 * Headers of every API answer, errors included: `nosniff` (a JSON body is never run as a script or
 * rendered as a page), and `no-store` unless a public route chose a cache life itself — never for an
 * answer to a request with credentials, which may carry personal information.
 */
export const apiHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  c.res.headers.set("X-Content-Type-Options", "nosniff");
  if (c.req.header("authorization") || !c.res.headers.has("cache-control"))
    c.res.headers.set("Cache-Control", "no-store");
});
