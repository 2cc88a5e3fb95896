import type { CaseAction, CaseKind, CaseStatus } from "./schema.ts";

/**
 * The one case state machine, shared by the API (which enforces it) and the console (which offers only
 * the actions it allows). product.md § 3 "Workflow".
 */
export const caseStatusLabels = {
  registered: "已登记",
  accepted: "已受理",
  rejected: "不予受理",
  mediating: "调解中",
  resolved: "调解成功",
  failed: "调解不成",
  terminated: "终止调解",
  handed_over: "已移交",
  feedback: "已反馈",
  answered: "已答复",
  referred: "已转办",
  escalated: "已提交上级",
  closed: "已办结",
} as const;

export const caseActionLabels = {
  accept: "受理",
  reject: "不予受理",
  record_mediation_consent: "记录同意委托调解",
  start_mediation: "开始调解",
  pause_clock: "暂停计时（检验鉴定）",
  resume_clock: "恢复计时",
  resolve: "调解成功",
  fail: "调解不成",
  terminate: "终止调解",
  escalate: "提交上级",
  hand_over: "移交执法",
  record_feedback: "记录反馈",
  answer: "答复",
  refer: "转办",
  close: "办结",
  callback: "回访",
} as const;

/** `same` keeps the status: the action records something without moving the case on. */
type Moves = Partial<Record<CaseAction, CaseStatus | "same">>;

const complaint: Partial<Record<CaseStatus, Moves>> = {
  registered: {
    accept: "accepted",
    reject: "rejected",
    escalate: "escalated",
    record_mediation_consent: "same",
  },
  accepted: {
    record_mediation_consent: "same",
    start_mediation: "mediating",
    terminate: "terminated",
    pause_clock: "same",
    resume_clock: "same",
    escalate: "escalated",
  },
  mediating: {
    resolve: "resolved",
    fail: "failed",
    terminate: "terminated",
    pause_clock: "same",
    resume_clock: "same",
    escalate: "escalated",
  },
  rejected: { close: "closed" },
  resolved: { close: "closed" },
  // Seed 004: a point hands a mediation it could not settle to its station or the office.
  failed: { close: "closed", escalate: "escalated" },
  terminated: { close: "closed" },
  closed: { callback: "same" },
};

const report: Partial<Record<CaseStatus, Moves>> = {
  registered: { hand_over: "handed_over", escalate: "escalated" },
  handed_over: { record_feedback: "feedback" },
  feedback: { close: "closed" },
  closed: { callback: "same" },
};

const consultation: Partial<Record<CaseStatus, Moves>> = {
  registered: { answer: "answered", refer: "referred", escalate: "escalated" },
  answered: { close: "closed" },
  referred: { close: "closed" },
  closed: { callback: "same" },
};

const machines: Record<CaseKind, Partial<Record<CaseStatus, Moves>>> = { complaint, report, consultation };

/** The statuses each kind can be in, in workflow order (filters and legends). */
export const statusesOf: Record<CaseKind, CaseStatus[]> = {
  complaint: [
    "registered",
    "escalated",
    "accepted",
    "mediating",
    "rejected",
    "resolved",
    "failed",
    "terminated",
    "closed",
  ],
  report: ["registered", "escalated", "handed_over", "feedback", "closed"],
  consultation: ["registered", "escalated", "answered", "referred", "closed"],
};

/** What the state machine needs to know of a case. */
export interface WorkflowFacts {
  kind: CaseKind;
  status: CaseStatus;
  /** The status an escalated case had when it was passed up: the receiving unit carries on from there. */
  escalatedFrom?: CaseStatus;
  /** The mediation clock is stopped (testing / appraisal). */
  paused?: boolean;
  /** A callback has been recorded (one per case). */
  calledBack?: boolean;
  /** Anonymous reports have nobody to call back. */
  hasConsumerPhone?: boolean;
  /**
   * The complainant's 同意委托调解 as the case records it: false (not given, or not asked — online filings)
   * until the clerk records it; undefined on records from before the consents were kept.
   */
  mediationConsent?: boolean;
}

/**
 * Where the receiving unit picks an escalated case up: where it was, except that a failed mediation
 * passed up is mediated afresh (the complaint stays accepted).
 */
export const escalationResumesAt = (status: CaseStatus): CaseStatus =>
  status === "failed" ? "accepted" : status;

/** The status whose moves apply: an escalated case continues from where it was passed up. */
export const effectiveStatus = (f: Pick<WorkflowFacts, "status" | "escalatedFrom">): CaseStatus =>
  f.status === "escalated" ? (f.escalatedFrom ?? "registered") : f.status;

function movesOf(f: WorkflowFacts): Moves {
  return machines[f.kind][effectiveStatus(f)] ?? {};
}

/** Every action allowed now, in a stable order (the console shows them as buttons in this order). */
export function allowedActions(f: WorkflowFacts): CaseAction[] {
  const moves = movesOf(f);
  return (Object.keys(caseActionLabels) as CaseAction[]).filter((a) => {
    if (!(a in moves)) return false;
    if (a === "pause_clock") return !f.paused;
    if (a === "resume_clock") return Boolean(f.paused);
    if (a === "callback") return !f.calledBack && f.hasConsumerPhone !== false;
    // Mediation needs the complainant's consent (同意委托调解): recorded first, once.
    if (a === "start_mediation") return f.mediationConsent !== false;
    if (a === "record_mediation_consent") return f.mediationConsent === false;
    return true;
  });
}

/** The status after `action`, or null when the action is not allowed now. */
export function nextStatus(f: WorkflowFacts, action: CaseAction): CaseStatus | null {
  if (!allowedActions(f).includes(action)) return null;
  const to = movesOf(f)[action]!;
  return to === "same" ? f.status : to;
}

/** A case is open until it is closed: a resolved complaint still waits for its closing entry. */
export const isOpen = (status: CaseStatus) => status !== "closed";
