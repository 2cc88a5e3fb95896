import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, startApi, type TestApi } from "../support/api.ts";

let api: TestApi;
let operator: string;
beforeAll(async () => {
  api = await startApi();
  operator = await api.login("platform", "operator");
});
afterAll(() => api.close());

describe("API conventions", () => {
  it("GET /v1/health answers ok without auth", async () => {
    const r = await api.call("GET", "/v1/health");
    expect(r).toMatchObject({ status: 200, body: { status: "ok" } });
  });

  it("serves an OpenAPI 3.1 document generated from the request schemas", async () => {
    const r = await api.call("GET", "/v1/openapi.json");
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe("3.1.0");
    for (const p of [
      "/v1/auth/login",
      "/v1/me",
      "/v1/platform/tenants",
      "/v1/platform/tenants/{id}",
      "/v1/health",
    ]) {
      expect(Object.keys(r.body.paths)).toContain(p);
    }
    const login = r.body.paths["/v1/auth/login"].post;
    expect(login.requestBody.content["application/json"].schema.required).toEqual(
      expect.arrayContaining(["tenant", "username", "password"]),
    );
    const onboarding =
      r.body.paths["/v1/platform/tenants"].post.requestBody.content["application/json"].schema;
    expect(onboarding.properties.countyCode.pattern).toBeDefined();
  });

  it("answers an unknown route with the error envelope", async () => {
    expectError(await api.call("GET", "/v1/nothing-here"), 404, "ROUTE_NOT_FOUND");
  });

  it("answers broken JSON with 400, never 500", async () => {
    expectError(
      await api.call("POST", "/v1/auth/login", { raw: '{"tenant": "120115",' }),
      400,
      "MALFORMED_REQUEST",
    );
    expectError(
      await api.call("POST", "/v1/platform/tenants", { token: operator, raw: "[[[" }),
      400,
      "MALFORMED_REQUEST",
    );
  });

  it("answers any JSON body of any shape with 400 or 401 on login — never 500", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (body) => {
        const r = await api.call("POST", "/v1/auth/login", { raw: JSON.stringify(body) });
        expect([400, 401]).toContain(r.status);
        expect(r.body.error.code).toMatch(/^[A-Z_]+$/);
      }),
      { numRuns: 60 },
    );
  });

  it("answers any malformed onboarding with 400 and field paths, and writes nothing", async () => {
    const field = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean(), fc.object());
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            countyCode: field,
            name: field,
            admin: fc.oneof(field, fc.record({ username: field, password: field })),
          },
          { requiredKeys: [] },
        ),
        async (body) => {
          const r = await api.call("POST", "/v1/platform/tenants", { token: operator, body });
          expect(r.status).toBe(400);
          expect(Array.isArray(r.body.error.details)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
    const list = await api.call("GET", "/v1/platform/tenants", { token: operator });
    expect(list.body.items).toHaveLength(0);
  });
});
