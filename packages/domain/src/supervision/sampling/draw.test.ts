import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../sha256.ts";
import { drawSample, lotOf, quotaOf } from "./draw.ts";

const units = ["u-point-1", "u-point-2", "u-station-1", "u-station-10", "u-office"];
const candidate = fc.record({
  trackingNo: fc.stringMatching(/^1201152026(0[1-9]|1[0-2])[0-2][0-9]\d{4}$/),
  unitId: fc.constantFrom(...units),
});
/** A population: distinct tracking numbers (a tenant never repeats one). */
const population = fc.uniqueArray(candidate, { selector: (c) => c.trackingNo, maxLength: 120 });
const params = fc
  .record({
    share: fc.double({ min: 0.01, max: 1, noNaN: true }),
    minPerUnit: fc.integer({ min: 0, max: 6 }),
    maxPerUnit: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
    seed: fc.integer({ min: 0, max: 999_999_999 }),
  })
  .filter((p) => p.maxPerUnit === null || p.minPerUnit <= p.maxPerUnit);

describe("SHA-256 behind the lots", () => {
  it("agrees with Node's own SHA-256 on any text (so a county can check a lot with any tool)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (s) => {
        expect(sha256Hex(s)).toBe(createHash("sha256").update(s, "utf8").digest("hex"));
      }),
    );
  });

  it("gives the published digest of the empty string and of a two-block message", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
  });
});

describe("drawing a round's sample", () => {
  it("is reproducible: the same population, parameters and seed give the same items, in any reading order", () => {
    fc.assert(
      fc.property(population, params, fc.integer(), (pop, p, shuffleSeed) => {
        const shuffled = [...pop].sort(
          (a, b) =>
            Number.parseInt(lotOf(shuffleSeed, a.trackingNo).slice(0, 8), 16) -
            Number.parseInt(lotOf(shuffleSeed, b.trackingNo).slice(0, 8), 16),
        );
        expect(drawSample(shuffled, p)).toEqual(drawSample(pop, p));
      }),
    );
  });

  it("is stratified: every unit with a closed complaint gets exactly its quota, drawn from its own cases", () => {
    fc.assert(
      fc.property(population, params, (pop, p) => {
        const { items, strata } = drawSample(pop, p);
        const unitsWithCases = new Set(pop.map((c) => c.unitId));
        expect(strata.map((s) => s.unitId).sort()).toEqual([...unitsWithCases].sort());
        for (const s of strata) {
          const own = pop.filter((c) => c.unitId === s.unitId);
          const drawn = items.filter((i) => i.unitId === s.unitId);
          expect(s.population).toBe(own.length);
          expect(drawn).toHaveLength(s.sampled);
          expect(s.sampled).toBe(quotaOf(own.length, p));
          // at least minPerUnit (or all it has), never above maxPerUnit, never more than it has
          expect(s.sampled).toBeGreaterThanOrEqual(Math.min(p.minPerUnit, own.length));
          if (p.maxPerUnit !== null) expect(s.sampled).toBeLessThanOrEqual(p.maxPerUnit);
          expect(s.sampled).toBeLessThanOrEqual(own.length);
        }
        const drawnNos = items.map((i) => i.trackingNo);
        expect(new Set(drawnNos).size).toBe(drawnNos.length);
        const inPopulation = new Set(pop.map((c) => c.trackingNo));
        for (const no of drawnNos) expect(inPopulation.has(no)).toBe(true);
      }),
    );
  });

  it("draws within a unit the cases with the smallest lots, so anyone can redo it by hand", () => {
    fc.assert(
      fc.property(population, params, (pop, p) => {
        const { items } = drawSample(pop, p);
        for (const unitId of units) {
          const lots = pop
            .filter((c) => c.unitId === unitId)
            .map((c) => sha256Hex(`${p.seed}:${c.trackingNo}`))
            .sort();
          const drawn = items.filter((i) => i.unitId === unitId).map((i) => i.lot);
          expect(drawn).toEqual(lots.slice(0, drawn.length));
        }
      }),
    );
  });

  it("keeps a drawn case drawn when other units' cases are added to the population", () => {
    fc.assert(
      fc.property(population, population, params, (pop, more, p) => {
        const own = pop.filter((c) => c.unitId === "u-point-1");
        const others = more.filter(
          (c) => c.unitId !== "u-point-1" && !own.some((o) => o.trackingNo === c.trackingNo),
        );
        const alone = drawSample(own, p).items.map((i) => i.trackingNo);
        const mixed = drawSample([...own, ...others], p)
          .items.filter((i) => i.unitId === "u-point-1")
          .map((i) => i.trackingNo);
        expect(mixed).toEqual(alone);
      }),
    );
  });

  it("takes a share rounded up, without float noise (10% of 30 is 3, not 4)", () => {
    expect(quotaOf(30, { share: 0.1, minPerUnit: 0, maxPerUnit: null })).toBe(3);
    expect(quotaOf(31, { share: 0.1, minPerUnit: 0, maxPerUnit: null })).toBe(4);
    expect(quotaOf(3, { share: 0.2, minPerUnit: 1, maxPerUnit: 5 })).toBe(1);
    expect(quotaOf(40, { share: 0.2, minPerUnit: 1, maxPerUnit: 5 })).toBe(5);
    expect(quotaOf(2, { share: 0.2, minPerUnit: 3, maxPerUnit: 5 })).toBe(2);
    expect(quotaOf(0, { share: 1, minPerUnit: 1, maxPerUnit: null })).toBe(0);
  });

  it("changes the sample when the seed changes (a different draw, not the same list)", () => {
    const pop = Array.from({ length: 40 }, (_, i) => ({
      trackingNo: `120115202610${String(i).padStart(6, "0")}`,
      unitId: "u-point-1",
    }));
    const p = { share: 0.2, minPerUnit: 1, maxPerUnit: null };
    const a = drawSample(pop, { ...p, seed: 1 }).items.map((i) => i.trackingNo);
    const b = drawSample(pop, { ...p, seed: 2 }).items.map((i) => i.trackingNo);
    expect(a).toHaveLength(8);
    expect(a).not.toEqual(b);
  });
});
