import { DEMO_COUNTY, seedDemoCases, seedDemoSupervision } from "@weiquan/local";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startApi, type TestApi } from "../support/api.ts";

/** `pnpm dev`'s demo ledger goes through the real API: it must keep working as the API evolves. */
let api: TestApi;
beforeAll(async () => {
  api = await startApi({ demo: true });
});
afterAll(() => api.close());

it("seeds a half-year of cases in every state, visible in the ledger", async () => {
  const n = await seedDemoCases(api.deps);
  expect(n).toBe(32);
  const admin = await api.login(DEMO_COUNTY.countyCode, "admin");
  const all = await api.call("GET", "/v1/cases?limit=200", { token: admin });
  expect(all.body.items).toHaveLength(32);
  const statuses = new Set(all.body.items.map((c: { status: string }) => c.status));
  for (const s of ["registered", "accepted", "escalated", "closed", "rejected", "handed_over"])
    expect(statuses).toContain(s);
  const point1 = await api.login(DEMO_COUNTY.countyCode, "point1");
  const own = await api.call("GET", "/v1/cases?limit=200", { token: point1 });
  expect(own.body.items.length).toBeGreaterThan(4);
  expect(own.body.items.length).toBeLessThan(32);
}, 180_000);

it("seeds last month's round half called back and two quarters of inspections with one finding open", async () => {
  const seeded = await seedDemoSupervision(api.deps);
  expect(seeded.inspections).toBe(5);
  const bureau = await api.login(DEMO_COUNTY.countyCode, "bureau");
  const year = new Date().getFullYear();
  const rounds = await api.call("GET", `/v1/sampling/rounds?year=${year}`, { token: bureau });
  const lastYear = await api.call("GET", `/v1/sampling/rounds?year=${year - 1}`, { token: bureau });
  const [round] = [...rounds.body.items, ...lastYear.body.items];
  expect(round.progress.total).toBe(seeded.round);
  expect(round.progress.total).toBeGreaterThanOrEqual(6);
  expect(round.progress.pending).toBe(Math.floor(seeded.round / 2));
  const open = await api.call("GET", "/v1/inspections/findings?status=open", { token: bureau });
  expect(open.body.items).toHaveLength(1);
  const verified = await api.call("GET", "/v1/inspections/findings?status=verified", { token: bureau });
  expect(verified.body.items).toHaveLength(3);
  const followUps = await api.call("GET", "/v1/sampling/follow-ups", { token: bureau });
  expect(followUps.body.items.length).toBeGreaterThanOrEqual(1);
}, 180_000);
