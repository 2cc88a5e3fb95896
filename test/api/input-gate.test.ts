import { DEMO_COUNTY } from "@weiquan/local";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { expectError, startApi, type TestApi } from "../support/api.ts";

vi.setConfig({ testTimeout: 120_000, hookTimeout: 240_000 });

/** What no person types is refused at the door, with the field's own path. */
let api: TestApi;
let admin: string;
let bureauId: string;
const county = DEMO_COUNTY.countyCode;

beforeAll(async () => {
  api = await startApi({ demo: true });
  admin = await api.login(county, "admin");
  const units = (await api.call("GET", "/v1/units", { token: admin })).body.items;
  bureauId = units.find((u: { type: string }) => u.type === "bureau").id;
});
afterAll(() => api.close());

const newUnit = (body: Record<string, unknown>) =>
  api.call("POST", "/v1/units", { token: admin, body: { parentId: bureauId, type: "office", ...body } });
const pathsOf = (r: { body: { error: { details: { path: string }[] } } }) =>
  r.body.error.details.map((d) => d.path).sort();

describe("the input gate", () => {
  it.each([
    ["a NUL", "南关\u0000所"],
    ["a C0 control", "南关\u0007所"],
    ["a line break in a one-line name", "南关\n所"],
    ["a lone surrogate", "南关\ud800所"],
  ])("refuses %s in a unit name with its path", async (_, name) => {
    const r = await newUnit({ name });
    expectError(r, 400, "VALIDATION_FAILED");
    expect(pathsOf(r)).toEqual(["name"]);
  });

  it("stores a name in NFC, trimmed", async () => {
    const r = await newUnit({ name: "  Cafe\u0301 市场监管所 " });
    expect(r.status).toBe(201);
    expect(r.body.name).toBe("Café 市场监管所");
  });

  it("names each unknown key by its own path", async () => {
    const someone = (await api.call("GET", "/v1/users", { token: admin })).body.items[0];
    const r = await api.call("PATCH", `/v1/users/${someone.id}`, {
      token: admin,
      body: { version: someone.version, isRoot: true, nested: { a: 1 } },
    });
    expectError(r, 400, "VALIDATION_FAILED");
    expect(pathsOf(r)).toEqual(["isRoot", "nested"]);
  });

  it("refuses a version beyond the safe integers with a 400, not a 500", async () => {
    const r = await api.call("PUT", "/v1/settings", {
      token: admin,
      raw: `{"version": 1e300, "templates": {}}`,
    });
    expect(r.status).toBe(400);
    expect(pathsOf(r)).toContain("version");
  });

  it("refuses a control character in a public filing's subject", async () => {
    const r = await api.call("POST", `/v1/public/${county}/cases`, {
      body: { kind: "complaint", subject: "退款\u0000" },
    });
    expectError(r, 400, "VALIDATION_FAILED");
    expect(pathsOf(r)).toContain("subject");
  });
});
