import { DEMO_COUNTY } from "@weiquan/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startApi, type TestApi } from "../support/api.ts";

/**
 * The OpenAPI document says what the API sends: every route (the Excel exports included) is in it, and
 * every error answer points at one shared response whose `Error` schema real error bodies satisfy.
 */
let api: TestApi;
// biome-ignore lint/suspicious/noExplicitAny: the document is JSON read field by field
let openapi: any;
let admin: string;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

beforeAll(async () => {
  api = await startApi({ demo: true });
  admin = await api.login(DEMO_COUNTY.countyCode, "admin");
  openapi = (await api.call("GET", "/v1/openapi.json")).body;
}, 120_000);
afterAll(() => api.close());

const operations = () =>
  Object.entries(
    openapi.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>,
  ).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));

describe("the OpenAPI document", () => {
  it("documents every Excel export with the workbook's content type", () => {
    const xlsx = Object.keys(openapi.paths).filter((p) => p.endsWith(".xlsx"));
    expect(xlsx).toEqual(
      expect.arrayContaining([
        "/v1/reports/summary.xlsx",
        "/v1/reports/units.xlsx",
        "/v1/cases/ledger.xlsx",
        "/v1/assessments/{id}/report.xlsx",
        "/v1/inspections/findings.xlsx",
        "/v1/sampling/rounds/{id}/callbacks.xlsx",
      ]),
    );
    for (const p of xlsx) {
      const ok = openapi.paths[p].get.responses["200"];
      expect(Object.keys(ok.content), p).toEqual([XLSX]);
      expect(ok.content[XLSX].schema).toEqual({ type: "string", format: "binary" });
    }
  });

  it("answers every error status of every operation with a shared response of the one Error schema", () => {
    const shared = openapi.components.responses as Record<
      string,
      { content: Record<string, { schema: unknown }> }
    >;
    for (const r of Object.values(shared))
      expect(r.content["application/json"]?.schema).toEqual({ $ref: "#/components/schemas/Error" });
    let errors = 0;
    for (const { path, method, op } of operations()) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400) continue;
        errors++;
        const ref = (response as { $ref?: string }).$ref ?? "";
        expect(ref, `${method} ${path} ${status}`).toMatch(/^#\/components\/responses\/\w+$/);
        expect(shared[ref.split("/").pop() as string], `${method} ${path} ${status}`).toBeDefined();
      }
      // Every route reaching a dependency can answer a fast 503 instead of a late 500.
      if (path !== "/v1/health") expect(Object.keys(op.responses), `${method} ${path}`).toContain("503");
    }
    expect(errors).toBeGreaterThan(100);
  });

  it("describes the error bodies the API really sends", async () => {
    const documented = z.fromJSONSchema(openapi.components.schemas.Error);
    const bodies = [
      // 400 with field paths (an unknown key, a wrong type), 401, 404, a route that does not exist, a
      // forged cursor, broken JSON, 409 with the current item.
      await api.call("POST", "/v1/units", { token: admin, body: { name: 1, extra: true } }),
      await api.call("GET", "/v1/me"),
      await api.call("GET", "/v1/cases/does-not-exist", { token: admin }),
      await api.call("GET", "/v1/nothing-here"),
      await api.call("GET", "/v1/users?cursor=forged", { token: admin }),
      await api.call("POST", "/v1/units", { token: admin, raw: "{" }),
      await api.call("PUT", "/v1/settings", { token: admin, body: { version: 0 } }),
    ];
    const me = await api.call("GET", "/v1/me", { token: admin });
    bodies.push(
      await api.call("PATCH", `/v1/users/${me.body.id ?? me.body.user?.id}`, {
        token: admin,
        body: { version: 999, displayName: "管理员" },
      }),
    );
    for (const r of bodies) {
      expect(r.status, JSON.stringify(r.body)).toBeGreaterThanOrEqual(400);
      const parsed = documented.safeParse(r.body);
      expect(parsed.success, `${r.status} ${JSON.stringify(r.body)}`).toBe(true);
    }
    const statuses = new Set(bodies.map((r) => r.status));
    for (const s of [400, 401, 404]) expect(statuses).toContain(s);
  });

  it("a body off the documented schema fails it (the comparison can fail)", () => {
    const documented = z.fromJSONSchema(openapi.components.schemas.Error);
    expect(documented.safeParse({ error: { code: "x", message: "" } }).success).toBe(false);
    expect(documented.safeParse({ message: "Internal Server Error" }).success).toBe(false);
    expect(
      documented.safeParse({ error: { code: "A", message: "m", details: [{ field: "a" }] } }).success,
    ).toBe(false);
  });
});
