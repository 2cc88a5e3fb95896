import { DEMO_COUNTY, seedDemoCases } from "@weiquan/local";
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
});
