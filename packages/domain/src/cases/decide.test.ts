import { describe, expect, it } from "vitest";
import type { AppError } from "../common/errors.ts";
import type { Actor, UnitFacts } from "./actions.ts";
import { workCalendar } from "./clock/calendar.ts";
import { applyAction, applyRating, newCase } from "./decide.ts";
import { gaugeDeltas } from "./effects.ts";
import type { CaseRecord } from "./record.ts";
import type { CaseAction, CaseKind, CaseStatus, CreateCaseInput, TransitionInput } from "./schema.ts";
import { workflowFactsOf } from "./view.ts";
import { allowedActions, caseActionLabels, caseStatusLabels, nextStatus } from "./workflow.ts";

/**
 * The case decisions without DynamoDB: a network of bureau B, office O, station S under the bureau and
 * point P under the station; a complaint registered at P on Monday 2026-11-23 10:00 Shanghai.
 */
const cal = workCalendar([]);
const registeredAt = new Date("2026-11-23T10:00:00+08:00");
const later = new Date("2026-11-24T09:00:00+08:00");
const unit = (id: string, path: string, type: string, status = "active"): UnitFacts => ({
  id,
  name: `单位${id}`,
  type,
  status,
  path,
});
const B = unit("B", "B", "bureau");
const O = unit("O", "B/O", "office");
const S = unit("S", "B/S", "station");
const P = unit("P", "B/S/P", "point");
const pointStaff: Actor = {
  userId: "u-p",
  name: "点员",
  unitId: "P",
  viewer: { role: "point_staff", unitPath: P.path },
};
const stationStaff: Actor = {
  userId: "u-s",
  name: "站员",
  unitId: "S",
  viewer: { role: "station_staff", unitPath: S.path },
};

const complaint: CreateCaseInput = {
  kind: "complaint",
  channel: "walk_in",
  consumer: { name: "张桂芳", phone: "13812348000", address: "宝坻区南关大街 5 号" },
  business: { name: "惠民家电", address: "南关大街 18 号" },
  category: "goods.appliances",
  nature: "quality",
  subject: "冰箱不制冷",
  description: "使用三天后不制冷",
  request: "退货",
};
const inputOf: Record<CaseKind, CreateCaseInput> = {
  complaint,
  report: {
    kind: "report",
    channel: "letter",
    category: "goods.farm_inputs",
    subject: "假化肥",
    description: "养分不足",
  },
  consultation: {
    kind: "consultation",
    channel: "phone",
    consumer: { name: "赵大爷", phone: "022-29241234" },
    category: "services.finance",
    subject: "理财能否退",
    description: "问理财产品能否退",
  },
};

const registered = (kind: CaseKind) =>
  newCase(inputOf[kind], pointStaff, {
    now: registeredAt,
    cal,
    id: `C-${kind}`,
    trackingNo: "120115202611230001",
    unit: P,
  }).next;

/** A valid body for each action (the facts the action needs), at the record's version. */
const bodyOf = (action: CaseAction, version: number): TransitionInput => {
  const facts: Record<CaseAction, object> = {
    accept: {},
    reject: { reason: "time_barred" },
    record_mediation_consent: {},
    start_mediation: {},
    pause_clock: { reason: "appraisal" },
    resume_clock: {},
    resolve: { agreement: "退货退款", recoveredFen: 329900 },
    fail: { reason: "no_agreement_possible" },
    terminate: { reason: "withdrawn_or_settled" },
    escalate: { toUnitId: "S" },
    hand_over: { to: "执法支队" },
    record_feedback: { result: "已立案" },
    answer: { answer: "可以协商" },
    refer: { to: "银保监" },
    close: {},
    callback: { result: "satisfied" },
  };
  return { action, version, ...facts[action] } as TransitionInput;
};

/** Walks a fresh case of `kind` to `status` through the decisions themselves. */
const paths: Record<CaseKind, Partial<Record<CaseStatus, CaseAction[]>>> = {
  complaint: {
    registered: [],
    accepted: ["accept"],
    mediating: ["accept", "start_mediation"],
    rejected: ["reject"],
    resolved: ["accept", "start_mediation", "resolve"],
    failed: ["accept", "start_mediation", "fail"],
    terminated: ["accept", "terminate"],
    escalated: ["escalate"],
    closed: ["reject", "close"],
  },
  report: {
    registered: [],
    handed_over: ["hand_over"],
    feedback: ["hand_over", "record_feedback"],
    escalated: ["escalate"],
    closed: ["hand_over", "record_feedback", "close"],
  },
  consultation: {
    registered: [],
    answered: ["answer"],
    referred: ["refer"],
    escalated: ["escalate"],
    closed: ["answer", "close"],
  },
};

function walk(kind: CaseKind, actions: CaseAction[]): CaseRecord {
  let r = registered(kind);
  for (const a of actions) {
    const actor = r.unitId === "S" ? stationStaff : pointStaff;
    r = applyAction(r, bodyOf(a, r.version), { now: later, cal, actor, target: S }).next;
  }
  return r;
}

const thrown = (f: () => unknown): AppError => {
  try {
    f();
  } catch (e) {
    return e as AppError;
  }
  throw new Error("expected a refusal");
};

describe.each(Object.keys(paths) as CaseKind[])("every action on a %s", (kind) => {
  describe.each(Object.entries(paths[kind]) as [CaseStatus, CaseAction[]][])("from %s", (status, path) => {
    const record = walk(kind, path);
    const actor = record.unitId === "S" ? stationStaff : pointStaff;

    it("starts from that status", () => expect(record.status).toBe(status));

    it.each(Object.keys(caseActionLabels) as CaseAction[])("%s follows the transition table", (action) => {
      const to = nextStatus(workflowFactsOf(record), action);
      const decide = () =>
        applyAction(record, bodyOf(action, record.version), { now: later, cal, actor, target: O });
      if (to === null) {
        expect(thrown(decide)).toMatchObject({ code: "ILLEGAL_TRANSITION", details: { status, action } });
        return;
      }
      const { next, event, effects } = decide();
      expect(next.status).toBe(to);
      expect(next.version).toBe(record.version + 1);
      expect(event).toMatchObject({
        action,
        by: actor.userId,
        unitId: actor.unitId,
        fromStatus: status,
        toStatus: to,
      });
      // The ledger row is rewritten in every unit that lists the case, with the new status.
      expect(effects.ledger.unitIds).toEqual(next.ledgerUnits);
      expect(effects.ledger.row).toMatchObject({ id: record.id, status: to, version: next.version });
      // Figures count at the unit that handled the case when the action happened, and its ancestors.
      for (const f of effects.figures) expect(f.unitIds).toEqual(record.handlerPath.split("/"));
      expect(effects.due).toBe(next.status === "closed" ? null : next.dueBy);
    });
  });
});

describe("registering a case", () => {
  it("opens it in the unit's ledger and every ancestor's, with its first clock and the figures of the month", () => {
    const { next, event, effects } = newCase(complaint, pointStaff, {
      now: registeredAt,
      cal,
      id: "C1",
      trackingNo: "120115202611230001",
      unit: P,
    });
    expect(next).toMatchObject({
      status: "registered",
      unitId: "P",
      originUnitId: "P",
      handlerPath: "B/S/P",
      ledgerUnits: ["B", "S", "P"],
      ruleSet: "samr-121",
      // 7 working days after Monday 23 November, the day of receipt not counted.
      deadlines: { acceptBy: "2026-12-02T23:59:59+08:00" },
      dueBy: "2026-12-02T23:59:59+08:00",
      version: 1,
      createdBy: "u-p",
      createdByName: "点员",
    });
    expect(event).toMatchObject({
      action: "create",
      toStatus: "registered",
      data: { channel: "walk_in", unitId: "P" },
    });
    expect(effects.ledger.unitIds).toEqual(["B", "S", "P"]);
    expect(effects.ledger.row).toMatchObject({ consumerName: "张**", businessName: "惠民家电" });
    expect(effects.figures).toEqual([
      {
        unitIds: ["B", "S", "P"],
        month: "2026-11",
        counters: expect.objectContaining({ received: 1, "kind.complaint": 1, "cat.goods.appliances": 1 }),
      },
    ]);
    expect(effects.due).toBe("2026-12-02T23:59:59+08:00");
  });

  it("refuses a unit the registrar does not handle, and a unit not yet active", () => {
    const ctx = { now: registeredAt, cal, id: "C1", trackingNo: "x", unit: S };
    expect(thrown(() => newCase(complaint, pointStaff, ctx)).code).toBe("CASE_FORBIDDEN");
    const planned = { ...ctx, unit: unit("P2", "B/S/P2", "point", "planned") };
    expect(thrown(() => newCase(complaint, stationStaff, planned)).code).toBe("UNIT_NOT_ACTIVE");
  });
});

describe("who may act, and on which version", () => {
  const c = registered("complaint");

  it("lets the units above read but not act on a case they do not handle", () => {
    const sibling: Actor = {
      userId: "u",
      name: "x",
      unitId: "P9",
      viewer: { role: "point_staff", unitPath: "B/S/P9" },
    };
    expect(thrown(() => applyAction(c, bodyOf("accept", 1), { now: later, cal, actor: sibling })).code).toBe(
      "CASE_READ_ONLY",
    );
  });

  it("refuses a stale version with the case as it is now", () => {
    const e = thrown(() => applyAction(c, bodyOf("accept", 7), { now: later, cal, actor: pointStaff }));
    expect(e).toMatchObject({ code: "VERSION_CONFLICT", details: { current: { id: c.id, version: 1 } } });
  });
});

describe("escalation", () => {
  const c = registered("complaint");
  const escalate = (target: UnitFacts | null) =>
    applyAction(c, bodyOf("escalate", 1), { now: later, cal, actor: pointStaff, target });

  it("moves the case to the station above: its ledger too, the figures at the sender", () => {
    const { next, event, effects } = escalate(S);
    expect(next).toMatchObject({
      status: "escalated",
      escalatedFrom: "registered",
      unitId: "S",
      handlerPath: "B/S",
    });
    expect(next.ledgerUnits).toEqual(["B", "S", "P"]);
    expect(event.data).toEqual({ fromUnitId: "P", toUnitId: "S", toUnitName: "单位S" });
    expect(effects.figures).toEqual([
      { unitIds: ["B", "S", "P"], month: "2026-11", counters: { escalated: 1, "escalated.complaint": 1 } },
    ]);
  });

  it("lets a point pass a case straight up to the bureau", () => {
    expect(escalate(B).next).toMatchObject({ unitId: "B", handlerPath: "B", ledgerUnits: ["B", "S", "P"] });
  });

  it("adds an office's ledger to the units that list the case", () => {
    expect(escalate(O).next.ledgerUnits).toEqual(["B", "S", "P", "O"]);
  });

  it("offers a point under an office only that office, never an unrelated one (辖区所)", () => {
    const underOffice = { ...c, unitId: "P", handlerPath: "B/O/S/P" };
    const chain = [B, O, unit("S", "B/O/S", "station")];
    const actor: Actor = { ...pointStaff, viewer: { role: "point_staff", unitPath: "B/O/S/P" } };
    const to = (target: UnitFacts) =>
      applyAction(underOffice, bodyOf("escalate", 1), { now: later, cal, actor, target, chain });
    expect(to(O).next.unitId).toBe("O");
    expect(thrown(() => to(unit("O2", "B/O2", "office"))).code).toBe("ESCALATION_TARGET");
  });

  it.each([
    ["an absent unit", null],
    ["a sibling point", unit("P9", "B/S/P9", "point")],
    ["a planned office", unit("O2", "B/O2", "office", "planned")],
    ["the unit holding it", P],
  ])("refuses %s", (_, target) => {
    expect(thrown(() => escalate(target)).code).toBe("ESCALATION_TARGET");
  });

  it("has a failed mediation passed up mediated afresh: accepted again, its ending gone", () => {
    const failed = walk("complaint", ["accept", "start_mediation", "fail"]);
    const { next } = applyAction(failed, bodyOf("escalate", failed.version), {
      now: later,
      cal,
      actor: pointStaff,
      target: S,
    });
    expect(next).toMatchObject({ status: "escalated", escalatedFrom: "accepted" });
    expect(next.ending).toBeUndefined();
    const started = applyAction(next, bodyOf("start_mediation", next.version), {
      now: later,
      cal,
      actor: stationStaff,
    });
    expect(started.next).toMatchObject({ status: "mediating", unitId: "S" });
    expect(started.next.escalatedFrom).toBeUndefined();
  });
});

describe("the clock and the figures it feeds", () => {
  it("records whether a decision came in time, and counts it so", () => {
    const c = registered("complaint");
    const inTime = applyAction(c, bodyOf("accept", 1), { now: later, cal, actor: pointStaff });
    expect(inTime.event.data).toEqual({ onTime: true });
    expect(inTime.effects.figures[0]!.counters).toEqual({ accepted: 1, decided: 1, decidedOnTime: 1 });
    const late = applyAction(c, bodyOf("accept", 1), {
      now: new Date("2026-12-03T09:00:00+08:00"),
      cal,
      actor: pointStaff,
    });
    expect(late.event.data).toEqual({ onTime: false });
    expect(late.effects.figures[0]!.counters).toEqual({ accepted: 1, decided: 1, decidedOnTime: 0 });
  });

  it("starts the 60-day mediation clock on acceptance, stops it for an appraisal and moves it on resuming", () => {
    const accepted = walk("complaint", ["accept"]);
    expect(accepted.dueBy).toBe("2027-01-23T23:59:59+08:00");
    const paused = applyAction(accepted, bodyOf("pause_clock", 2), {
      now: later,
      cal,
      actor: pointStaff,
    }).next;
    expect(paused.dueBy).toBeNull();
    const resumed = applyAction(paused, bodyOf("resume_clock", 3), {
      now: new Date("2026-12-04T09:00:00+08:00"),
      cal,
      actor: pointStaff,
    });
    expect(resumed.next.pauses).toEqual([
      { from: "2026-11-24T09:00:00.000+08:00", reason: "appraisal", to: "2026-12-04T09:00:00.000+08:00" },
    ]);
    // Accepted on the 24th, so the 25th is day 1; the 25th to 3 December stood still: 9 days later.
    expect(resumed.next.dueBy).toBe("2027-02-01T23:59:59+08:00");
    expect(resumed.effects.due).toBe("2027-02-01T23:59:59+08:00");
  });

  it("leaves the deadline index once closed", () => {
    const closed = walk("complaint", ["reject", "close"]);
    expect(closed.dueBy).toBeNull();
  });

  it("forgets the noticed lapse when the running deadline changes", () => {
    const c = { ...registered("complaint"), overdueNoticed: "2026-12-02T23:59:59+08:00" };
    expect(
      applyAction(c, bodyOf("accept", 1), { now: later, cal, actor: pointStaff }).next.overdueNoticed,
    ).toBeUndefined();
  });
});

describe("the consumer's rating", () => {
  it("is taken once, after closure, and counted at the handling unit", () => {
    const closed = walk("complaint", ["reject", "close"]);
    const { next, event, effects } = applyRating(closed, { result: "satisfied" }, later);
    expect(next.rating).toMatchObject({ result: "satisfied" });
    expect(event).toMatchObject({ action: "rating", by: "public", toStatus: "closed" });
    expect(effects.figures[0]!.counters).toEqual({ ratings: 1, "rating.satisfied": 1 });
    expect(thrown(() => applyRating(next, { result: "satisfied" }, later)).code).toBe("ALREADY_RATED");
    expect(thrown(() => applyRating(registered("complaint"), { result: "satisfied" }, later)).code).toBe(
      "NOT_CLOSED",
    );
  });
});

it("labels every status the table can reach", () => {
  for (const kind of Object.keys(paths) as CaseKind[])
    for (const s of Object.keys(paths[kind])) expect(caseStatusLabels[s as CaseStatus]).toBeTruthy();
});

describe("the gauges of right now", () => {
  const c = registered("complaint");

  it("counts a new case open in its unit's subtree and the unit's own", () => {
    const { effects } = newCase(complaint, pointStaff, {
      now: registeredAt,
      cal,
      id: "C9",
      trackingNo: "x",
      unit: P,
    });
    expect(effects.gauges).toEqual([
      { unitId: "B", counters: { open: 1 } },
      { unitId: "S", counters: { open: 1 } },
      { unitId: "P", counters: { open: 1, openOwn: 1 } },
    ]);
  });

  it("leaves them alone when a case moves on but stays open and on time", () => {
    expect(
      applyAction(c, bodyOf("accept", 1), { now: later, cal, actor: pointStaff }).effects.gauges,
    ).toEqual([]);
  });

  it("moves an open case from the point to the station when it is passed up", () => {
    const { effects } = applyAction(c, bodyOf("escalate", 1), {
      now: later,
      cal,
      actor: pointStaff,
      target: S,
    });
    expect(effects.gauges).toEqual([
      { unitId: "S", counters: { openOwn: 1 } },
      { unitId: "P", counters: { open: -1, openOwn: -1 } },
    ]);
  });

  it("takes a closed case out of the open count", () => {
    const rejected = walk("complaint", ["reject"]);
    const { effects } = applyAction(rejected, bodyOf("close", 2), { now: later, cal, actor: pointStaff });
    expect(effects.gauges).toEqual([
      { unitId: "B", counters: { open: -1 } },
      { unitId: "S", counters: { open: -1 } },
      { unitId: "P", counters: { open: -1, openOwn: -1 } },
    ]);
  });

  it("counts a case overdue once the sweep noticed the lapse, until its running deadline changes", () => {
    const noticed = { ...c, overdueNoticed: c.dueBy! };
    expect(gaugeDeltas(c, noticed)).toEqual([
      { unitId: "B", counters: { overdue: 1 } },
      { unitId: "S", counters: { overdue: 1 } },
      { unitId: "P", counters: { overdue: 1 } },
    ]);
    const late = new Date("2026-12-04T09:00:00+08:00");
    const accepted = applyAction(noticed, bodyOf("accept", 1), { now: late, cal, actor: pointStaff });
    expect(accepted.effects.gauges).toEqual([
      { unitId: "B", counters: { overdue: -1 } },
      { unitId: "S", counters: { overdue: -1 } },
      { unitId: "P", counters: { overdue: -1 } },
    ]);
  });
});

describe("the complainant's consent to mediation (同意委托调解)", () => {
  const withoutConsent = newCase(
    { ...inputOf.complaint, consents: { publish: true, mediation: false } } as CreateCaseInput,
    pointStaff,
    { now: registeredAt, cal, id: "C-nc", trackingNo: "120115202611230009", unit: P },
  ).next;
  const act = (r: CaseRecord, action: CaseAction) =>
    applyAction(r, bodyOf(action, r.version), { now: later, cal, actor: pointStaff });

  it("keeps mediation from starting until the clerk records the consent", () => {
    const accepted = act(withoutConsent, "accept").next;
    expect(allowedActions(workflowFactsOf(accepted))).not.toContain("start_mediation");
    expect(allowedActions(workflowFactsOf(accepted))).toContain("record_mediation_consent");
    expect(thrown(() => act(accepted, "start_mediation"))).toMatchObject({
      kind: "unprocessable",
      code: "MEDIATION_CONSENT_REQUIRED",
    });
  });

  it.each(["registered", "accepted"] as const)(
    "records the consent on a %s complaint as a timeline entry, keeping its status and other consent",
    (status) => {
      const before = status === "registered" ? withoutConsent : act(withoutConsent, "accept").next;
      const { next, event, effects } = act(before, "record_mediation_consent");
      expect(next).toMatchObject({
        status,
        version: before.version + 1,
        consents: { publish: true, mediation: true },
      });
      expect(event).toMatchObject({
        action: "record_mediation_consent",
        fromStatus: status,
        toStatus: status,
        data: { consent: "mediation" },
      });
      expect(effects.gauges).toEqual([]);
      // Once recorded, mediation may start, and the consent is not recorded twice.
      const accepted = status === "registered" ? act(next, "accept").next : next;
      expect(act(accepted, "start_mediation").next.status).toBe("mediating");
      expect(thrown(() => act(accepted, "record_mediation_consent")).code).toBe("ILLEGAL_TRANSITION");
    },
  );

  it("asks for it on every online filing (the public page records only the personal-information consent)", () => {
    const online = newCase(
      {
        ...inputOf.complaint,
        channel: "online",
        consents: { publish: false, mediation: false },
      } as CreateCaseInput,
      { userId: "public", name: "网上投诉", unitId: "P" },
      { now: registeredAt, cal, id: "C-on", trackingNo: "120115202611230010", unit: P },
    ).next;
    expect(allowedActions(workflowFactsOf(online))).toContain("record_mediation_consent");
  });

  it("lets a case registered before consents were kept mediate as before", () => {
    const legacy = act({ ...withoutConsent, consents: undefined }, "accept").next;
    expect(act(legacy, "start_mediation").next.status).toBe("mediating");
  });
});

describe("notices to the unit that must take a case up", () => {
  it("rings the receiving unit's bell for a new online filing, and not for a counter registration", () => {
    const ctx = { now: registeredAt, cal, id: "C-n", trackingNo: "120115202611230011", unit: P };
    const online = newCase(
      { ...complaint, channel: "online" },
      { userId: "public", name: "网上投诉", unitId: "P" },
      ctx,
    );
    expect(online.effects.notices).toEqual([
      expect.objectContaining({
        unitId: "P",
        kind: "case_filed_online",
        ref: { type: "case", id: "C-n" },
        trackingNo: "120115202611230011",
        dedupeKey: "C-n.1",
      }),
    ]);
    expect(newCase(complaint, pointStaff, ctx).effects.notices).toEqual([]);
  });

  it("rings the bell of the unit a case is passed up to, and of nobody for other actions", () => {
    const c = registered("complaint");
    const up = applyAction(c, bodyOf("escalate", 1), { now: later, cal, actor: pointStaff, target: S });
    expect(up.effects.notices).toEqual([
      expect.objectContaining({ unitId: "S", kind: "case_escalated", dedupeKey: `${c.id}.2` }),
    ]);
    expect(
      applyAction(c, bodyOf("accept", 1), { now: later, cal, actor: pointStaff }).effects.notices,
    ).toEqual([]);
  });
});
