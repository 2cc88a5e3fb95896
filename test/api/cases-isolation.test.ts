import { DEMO_COUNTY } from "@weiquan/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiResponse, expectError, startApi, type TestApi } from "../support/api.ts";
import { complaintBody } from "../support/cases.ts";

/**
 * Every case endpoint × every demo role × a case at a point (南关社区), one at a station in another
 * office's subtree (大口屯镇站) and one in another tenant: a case outside the caller's ledger answers
 * 404 — as if absent — for read and act alike, one it sees but may not handle answers 403 to an action,
 * and nothing ever changes.
 */
let api: TestApi;
const tokens: Record<string, string> = {};
let otherToken: string;
// biome-ignore lint/suspicious/noExplicitAny: JSON from the API
let demoUnits: any[];
const county = DEMO_COUNTY.countyCode;
const unitId = (name: string) => demoUnits.find((u) => u.name.startsWith(name)).id as string;

const roles = ["admin", "bureau", "viewer", "office1", "station1", "station2", "point1", "point2"] as const;
type Who = (typeof roles)[number];
const places = ["point1", "station2", "otherTenant"] as const;
type Place = (typeof places)[number];

/** Who sees each case (its ledger lists it, or a whole-tenant role) and who may act on it. */
const sees: Record<Place, Who[]> = {
  point1: ["admin", "bureau", "viewer", "office1", "station1", "point1"],
  station2: ["admin", "bureau", "viewer", "station2"],
  otherTenant: [],
};
const handles: Record<Place, Who[]> = {
  point1: ["admin", "bureau", "office1", "station1", "point1"],
  station2: ["admin", "bureau", "station2"],
  otherTenant: [],
};
// biome-ignore lint/suspicious/noExplicitAny: JSON from the API
const cases = {} as Record<Place, any>;

beforeAll(async () => {
  api = await startApi({ demo: true });
  for (const who of roles) tokens[who] = await api.login(county, who);
  demoUnits = (await api.call("GET", "/v1/units", { token: tokens.admin })).body.items;

  const operator = await api.login("platform", "operator");
  const onboarded = await api.call("POST", "/v1/platform/tenants", {
    token: operator,
    body: {
      countyCode: "130102",
      name: "石家庄市长安区市场监督管理局",
      admin: { username: "admin", displayName: "长安区管理员", password: "Other@2026" },
    },
  });
  expect(onboarded.status).toBe(201);
  otherToken = await api.login("130102", "admin", "Other@2026");

  cases.point1 = (await api.call("POST", "/v1/cases", { token: tokens.point1, body: complaintBody() })).body;
  cases.station2 = (
    await api.call("POST", "/v1/cases", {
      token: tokens.station2,
      body: complaintBody({ subject: "大口屯镇站登记的投诉" }),
    })
  ).body;
  cases.otherTenant = (
    await api.call("POST", "/v1/cases", {
      token: otherToken,
      body: complaintBody({ subject: "长安区的投诉" }),
    })
  ).body;
  for (const p of places) expect(cases[p].version, p).toBe(1);
  expect(cases.point1.unitId).toBe(unitId("南关社区"));
  expect(cases.station2.unitId).toBe(unitId("大口屯镇消费"));
});
afterAll(() => api.close());

/** The case as its own tenant's administrator sees it now: the witness that nothing changed. */
async function current(place: Place) {
  const token = place === "otherTenant" ? otherToken : tokens.admin;
  return (await api.call("GET", `/v1/cases/${cases[place].id}`, { token })).body;
}

const expect404 = (r: ApiResponse, what: string) => {
  expect(r.status, `${what}: ${JSON.stringify(r.body)}`).toBe(404);
  expectError(r, 404, "NOT_FOUND");
};

describe.each(roles)("%s", (who) => {
  describe.each(places)("a case at %s", (place) => {
    const visible = sees[place].includes(who);
    const handler = handles[place].includes(who);

    it(`${visible ? "reads it" : "gets 404"} by id, tracking number and escalation targets`, async () => {
      const c = cases[place];
      const token = tokens[who];
      const reads = {
        get: await api.call("GET", `/v1/cases/${c.id}`, { token }),
        tracking: await api.call("GET", `/v1/cases/by-tracking/${c.trackingNo}`, { token }),
        targets: await api.call("GET", `/v1/cases/${c.id}/escalation-targets`, { token }),
      };
      for (const [what, r] of Object.entries(reads)) {
        if (visible) expect(r.status, what).toBe(200);
        else expect404(r, what);
      }
      if (visible) {
        expect(reads.get.body.id).toBe(c.id);
        expect(reads.tracking.body.id).toBe(c.id);
        expect(reads.get.body.masked).toBe(!handler);
        if (!handler) expect(reads.get.body.consumer.phone).toBe("138****8000");
      } else {
        // A 404 says nothing about the case: not its status, not its unit.
        expect(JSON.stringify(reads.get.body)).not.toContain(c.trackingNo);
      }
    });

    it(`${handler ? "may act on it" : visible ? "gets 403 acting on it" : "gets 404 acting on it"}, and nothing changes`, async () => {
      const c = cases[place];
      const token = tokens[who];
      // `close` is never allowed from `registered`: a caller who may act learns only that (422).
      const close = await api.call("POST", `/v1/cases/${c.id}/transitions`, {
        token,
        body: { action: "close", version: 1 },
      });
      const accept = await api.call("POST", `/v1/cases/${c.id}/transitions`, {
        token,
        body: { action: "accept", version: 99 },
      });
      if (handler) {
        expectError(close, 422, "ILLEGAL_TRANSITION");
        expectError(accept, 409, "VERSION_CONFLICT");
      } else if (visible) {
        expectError(close, 403, "CASE_READ_ONLY");
        expectError(accept, 403, "CASE_READ_ONLY");
      } else {
        expect404(close, "close");
        expect404(accept, "accept");
        const escalate = await api.call("POST", `/v1/cases/${c.id}/transitions`, {
          token,
          body: { action: "escalate", version: 1, toUnitId: unitId("宝平市场") },
        });
        expect404(escalate, "escalate");
      }
      const after = await current(place);
      expect(after).toMatchObject({ status: "registered", version: 1, unitId: c.unitId });
      expect(after.timeline).toHaveLength(1);
    });

    it(`${visible ? "lists it" : "never lists it"}, in its own ledger and by the case's unit`, async () => {
      const c = cases[place];
      const token = tokens[who];
      const ids = (r: ApiResponse) => r.body.items.map((i: { id: string }) => i.id);
      const own = await api.call("GET", "/v1/cases?limit=200", { token });
      expect(own.status).toBe(200);
      if (visible) expect(ids(own)).toContain(c.id);
      else expect(ids(own)).not.toContain(c.id);

      for (const subtree of ["", "&subtree=true"]) {
        const byUnit = await api.call("GET", `/v1/cases?unitId=${c.unitId}${subtree}`, { token });
        if (visible && place !== "otherTenant") {
          // Whoever sees the case sees its unit here (the unit is in the caller's subtree or below it).
          expect(byUnit.status, subtree).toBe(200);
          expect(ids(byUnit)).toContain(c.id);
        } else {
          expect404(byUnit, `list by unit${subtree}`);
        }
      }
    });

    it.runIf(!handler)("cannot register a case in the case's unit", async () => {
      const c = cases[place];
      const r = await api.call("POST", "/v1/cases", {
        token: tokens[who],
        body: complaintBody({ unitId: c.unitId, subject: `越界登记 ${who}` }),
      });
      if (visible) expectError(r, 403, "CASE_FORBIDDEN");
      else expect404(r, "create");
      const token = place === "otherTenant" ? otherToken : tokens.admin;
      const list = await api.call("GET", `/v1/cases?unitId=${c.unitId}`, { token });
      expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([c.id]);
    });
  });
});

describe("the other tenant", () => {
  it("sees none of the demo county's cases, and the demo county none of its own", async () => {
    const theirs = await api.call("GET", "/v1/cases?limit=200", { token: otherToken });
    expect(theirs.body.items.map((i: { id: string }) => i.id)).toEqual([cases.otherTenant.id]);
    for (const p of ["point1", "station2"] as const) {
      expect404(await api.call("GET", `/v1/cases/${cases[p].id}`, { token: otherToken }), p);
      expect404(
        await api.call("POST", `/v1/cases/${cases[p].id}/transitions`, {
          token: otherToken,
          body: { action: "accept", version: 1 },
        }),
        p,
      );
      expect((await current(p)).version).toBe(1);
    }
  });
});
