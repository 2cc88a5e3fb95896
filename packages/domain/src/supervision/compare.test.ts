import { describe, expect, it } from "vitest";
import { compareRows, type SliceRow } from "./compare.ts";

const row = (over: Partial<SliceRow> & Pick<SliceRow, "unitId">): SliceRow => ({
  parentId: null,
  name: over.unitId,
  type: "station",
  depth: 1,
  childCount: 0,
  callbacks: 0,
  satisfied: 0,
  sampled: 0,
  verifiedCallbacks: 0,
  verifiedSatisfied: 0,
  ...over,
});

describe("self-reported beside verified satisfaction", () => {
  // A station that handles cases itself and has two points; every figure counts at the handling unit and
  // above, so the station's row is its points' and its own cases together.
  const station = row({
    unitId: "s1",
    depth: 0,
    childCount: 2,
    callbacks: 20,
    satisfied: 19,
    sampled: 8,
    verifiedCallbacks: 6,
    verifiedSatisfied: 4,
  });
  const p1 = row({
    unitId: "p1",
    parentId: "s1",
    type: "point",
    callbacks: 12,
    satisfied: 12,
    sampled: 5,
    verifiedCallbacks: 4,
    verifiedSatisfied: 2,
  });
  const p2 = row({ unitId: "p2", parentId: "s1", type: "point" });

  it("shows the top unit in total, what it handled itself, and each unit below it that had callbacks", () => {
    const rows = compareRows([station, p1, p2]);
    expect(rows.map((r) => r.key)).toEqual(["total:s1", "own:s1", "child:p1"]);
    expect(rows[0]).toMatchObject({ selfCallbacks: 20, selfRate: 19 / 20, verifiedRate: 4 / 6 });
    expect(rows[0]!.gap).toBeCloseTo(0.95 - 4 / 6);
    // Its own: 8 callbacks, 7 satisfied; 3 sampled, 2 reached, both satisfied.
    expect(rows[1]).toMatchObject({
      kind: "own",
      selfCallbacks: 8,
      selfRate: 7 / 8,
      sampled: 3,
      verifiedCallbacks: 2,
      verifiedRate: 1,
    });
    expect(rows[1]!.gap).toBeCloseTo(7 / 8 - 1);
    expect(rows[2]).toMatchObject({ selfRate: 1, verifiedRate: 0.5, gap: 0.5 });
  });

  it("has no gap where either rate is unknown, and no own line for a unit without units below it", () => {
    const point = row({ unitId: "p1", depth: 0, type: "point", callbacks: 3, satisfied: 3, sampled: 1 });
    expect(compareRows([point])).toEqual([
      expect.objectContaining({ kind: "total", selfRate: 1, verifiedRate: null, gap: null }),
    ]);
  });

  it("leaves out the own line when the slice lacks some of the children (their part would be counted as its own)", () => {
    expect(compareRows([station, p1]).map((r) => r.kind)).toEqual(["total", "child"]);
    expect(compareRows([])).toEqual([]);
  });
});
