import { describe, expect, it } from "vitest";
import { shanghaiDate, workCalendar } from "./calendar.ts";

// Expected days are the State Council's 2026 arrangement (国办发明电, gov.cn content_7047091) as
// published in chinese-days 1.5.7, not values computed by the code under test.
const cal = workCalendar();

describe("workCalendar: the national calendar from chinese-days", () => {
  it("treats the National Day holiday (10-01…10-07) as days off and its make-up Sunday / Saturday as workdays", () => {
    for (const day of ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"])
      expect(cal.isWorkday(day)).toBe(false);
    expect(cal.isWorkday("2026-09-20")).toBe(true); // Sunday, worked for National Day
    expect(cal.isWorkday("2026-10-10")).toBe(true); // Saturday, worked for National Day
    expect(cal.isWorkday("2026-10-11")).toBe(false); // ordinary Sunday
  });

  it("treats the Mid-Autumn Festival (09-25…09-27) as days off", () => {
    expect(cal.isWorkday("2026-09-24")).toBe(true);
    expect(cal.isWorkday("2026-09-25")).toBe(false); // Friday
    expect(cal.isWorkday("2026-09-28")).toBe(true);
  });

  it("treats Spring Festival 2026 (02-15…02-23) as days off and 02-14 / 02-28 as workdays", () => {
    expect(cal.isWorkday("2026-02-13")).toBe(true);
    expect(cal.isWorkday("2026-02-14")).toBe(true); // Saturday
    expect(cal.isWorkday("2026-02-16")).toBe(false); // Monday
    expect(cal.isWorkday("2026-02-23")).toBe(false); // Monday
    expect(cal.isWorkday("2026-02-24")).toBe(true);
    expect(cal.isWorkday("2026-02-28")).toBe(true); // Saturday
  });

  it("counts an ordinary weekend as days off", () => {
    expect(cal.isWorkday("2026-03-07")).toBe(false);
    expect(cal.isWorkday("2026-03-08")).toBe(false);
    expect(cal.isWorkday("2026-03-09")).toBe(true);
  });

  it("knows 2004 through 2026 and not the years around them", () => {
    expect(cal.covers(2004)).toBe(true);
    expect(cal.covers(2026)).toBe(true);
    expect(cal.covers(2003)).toBe(false);
    expect(cal.covers(2027)).toBe(false);
    expect(cal.uncoveredYears(2025, 2028)).toEqual([2027, 2028]);
    expect(cal.uncoveredYears(2024, 2026)).toEqual([]);
  });

  it("falls back to Monday–Friday in a year the package does not know", () => {
    expect(cal.isWorkday("2027-01-01")).toBe(true); // a Friday; the 2027 holidays are not published yet
    expect(cal.isWorkday("2027-10-01")).toBe(true); // a Friday
    expect(cal.isWorkday("2027-10-02")).toBe(false); // a Saturday
  });

  it("rejects something that is not a calendar date", () => {
    expect(() => cal.isWorkday("2026-02-30")).toThrow(RangeError);
    expect(() => cal.isWorkday("2026-2-3")).toThrow(RangeError);
  });
});

describe("workCalendar: tenant overrides win", () => {
  const local = workCalendar([
    { date: "2026-10-09", workday: false, note: "县里调休" },
    { date: "2026-10-11", workday: true, note: "补班" },
    { date: "2026-10-01", workday: true, note: "值班" },
    { date: "2027-01-01", workday: false, note: "元旦" },
  ]);

  it("makes a national workday a day off and a day off a workday", () => {
    expect(local.isWorkday("2026-10-09")).toBe(false);
    expect(local.isWorkday("2026-10-11")).toBe(true);
    expect(local.isWorkday("2026-10-01")).toBe(true);
    expect(local.isWorkday("2026-10-08")).toBe(true);
  });

  it("fills a year the package does not know but does not claim to cover it", () => {
    expect(local.isWorkday("2027-01-01")).toBe(false);
    expect(local.covers(2027)).toBe(false);
  });

  it("rejects an override that is not a calendar date", () => {
    expect(() => workCalendar([{ date: "2026-13-01", workday: true }])).toThrow(RangeError);
  });
});

describe("shanghaiDate", () => {
  it("gives the calendar day in Asia/Shanghai (UTC+8)", () => {
    expect(shanghaiDate("2026-04-14T15:59:59Z")).toBe("2026-04-14");
    expect(shanghaiDate("2026-04-14T16:00:00Z")).toBe("2026-04-15");
    expect(shanghaiDate("2026-04-14T20:00:00Z")).toBe("2026-04-15");
    expect(shanghaiDate("2026-04-15T00:30:00+08:00")).toBe("2026-04-15");
    expect(shanghaiDate(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01");
    expect(shanghaiDate("2026-04-15")).toBe("2026-04-15");
  });

  it("refuses a date-time without a time zone, whose instant depends on the machine", () => {
    expect(() => shanghaiDate("2026-04-14T20:00:00")).toThrow(RangeError);
    expect(() => shanghaiDate("yesterday")).toThrow(RangeError);
    expect(() => shanghaiDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});
