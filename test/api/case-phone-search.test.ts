import { DEMO_COUNTY } from "@weiquan/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiResponse, expectError, startApi, type TestApi } from "../support/api.ts";
import { complaintBody } from "../support/cases.ts";

/**
 * `GET /v1/cases?phone=`: the cases of the caller's ledger whose consumer has this full phone number.
 * Three cases of one mobile number at 大口屯镇 station 1's side (station 1 registers them), one of the same
 * number at another station, one of a fixed line at a point. Each search is a personal-data access and
 * leaves an audit entry with the number masked.
 */
let api: TestApi;
const clock = new Date("2026-11-24T02:00:00Z");
const county = DEMO_COUNTY.countyCode;
const MOBILE = "13900001111";
const LANDLINE = "022-29241234";
const t: Record<string, string> = {};
const ids: Record<string, string[]> = { station1: [], station2: [], point1: [] };

beforeAll(async () => {
  api = await startApi({ demo: true, now: () => clock });
  for (const who of ["admin", "office1", "station1", "station2", "point1", "point2"])
    t[who] = await api.login(county, who);
  const register = async (who: string, phone: string, subject: string) => {
    const consumer = { ...complaintBody().consumer, phone };
    const r = await api.call("POST", "/v1/cases", {
      token: t[who],
      body: complaintBody({ consumer, subject }),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    ids[who]!.push(r.body.id);
  };
  for (const n of [1, 2, 3]) await register("station1", MOBILE, `电动车电池鼓包 ${n}`);
  await register("station2", MOBILE, "另一站的同一号码");
  await register("point1", LANDLINE, "固定电话的投诉");
});
afterAll(() => api.close());

const search = (who: string, phone: string, extra = "") =>
  api.call("GET", `/v1/cases?phone=${encodeURIComponent(phone)}${extra}`, { token: t[who] });

/** Every page of a search, following its cursor (a bounded read may answer a page short). */
async function allPages(who: string, phone: string, limit: number) {
  const pages: ApiResponse[] = [];
  let cursor: string | null = null;
  do {
    const r = await search(
      who,
      phone,
      `&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    pages.push(r);
    cursor = r.body.nextCursor;
  } while (cursor && pages.length < 20);
  return pages;
}
const idsOf = (pages: ApiResponse[]) => pages.flatMap((p) => p.body.items.map((i: { id: string }) => i.id));

describe("search by a consumer's phone", () => {
  it("finds the cases of that number within the caller's ledger only", async () => {
    expect(idsOf(await allPages("station1", MOBILE, 50)).sort()).toEqual([...ids.station1!].sort());
    expect(idsOf(await allPages("station2", MOBILE, 50))).toEqual(ids.station2);
    expect(idsOf(await allPages("admin", MOBILE, 50)).sort()).toEqual(
      [...ids.station1!, ...ids.station2!].sort(),
    );
    // Another unit's cases of the number are not there: an empty list, not a 404.
    const elsewhere = await search("point2", MOBILE);
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body.items).toEqual([]);
  });

  it("matches a fixed line however its digits are spaced or dashed", async () => {
    for (const typed of ["02229241234", "022 29241234", "022-29241234", "+86 022-29241234"])
      expect(idsOf(await allPages("point1", typed, 50)), typed).toEqual(ids.point1);
  });

  it("still finds a case after it moved up the chain (its rows are rewritten with the key)", async () => {
    const [id] = ids.point1!;
    const targets = await api.call("GET", `/v1/cases/${id}/escalation-targets`, { token: t.point1 });
    const office = targets.body.items.find((u: { name: string }) => u.name.endsWith("市场监管所"));
    const up = await api.call("POST", `/v1/cases/${id}/transitions`, {
      token: t.point1,
      body: { action: "escalate", version: 1, toUnitId: office.id },
    });
    expect(up.status, JSON.stringify(up.body)).toBe(200);
    for (const who of ["office1", "point1"]) {
      const found = (await allPages(who, LANDLINE, 50)).flatMap((p) => p.body.items);
      expect(
        found.map((r: { id: string; status: string }) => [r.id, r.status]),
        who,
      ).toEqual([[id, "escalated"]]);
    }
  });

  it("is a documented parameter of the ledger in the OpenAPI document", async () => {
    const doc = (await api.call("GET", "/v1/openapi.json")).body;
    const params = doc.paths["/v1/cases"].get.parameters.map(
      (p: { name: string; in: string }) => `${p.in}:${p.name}`,
    );
    expect(params).toContain("query:phone");
  });

  it("pages with a cursor, nothing skipped or repeated", async () => {
    const pages = await allPages("admin", MOBILE, 1);
    const found = idsOf(pages);
    expect(found).toHaveLength(4);
    expect(new Set(found).size).toBe(4);
    expect(pages.length).toBeGreaterThanOrEqual(4);
  });

  it("answers rows without the phone's key or the search text", async () => {
    const r = await search("admin", MOBILE);
    expect(r.body.items.length).toBe(4);
    for (const row of r.body.items) {
      expect(row).not.toHaveProperty("phoneKey");
      expect(row).not.toHaveProperty("search");
      expect(JSON.stringify(row)).not.toContain(MOBILE);
    }
    // The plain ledger neither.
    const ledger = await api.call("GET", "/v1/cases?limit=200", { token: t.admin });
    for (const row of ledger.body.items) expect(Object.keys(row)).not.toContain("phoneKey");
  });

  it("refuses a number that is not a full phone number, naming the field", async () => {
    for (const bad of ["1390000", "23900001111", "abc", "139000011112"]) {
      const r = await search("station1", bad);
      expectError(r, 400, "VALIDATION_FAILED");
      // Query parameters are named as every list names them: `query.<name>`.
      expect(r.body.error.details[0].path, bad).toBe("query.phone");
    }
  });

  it("writes each search to the personal-data audit trail, the number masked", async () => {
    await search("station2", MOBILE, "&limit=5");
    const audit = await api.call("GET", "/v1/audit/personal-data?month=2026-11&limit=200", {
      token: t.admin,
    });
    expect(audit.status).toBe(200);
    const station2Searches = audit.body.items.filter(
      (e: { action: string; username: string }) =>
        e.action === "search_by_phone" && e.username === "station2",
    );
    expect(station2Searches.length).toBeGreaterThanOrEqual(1);
    expect(station2Searches[0]).toMatchObject({ phone: "139****1111", resultCount: 1, caseId: "" });
    expect(JSON.stringify(audit.body)).not.toContain(MOBILE);
  });
});
