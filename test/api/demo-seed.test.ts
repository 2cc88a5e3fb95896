import {
  DEMO_COUNTY,
  seedDemoAssessment,
  seedDemoCapacity,
  seedDemoCases,
  seedDemoSupervision,
} from "@weiquan/local";
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
  // Seeded through the API, the cases carry their consumer's phone key: one is found by number.
  const byPhone = await api.call("GET", "/v1/cases?phone=13920461188&limit=200", { token: admin });
  expect(byPhone.body.items.length).toBeGreaterThan(0);
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

it("seeds a year of trainings, publicity with a 3·15 stall, two warnings (the first half acknowledged) and volunteers", async () => {
  const seeded = await seedDemoCapacity(api.deps, { filesOrigin: api.url });
  const bureau = await api.login(DEMO_COUNTY.countyCode, "bureau");
  const year = new Date().getFullYear();
  const trainings = await api.call("GET", `/v1/trainings?year=${year}&limit=50`, { token: bureau });
  expect(trainings.body.items).toHaveLength(seeded.trainings);
  const coverage = await api.call("GET", `/v1/trainings/coverage?year=${year}`, { token: bureau });
  expect(coverage.body.units.some((u: { met: boolean }) => u.met)).toBe(true);
  expect(coverage.body.rate).toBeLessThan(1);
  const figures = await api.call("GET", `/v1/stats/summary?from=${year}-01&to=${year}-12`, { token: bureau });
  expect(figures.body.consumerRightsDayEvents).toBe(2);
  expect(figures.body.publicityEvents).toBe(seeded.publicity);
  const sent = await api.call("GET", "/v1/warnings?box=sent", { token: bureau });
  expect(sent.body.items).toHaveLength(2);
  const first = sent.body.items.find((w: { category: string }) => w.category === "food");
  expect(first.ackRate).toBe(0.5);
  // The publicity events' photos went through the attachments' own path and download as PNGs.
  const events = await api.call("GET", `/v1/publicity?from=${year}-01&to=${year}-12`, { token: bureau });
  const shots = events.body.items.flatMap((p: { attachments: { id: string }[] }) => p.attachments);
  expect(shots).toHaveLength(seeded.photos);
  expect(seeded.photos).toBeGreaterThanOrEqual(3);
  const file = await api.call("GET", `/v1/attachments/${shots[0].id}`, { token: bureau });
  const png = await fetch(new URL(file.body.downloadUrl, api.url));
  expect([...new Uint8Array(await png.arrayBuffer()).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
}, 180_000);

it("seeds last year's signed-off assessment, this year's being scored from the year's data, a campaign under way", async () => {
  const { campaign } = await seedDemoAssessment(api.deps);
  const viewer = await api.login(DEMO_COUNTY.countyCode, "viewer");
  const year = new Date().getFullYear();
  const list = await api.call("GET", "/v1/assessments", { token: viewer });
  const byYear = Object.fromEntries(list.body.items.map((a: { year: string }) => [a.year, a]));
  expect(byYear[String(year - 1)]).toMatchObject({ status: "finalized", signOff: { name: "综治办 周平" } });
  expect(byYear[String(year)]).toMatchObject({ status: "scoring", sheetCount: 12, unscoredItems: 6 });

  const ranking = await api.call("GET", `/v1/assessments/${byYear[String(year - 1)].id}`, { token: viewer });
  expect(ranking.body.sheets[0]).toMatchObject({ rank: 1, unitType: "station" });
  // This year's auto items come from the demo ledger and inspections: somebody decided on time.
  const current = await api.call("GET", `/v1/assessments/${byYear[String(year)].id}`, { token: viewer });
  const onTime = current.body.sheets.flatMap(
    (s: { items: { code: string; input?: { denominator: number } }[] }) =>
      s.items.filter((i) => i.code === "on_time" && (i.input?.denominator ?? 0) > 0),
  );
  expect(onTime.length).toBeGreaterThan(0);

  const c = await api.call("GET", `/v1/campaigns/${campaign}`, { token: viewer });
  expect(c.body).toMatchObject({ status: "active", counts: { enrolled: 8, created: 6, inspected: 2 } });
  // Six points created under three stations: one of each station's two drawn.
  expect(c.body.sample.size).toBe(3);
}, 180_000);
