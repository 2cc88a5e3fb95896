import {
  Conflict,
  canRunAssessments,
  canSignOffAssessment,
  Forbidden,
  incompleteProblem,
  rankSheets,
  shanghaiIso,
  starsFor,
  Unprocessable,
} from "@weiquan/domain";
import { type AssessmentRecord, AssessmentsRepository, type SheetRecord } from "@weiquan/store";
import type { Scope } from "../access/scope.ts";
import { readHeader } from "./sheets.ts";

const BATCH = 100;

/**
 * Finalizes: every sheet gets its total, its rank among the units of its type and its stars, and the
 * assessment becomes read-only. The header moves to `finalizing` only if no sheet was scored since the
 * sheets were read (`sheetsRev`), which also stops any further scoring; the sheets are then rewritten in
 * batches and the header moves to `finalized`. A finalize that stopped half-way is finished by a retry.
 */
export async function finalizeAssessment(scope: Scope, id: string, now: Date): Promise<AssessmentRecord> {
  if (!canRunAssessments(scope.viewer.role)) throw Forbidden("只有县局可以定稿考核", "ROLE_FORBIDDEN");
  const repo = new AssessmentsRepository(scope.table);
  const header = await readHeader(scope, id);
  if (header.status === "creating" || header.status === "finalized")
    throw Unprocessable(
      header.status === "creating" ? "考核表还在生成中，请稍后" : "考核已经定稿",
      "ASSESSMENT_NOT_SCORING",
      { status: header.status },
    );
  const sheets = await repo.allSheets(id);
  if (header.status === "scoring") {
    const problem = incompleteProblem(sheets);
    if (problem) throw problem;
    const locked = await repo.advance(
      id,
      "scoring",
      { status: "finalizing" },
      { sheetsRev: header.sheetsRev },
    );
    if (!locked) throw Conflict("定稿时有考核表刚被修改，请重试", "VERSION_CONFLICT");
  }

  const ranks = rankSheets(
    sheets.map((s) => ({ unitId: s.unitId, unitType: s.unitType, total: s.total ?? 0, order: s.path })),
  );
  const at = shanghaiIso(now);
  const ranked: SheetRecord[] = sheets.map((s) => ({
    ...s,
    rank: ranks.get(s.unitId) ?? null,
    stars: starsFor(s.total ?? 0, header.template.stars),
    updatedAt: at,
  }));
  for (let i = 0; i < ranked.length; i += BATCH) await repo.putSheets(ranked.slice(i, i + BATCH));
  const done = await repo.advance(id, "finalizing", {
    status: "finalized",
    finalizedAt: at,
    finalizedBy: scope.caller.displayName,
  });
  return done ?? (await repo.getHeader(id))!;
}

/** The governance office's (综治) co-assessment of a finalized assessment: its only write, once. */
export async function signOff(scope: Scope, id: string, note: string | undefined, now: Date) {
  const header = await readHeader(scope, id);
  if (!canSignOffAssessment(scope.viewer.role))
    throw Forbidden("会签由综治部门（综治办账户）进行", "ROLE_FORBIDDEN");
  if (header.status !== "finalized")
    throw Unprocessable("考核定稿后才能会签", "ASSESSMENT_NOT_FINALIZED", { status: header.status });
  if (header.signOff) throw Conflict("该考核已会签", "ALREADY_SIGNED_OFF", { signOff: header.signOff });
  const record = {
    by: scope.caller.userId,
    name: scope.caller.displayName,
    at: shanghaiIso(now),
    ...(note ? { note } : {}),
  };
  const out = await new AssessmentsRepository(scope.table).advance(
    id,
    "finalized",
    { signOff: record },
    { noSignOff: true },
  );
  if (!out)
    throw Conflict("该考核已会签", "ALREADY_SIGNED_OFF", { signOff: (await readHeader(scope, id)).signOff });
  return out;
}
