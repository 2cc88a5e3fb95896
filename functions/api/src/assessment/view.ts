import {
  type AssessmentHeader,
  maskName,
  type Sheet,
  seesPersonalData,
  type Template,
} from "@weiquan/domain";
import type { AssessmentRecord, SheetRecord, TemplateRecord } from "@weiquan/store";
import type { Scope } from "../access/scope.ts";

export const templateView = (t: TemplateRecord): Template => ({ ...t, assessmentId: t.assessmentId ?? null });

export function headerView(h: AssessmentRecord): AssessmentHeader {
  const { sheetsRev: _rev, ...header } = h;
  return header;
}

/** A sheet without its stored path; inspectors' names masked for the governance office. */
export function sheetView(s: SheetRecord, scope: Scope): Sheet {
  const { path: _path, ...sheet } = s;
  if (seesPersonalData(scope.viewer.role)) return sheet;
  return {
    ...sheet,
    items: sheet.items.map((i) => (i.scoredBy ? { ...i, scoredBy: maskName(i.scoredBy) } : i)),
  };
}
