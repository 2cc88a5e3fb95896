import { describe, expect, it } from "vitest";
import { workCalendar } from "../cases/clock/calendar.ts";
import { counterDelta, inspectionCounters, roundItemCounters } from "./counters.ts";
import { supervisionFiguresOf } from "./figures.ts";
import {
  editInspection,
  newInspection,
  quarterOfMonth,
  rectifyFinding,
  verifyFinding,
} from "./inspections/decide.ts";
import { defaultInspectionChecklist } from "./inspections/schema.ts";
import { decideCallback } from "./sampling/callback.ts";
import { monthToRemind, nthWorkingDay } from "./sampling/reminder.ts";
import type { RoundItemRecord } from "./sampling/schema.ts";

const actor = { userId: "u-bureau", name: "县局 张敏", unitId: "root" };
const item: RoundItemRecord = {
  roundId: "2026-10.root",
  month: "2026-10",
  caseId: "c1",
  trackingNo: "1201152026101200001",
  unitId: "p1",
  unitPath: "root/o1/s1/p1",
  kind: "complaint",
  closedAt: "2026-10-20T10:00:00.000+08:00",
  subject: "冰箱不制冷",
  consumerName: "张*芳",
  lot: "ab",
  attempts: 0,
  callback: null,
  followUpId: null,
};
const round = { id: "2026-10.root", month: "2026-10" };
const at = "2026-11-03T10:00:00.000+08:00";
let n = 0;
const ids = () => `id${++n}`;

describe("a verified callback", () => {
  it("moves an item from pending to unreached on a missed call, counting only the attempt", () => {
    const d = decideCallback(round, item, { reached: false }, actor, at, ids);
    expect(d.progress).toEqual({ pending: -1, unreached: 1 });
    expect(d.rollups).toEqual([{ month: "2026-10", counters: { "verified.attempts": 1 } }]);
    expect(d.followUp).toBeNull();
    expect(d.event).toMatchObject({ action: "sampling_callback", data: { reached: false, attempt: 1 } });
  });

  it("moves an unreached item to reached, counting the result in the round's month", () => {
    const tried = {
      ...item,
      attempts: 1,
      callback: { ...decideCallback(round, item, { reached: false }, actor, at, ids).item.callback! },
    };
    const d = decideCallback(round, tried, { reached: true, result: "basically_satisfied" }, actor, at, ids);
    expect(d.progress).toEqual({ unreached: -1, reached: 1, basically_satisfied: 1 });
    expect(d.rollups).toEqual([
      {
        month: "2026-10",
        counters: { "verified.attempts": 1, "verified.reached": 1, "verified.basically_satisfied": 1 },
      },
    ]);
  });

  it("opens a follow-up for the handling unit and tells it when the consumer is unsatisfied", () => {
    const d = decideCallback(
      round,
      item,
      { reached: true, result: "unsatisfied", issues: ["slow"] },
      actor,
      at,
      ids,
    );
    expect(d.followUp).toMatchObject({
      unitId: "p1",
      unitPath: "root/o1/s1/p1",
      status: "open",
      issues: ["slow"],
    });
    expect(d.item.followUpId).toBe(d.followUp!.id);
    expect(d.notices).toEqual([expect.objectContaining({ unitId: "p1", kind: "callback_unsatisfied" })]);
  });

  it("refuses a second answer once reached, and an eleventh try", () => {
    const done = decideCallback(round, item, { reached: true, result: "satisfied" }, actor, at, ids).item;
    expect(() => decideCallback(round, done, { reached: false }, actor, at, ids)).toThrow(/不能再次回访/);
    expect(() =>
      decideCallback(round, { ...item, attempts: 10 }, { reached: false }, actor, at, ids),
    ).toThrow(/10 次/);
  });
});

describe("supervision figures, against hand-computed values", () => {
  it("rates verified callbacks over the sample and satisfaction over those reached", () => {
    // 8 sampled; 6 reached (4 satisfied, 1 basically, 1 unsatisfied); 2 never reached
    const c: Record<string, number> = {};
    const add = (x: Record<string, number>) => {
      for (const [k, v] of Object.entries(x)) c[k] = (c[k] ?? 0) + v;
    };
    for (const result of [
      "satisfied",
      "satisfied",
      "satisfied",
      "satisfied",
      "basically_satisfied",
      "unsatisfied",
    ])
      add(roundItemCounters({ attempts: 1, callback: { reached: true, result } }));
    add(roundItemCounters({ attempts: 3, callback: { reached: false, result: null } }));
    add(roundItemCounters({ attempts: 0, callback: null }));
    const f = supervisionFiguresOf(c);
    expect(f).toMatchObject({
      sampled: 8,
      verifiedCallbacks: 6,
      verifiedSatisfied: 4,
      verifiedUnsatisfied: 1,
    });
    expect(f.verifiedCallbackRate).toBe(6 / 8);
    expect(f.verifiedSatisfactionRate).toBe(4 / 6);
    expect(supervisionFiguresOf({}).verifiedSatisfactionRate).toBeNull();
  });

  it("rates checks over judged items and findings rectified over findings raised", () => {
    const c = inspectionCounters(
      [{ result: "pass" }, { result: "pass" }, { result: "fail" }, { result: "na" }],
      [
        { status: "verified", dueBy: "2026-11-20", rectification: { at: "2026-11-18" } },
        { status: "verified", dueBy: "2026-11-20", rectification: { at: "2026-11-25" } },
        { status: "rectified", dueBy: "2026-11-20", rectification: { at: "2026-11-19" } },
        { status: "open", dueBy: "2026-11-20" },
      ],
    );
    const f = supervisionFiguresOf(c);
    expect(f).toMatchObject({
      inspections: 1,
      inspectionChecks: 3,
      findings: 4,
      findingsRectified: 2,
      findingsRectifiedOnTime: 1,
    });
    expect(f.inspectionPassRate).toBe(2 / 3);
    expect(f.findingsRectifiedRate).toBe(2 / 4);
  });

  it("writes only the difference of a change, in each month it touches", () => {
    expect(
      counterDelta(
        { month: "2026-10", counters: { a: 1, b: 2 } },
        { month: "2026-10", counters: { a: 1, b: 3 } },
      ),
    ).toEqual([{ month: "2026-10", counters: { b: 1 } }]);
    expect(
      counterDelta({ month: "2026-10", counters: { a: 1 } }, { month: "2026-11", counters: { a: 1 } }),
    ).toEqual([
      { month: "2026-10", counters: { a: -1 } },
      { month: "2026-11", counters: { a: 1 } },
    ]);
    expect(
      counterDelta({ month: "2026-10", counters: { a: 1 } }, { month: "2026-10", counters: { a: 1 } }),
    ).toEqual([]);
  });
});

describe("an inspection's life", () => {
  const unit = { id: "p1", name: "南关社区点", type: "point", path: "root/o1/s1/p1", status: "active" };
  const ctx = {
    at: "2026-11-10T12:00:00.000+08:00",
    actor,
    checklist: defaultInspectionChecklist,
    newId: ids,
  };
  const results = defaultInspectionChecklist.map((c) => ({ code: c.code, result: "pass" as const }));
  const created = newInspection(
    {
      unitId: "p1",
      quarter: "2026-Q4",
      inspectedAt: "2026-11-10T00:00:00.000+08:00",
      inspectors: ["张敏"],
      results: results.map((r, i) => (i === 0 ? { ...r, result: "fail" as const } : r)),
      findings: [{ text: "台账不全", dueBy: "2026-11-20T23:59:59.999+08:00" }],
    },
    unit,
    ctx,
  );

  it("is recorded with its pass rate, its findings open, its figures and a notice to the unit", () => {
    expect(created.record.passRate).toBe(4 / 5);
    expect(created.findings).toHaveLength(1);
    expect(created.rollups).toEqual([
      {
        month: "2026-11",
        counters: { "inspection.count": 1, "inspection.pass": 4, "inspection.fail": 1, "findings.raised": 1 },
      },
    ]);
    expect(created.notices[0]).toMatchObject({ unitId: "p1", kind: "finding_raised" });
    expect(() =>
      newInspection(
        { ...created.record, results, findings: [] } as never,
        { ...unit, status: "planned" },
        ctx,
      ),
    ).toThrow(/已启用/);
  });

  it("moves its figures to the new month when its date moves, findings included", () => {
    const moved = editInspection(
      created.record,
      created.findings,
      { version: 1, inspectedAt: "2026-10-30T00:00:00.000+08:00" },
      ctx,
    );
    expect(moved.rollups.map((r) => r.month).sort()).toEqual(["2026-10", "2026-11"]);
    expect(moved.rollups.find((r) => r.month === "2026-11")!.counters["findings.raised"]).toBe(-1);
    expect(moved.findings[0]!.month).toBe("2026-10");
    expect(() =>
      editInspection(
        created.record,
        created.findings,
        { version: 1, inspectedAt: "2026-09-30T00:00:00.000+08:00" },
        ctx,
      ),
    ).toThrow(/请求参数有误/);
  });

  it("counts a finding rectified only when the inspector accepts it, on time when rectified by its due date", () => {
    const f = created.findings[0]!;
    const r = rectifyFinding(created.record, created.findings, f, { note: "已补登" }, ctx);
    expect(r.rollups).toEqual([]);
    expect(r.notices[0]).toMatchObject({ unitId: "root", kind: "finding_rectified" });
    const v = verifyFinding(r.record, r.findings, r.findings[0]!, { accepted: true }, ctx);
    expect(v.rollups).toEqual([
      { month: "2026-11", counters: { "findings.verified": 1, "findings.onTime": 1 } },
    ]);
    expect(v.record.findingCounts).toEqual({ open: 0, rectified: 0, verified: 1 });
  });

  it("names quarters by month", () => {
    expect(["2026-01", "2026-03", "2026-04", "2026-12"].map(quarterOfMonth)).toEqual([
      "2026-Q1",
      "2026-Q1",
      "2026-Q2",
      "2026-Q4",
    ]);
  });
});

describe("the reminder to draw last month's round", () => {
  const cal = workCalendar();
  it("counts working days with the holidays: October 2026's 5th working day comes after the National Day week", () => {
    // 1–7 October 2026 are holidays; then Thu 8, Fri 9, Saturday 10 (worked to make up), Mon 12, Tue 13
    expect(nthWorkingDay("2026-10", 5, cal)).toBe("2026-10-13");
    expect(nthWorkingDay("2026-12", 5, cal)).toBe("2026-12-07");
  });

  it("asks for last month's round only once the 5th working day has passed", () => {
    expect(monthToRemind("2026-12-07", cal)).toBeNull();
    expect(monthToRemind("2026-12-08", cal)).toBe("2026-11");
    expect(monthToRemind("2026-01-20", cal)).toBe("2025-12");
  });
});
