import { describe, expect, it } from "vitest";
import { countersForAction, countersForCreate } from "./counters.ts";
import { figuresOf, rate } from "./definitions.ts";
import { monthsOf, namedPeriod, previousPeriod, resolvePeriod } from "./period.ts";
import { replayCase } from "./replay.ts";

const now = new Date("2026-11-30T20:00:00Z"); // 1 December in Shanghai

describe("figure definitions", () => {
  it("gives null, not 0, for a rate without a denominator", () => {
    expect(rate(0, 0)).toBeNull();
    expect(figuresOf({})).toMatchObject({ resolutionRate: null, onTimeRate: null, satisfactionRate: null });
  });

  it("computes the rates from the counters as the spec defines them", () => {
    const f = figuresOf({
      received: 8,
      escalated: 2,
      resolved: 3,
      failed: 1,
      terminated: 2,
      decided: 4,
      decidedOnTime: 3,
      callbacks: 5,
      "callback.satisfied": 2,
      "callback.basically_satisfied": 2,
    });
    expect(f).toMatchObject({
      resolutionRate: 0.5,
      onTimeRate: 0.75,
      satisfactionRate: 0.4,
      escalationRate: 0.25,
    });
  });
});

describe("periods", () => {
  it("defaults to the Shanghai year to date", () => {
    expect(resolvePeriod({}, now)).toEqual({ from: "2026-01", to: "2026-12" });
    expect(resolvePeriod({ to: "2025-03" }, now)).toEqual({ from: "2025-01", to: "2025-03" });
  });

  it("refuses a reversed or over-long period with the field's path", () => {
    expect(() => resolvePeriod({ from: "2026-05", to: "2026-04" }, now)).toThrow(/起始月份/);
    expect(() => resolvePeriod({ from: "2000-01", to: "2026-04" }, now)).toThrow(/最长/);
  });

  it("names months, quarters, halves and years, and finds the previous period", () => {
    expect(namedPeriod("2026-Q4")).toEqual({ from: "2026-10", to: "2026-12", label: "2026年第四季度" });
    expect(namedPeriod("2026-H1")).toMatchObject({ from: "2026-01", to: "2026-06" });
    expect(namedPeriod("2026-02")).toMatchObject({ from: "2026-02", to: "2026-02", label: "2026年2月" });
    expect(namedPeriod("2026-Q5")).toBeNull();
    expect(previousPeriod({ from: "2026-01", to: "2026-03" })).toEqual({ from: "2025-10", to: "2025-12" });
    expect(monthsOf({ from: "2025-11", to: "2026-02" })).toEqual([
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
    ]);
  });
});

describe("replaying a case", () => {
  it("counts creation where it was received and actions where the case was handled then", () => {
    const c = {
      kind: "complaint",
      channel: "walk_in",
      category: "goods.food.dairy",
      nature: "quality",
      originUnitId: "point",
      receivedAt: "2026-10-31T23:00:00.000+08:00",
    };
    const deltas = replayCase(c, [
      { at: c.receivedAt, action: "create", data: { unitId: "point" } },
      { at: "2026-11-01T09:00:00.000+08:00", action: "escalate", data: { toUnitId: "station" } },
      { at: "2026-11-02T09:00:00.000+08:00", action: "accept", data: { onTime: true } },
    ]);
    expect(deltas).toEqual([
      { unitId: "point", month: "2026-10", counters: countersForCreate(c) },
      {
        unitId: "point",
        month: "2026-11",
        counters: countersForAction({ kind: "complaint", action: "escalate" }),
      },
      { unitId: "station", month: "2026-11", counters: { accepted: 1, decided: 1, decidedOnTime: 1 } },
    ]);
    expect(countersForCreate(c)).toMatchObject({ "cat.goods.food": 1, "kcat.complaint.goods.food": 1 });
  });
});
