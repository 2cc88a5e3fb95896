import { describe, expect, it } from "vitest";
import { ruleSetById, ruleSetFor, ruleSets } from "./rules.ts";

describe("rule sets", () => {
  it("switch from Order 20 to Order 121 on 2026-04-15, Shanghai calendar day of receipt", () => {
    expect(ruleSetFor("2026-04-14T15:59:59Z").id).toBe("samr-20-2022"); // 04-14 23:59:59 in Shanghai
    expect(ruleSetFor("2026-04-14T16:00:00Z").id).toBe("samr-121"); // 04-15 00:00 in Shanghai
    expect(ruleSetFor("2026-04-14T20:00:00Z").id).toBe("samr-121");
    expect(ruleSetFor(new Date("2026-04-14T20:00:00Z")).id).toBe("samr-121");
    expect(ruleSetFor("2026-04-14").id).toBe("samr-20-2022");
    expect(ruleSetFor("2022-11-01T09:00:00+08:00").id).toBe("samr-20-2022");
    expect(ruleSetFor("2030-01-01T09:00:00+08:00").id).toBe("samr-121");
  });

  it("has no rule set before the interim measures took effect", () => {
    expect(() => ruleSetFor("2019-12-31T12:00:00+08:00")).toThrow(RangeError);
  });

  it("carries the limits of each regulation", () => {
    const old = ruleSetById("samr-20-2022");
    expect(old.limits.accept).toEqual({ days: 7, unit: "working" });
    expect(old.limits.mediate).toEqual({ days: 45, unit: "working" });
    const now = ruleSetById("samr-121");
    expect(now.order).toBe("国家市场监督管理总局令第121号");
    expect(now.limits.accept).toEqual({ days: 7, unit: "working" });
    expect(now.limits.mediate).toEqual({ days: 60, unit: "calendar" });
    for (const r of ruleSets) {
      expect(r.limits.handOver).toEqual({ days: 2, unit: "working" });
      expect(r.limits.reportCheck).toEqual({ days: 15, unit: "working" });
      expect(r.limits.reportCheckExtension).toEqual({ days: 15, unit: "working" });
      for (const key of Object.keys(r.limits)) expect(r.basis[key as keyof typeof r.basis]).toMatch(/《.+》/);
    }
  });

  it("do not overlap and leave no gap", () => {
    expect(ruleSets.map((r) => [r.effectiveFrom, r.effectiveTo])).toEqual([
      ["2020-01-01", "2026-04-14"],
      ["2026-04-15", undefined],
    ]);
  });
});
