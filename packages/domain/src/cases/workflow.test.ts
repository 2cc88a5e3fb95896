import { describe, expect, it } from "vitest";
import type { CaseAction, CaseKind, CaseStatus } from "./schema.ts";
import {
  allowedActions,
  caseActionLabels,
  caseStatusLabels,
  effectiveStatus,
  escalationResumesAt,
  isOpen,
  nextStatus,
  statusesOf,
  type WorkflowFacts,
} from "./workflow.ts";

/**
 * The state machine written out by hand from product.md § 3 "Workflow", never derived from the code:
 * for each kind and status, every allowed action and where it leads (with the clock running, no
 * callback yet, a consumer with a phone). A status missing from a kind's table allows nothing.
 */
type Table = Partial<Record<CaseStatus, Partial<Record<CaseAction, CaseStatus>>>>;
const expected: Record<CaseKind, Table> = {
  complaint: {
    registered: { accept: "accepted", reject: "rejected", escalate: "escalated" },
    accepted: {
      start_mediation: "mediating",
      pause_clock: "accepted",
      terminate: "terminated",
      escalate: "escalated",
    },
    mediating: {
      pause_clock: "mediating",
      resolve: "resolved",
      fail: "failed",
      terminate: "terminated",
      escalate: "escalated",
    },
    rejected: { close: "closed" },
    resolved: { close: "closed" },
    failed: { close: "closed", escalate: "escalated" },
    terminated: { close: "closed" },
    // Unqualified, an escalated case carries on from registration.
    escalated: { accept: "accepted", reject: "rejected", escalate: "escalated" },
    closed: { callback: "closed" },
  },
  report: {
    registered: { escalate: "escalated", hand_over: "handed_over" },
    handed_over: { record_feedback: "feedback" },
    feedback: { close: "closed" },
    escalated: { escalate: "escalated", hand_over: "handed_over" },
    closed: { callback: "closed" },
  },
  consultation: {
    registered: { escalate: "escalated", answer: "answered", refer: "referred" },
    answered: { close: "closed" },
    referred: { close: "closed" },
    escalated: { escalate: "escalated", answer: "answered", refer: "referred" },
    closed: { callback: "closed" },
  },
};

const kinds = Object.keys(expected) as CaseKind[];
const statuses = Object.keys(caseStatusLabels) as CaseStatus[];
const actions = Object.keys(caseActionLabels) as CaseAction[];
const facts = (kind: CaseKind, status: CaseStatus, more: Partial<WorkflowFacts> = {}): WorkflowFacts => ({
  kind,
  status,
  hasConsumerPhone: true,
  ...more,
});
/** The console shows buttons in the order of `caseActionLabels`: the expected lists keep that order. */
const inButtonOrder = (list: CaseAction[]) => actions.filter((a) => list.includes(a));

describe.each(kinds)("the %s workflow", (kind) => {
  describe.each(statuses)("from %s", (status) => {
    const moves = expected[kind][status] ?? {};
    const allowed = Object.keys(moves) as CaseAction[];

    it(`allows exactly ${allowed.length ? allowed.join(", ") : "nothing"}, in button order`, () => {
      expect(allowedActions(facts(kind, status))).toEqual(inButtonOrder(allowed));
    });

    it.each(actions)("%s leads to the expected status, or is refused", (action) => {
      expect(nextStatus(facts(kind, status), action)).toBe(moves[action] ?? null);
    });
  });

  it("lists every status it can reach among its statuses", () => {
    const reachable = new Set<CaseStatus>(["registered"]);
    for (const [from, moves] of Object.entries(expected[kind])) {
      reachable.add(from as CaseStatus);
      for (const to of Object.values(moves)) reachable.add(to);
    }
    expect([...reachable].sort()).toEqual([...statusesOf[kind]].sort());
  });

  it("lets nothing happen after a callback", () => {
    expect(allowedActions(facts(kind, "closed", { calledBack: true }))).toEqual([]);
    expect(nextStatus(facts(kind, "closed", { calledBack: true }), "callback")).toBeNull();
  });
});

describe("an escalated case continues where it was passed up", () => {
  // Every status from which a case can be escalated, per kind.
  const escalatable = kinds.flatMap((kind) =>
    (Object.entries(expected[kind]) as [CaseStatus, Partial<Record<CaseAction, CaseStatus>>][])
      .filter(([from, moves]) => from !== "escalated" && "escalate" in moves)
      .map(([from]) => [kind, from] as const),
  );

  it("can be escalated from every open status before a decision is recorded, and after a failed mediation", () => {
    expect(escalatable).toEqual([
      ["complaint", "registered"],
      ["complaint", "accepted"],
      ["complaint", "mediating"],
      ["complaint", "failed"],
      ["report", "registered"],
      ["consultation", "registered"],
    ]);
  });

  it("has a failed mediation passed up mediated afresh by the receiving unit", () => {
    expect(escalationResumesAt("failed")).toBe("accepted");
    expect(escalationResumesAt("mediating")).toBe("mediating");
  });

  it.each(escalatable.filter(([, from]) => from !== "failed"))(
    "%s escalated from %s offers the receiving unit the same actions",
    (kind, from) => {
      const f = facts(kind, "escalated", { escalatedFrom: from });
      expect(effectiveStatus(f)).toBe(from);
      expect(allowedActions(f)).toEqual(allowedActions(facts(kind, from)));
      for (const action of actions) {
        const to = nextStatus(facts(kind, from), action);
        // An action that keeps the status (the clock's pause) keeps the case escalated.
        expect(nextStatus(f, action)).toBe(to === from ? "escalated" : to);
      }
    },
  );

  it("lets an accepted complaint passed up start mediation at the receiving unit", () => {
    const f = facts("complaint", "escalated", { escalatedFrom: "accepted" });
    expect(nextStatus(f, "start_mediation")).toBe("mediating");
    expect(nextStatus(f, "accept")).toBeNull();
  });

  it("treats an escalation without its origin as one from registration", () => {
    expect(effectiveStatus({ status: "escalated" })).toBe("registered");
    expect(effectiveStatus({ status: "mediating", escalatedFrom: "accepted" })).toBe("mediating");
  });
});

describe("the mediation clock's pause and resume", () => {
  it.each(["accepted", "mediating"] as const)(
    "while %s, pauses a running clock and only then resumes",
    (s) => {
      const running = facts("complaint", s);
      expect(allowedActions(running)).toContain("pause_clock");
      expect(allowedActions(running)).not.toContain("resume_clock");
      expect(nextStatus(running, "resume_clock")).toBeNull();
      expect(nextStatus(running, "pause_clock")).toBe(s);

      const paused = facts("complaint", s, { paused: true });
      expect(allowedActions(paused)).toContain("resume_clock");
      expect(allowedActions(paused)).not.toContain("pause_clock");
      expect(nextStatus(paused, "pause_clock")).toBeNull();
      expect(nextStatus(paused, "resume_clock")).toBe(s);
    },
  );

  it("offers exactly these actions while the clock stands still", () => {
    expect(allowedActions(facts("complaint", "accepted", { paused: true }))).toEqual([
      "start_mediation",
      "resume_clock",
      "terminate",
      "escalate",
    ]);
    expect(allowedActions(facts("complaint", "mediating", { paused: true }))).toEqual([
      "resume_clock",
      "resolve",
      "fail",
      "terminate",
      "escalate",
    ]);
  });

  it("has no clock to pause before acceptance nor for reports and consultations", () => {
    expect(nextStatus(facts("complaint", "registered"), "pause_clock")).toBeNull();
    for (const kind of ["report", "consultation"] as const)
      for (const s of statusesOf[kind]) expect(nextStatus(facts(kind, s), "pause_clock")).toBeNull();
  });
});

describe("the callback", () => {
  it.each(kinds)("a closed %s is called back once", (kind) => {
    expect(allowedActions(facts(kind, "closed"))).toEqual(["callback"]);
    expect(nextStatus(facts(kind, "closed", { calledBack: true }), "callback")).toBeNull();
  });

  it("never calls back an anonymous report, which has nobody to call", () => {
    const anonymous = facts("report", "closed", { hasConsumerPhone: false });
    expect(allowedActions(anonymous)).toEqual([]);
    expect(nextStatus(anonymous, "callback")).toBeNull();
  });

  it("is not offered before closure", () => {
    for (const kind of kinds)
      for (const s of statusesOf[kind].filter((s) => s !== "closed"))
        expect(nextStatus(facts(kind, s), "callback")).toBeNull();
  });
});

describe("open and closed", () => {
  it("keeps a case open until its closing entry, even once resolved", () => {
    expect(statuses.filter((s) => !isOpen(s))).toEqual(["closed"]);
    expect(isOpen("resolved")).toBe(true);
  });
});
