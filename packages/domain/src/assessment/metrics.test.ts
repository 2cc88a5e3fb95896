import { describe, expect, it } from "vitest";
import { buildSheet, indexNetwork, metricFacts, type NetworkUnit, ownCounters } from "./build.ts";
import { type MetricFacts, metricDefinition, metricDefinitions, metricValue } from "./metrics.ts";
import type { MetricCode } from "./schema.ts";

/**
 * A station S with two active points P1, P2, a planned point P3 and a closed point P4; every figure
 * below is worked out by hand from these counters (the year's twelve months already summed).
 */
const net: NetworkUnit[] = [
  { id: "B", parentId: null, name: "县局", type: "bureau", path: "B", status: "active", compliant: false },
  { id: "S", parentId: "B", name: "站", type: "station", path: "B/S", status: "active", compliant: true },
  { id: "P1", parentId: "S", name: "点1", type: "point", path: "B/S/P1", status: "active", compliant: true },
  { id: "P2", parentId: "S", name: "点2", type: "point", path: "B/S/P2", status: "active", compliant: false },
  {
    id: "P3",
    parentId: "S",
    name: "点3",
    type: "point",
    path: "B/S/P3",
    status: "planned",
    compliant: false,
  },
  { id: "P4", parentId: "S", name: "点4", type: "point", path: "B/S/P4", status: "closed", compliant: true },
];
const p1 = {
  received: 10,
  "kind.complaint": 8,
  "complete.complaint": 6,
  decided: 8,
  decidedOnTime: 7,
  resolved: 5,
  failed: 1,
  terminated: 1,
  closedOfReceived: 9,
  "closed.complaint": 7,
  "callbacks.complaint": 5,
  "training.attended": 3,
  "publicity.events": 2,
  "warnings.received": 4,
  "warnings.acked": 3,
  "inspection.pass": 9,
  "inspection.fail": 1,
  "findings.raised": 2,
  "findings.verified": 1,
  "verified.reached": 4,
  "verified.satisfied": 3,
};
const p2 = { received: 2, "kind.complaint": 2, decided: 2, decidedOnTime: 1, "training.attended": 1 };
const p4 = { "training.attended": 5 };
const stationOwn = {
  received: 3,
  "kind.complaint": 3,
  "complete.complaint": 3,
  decided: 3,
  decidedOnTime: 3,
};
const sum = (...cs: Record<string, number>[]) => {
  const out: Record<string, number> = {};
  for (const c of cs) for (const [k, v] of Object.entries(c)) out[k] = (out[k] ?? 0) + v;
  return out;
};
const subtree = new Map<string, Record<string, number>>([
  ["P1", p1],
  ["P2", p2],
  ["P4", p4],
  ["S", sum(stationOwn, p1, p2, p4)],
]);
const index = indexNetwork(net);
const unit = (id: string) => net.find((u) => u.id === id)!;
const facts = (id: string, min = 2): MetricFacts => metricFacts(unit(id), index, subtree, min);
const input = (code: MetricCode, id: string, target?: number) =>
  metricDefinition(code).compute(facts(id), target);

describe("assessment metrics, against hand-computed values", () => {
  it("reads a station's own counters as its subtree less its points'", () => {
    expect(ownCounters(unit("S"), index, subtree)).toMatchObject({ ...stationOwn, "training.attended": 0 });
  });

  it("takes the unit and its active points as members (planned and closed points are not assessed)", () => {
    expect(facts("S").members.map((m) => m.unitId)).toEqual(["S", "P1", "P2"]);
    expect(facts("P1").members.map((m) => m.unitId)).toEqual(["P1"]);
  });

  it("on_time_acceptance_rate: decisions within 7 working days ÷ decisions", () => {
    expect(input("on_time_acceptance_rate", "P1")).toEqual({ numerator: 7, denominator: 8 });
    expect(input("on_time_acceptance_rate", "S")).toEqual({ numerator: 3 + 7 + 1, denominator: 3 + 8 + 2 });
  });

  it("closure_rate: cases registered in the year and closed ÷ registered", () => {
    expect(input("closure_rate", "P1")).toEqual({ numerator: 9, denominator: 10 });
  });

  it("mediation_success_rate: resolved ÷ (resolved + failed + terminated)", () => {
    expect(input("mediation_success_rate", "P1")).toEqual({ numerator: 5, denominator: 7 });
    expect(input("mediation_success_rate", "P2")).toEqual({ numerator: 0, denominator: 0 });
  });

  it("callback_rate: complaints called back ÷ complaints closed", () => {
    expect(input("callback_rate", "P1")).toEqual({ numerator: 5, denominator: 7 });
  });

  it("ledger_completeness: complaints with nature, amount and date ÷ complaints", () => {
    expect(input("ledger_completeness", "P1")).toEqual({ numerator: 6, denominator: 8 });
    expect(input("ledger_completeness", "S")).toEqual({ numerator: 9, denominator: 13 });
  });

  it("four_ones: compliant members ÷ members", () => {
    expect(input("four_ones", "S")).toEqual({ numerator: 2, denominator: 3 });
    expect(input("four_ones", "P2")).toEqual({ numerator: 0, denominator: 1 });
  });

  it("training_attendance: each member's trainings up to the minimum ÷ minimum × members", () => {
    // S attended none itself, P1 three (counted 2), P2 one; the closed P4's five count for nobody.
    expect(input("training_attendance", "S")).toEqual({ numerator: 0 + 2 + 1, denominator: 2 * 3 });
    expect(input("training_attendance", "P1")).toEqual({ numerator: 2, denominator: 2 });
    expect(metricDefinition("training_attendance").compute(facts("P1", 4))).toEqual({
      numerator: 3,
      denominator: 4,
    });
  });

  it("publicity_events: a count, measured against target × members by a linear scale", () => {
    expect(input("publicity_events", "S", 2)).toEqual({ numerator: 2, denominator: 6 });
    expect(metricValue("publicity_events", { numerator: 2, denominator: 6 })).toBe(2);
  });

  it("warning_ack_rate, inspection_pass_rate, findings_rectified_rate, verified_satisfaction_rate", () => {
    expect(input("warning_ack_rate", "P1")).toEqual({ numerator: 3, denominator: 4 });
    expect(input("inspection_pass_rate", "P1")).toEqual({ numerator: 9, denominator: 10 });
    expect(input("findings_rectified_rate", "P1")).toEqual({ numerator: 1, denominator: 2 });
    expect(input("verified_satisfaction_rate", "P1")).toEqual({ numerator: 3, denominator: 4 });
  });

  it("a rate metric's value is the ratio, null without a denominator", () => {
    expect(metricValue("closure_rate", { numerator: 9, denominator: 10 })).toBe(0.9);
    expect(metricValue("closure_rate", { numerator: 0, denominator: 0 })).toBeNull();
  });

  it("defines every metric once, with a Chinese label and definition", () => {
    expect(new Set(metricDefinitions.map((m) => m.code)).size).toBe(12);
    for (const m of metricDefinitions) {
      expect(m.label).toMatch(/\p{Script=Han}/u);
      expect(m.definition.length).toBeGreaterThan(10);
    }
  });

  it("builds a station's sheet with its auto items frozen with their inputs", () => {
    const sheet = buildSheet(
      "a1",
      {
        items: [
          { code: "A", title: "按时受理", maxPoints: 60, source: "auto", metric: "on_time_acceptance_rate" },
          { code: "B", title: "现场检查", maxPoints: 40, source: "manual" },
        ],
      },
      unit("S"),
      index,
      subtree,
      2,
      "2027-01-05T09:00:00.000+08:00",
    );
    expect(sheet).toMatchObject({ unitId: "S", parentName: "县局", total: null, version: 1 });
    // 60 × 11 / 13 = 50.769… → 50.77
    expect(sheet.items).toEqual([
      { code: "A", points: 50.77, auto: true, input: { numerator: 11, denominator: 13 } },
      { code: "B", points: null, auto: false },
    ]);
  });
});
