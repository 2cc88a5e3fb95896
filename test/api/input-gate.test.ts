import { DEMO_COUNTY } from "@weiquan/local";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { expectError, startApi, type TestApi } from "../support/api.ts";
import { complaintBody, declareSubCategories } from "../support/cases.ts";

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

describe("cases and settings behind the gate", () => {
  it("refuses control characters in a case's free text, each with its own path, and writes nothing", async () => {
    const point = await api.login(county, "point1");
    const before = (await api.call("GET", "/v1/cases?limit=200", { token: point })).body.items.length;
    const r = await api.call("POST", "/v1/cases", {
      token: point,
      body: complaintBody({
        subject: "冰箱\u0000",
        consumer: { ...complaintBody().consumer, name: "张\u0007桂芳" },
        business: { ...complaintBody().business, address: "南关\ud800大街" },
      }),
    });
    expectError(r, 400, "VALIDATION_FAILED");
    expect(pathsOf(r)).toEqual(["business.address", "consumer.name", "subject"]);
    expect((await api.call("GET", "/v1/cases?limit=200", { token: point })).body.items).toHaveLength(before);
  });

  it("keeps line breaks and tabs in a case's facts, in NFC", async () => {
    const point = await api.login(county, "point1");
    const r = await api.call("POST", "/v1/cases", {
      token: point,
      body: complaintBody({ description: "第一行\r\n\t第二行 Cafe\u0301" }),
    });
    expect(r.status).toBe(201);
    expect(r.body.description).toBe("第一行\n\t第二行 Café");
  });

  it("refuses a transition's version beyond the safe integers with a 400", async () => {
    const point = await api.login(county, "point1");
    const c = (await api.call("POST", "/v1/cases", { token: point, body: complaintBody() })).body;
    const r = await api.call("POST", `/v1/cases/${c.id}/transitions`, {
      token: point,
      raw: `{"action": "accept", "version": 1e300}`,
    });
    expectError(r, 400, "VALIDATION_FAILED");
    expect(pathsOf(r)).toContain("version");
  });

  it("gates the settings' templates: control characters and unknown keys at their own paths", async () => {
    const current = (await api.call("GET", "/v1/settings", { token: admin })).body;
    const r = await api.call("PUT", "/v1/settings", {
      token: admin,
      body: {
        version: current.version,
        templates: { ...current.templates, plaqueStyle: "白底\u0000红字", colour: "red" },
      },
    });
    expectError(r, 400, "VALIDATION_FAILED");
    expect(pathsOf(r)).toEqual(["templates.colour", "templates.plaqueStyle"]);
  });
});

/** A complaint as the public page files it. */
const publicFiling = () => {
  const { channel: _c, consumer, business, ...rest } = complaintBody();
  return { ...rest, consumer: { ...consumer, idNumber: undefined }, business, consent: true };
};

describe("category sub-codes", () => {
  const dairy = { code: "goods.food.dairy", label: "乳制品" };

  it("refuses a sub-code the county has not declared, on the staff and the public path, with the field's path", async () => {
    const point = await api.login(county, "point1");
    const staff = await api.call("POST", "/v1/cases", {
      token: point,
      body: complaintBody({ category: "goods.food.yoghurt" }),
    });
    expectError(staff, 400, "VALIDATION_FAILED");
    expect(pathsOf(staff)).toEqual(["category"]);
    const pub = await api.call("POST", `/v1/public/${county}/cases`, {
      body: { ...publicFiling(), category: "goods.food.yoghurt" },
    });
    expectError(pub, 400, "VALIDATION_FAILED");
    expect(pathsOf(pub)).toEqual(["category"]);
  });

  it("accepts a declared sub-code, and a national class as always", async () => {
    const point = await api.login(county, "point1");
    await declareSubCategories(api, admin, [dairy]);
    for (const category of ["goods.food.dairy", "goods.food"]) {
      const r = await api.call("POST", "/v1/cases", { token: point, body: complaintBody({ category }) });
      expect(r.status).toBe(201);
      expect(r.body.category).toBe(category);
    }
    const categories = (await api.call("GET", "/v1/settings", { token: admin })).body.categories;
    expect(categories).toEqual([dairy]);
  });

  it("refuses declarations that are not below a national class, or repeated, at their paths", async () => {
    const current = (await api.call("GET", "/v1/settings", { token: admin })).body;
    const r = await api.call("PUT", "/v1/settings", {
      token: admin,
      body: {
        version: current.version,
        templates: current.templates,
        categories: [
          dairy,
          { code: "goods.nothing.x", label: "无" },
          dairy,
          { code: "goods.food", label: "食品" },
        ],
      },
    });
    expectError(r, 400, "VALIDATION_FAILED");
    expect(pathsOf(r)).toEqual(["categories.1.code", "categories.2.code", "categories.3.code"]);
  });
});
