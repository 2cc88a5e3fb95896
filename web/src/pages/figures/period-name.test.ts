import { describe, expect, it } from "vitest";
import { presetPeriod } from "./period.ts";
import { reportPeriodOf } from "./period-name.ts";

// Noon in Shanghai on the given day.
const on = (day: string) => new Date(`${day}T04:00:00Z`);

describe("the period report the figures page opens (打印期间报告)", () => {
  it("opens the year's report for 本年, the quarter's for 本季度, a month's for 本月 (December)", () => {
    const now = on("2026-12-02");
    expect(reportPeriodOf(presetPeriod("year", now), now)).toBe("2026");
    expect(reportPeriodOf(presetPeriod("half", now), now)).toBe("2026-H2");
    expect(reportPeriodOf(presetPeriod("quarter", now), now)).toBe("2026-Q4");
    expect(reportPeriodOf(presetPeriod("lastQuarter", now), now)).toBe("2026-Q3");
    expect(reportPeriodOf(presetPeriod("month", now), now)).toBe("2026-12");
    expect(reportPeriodOf(presetPeriod("lastMonth", now), now)).toBe("2026-11");
  });

  it("opens the year's report for 本年 in January, when the year so far is one month", () => {
    const now = on("2027-01-15");
    expect(presetPeriod("year", now)).toEqual({ from: "2027-01", to: "2027-01" });
    expect(reportPeriodOf(presetPeriod("year", now), now)).toBe("2027");
    expect(reportPeriodOf(presetPeriod("lastMonth", now), now)).toBe("2026-12");
  });

  it("opens a custom range's report where it starts, else the quarter it ends in", () => {
    const now = on("2026-12-02");
    expect(reportPeriodOf({ from: "2026-04", to: "2026-06" }, now)).toBe("2026-Q2");
    expect(reportPeriodOf({ from: "2026-01", to: "2026-05" }, now)).toBe("2026-H1");
    expect(reportPeriodOf({ from: "2026-03", to: "2026-03" }, now)).toBe("2026-03");
    expect(reportPeriodOf({ from: "2026-02", to: "2026-05" }, now)).toBe("2026-Q2");
  });
});
