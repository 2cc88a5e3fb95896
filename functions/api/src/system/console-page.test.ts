import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { securityHeaders } from "@weiquan/runtime/security-headers";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { consolePageRoutes } from "./console-page.ts";

describe("the console's page from the api (AWS China, where CloudFront adds no headers)", () => {
  const dir = mkdtempSync(join(tmpdir(), "weiquan-page-"));
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>维权通</title>");
  const app = new Hono()
    .get("/v1/health", (c) => c.json({ status: "ok" }))
    .route(
      "/",
      consolePageRoutes({ file: join(dir, "index.html"), connectSources: ["https://files.example"] }),
    );

  it("answers every console route with the page and every security header", async () => {
    for (const path of ["/", "/cases", "/p/120115"]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain("维权通");
      for (const [name, value] of Object.entries(securityHeaders(["https://files.example"])))
        expect(res.headers.get(name)).toBe(value);
      expect(res.headers.get("content-security-policy")).toContain(
        "connect-src 'self' https://files.example;",
      );
    }
  });

  it("leaves API paths to the API: an unknown one is not the page", async () => {
    expect((await app.request("/v1/health")).status).toBe(200);
    expect((await app.request("/v1/nothing")).status).toBe(404);
    expect((await app.request("/.well-known/nothing")).status).toBe(404);
  });
});
