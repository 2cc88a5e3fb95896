import { DEMO_COUNTY } from "@weiquan/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type TestApi } from "../support/api.ts";

/** Headers of every API answer: nosniff always, no-store on everything a credential asked for. */
let api: TestApi;
let token: string;
const county = DEMO_COUNTY.countyCode;

beforeAll(async () => {
  api = await startApi({ demo: true });
  token = await api.login(county, "admin");
});
afterAll(() => api.close());

describe("every API answer", () => {
  it.each([
    ["GET", "/v1/health", false],
    ["GET", "/v1/openapi.json", false],
    ["GET", "/.well-known/jwks.json", false],
    ["GET", `/v1/public/${county}`, false],
    ["POST", "/v1/auth/login", false],
    ["GET", "/v1/me", true],
    ["GET", "/v1/cases", true],
    ["GET", "/v1/units/nope", true],
    ["GET", "/v1/nowhere", true],
    ["GET", "/.well-known/jwks.json", true],
  ] as const)("%s %s (token: %s) is nosniff, and no-store when authenticated", async (method, path, auth) => {
    const r = await api.call(method, path, {
      token: auth ? token : undefined,
      body: method === "POST" ? { tenant: county, username: "admin", password: "wrong-0000" } : undefined,
    });
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    if (auth) expect(r.headers.get("cache-control")).toBe("no-store");
    else expect(r.headers.get("cache-control")).toMatch(/^(no-store|public, max-age=\d+)$/);
  });

  it("keeps the public cache life of the JWKS and the public directory when nobody is logged in", async () => {
    expect((await api.call("GET", "/.well-known/jwks.json")).headers.get("cache-control")).toBe(
      "public, max-age=300",
    );
    expect((await api.call("GET", `/v1/public/${county}`)).headers.get("cache-control")).toBe(
      "public, max-age=60",
    );
  });
});
