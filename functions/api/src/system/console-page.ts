import { readFileSync } from "node:fs";
import { securityHeaders } from "@weiquan/runtime/security-headers";
import { Hono } from "hono";
import type { AppEnv } from "../http/env.ts";

/**
 * The console's page (`index.html`) for every console route — the China regions only, where CloudFront
 * can neither add response headers nor rewrite paths: there the distribution sends documents to the api,
 * which answers with the page and the security headers; assets still come from the bucket. Elsewhere
 * (and locally) this is not mounted and CloudFront or the local server serves the page.
 */
export function consolePageRoutes(page: { file: string; connectSources: string[] }) {
  const headers = securityHeaders(page.connectSources);
  let html: string | undefined;
  return new Hono<AppEnv>().get("*", async (c, next) => {
    const path = c.req.path;
    if (path.startsWith("/v1/") || path.startsWith("/.well-known/")) return next();
    html ??= readFileSync(page.file, "utf8");
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
    c.header("cache-control", "no-cache");
    return c.html(html);
  });
}
