import { DEMO_COUNTY, seedDemoAssessment } from "@weiquan/local";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startApi, type TestApi } from "../support/api.ts";

/** `pnpm dev`'s demo assessments and campaign go through the real API: they must keep working as it evolves. */
let api: TestApi;
// Without the demo ledger (demo-seed.test.ts seeds that): the assessments work on whatever data there is.
beforeAll(async () => {
  api = await startApi({ demo: true });
});
afterAll(() => api.close());

it("seeds last year's signed-off assessment, this year's being scored and a campaign under way", async () => {
  const { campaign } = await seedDemoAssessment(api.deps);
  const viewer = await api.login(DEMO_COUNTY.countyCode, "viewer");
  const year = Number(new Date().toISOString().slice(0, 4));
  const list = await api.call("GET", "/v1/assessments", { token: viewer });
  const byYear = Object.fromEntries(list.body.items.map((a: { year: string }) => [a.year, a]));
  expect(byYear[String(year - 1)]).toMatchObject({ status: "finalized", signOff: { name: "综治办 周平" } });
  expect(byYear[String(year)]).toMatchObject({ status: "scoring", sheetCount: 12, unscoredItems: 6 });

  const ranking = await api.call("GET", `/v1/assessments/${byYear[String(year - 1)].id}`, { token: viewer });
  expect(ranking.body.sheets[0]).toMatchObject({ rank: 1, unitType: "station" });
  expect(ranking.body.sheets.every((s: { total: number }) => s.total > 0)).toBe(true);

  const c = await api.call("GET", `/v1/campaigns/${campaign}`, { token: viewer });
  expect(c.body).toMatchObject({ status: "active", counts: { enrolled: 8, created: 6, inspected: 2 } });
  // Six points created under three stations: one of each station's two drawn.
  expect(c.body.sample.size).toBe(3);
}, 240_000);
