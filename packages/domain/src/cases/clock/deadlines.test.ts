import { describe, expect, it } from "vitest";
import { workCalendar } from "./calendar.ts";
import { type ClockFacts, caseDeadlines, clockState, deadlineAfter } from "./deadlines.ts";
import type { Limit } from "./rules.ts";

// Every expected date below was counted by hand on the 2026 arrangement (holidays 01-01…03,
// 02-15…23, 04-04…06, 05-01…05, 06-19…21, 09-25…27, 10-01…07; make-up workdays 01-04, 02-14, 02-28,
// 05-09, 09-20, 10-10), never with the code under test.
const cal = workCalendar();
const seven: Limit = { days: 7, unit: "working" };
const sixty: Limit = { days: 60, unit: "calendar" };
const fortyFive: Limit = { days: 45, unit: "working" };

describe("deadlineAfter: counting (民法典 Art. 201, the start day is not counted)", () => {
  it("runs 7 working days from a receipt on the last day before National Day over the holiday and the make-up Saturday", () => {
    // 10-08 (1) 10-09 (2) 10-10 Sat make-up (3) 10-12 (4) 10-13 (5) 10-14 (6) 10-15 (7)
    expect(deadlineAfter("2026-09-30T10:00:00+08:00", seven, cal)).toBe("2026-10-15T23:59:59+08:00");
  });

  it("counts the make-up Sunday before Mid-Autumn and skips the Mid-Autumn days", () => {
    // 09-20 Sun make-up (1) 09-21…24 (2-5) 09-25…27 off 09-28 (6) 09-29 (7)
    expect(deadlineAfter("2026-09-18T16:00:00+08:00", seven, cal)).toBe("2026-09-29T23:59:59+08:00");
  });

  it("runs over Spring Festival 2026 and both its make-up Saturdays", () => {
    // 02-14 Sat (1) 02-15…23 off 02-24…27 (2-5) 02-28 Sat (6) 03-02 (7)
    expect(deadlineAfter("2026-02-13T09:00:00+08:00", seven, cal)).toBe("2026-03-02T23:59:59+08:00");
  });

  it("starts counting after a weekend receipt as after any other day", () => {
    // received Saturday 03-07: 03-09…13 (1-5) 03-16 (6) 03-17 (7)
    expect(deadlineAfter("2026-03-07T11:00:00+08:00", seven, cal)).toBe("2026-03-17T23:59:59+08:00");
    expect(deadlineAfter("2026-03-08T11:00:00+08:00", seven, cal)).toBe("2026-03-17T23:59:59+08:00");
  });

  it("takes the day of receipt in Shanghai, not in UTC", () => {
    // 2026-09-29T17:00Z is already 09-30 01:00 in Shanghai
    expect(deadlineAfter("2026-09-29T17:00:00Z", seven, cal)).toBe("2026-10-15T23:59:59+08:00");
  });

  it("counts 60 calendar days from acceptance, holidays included", () => {
    // 04-20 + 60 days = 06-19 (a Dragon Boat Festival day, still the 60th day as the spec counts)
    expect(deadlineAfter("2026-04-20T10:00:00+08:00", sixty, cal)).toBe("2026-06-19T23:59:59+08:00");
  });

  it("counts 45 working days under Order 20 over Qingming and May Day", () => {
    expect(deadlineAfter("2026-03-02T10:00:00+08:00", fortyFive, cal)).toBe("2026-05-08T23:59:59+08:00");
  });

  it("follows a tenant's override that makes a day off or a workday", () => {
    const offOn1009 = workCalendar([{ date: "2026-10-09", workday: false }]);
    // 10-08 (1) 10-10 (2) 10-12…16 (3-7)
    expect(deadlineAfter("2026-09-30T10:00:00+08:00", seven, offOn1009)).toBe("2026-10-16T23:59:59+08:00");
    const workOn1011 = workCalendar([{ date: "2026-10-11", workday: true }]);
    // 10-08 (1) 10-09 (2) 10-10 (3) 10-11 (4) 10-12 (5) 10-13 (6) 10-14 (7)
    expect(deadlineAfter("2026-09-30T10:00:00+08:00", seven, workOn1011)).toBe("2026-10-14T23:59:59+08:00");
  });

  it("counts Monday to Friday into a year the package does not know", () => {
    // 12-31 (1) 2027-01-01 Fri (2) 01-04…08 (3-7)
    expect(deadlineAfter("2026-12-30T10:00:00+08:00", seven, cal)).toBe("2027-01-08T23:59:59+08:00");
    const newYear2027 = workCalendar([{ date: "2027-01-01", workday: false }]);
    expect(deadlineAfter("2026-12-30T10:00:00+08:00", seven, newYear2027)).toBe("2027-01-11T23:59:59+08:00");
  });

  it("rejects a limit that is not a positive whole number of days", () => {
    expect(() => deadlineAfter("2026-03-02T10:00:00+08:00", { days: 0, unit: "working" }, cal)).toThrow(
      RangeError,
    );
    expect(() => deadlineAfter("2026-03-02T10:00:00+08:00", { days: 1.5, unit: "calendar" }, cal)).toThrow(
      RangeError,
    );
  });
});

describe("deadlineAfter: pauses (days P…R−1 of a pause from day P to day R are not counted)", () => {
  const accepted = "2026-04-20T10:00:00+08:00";

  it("moves a 60-day mediation deadline by the 10 days a testing pause stopped", () => {
    // stopped 05-06…05-15 (10 days): 06-19 + 10 = 06-29
    const pauses = [
      { from: "2026-05-06T09:00:00+08:00", to: "2026-05-16T15:00:00+08:00", reason: "testing" },
    ];
    expect(deadlineAfter(accepted, sixty, cal, pauses)).toBe("2026-06-29T23:59:59+08:00");
  });

  it("gives nothing back for a pause that starts and ends on the same day", () => {
    const pauses = [{ from: "2026-05-06T09:00:00+08:00", to: "2026-05-06T17:00:00+08:00" }];
    expect(deadlineAfter(accepted, sixty, cal, pauses)).toBe("2026-06-19T23:59:59+08:00");
  });

  it("never leaves a case overdue when its clock resumes after a pause begun on the last day", () => {
    // stopped 06-19…06-21; 06-22 is the 60th counted day
    const pauses = [{ from: "2026-06-19T10:00:00+08:00", to: "2026-06-22T09:00:00+08:00" }];
    expect(deadlineAfter(accepted, sixty, cal, pauses)).toBe("2026-06-22T23:59:59+08:00");
  });

  it("does not revive a limit that had run out before the pause began", () => {
    const pauses = [{ from: "2026-06-20T10:00:00+08:00", to: "2026-06-30T10:00:00+08:00" }];
    expect(deadlineAfter(accepted, sixty, cal, pauses)).toBe("2026-06-19T23:59:59+08:00");
    expect(deadlineAfter(accepted, sixty, cal, [{ from: "2026-06-20T10:00:00+08:00" }])).toBe(
      "2026-06-19T23:59:59+08:00",
    );
  });

  it("returns null while an open pause stops the clock", () => {
    expect(deadlineAfter(accepted, sixty, cal, [{ from: "2026-05-06T09:00:00+08:00" }])).toBeNull();
    expect(deadlineAfter(accepted, sixty, cal, [{ from: "2026-06-19T09:00:00+08:00" }])).toBeNull();
  });

  it("moves a working-day deadline by the working days stopped only, landing on a make-up Saturday", () => {
    // stopped Thu 03-05 … Sun 03-08: two working days; 05-08 → 05-09 (Sat make-up) → 05-11
    const pauses = [{ from: "2026-03-05T10:00:00+08:00", to: "2026-03-09T10:00:00+08:00" }];
    expect(deadlineAfter("2026-03-02T10:00:00+08:00", fortyFive, cal, pauses)).toBe(
      "2026-05-11T23:59:59+08:00",
    );
  });

  it("counts overlapping pauses once", () => {
    const pauses = [
      { from: "2026-05-06T09:00:00+08:00", to: "2026-05-16T15:00:00+08:00" },
      { from: "2026-05-10T09:00:00+08:00", to: "2026-05-12T15:00:00+08:00" },
    ];
    expect(deadlineAfter(accepted, sixty, cal, pauses)).toBe("2026-06-29T23:59:59+08:00");
  });

  it("rejects a pause that ends before it starts", () => {
    const pauses = [{ from: "2026-05-06T09:00:00+08:00", to: "2026-05-05T09:00:00+08:00" }];
    expect(() => deadlineAfter(accepted, sixty, cal, pauses)).toThrow(RangeError);
  });
});

describe("caseDeadlines", () => {
  it("gives a complaint under Order 121 its accept and mediation deadlines", () => {
    const f: ClockFacts = {
      kind: "complaint",
      status: "mediating",
      ruleSet: "samr-121",
      receivedAt: "2026-04-15T09:00:00+08:00",
      acceptedAt: "2026-04-20T10:00:00+08:00",
    };
    // 04-16, 17, 20, 21, 22, 23, 24
    expect(caseDeadlines(f, cal)).toEqual({
      acceptBy: "2026-04-24T23:59:59+08:00",
      mediateBy: "2026-06-19T23:59:59+08:00",
    });
  });

  it("gives a complaint under Order 20 45 working days of mediation", () => {
    const f: ClockFacts = {
      kind: "complaint",
      status: "accepted",
      ruleSet: "samr-20-2022",
      receivedAt: "2026-02-26T09:00:00+08:00",
      acceptedAt: "2026-03-02T10:00:00+08:00",
    };
    // 02-27 (1) 02-28 Sat make-up (2) 03-02…06 (3-7)
    expect(caseDeadlines(f, cal)).toEqual({
      acceptBy: "2026-03-06T23:59:59+08:00",
      mediateBy: "2026-05-08T23:59:59+08:00",
    });
  });

  it("does not pause the acceptance decision for testing", () => {
    const f: ClockFacts = {
      kind: "complaint",
      status: "registered",
      ruleSet: "samr-121",
      receivedAt: "2026-09-30T10:00:00+08:00",
      pauses: [{ from: "2026-10-08T10:00:00+08:00" }],
    };
    expect(caseDeadlines(f, cal)).toEqual({ acceptBy: "2026-10-15T23:59:59+08:00" });
  });

  it("gives a report its hand-over deadline and the enforcement body's check, extended on approval", () => {
    const f: ClockFacts = {
      kind: "report",
      status: "handed_over",
      ruleSet: "samr-121",
      receivedAt: "2026-09-30T17:00:00+08:00",
      handedOverAt: "2026-10-09T10:00:00+08:00",
    };
    // hand-over: 10-08, 10-09. check: 10-10 Sat (1) 10-12…16 (2-6) 10-19…23 (7-11) 10-26…29 (12-15)
    expect(caseDeadlines(f, cal)).toEqual({
      handOverBy: "2026-10-09T23:59:59+08:00",
      checkBy: "2026-10-29T23:59:59+08:00",
    });
    // 30 working days: 10-30 (16) 11-02…06 (17-21) 11-09…13 (22-26) 11-16…19 (27-30)
    expect(caseDeadlines({ ...f, checkExtended: true }, cal).checkBy).toBe("2026-11-19T23:59:59+08:00");
  });

  it("gives a consultation no deadline", () => {
    const f: ClockFacts = {
      kind: "consultation",
      status: "registered",
      ruleSet: "samr-121",
      receivedAt: "2026-09-30T10:00:00+08:00",
    };
    expect(caseDeadlines(f, cal)).toEqual({});
  });
});

describe("clockState", () => {
  const registered: ClockFacts = {
    kind: "complaint",
    status: "registered",
    ruleSet: "samr-121",
    receivedAt: "2026-09-30T10:00:00+08:00",
  }; // acceptBy 2026-10-15T23:59:59+08:00

  it("is not overdue at 23:59:59 on the deadline's day and overdue at 00:00 the next day (Shanghai)", () => {
    const last = clockState(registered, cal, new Date("2026-10-15T23:59:59+08:00"));
    expect(last).toMatchObject({ running: "acceptBy", dueBy: "2026-10-15T23:59:59+08:00", overdue: false });
    expect(last.dueSoon).toBe(true);
    expect(clockState(registered, cal, new Date("2026-10-15T23:59:59.999+08:00")).overdue).toBe(false);
    const next = clockState(registered, cal, new Date("2026-10-15T16:00:00Z")); // 10-16 00:00 in Shanghai
    expect(next).toMatchObject({ overdue: true, dueSoon: false, paused: false });
  });

  it("is due soon when the deadline is today or one of the next 2 working days", () => {
    expect(clockState(registered, cal, new Date("2026-10-13T09:00:00+08:00")).dueSoon).toBe(true); // 14, 15
    expect(clockState(registered, cal, new Date("2026-10-12T09:00:00+08:00")).dueSoon).toBe(false); // 13, 14
  });

  it("counts the 2 working days of 'due soon' over a holiday", () => {
    // received 09-21: 09-22…24 (1-3) 09-28…30 (4-6) 10-08 (7)
    const f = { ...registered, receivedAt: "2026-09-21T10:00:00+08:00" };
    expect(clockState(f, cal, new Date("2026-09-29T09:00:00+08:00"))).toMatchObject({
      dueBy: "2026-10-08T23:59:59+08:00",
      dueSoon: true, // next working days 09-30, 10-08
    });
    expect(clockState(f, cal, new Date("2026-09-28T09:00:00+08:00")).dueSoon).toBe(false); // 09-29, 09-30
  });

  it("runs the mediation clock once accepted and stops it while a pause is open", () => {
    const mediating: ClockFacts = {
      kind: "complaint",
      status: "mediating",
      ruleSet: "samr-121",
      receivedAt: "2026-04-15T09:00:00+08:00",
      acceptedAt: "2026-04-20T10:00:00+08:00",
      pauses: [{ from: "2026-05-06T09:00:00+08:00", reason: "appraisal" }],
    };
    const now = new Date("2026-07-30T09:00:00+08:00");
    expect(clockState(mediating, cal, now)).toEqual({
      deadlines: { acceptBy: "2026-04-24T23:59:59+08:00" },
      running: "mediateBy",
      overdue: false,
      dueSoon: false,
      paused: true,
    });
    const resumed = {
      ...mediating,
      pauses: [{ from: "2026-05-06T09:00:00+08:00", to: "2026-05-16T15:00:00+08:00" }],
    };
    expect(clockState(resumed, cal, now)).toMatchObject({
      running: "mediateBy",
      dueBy: "2026-06-29T23:59:59+08:00",
      overdue: true,
      paused: false,
    });
  });

  it("runs the report clocks by status", () => {
    const report: ClockFacts = {
      kind: "report",
      status: "registered",
      ruleSet: "samr-121",
      receivedAt: "2026-09-30T17:00:00+08:00",
    };
    expect(clockState(report, cal, new Date("2026-10-09T12:00:00+08:00"))).toMatchObject({
      running: "handOverBy",
      dueBy: "2026-10-09T23:59:59+08:00",
      overdue: false,
      dueSoon: true,
    });
    const handedOver = { ...report, status: "handed_over", handedOverAt: "2026-10-09T10:00:00+08:00" };
    expect(clockState(handedOver, cal, new Date("2026-10-30T08:00:00+08:00"))).toMatchObject({
      running: "checkBy",
      dueBy: "2026-10-29T23:59:59+08:00",
      overdue: true,
    });
  });

  it.each([
    ["complaint", "resolved"],
    ["complaint", "failed"],
    ["complaint", "terminated"],
    ["complaint", "rejected"],
    ["complaint", "escalated"],
    ["complaint", "closed"],
    ["report", "feedback"],
    ["consultation", "registered"],
    ["consultation", "answered"],
    ["consultation", "referred"],
  ] as const)("runs no clock for a %s that is %s, however late", (kind, status) => {
    const s = clockState({ ...registered, kind, status }, cal, new Date("2027-06-01T09:00:00+08:00"));
    expect(s.running).toBeUndefined();
    expect(s.dueBy).toBeUndefined();
    expect(s).toMatchObject({ overdue: false, dueSoon: false, paused: false });
  });
});
