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

// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document, walked node by node
type Schema = any;
/** Every write of the OpenAPI document, with the caller it needs and concrete path and query values. */
async function writeRoutes() {
  const doc = (await api.call("GET", "/v1/openapi.json")).body;
  const operator = await api.login("platform", "operator");
  return Object.entries(doc.paths as Record<string, Record<string, Schema>>).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([method]) => method !== "get")
      .map(([method, op]) => {
        const query = (op.parameters ?? []).filter((p: Schema) => p.in === "query" && p.required);
        const values: Record<string, string> = { version: "1", code: "ABCDE23456" };
        return {
          route: `${method.toUpperCase()} ${path}`,
          method: method.toUpperCase(),
          url:
            path.replace(/\{([^}]+)\}/g, (_, name) =>
              name === "countyCode" ? county : name === "trackingNo" ? `${county}202612010001` : "x1",
            ) + (query.length ? `?${query.map((p: Schema) => `${p.name}=${values[p.name]}`).join("&")}` : ""),
          token: path.startsWith("/v1/platform")
            ? operator
            : path.startsWith("/v1/public/")
              ? undefined
              : admin,
          body: op.requestBody?.content?.["application/json"]?.schema as Schema | undefined,
          resolve: (s: Schema): Schema => (s?.$ref ? doc.components.schemas[s.$ref.split("/").pop()] : s),
        };
      }),
  );
}

describe("unknown keys on every write", () => {
  it("every object of every documented write body is closed (additionalProperties: false), nested ones too", async () => {
    const open: string[] = [];
    for (const w of await writeRoutes()) {
      const walk = (node: Schema, at: string) => {
        const s = w.resolve(node);
        if (!s || typeof s !== "object") return;
        if (s.type === "object" && s.properties && s.additionalProperties === undefined)
          open.push(`${w.route} ${at || "(body)"}`);
        for (const [k, v] of Object.entries(s.properties ?? {})) walk(v, at ? `${at}.${k}` : k);
        if (s.items) walk(s.items, `${at}.N`);
        for (const branch of [...(s.oneOf ?? []), ...(s.anyOf ?? []), ...(s.allOf ?? [])]) walk(branch, at);
        if (typeof s.additionalProperties === "object") walk(s.additionalProperties, `${at}.*`);
      };
      if (w.body) walk(w.body, "");
    }
    expect(open).toEqual([]);
  });

  it("every write route answers an extra key with a 400 naming it — bodyless writes too", async () => {
    const routes = await writeRoutes();
    const missed: string[] = [];
    for (const w of routes) {
      // A union's discriminator (the case action), so the body reaches the branch that names the key.
      const first = w.resolve(w.body)?.oneOf?.[0]?.properties ?? {};
      const pinned = Object.fromEntries(
        Object.entries(first as Record<string, Schema>)
          .filter(([, p]) => p.const !== undefined)
          .map(([k, p]) => [k, p.const]),
      );
      const r = await api.call(w.method, w.url, { token: w.token, body: { ...pinned, zzz: 1 } });
      if (!(r.status === 400 && pathsOf(r).includes("zzz"))) missed.push(`${w.route} → ${r.status}`);
    }
    expect(routes.length).toBeGreaterThan(50);
    expect(missed).toEqual([]);
  });

  it("names a nested unknown key by its path on a case, a transition and a public filing", async () => {
    const point = await api.login(county, "point1");
    const made = await api.call("POST", "/v1/cases", {
      token: point,
      body: { ...complaintBody(), consumer: { ...complaintBody().consumer, nickname: "小张" } },
    });
    expectError(made, 400, "VALIDATION_FAILED");
    expect(pathsOf(made)).toEqual(["consumer.nickname"]);
    const c = (await api.call("POST", "/v1/cases", { token: point, body: complaintBody() })).body;
    const acted = await api.call("POST", `/v1/cases/${c.id}/transitions`, {
      token: point,
      body: { action: "reject", reason: "not_consumer_dispute", version: c.version, toUnitId: "x" },
    });
    expectError(acted, 400, "VALIDATION_FAILED");
    expect(pathsOf(acted)).toEqual(["toUnitId"]);
    expect((await api.call("GET", `/v1/cases/${c.id}`, { token: point })).body.version).toBe(c.version);
    const filed = await api.call("POST", `/v1/public/${county}/cases`, {
      body: { ...publicFiling(), business: { ...publicFiling().business, creditCode2: "x" } },
    });
    expectError(filed, 400, "VALIDATION_FAILED");
    expect(pathsOf(filed)).toEqual(["business.creditCode2"]);
  });
});
