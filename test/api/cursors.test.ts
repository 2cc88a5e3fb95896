import { DEMO_COUNTY } from "@weiquan/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, startApi, type TestApi } from "../support/api.ts";
import { complaintBody } from "../support/cases.ts";

/**
 * List cursors are sealed to the caller and the list (an HMAC over the key and the caller's scope): only
 * a cursor the API issued to this user for this list continues it; anything else is 400 INVALID_CURSOR.
 */
let api: TestApi;
const county = DEMO_COUNTY.countyCode;
const t: Record<string, string> = {};

beforeAll(async () => {
  api = await startApi({ demo: true });
  for (const who of ["admin", "bureau", "point1"]) t[who] = await api.login(county, who);
  t.operator = await api.login("platform", "operator");
  // A second tenant, so the platform's tenant list has two pages at limit=1.
  await api.call("POST", "/v1/platform/tenants", {
    token: t.operator,
    body: {
      countyCode: "130104",
      name: "石家庄市桥西区",
      admin: { username: "admin", displayName: "管理员", password: "Qiaoxi-Juzhang-2026" },
    },
  });
  for (const i of [1, 2])
    await api.call("POST", "/v1/cases", { token: t.point1, body: complaintBody({ subject: `游标 ${i}` }) });
}, 120_000);
afterAll(() => api.close());

const forge = (key: Record<string, unknown>) => Buffer.from(JSON.stringify(key)).toString("base64url");
const withCursor = (path: string, cursor: string) =>
  `${path}${path.includes("?") ? "&" : "?"}cursor=${encodeURIComponent(cursor)}`;

describe("every list route of the OpenAPI document", () => {
  it("refuses a forged, an unsealed and a garbled cursor with 400 INVALID_CURSOR at the field `cursor`", async () => {
    const doc = (await api.call("GET", "/v1/openapi.json")).body;
    const lists = Object.entries(
      doc.paths as Record<
        string,
        Record<string, { parameters?: { name: string; in: string; required?: boolean }[] }>
      >,
    )
      .filter(([, ops]) => ops.get?.parameters?.some((p) => p.name === "cursor" && p.in === "query"))
      .map(([path, ops]) => ({ path, params: ops.get!.parameters! }));
    // The lists this API had when the test was written: a new one joins the walk by itself.
    expect(lists.length).toBeGreaterThanOrEqual(10);
    const forged = [
      forge({ PK: "CASE#x", SK: "CASE" }),
      `${forge({ PK: "CASE#x", SK: "CASE" })}.AAAAAAAAAAAAAAAAAAAAAA`,
      "%%%.!!!",
    ];
    const walked: string[] = [];
    for (const { path, params } of lists) {
      const who = path.startsWith("/v1/platform") ? "operator" : "admin";
      // Path parameters that name nothing: the cursor is checked before anything is looked up, so a
      // forged cursor is refused on its own, never a 404 of the id it came with.
      let url = path.replace(/\{[^}]+\}/g, "x-unknown");
      const required = params.filter((p) => p.in === "query" && p.required && p.name !== "cursor");
      for (const p of required) url += `${url.includes("?") ? "&" : "?"}${p.name}=${sample(p.name)}`;
      for (const cursor of forged) {
        const r = await api.call("GET", withCursor(url, cursor), { token: t[who] });
        expect.soft(r.status, `${url} with ${cursor}`).toBe(400);
        expect.soft(r.body.error?.code, `${url}`).toBe("INVALID_CURSOR");
        expect
          .soft(r.body.error?.details, `${url}`)
          .toEqual([{ path: "cursor", message: expect.any(String) }]);
      }
      walked.push(url);
    }
    expect(walked.length).toBe(lists.length);
  }, 120_000);
});

/** A value a required query parameter accepts (the year, month or quarter of now). */
function sample(name: string): string {
  const now = new Date();
  if (name === "year") return String(now.getUTCFullYear());
  if (name === "month") return now.toISOString().slice(0, 7);
  if (name === "quarter") return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
  return "x";
}

/** Lists with more than one page at limit=1 for this caller. */
const paged: [who: string, path: string][] = [
  ["admin", "/v1/cases?limit=1"],
  ["point1", "/v1/cases?limit=1&kind=complaint"],
  ["admin", "/v1/users?limit=1"],
  ["operator", "/v1/platform/tenants?limit=1"],
];

async function firstPage(who: string, path: string) {
  const r = await api.call("GET", path, { token: t[who] });
  expect(r.status).toBe(200);
  expect(typeof r.body.nextCursor).toBe("string");
  return r.body.nextCursor as string;
}
const next = (who: string, path: string, cursor: string) =>
  api.call("GET", withCursor(path, cursor), { token: t[who] });

describe.each(paged)("as %s, %s", (who, path) => {
  it("continues with the cursor it issued", async () => {
    const cursor = await firstPage(who, path);
    const r = await next(who, path, cursor);
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(1);
  });

  it("refuses an edited cursor (key changed, seal kept)", async () => {
    const cursor = await firstPage(who, path);
    const [payload, mac] = cursor.split(".") as [string, string];
    const key = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    const edited = Object.fromEntries(Object.entries(key).map(([k, v]) => [k, `${v}X`]));
    const r = await next(who, path, `${forge(edited)}.${mac}`);
    expectError(r, 400, "INVALID_CURSOR");
    expect(r.body.error.details).toEqual([{ path: "cursor", message: expect.any(String) }]);
  });

  it("refuses its own key without the seal, and with a made-up seal", async () => {
    const cursor = await firstPage(who, path);
    const [payload] = cursor.split(".") as [string];
    expectError(await next(who, path, payload), 400, "INVALID_CURSOR");
    expectError(await next(who, path, `${payload}.AAAAAAAAAAAAAAAAAAAAAA`), 400, "INVALID_CURSOR");
  });
});

describe("a cursor is the caller's and the list's own", () => {
  it("is refused to another user of the same tenant", async () => {
    const cursor = await firstPage("admin", "/v1/cases?limit=1");
    expectError(await next("bureau", "/v1/cases?limit=1", cursor), 400, "INVALID_CURSOR");
  });

  it("is refused to another tenant's user on the same list", async () => {
    const other = await api.login("130104", "admin", "Qiaoxi-Juzhang-2026");
    const cursor = await firstPage("admin", "/v1/users?limit=1");
    expectError(
      await api.call("GET", withCursor("/v1/users?limit=1", cursor), { token: other }),
      400,
      "INVALID_CURSOR",
    );
  });

  it("is refused on another list, or the same list with other filters", async () => {
    const cursor = await firstPage("admin", "/v1/cases?limit=1");
    expectError(await next("admin", "/v1/users?limit=1", cursor), 400, "INVALID_CURSOR");
    expectError(await next("admin", "/v1/cases?limit=1&kind=report", cursor), 400, "INVALID_CURSOR");
  });

  it("still pages with another page size", async () => {
    const cursor = await firstPage("admin", "/v1/cases?limit=1");
    expect((await next("admin", "/v1/cases?limit=2", cursor)).status).toBe(200);
  });
});
