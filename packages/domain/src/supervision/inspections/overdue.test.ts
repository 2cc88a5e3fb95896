import { describe, expect, it } from "vitest";
import { findingCountsOverdue, findingGaugeDeltas } from "./overdue.ts";

const open = { status: "open" as const, dueBy: "2026-11-12", unitPath: "B/S/P" };
const noticed = { ...open, overdueNoticed: "2026-11-12" };

describe("the overdue-findings gauge", () => {
  it("counts an open finding from the notice of its due date's lapse", () => {
    expect(findingCountsOverdue(open)).toBe(false);
    expect(findingCountsOverdue(noticed)).toBe(true);
    expect(findingCountsOverdue({ ...noticed, dueBy: "2026-11-30" })).toBe(false);
    expect(findingCountsOverdue({ ...noticed, status: "rectified" })).toBe(false);
    expect(findingCountsOverdue({ ...noticed, status: "verified" })).toBe(false);
  });

  it("moves the owing unit and every unit above it, and nothing when the standing stays", () => {
    const up = ["B", "S", "P"].map((unitId) => ({ unitId, counters: { overdueFindings: 1 } }));
    const down = ["B", "S", "P"].map((unitId) => ({ unitId, counters: { overdueFindings: -1 } }));
    expect(findingGaugeDeltas(null, open)).toEqual([]);
    expect(findingGaugeDeltas(open, noticed)).toEqual(up);
    expect(findingGaugeDeltas(noticed, { ...noticed, status: "rectified" })).toEqual(down);
    expect(findingGaugeDeltas({ ...noticed, status: "rectified" }, noticed)).toEqual(up);
    expect(findingGaugeDeltas(noticed, { ...noticed, text: "改写" } as typeof noticed)).toEqual([]);
  });
});
