import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { sweepAllTenants, sweepOverdue } from "@weiquan/fn-api/cases/overdue";
import { DEMO_COUNTY } from "@weiquan/local";
import { CasesRepository, T, type TenantTable } from "@weiquan/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, startApi, type TestApi } from "../support/api.ts";
import { complaintBody } from "../support/cases.ts";

/**
 * The daily overdue sweep and the console notices it leaves (issue 4 item 3), on a clock the test moves:
 * a complaint registered on Monday 2026-11-23 must be decided by Wednesday 2 December.
 */
let api: TestApi;
let clock = new Date("2026-11-23T10:00:00+08:00");
let table: TenantTable;
const t: Record<string, string> = {};
const county = DEMO_COUNTY.countyCode;
// biome-ignore lint/suspicious/noExplicitAny: JSON from the API
let late: any;
// biome-ignore lint/suspicious/noExplicitAny: JSON from the API
let onTime: any;

beforeAll(async () => {
  api = await startApi({ demo: true, now: () => clock, tokenTtlSeconds: 400 * 86400 });
  for (const who of ["admin", "bureau", "station1", "point1", "point2"])
    t[who] = await api.login(county, who);
  const me = await api.call("GET", "/v1/me", { token: t.admin });
  table = await api.deps.tenantAccess.forTenant(me.body.tenant.id);
  late = (
    await api.call("POST", "/v1/cases", { token: t.point1, body: complaintBody({ subject: "逾期未受理" }) })
  ).body;
  expect(late.deadlines.acceptBy).toBe("2026-12-02T23:59:59+08:00");
  clock = new Date("2026-11-30T10:00:00+08:00");
  onTime = (
    await api.call("POST", "/v1/cases", { token: t.point2, body: complaintBody({ subject: "按期办理中" }) })
  ).body;
});
afterAll(() => api.close());

const notices = (token: string) => api.call("GET", "/v1/notices", { token });

describe("the overdue sweep", () => {
  it("notices nothing on the last day of the limit", async () => {
    clock = new Date("2026-12-02T23:30:00+08:00");
    expect(await sweepOverdue(table, clock)).toEqual({ overdue: 0, noticed: 0 });
    expect((await notices(t.point1)).body).toMatchObject({ items: [], unread: 0 });
  });

  it("notifies the handling unit once the deadline's whole day has passed", async () => {
    clock = new Date("2026-12-03T00:10:00+08:00");
    expect(await sweepOverdue(table, clock)).toEqual({ overdue: 1, noticed: 1 });
    const r = await notices(t.point1);
    expect(r.status).toBe(200);
    expect(r.body.unread).toBe(1);
    expect(r.body.nextCursor).toBeNull();
    expect(r.body.items).toEqual([
      {
        id: expect.any(String),
        kind: "overdue",
        unitId: late.unitId,
        at: "2026-12-03T00:10:00.000+08:00",
        caseId: late.id,
        trackingNo: late.trackingNo,
        subject: "逾期未受理",
        dueBy: "2026-12-02T23:59:59+08:00",
        read: false,
      },
    ]);
  });

  it("never notifies the same lapse twice, however often it runs", async () => {
    clock = new Date("2026-12-03T01:10:00+08:00");
    expect(await sweepOverdue(table, clock)).toEqual({ overdue: 1, noticed: 0 });
    clock = new Date("2026-12-04T00:10:00+08:00");
    const swept = await sweepAllTenants(
      { tenants: api.deps.control.tenants, tenantAccess: api.deps.tenantAccess },
      clock,
    );
    expect(swept).toEqual([expect.objectContaining({ overdue: 1, noticed: 0 })]);
    expect((await notices(t.point1)).body.items).toHaveLength(1);
    // A transition that read the case before it was marked writes it back without the mark: the next
    // sweep finds the lapse's notice already there, restores the mark and notifies nobody again.
    await table.doc.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: T.case(late.id),
        UpdateExpression: "REMOVE overdueNoticed",
      }),
    );
    expect(await sweepOverdue(table, clock)).toEqual({ overdue: 1, noticed: 0 });
    expect((await new CasesRepository(table).get(late.id))?.overdueNoticed).toBe(late.deadlines.acceptBy);
    expect((await notices(t.point1)).body).toMatchObject({ unread: 1, items: [{ caseId: late.id }] });
  });

  it("tells no other unit: not the sibling point, not the station above, not the bureau", async () => {
    for (const who of ["point2", "station1", "bureau", "admin"]) {
      const r = await notices(t[who]);
      expect(r.status, who).toBe(200);
      expect(r.body, who).toMatchObject({ items: [], unread: 0 });
    }
  });

  it("leaves the case's version alone, so whoever holds it can still act", async () => {
    const c = (await api.call("GET", `/v1/cases/${late.id}`, { token: t.point1 })).body;
    expect(c).toMatchObject({ version: 1, overdue: true, status: "registered" });
    expect(c).not.toHaveProperty("overdueNoticed");
    expect((await new CasesRepository(table).get(late.id))?.overdueNoticed).toBe("2026-12-02T23:59:59+08:00");
    const accepted = await api.call("POST", `/v1/cases/${late.id}/transitions`, {
      token: t.point1,
      body: { action: "accept", version: 1 },
    });
    expect(accepted.status).toBe(200);
    // Accepted on 4 Dec: 60 days of mediation, a new running deadline, noticed afresh when it lapses.
    expect(accepted.body.deadlines.mediateBy).toBe("2027-02-02T23:59:59+08:00");
    expect((await new CasesRepository(table).get(late.id))?.overdueNoticed).toBeUndefined();
    expect(await sweepOverdue(table, clock)).toEqual({ overdue: 0, noticed: 0 });
  });

  it("notifies a later lapse of the same case again, and the other point's own lapse to it alone", async () => {
    clock = new Date("2027-02-03T00:10:00+08:00");
    expect(await sweepOverdue(table, clock)).toEqual({ overdue: 2, noticed: 2 });
    const mine = (await notices(t.point1)).body;
    expect(mine.unread).toBe(2);
    expect(mine.items.map((n: { dueBy: string }) => n.dueBy)).toEqual([
      "2027-02-02T23:59:59+08:00",
      "2026-12-02T23:59:59+08:00",
    ]);
    const theirs = (await notices(t.point2)).body;
    expect(theirs.items.map((n: { caseId: string }) => n.caseId)).toEqual([onTime.id]);
    expect(theirs.unread).toBe(1);
  });

  it("skips a case whose clock is paused", async () => {
    clock = new Date("2027-02-03T09:00:00+08:00");
    const c = (
      await api.call("POST", "/v1/cases", { token: t.point1, body: complaintBody({ subject: "检验中" }) })
    ).body;
    await api.call("POST", `/v1/cases/${c.id}/transitions`, {
      token: t.point1,
      body: { action: "accept", version: 1 },
    });
    await api.call("POST", `/v1/cases/${c.id}/transitions`, {
      token: t.point1,
      body: { action: "pause_clock", version: 2, reason: "appraisal" },
    });
    clock = new Date("2027-06-01T00:10:00+08:00");
    const swept = await sweepOverdue(table, clock);
    expect(swept.noticed).toBe(0);
    expect((await notices(t.point1)).body.items.map((n: { caseId: string }) => n.caseId)).not.toContain(c.id);
  });
});

describe("reading notices", () => {
  it("marks one of its own unit's notices read, once", async () => {
    const before = (await notices(t.point1)).body;
    const id = before.items[0].id;
    const r = await api.call("POST", `/v1/notices/${id}/read`, { token: t.point1 });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id, read: true });
    const again = await api.call("POST", `/v1/notices/${id}/read`, { token: t.point1 });
    expect(again.body.read).toBe(true);
    const after = (await notices(t.point1)).body;
    expect(after.unread).toBe(before.unread - 1);
    expect(after.items[0].read).toBe(true);
  });

  it("answers 404 for another unit's notice and changes nothing", async () => {
    const theirs = (await notices(t.point2)).body;
    const id = theirs.items[0].id;
    for (const who of ["point1", "station1", "bureau", "admin"])
      expectError(await api.call("POST", `/v1/notices/${id}/read`, { token: t[who] }), 404, "NOT_FOUND");
    expect((await notices(t.point2)).body).toMatchObject({ unread: 1, items: [{ id, read: false }] });
    expectError(
      await api.call("POST", "/v1/notices/not-a-notice/read", { token: t.point1 }),
      404,
      "NOT_FOUND",
    );
    expectError(await api.call("POST", "/v1/notices/AA/read", { token: t.point1 }), 404, "NOT_FOUND");
  });

  it("pages with a cursor, refuses a forged one, and requires a token", async () => {
    const first = await api.call("GET", "/v1/notices?limit=1", { token: t.point1 });
    expect(first.body.items).toHaveLength(1);
    const second = await api.call("GET", `/v1/notices?limit=1&cursor=${first.body.nextCursor}`, {
      token: t.point1,
    });
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    expectError(
      await api.call("GET", "/v1/notices?cursor=bm90LWEtY3Vyc29y", { token: t.point1 }),
      400,
      "INVALID_CURSOR",
    );
    expect((await api.call("GET", "/v1/notices")).status).toBe(401);
  });
});

describe("the sweep racing transitions", () => {
  it("never fails a transition nor notifies twice when both land at once", async () => {
    clock = new Date("2027-07-01T10:00:00+08:00");
    const ids: string[] = [];
    for (let k = 0; k < 6; k++)
      ids.push(
        (
          await api.call("POST", "/v1/cases", {
            token: t.station1,
            body: complaintBody({ subject: `竞态 ${k}` }),
          })
        ).body.id,
      );
    clock = new Date("2027-07-20T00:10:00+08:00");
    const [swept, ...accepted] = await Promise.all([
      sweepOverdue(table, clock),
      ...ids.map((id) =>
        api.call("POST", `/v1/cases/${id}/transitions`, {
          token: t.station1,
          body: { action: "accept", version: 1 },
        }),
      ),
    ]);
    expect(accepted.map((r) => r.status)).toEqual(Array(6).fill(200));
    // Whatever the interleaving, a second sweep settles it: each lapse noticed at most once.
    await sweepOverdue(table, clock);
    const mine = (await notices(t.station1)).body.items as { caseId: string }[];
    const perCase = ids.map((id) => mine.filter((n) => n.caseId === id).length);
    expect(perCase.every((c) => c <= 1)).toBe(true);
    expect(perCase.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(swept.noticed);
    for (const id of ids) expect((await new CasesRepository(table).get(id))?.version).toBe(2);
  });
});
