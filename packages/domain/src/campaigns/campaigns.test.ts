import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../common/errors.ts";
import { countsDelta, inspect, markCreated } from "./flow.ts";
import { progressRow } from "./progress.ts";
import { drawCampaignSample, drawCount, type SampleCandidate } from "./sample.ts";
import { type CampaignUnit, CreateCampaignInput, defaultCampaignChecklist } from "./schema.ts";

/** Created units spread over a few stations, with distinct ids. */
const candidates = fc
  .uniqueArray(fc.tuple(fc.stringMatching(/^[a-z0-9]{4,10}$/), fc.integer({ min: 0, max: 5 })), {
    minLength: 0,
    maxLength: 60,
    selector: ([id]) => id,
  })
  .map((rows) => rows.map(([unitId, s]) => ({ unitId, stationId: `station${s}` })));
const seed = fc.integer({ min: 0, max: 999_999_999 });
const share = fc.double({ min: 0.01, max: 1, noNaN: true });

describe("the campaign's on-site sample", () => {
  it("is reproducible: the same seed and created units give the same sample, in any reading order", () => {
    fc.assert(
      fc.property(candidates, seed, share, fc.nat(), (units, s, sh, shift) => {
        const rotated = units.map((_, i) => units[(i + shift) % units.length]!).reverse();
        expect(drawCampaignSample(s, sh, rotated)).toEqual(drawCampaignSample(s, sh, units));
      }),
    );
  });

  it("draws the share of each station's created units, rounded up, and only those", () => {
    fc.assert(
      fc.property(candidates, seed, share, (units, s, sh) => {
        const out = drawCampaignSample(s, sh, units);
        const ids = new Set(units.map((u) => u.unitId));
        expect(new Set(out.units.map((u) => u.unitId)).size).toBe(out.units.length);
        for (const u of out.units) expect(ids.has(u.unitId)).toBe(true);
        for (const st of out.stations) {
          const created = units.filter((u) => u.stationId === st.stationId).length;
          expect(st.created).toBe(created);
          expect(st.drawn).toBe(Math.min(created, Math.ceil(created * sh - 1e-9)));
          expect(out.units.filter((u) => u.stationId === st.stationId)).toHaveLength(st.drawn);
          expect(st.drawn).toBeGreaterThanOrEqual(1);
        }
      }),
    );
  });

  it("keeps one station's draw independent of the other stations' units", () => {
    fc.assert(
      fc.property(candidates, candidates, seed, (a, b, s) => {
        const mine = a.map((u) => ({ ...u, stationId: "mine" }));
        const others = b.filter((u) => !a.some((x) => x.unitId === u.unitId));
        const alone = drawCampaignSample(s, 1 / 3, mine).units;
        const together = drawCampaignSample(s, 1 / 3, [...others, ...mine]).units.filter(
          (u) => u.stationId === "mine",
        );
        expect(together).toEqual(alone);
      }),
    );
  });

  it("differs between seeds (a sample is not fixed by the units alone)", () => {
    const units: SampleCandidate[] = Array.from({ length: 30 }, (_, i) => ({
      unitId: `u${String(i).padStart(2, "0")}`,
      stationId: "s",
    }));
    const samples = new Set(
      [1, 2, 3, 10].map((s) => JSON.stringify(drawCampaignSample(s, 1 / 3, units).units)),
    );
    expect(samples.size).toBeGreaterThan(1);
  });

  it("ranks each station's units by a lot anyone can recompute: SHA-256 of “seed:unit id”", () => {
    const units = ["a1", "a2", "a3", "a4", "a5", "a6"].map((unitId) => ({ unitId, stationId: "s" }));
    const lot = (id: string) => createHash("sha256").update(`20260826:${id}`).digest("hex");
    const expected = [...units].sort((a, b) => (lot(a.unitId) < lot(b.unitId) ? -1 : 1)).slice(0, 2);
    const drawn = drawCampaignSample(20260826, 1 / 3, units).units;
    expect(drawn.map((u) => u.unitId)).toEqual(expected.map((u) => u.unitId));
    expect(drawn[0]!.lot).toBe(lot(drawn[0]!.unitId));
  });

  it("checks one third of a station, rounded up: 3 of 9, 1 of 1, 2 of 4, none of none", () => {
    expect([9, 1, 4, 0].map((n) => drawCount(n, 1 / 3))).toEqual([3, 1, 2, 0]);
  });
});

const unit: CampaignUnit = {
  campaignId: "c",
  unitId: "p1",
  unitName: "南关社区消费维权服务点",
  stationId: "s1",
  stationName: "宝平街道站",
  status: "enrolled",
  inSample: false,
  lot: null,
  creation: null,
  inspection: null,
  version: 1,
};
const allDone = Object.fromEntries(defaultCampaignChecklist.map((c) => [c.code, true]));
const sheet = [
  { code: "org", title: "组织领导", maxPoints: 40 },
  { code: "work", title: "五个一落实", maxPoints: 60 },
];
const actor = { name: "县局 张敏", at: "2026-09-01T10:00:00.000+08:00" };
const codeOf = (f: () => unknown) => {
  try {
    f();
    return null;
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
};
const inspection = (org: number, work: number) => ({
  inspectedAt: "2026-09-10T09:00:00.000+08:00",
  inspectors: ["张敏"],
  scores: [
    { code: "org", points: org },
    { code: "work", points: work },
  ],
});

describe("a unit's way through the campaign", () => {
  it("is created when every item of the 五个一 is done", () => {
    const created = markCreated(
      unit,
      defaultCampaignChecklist,
      { checklist: allDone, note: "五个一全部落实" },
      actor,
    );
    expect(created).toMatchObject({
      status: "created",
      version: 2,
      creation: { by: "县局 张敏", note: "五个一全部落实" },
    });
    expect(codeOf(() => markCreated(created, defaultCampaignChecklist, { checklist: allDone }, actor))).toBe(
      "CAMPAIGN_UNIT_STATE",
    );
  });

  it("refuses a checklist with an item not done or unknown (422)", () => {
    const half = { ...allDone, open_letter: false };
    expect(codeOf(() => markCreated(unit, defaultCampaignChecklist, { checklist: half }, actor))).toBe(
      "CHECKLIST_INCOMPLETE",
    );
    expect(
      codeOf(() =>
        markCreated(unit, defaultCampaignChecklist, { checklist: { ...allDone, x: true } }, actor),
      ),
    ).toBe("UNKNOWN_CHECKLIST_ITEM");
  });

  it("passes or fails an on-site check by the pass mark", () => {
    const created = markCreated(unit, defaultCampaignChecklist, { checklist: allDone }, actor);
    expect(inspect(created, sheet, 80, inspection(30, 50), actor)).toMatchObject({
      status: "passed",
      inspection: { total: 80, passed: true },
    });
    expect(inspect(created, sheet, 80, inspection(30, 49.5), actor)).toMatchObject({
      status: "failed",
      inspection: { total: 79.5, passed: false },
    });
  });

  it("refuses to check a unit not created, a second check, missing or excessive scores (422)", () => {
    expect(codeOf(() => inspect(unit, sheet, 80, inspection(1, 1), actor))).toBe("CAMPAIGN_UNIT_STATE");
    const created = markCreated(unit, defaultCampaignChecklist, { checklist: allDone }, actor);
    const checked = inspect(created, sheet, 80, inspection(40, 60), actor);
    expect(codeOf(() => inspect(checked, sheet, 80, inspection(40, 60), actor))).toBe("CAMPAIGN_UNIT_STATE");
    expect(
      codeOf(() =>
        inspect(created, sheet, 80, { ...inspection(1, 1), scores: [{ code: "org", points: 1 }] }, actor),
      ),
    ).toBe("SCORES_INCOMPLETE");
    expect(codeOf(() => inspect(created, sheet, 80, inspection(41, 1), actor))).toBe("POINTS_OUT_OF_RANGE");
  });

  it("moves the counts: created +1; inspected +1 and passed or failed +1", () => {
    expect(countsDelta("enrolled", "created")).toEqual({ created: 1 });
    expect(countsDelta("created", "failed")).toEqual({ inspected: 1, failed: 1 });
  });
});

describe("progress against the targets", () => {
  it("computes creation and pass rates and whether they reach the targets", () => {
    const row = progressRow({ enrolled: 10, created: 9, inspected: 3, passed: 2, failed: 1 }, 3, {
      creationRate: 0.9,
      passRate: 0.8,
    });
    expect(row).toMatchObject({ creationRate: 0.9, meetsCreation: true, passRate: 2 / 3, meetsPass: false });
    expect(
      progressRow({ enrolled: 0, created: 0, inspected: 0, passed: 0, failed: 0 }, 0, row as never),
    ).toMatchObject({
      creationRate: null,
      meetsCreation: null,
    });
  });
});

describe("a new campaign", () => {
  it("names the failing fields (400): rates above 1, a bad deadline; then duplicate codes", () => {
    const r = CreateCampaignInput.safeParse({
      name: "创建无传销社区",
      kind: "pyramid_free",
      year: "2026",
      deadline: "2026-09-15T25:00",
      targets: { creationRate: 1.2, passRate: 0.8 },
      scoreSheet: [
        { code: "a", title: "A", maxPoints: 50 },
        { code: "a", title: "B", maxPoints: 50 },
      ],
      passMark: 80,
    });
    expect(r.error!.issues.map((i) => i.path.join("."))).toEqual(
      expect.arrayContaining(["deadline", "targets.creationRate"]),
    );
    const dup = CreateCampaignInput.safeParse({
      name: "创建无传销社区",
      kind: "pyramid_free",
      year: 2026,
      deadline: "2026-09-15",
      targets: { creationRate: 0.9, passRate: 0.8 },
      scoreSheet: [
        { code: "a", title: "A", maxPoints: 50 },
        { code: "a", title: "B", maxPoints: 50 },
      ],
      passMark: 80,
    });
    expect(dup.error!.issues.map((i) => i.path.join("."))).toEqual(["scoreSheet.1.code"]);
  });
});
