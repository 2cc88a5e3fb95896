import type { CapacityNoticeKind } from "../capacity/warnings.ts";

/**
 * Console notices that supervision sends to a unit (the bell). The store writes them beside the change
 * that causes them; `dedupeKey` makes a notice that must come once (a month's reminder, a finding's lapse)
 * a conditional write, so a second run of the daily job notifies nobody twice.
 */
export const supervisionNoticeKinds = [
  "sampling_reminder",
  "callback_unsatisfied",
  "finding_raised",
  "finding_rectified",
  "finding_rejected",
  "finding_overdue",
] as const;
export type SupervisionNoticeKind = (typeof supervisionNoticeKinds)[number];

/** Notices a case sends to the unit that must now take it up: a new online filing, a case passed up to it. */
export const caseNoticeKinds = ["case_filed_online", "case_escalated"] as const;
export type CaseNoticeKind = (typeof caseNoticeKinds)[number];

export interface NoticeDraft {
  unitId: string;
  kind: SupervisionNoticeKind | CapacityNoticeKind | CaseNoticeKind;
  at: string;
  /** The sentence the bell shows. */
  text: string;
  /** What the notice opens in the console. */
  ref: { type: "round" | "follow_up" | "inspection" | "warning" | "case"; id: string };
  caseId?: string;
  trackingNo?: string;
  dueBy?: string;
  /** Set when the notice must be written at most once (the sort key is built from it, not from `at`). */
  dedupeKey?: string;
}
