import {
  type AttachmentRef,
  applyScores,
  Conflict,
  canScoreSheet,
  canSeeUnit,
  Forbidden,
  NotFound,
  type PatchSheetInput,
  type Sheet,
  shanghaiIso,
  sheetTotal,
  Unprocessable,
  visiblePrefix,
} from "@weiquan/domain";
import { type AssessmentRecord, AssessmentsRepository, type SheetRecord } from "@weiquan/store";
import { type Scope, visibleUnit } from "../access/scope.ts";
import { attachmentLinks, linkConflict } from "../attachments/link.ts";
import type { AppDeps } from "../deps.ts";
import { headerView, sheetView } from "./view.ts";

/** Every tenant role sees an assessment's header; which sheets it sees is its subtree's business. */
export async function readHeader(scope: Scope, id: string): Promise<AssessmentRecord> {
  const header = await new AssessmentsRepository(scope.table).getHeader(id);
  if (!header) throw NotFound("考核");
  return header;
}

/** A sheet the caller may see (its unit in the caller's subtree when the assessment was made), else 404. */
export async function visibleSheet(scope: Scope, id: string, unitId: string): Promise<SheetRecord> {
  const sheet = await new AssessmentsRepository(scope.table).getSheet(id, unitId);
  if (!sheet || !canSeeUnit(scope.viewer, sheet.path)) throw NotFound("考核表");
  return sheet;
}

export interface SheetsRequest {
  order?: "tree" | "rank";
  unitId?: string;
  limit: number;
  cursor?: string;
}

/**
 * The assessment with one page of the sheets the caller may see: by rank once finalized (the ranking;
 * `order=tree` for tree order), in tree order while scoring; below `unitId` when asked. Units outside
 * the whole tenant read their own subtree's sheets, in tree order.
 */
export async function readAssessment(scope: Scope, id: string, q: SheetsRequest) {
  const header = await readHeader(scope, id);
  const own = visiblePrefix(scope.viewer);
  const below = q.unitId ? (await visibleUnit(scope, q.unitId)).path : own;
  // The ranking exists once finalized, over the whole tenant; a subtree reads in tree order.
  const rankable = header.status === "finalized" && !below;
  const order = rankable && q.order !== "tree" ? "rank" : "tree";
  const page = await new AssessmentsRepository(scope.table).listSheets(
    id,
    { order, pathPrefix: below },
    q.limit,
    q.cursor,
  );
  return {
    ...headerView(header),
    sheets: page.items.map((s) => sheetView(s, scope)),
    nextCursor: page.nextCursor,
  };
}

const stale = (sheet: SheetRecord, scope: Scope) =>
  Conflict("该考核表已被他人修改，请刷新后重试", "VERSION_CONFLICT", { current: sheetView(sheet, scope) });
const notScoring = (h: AssessmentRecord) =>
  Unprocessable(
    h.status === "creating" ? "考核表还在生成中，请稍后" : "考核已定稿，考核表只读",
    "ASSESSMENT_NOT_SCORING",
    { status: h.status },
  );

/**
 * The evidence files a patch adds (ids an item names that it does not show yet), checked and made into
 * link items for the score's own transaction; each id answers at its own field path (the input schema
 * already refused a file named by two items, and more files than one transaction holds).
 */
async function evidenceLinks(
  deps: AppDeps,
  scope: Scope,
  sheet: SheetRecord,
  input: PatchSheetInput,
  now: Date,
) {
  // Every item's new files in one read: each id with the field path it answers at.
  const added: { id: string; path: string }[] = [];
  for (const [i, p] of input.items.entries()) {
    const shown = new Set((sheet.items.find((it) => it.code === p.code)?.attachments ?? []).map((a) => a.id));
    for (const [j, id] of (p.attachmentIds ?? []).entries())
      if (!shown.has(id)) added.push({ id, path: `items.${i}.attachmentIds.${j}` });
  }
  const link = {
    kind: "assessment" as const,
    id: `${sheet.assessmentId}/${sheet.unitId}`,
    unitId: sheet.unitId,
  };
  const out = await attachmentLinks(
    deps,
    scope,
    added.map((a) => a.id),
    link,
    now,
    (k) => added[k]!.path,
  );
  return { items: out.items, linked: new Map<string, AttachmentRef>(out.refs.map((r) => [r.id, r])) };
}

/** Scores a sheet's manual items (with version): the bureau, or an office within its subtree. */
export async function scoreSheet(
  deps: AppDeps,
  scope: Scope,
  id: string,
  unitId: string,
  input: PatchSheetInput,
  now: Date,
): Promise<Sheet> {
  const header = await readHeader(scope, id);
  const sheet = await visibleSheet(scope, id, unitId);
  if (!canScoreSheet(scope.viewer, sheet.path)) throw Forbidden("当前角色不能为该单位评分", "ROLE_FORBIDDEN");
  if (header.status !== "scoring") throw notScoring(header);
  if (input.version !== sheet.version) throw stale(sheet, scope);
  const at = shanghaiIso(now);
  const evidence = await evidenceLinks(deps, scope, sheet, input, now);
  const { items, unscoredDelta } = applyScores(
    sheet.items,
    header.template.items,
    input.items,
    scope.caller.displayName,
    at,
    evidence.linked,
  );
  const next: SheetRecord = {
    ...sheet,
    items,
    total: sheetTotal(items),
    version: sheet.version + 1,
    updatedAt: at,
  };
  const repo = new AssessmentsRepository(scope.table);
  const out = await repo.scoreSheet(next, input.version, unscoredDelta, evidence.items);
  if (out === "ok") return sheetView(next, scope);
  if (out === "not_scoring") throw notScoring((await repo.getHeader(id))!);
  if (out === "link_taken") throw linkConflict();
  throw stale((await repo.getSheet(id, unitId))!, scope);
}
