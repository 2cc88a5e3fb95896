import { callbackResultLabels } from "@weiquan/domain/cases/reasons";
import { caseKindLabels, nationalCategories, requestTypeLabels } from "@weiquan/domain/cases/taxonomy";
import { caseActionLabels, caseStatusLabels } from "@weiquan/domain/cases/workflow";

// Only the plain label tables of @weiquan/domain: none of them pulls in zod or the calendar.
export { callbackResultLabels as ratingLabels, caseKindLabels, nationalCategories, requestTypeLabels };

/** The status a consumer reads. */
export const statusLabel = (s: string) => (caseStatusLabels as Record<string, string>)[s] ?? s;

const consumerActions: Record<string, string> = {
  create: "已收到，登记在案",
  rating: "您已评价",
  callback: "工作人员回访",
  escalate: "已提交上级单位办理",
};

/** A timeline step in words a consumer understands. */
export const actionLabel = (a: string) =>
  consumerActions[a] ?? (caseActionLabels as Record<string, string>)[a] ?? a;

/** "2026-11-23T10:00:00.000+08:00" → "2026-11-23 10:00" (the API speaks Beijing time already). */
export const shortTime = (iso: string) => iso.slice(0, 16).replace("T", " ");
