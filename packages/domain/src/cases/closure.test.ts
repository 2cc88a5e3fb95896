import { describe, expect, it } from "vitest";
import type { Actor } from "./actions.ts";
import { workCalendar } from "./clock/calendar.ts";
import { applyAction, newCase } from "./decide.ts";
import { mergeFigures, originChainOf } from "./effects.ts";
import type { CaseRecord } from "./record.ts";
import type { TransitionInput } from "./schema.ts";

/**
 * The closure cohort behind the assessment's closure rate: a case closed is counted at the unit that
 * registered it, in the month it was received, whoever closed it and whenever.
 */
const cal = workCalendar([]);
const S = { id: "S", name: "站", type: "station", status: "active", path: "B/S" };
const P = { id: "P", name: "点", type: "point", status: "active", path: "B/S/P" };
const actorAt = (unitId: string, role: "point_staff" | "station_staff", unitPath: string): Actor => ({
  userId: `u-${unitId}`,
  name: unitId,
  unitId,
  viewer: { role, unitPath },
});
const point = actorAt("P", "point_staff", P.path);
const station = actorAt("S", "station_staff", S.path);
const act = (c: CaseRecord, action: string, actor: Actor, at: string, extra: object = {}) =>
  applyAction(c, { action, version: c.version, ...extra } as TransitionInput, {
    now: new Date(at),
    cal,
    actor,
    target: action === "escalate" ? S : undefined,
  });

describe("the closure cohort", () => {
  const c = newCase(
    {
      kind: "consultation",
      channel: "phone",
      consumer: { name: "赵大爷", phone: "022-29241234" },
      category: "services.finance",
      subject: "理财能否退",
      description: "问理财产品能否退",
    },
    point,
    { now: new Date("2026-11-23T10:00:00+08:00"), cal, id: "C1", trackingNo: "120115202611230001", unit: P },
  ).next;

  it("counts a case closed by the station it was passed to at the point that registered it, in the month received", () => {
    const up = act(c, "escalate", point, "2026-11-24T09:00:00+08:00").next;
    const answered = act(up, "answer", station, "2026-12-02T09:00:00+08:00", { answer: "可以" }).next;
    const closed = act(answered, "close", station, "2027-01-05T09:00:00+08:00");
    expect(originChainOf(closed.next)).toEqual(["B", "S", "P"]);
    expect(closed.effects.figures).toEqual([
      { unitIds: ["B", "S"], month: "2027-01", counters: { closed: 1, "closed.consultation": 1 } },
      { unitIds: ["B", "S", "P"], month: "2026-11", counters: { closedOfReceived: 1 } },
    ]);
  });

  it("merges the counters of a unit's month into one delta (a transaction touches each rollup once)", () => {
    const closed = act(
      act(c, "answer", point, "2026-11-24T09:00:00+08:00", { answer: "可以" }).next,
      "close",
      point,
      "2026-11-25T09:00:00+08:00",
    );
    expect(closed.effects.figures).toEqual([
      {
        unitIds: ["B", "S", "P"],
        month: "2026-11",
        counters: { closed: 1, "closed.consultation": 1, closedOfReceived: 1 },
      },
    ]);
    expect(
      mergeFigures([
        { unitIds: ["B", "S"], month: "m", counters: { a: 1 } },
        { unitIds: ["B"], month: "m", counters: { b: 2 } },
      ]),
    ).toEqual([
      { unitIds: ["B"], month: "m", counters: { a: 1, b: 2 } },
      { unitIds: ["S"], month: "m", counters: { a: 1 } },
    ]);
  });
});
