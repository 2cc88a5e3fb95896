import { Unprocessable } from "../common/errors.ts";
import type {
  CampaignInspectionInput,
  CampaignUnit,
  CampaignUnitStatus,
  MarkCreatedInput,
} from "./schema.ts";

/**
 * A campaign unit's way through the campaign, pure: enrolled → created (the unit declares its checklist
 * done) → passed | failed (an on-site check scores it against the sheet and its pass mark).
 */
/** What the flow reads and writes of a unit (the API adds `inSample`, the store its path). */
export type CampaignUnitState = Omit<CampaignUnit, "inSample" | "lot">;

const wrongState = (u: CampaignUnitState, wanted: CampaignUnitStatus, what: string) =>
  Unprocessable(`「${u.unitName}」${what}（当前状态：${u.status}）`, "CAMPAIGN_UNIT_STATE", {
    status: u.status,
    expected: wanted,
  });

export interface CampaignActor {
  name: string;
  at: string;
}

/** Declares a unit created: every checklist item must be known and done (422 naming what is missing). */
export function markCreated<U extends CampaignUnitState>(
  u: U,
  checklist: readonly { code: string; text: string }[],
  input: MarkCreatedInput,
  actor: CampaignActor,
): U {
  if (u.status !== "enrolled") throw wrongState(u, "enrolled", "已申报创建，不能重复申报");
  const known = new Set(checklist.map((c) => c.code));
  const unknown = Object.keys(input.checklist).filter((c) => !known.has(c));
  if (unknown.length)
    throw Unprocessable(`创建清单中没有编号为 ${unknown.join("、")} 的项目`, "UNKNOWN_CHECKLIST_ITEM", {
      codes: unknown,
    });
  const missing = checklist.filter((c) => input.checklist[c.code] !== true);
  if (missing.length)
    throw Unprocessable(
      `创建清单尚未完成：${missing.map((m) => m.text).join("、")}`,
      "CHECKLIST_INCOMPLETE",
      { missing: missing.map((m) => m.code) },
    );
  return {
    ...u,
    status: "created",
    creation: {
      checklist: input.checklist,
      ...(input.note ? { note: input.note } : {}),
      by: actor.name,
      at: actor.at,
    },
    version: u.version + 1,
  };
}

/** Scores an on-site check: every item of the sheet scored within [0, maxPoints]; passed at the pass mark. */
export function inspect<U extends CampaignUnitState>(
  u: U,
  sheet: readonly { code: string; title: string; maxPoints: number }[],
  passMark: number,
  input: CampaignInspectionInput,
  actor: CampaignActor,
): U {
  if (u.status !== "created")
    throw wrongState(u, "created", u.status === "enrolled" ? "尚未申报创建" : "已经检查过");
  const scores = new Map(input.scores.map((s) => [s.code, s.points]));
  const unknown = input.scores.filter((s) => !sheet.some((i) => i.code === s.code)).map((s) => s.code);
  if (unknown.length)
    throw Unprocessable(`评分表中没有编号为 ${unknown.join("、")} 的项目`, "UNKNOWN_ITEM", {
      codes: unknown,
    });
  const unscored = sheet.filter((i) => !scores.has(i.code));
  if (unscored.length)
    throw Unprocessable(`还有未评分的项目：${unscored.map((i) => i.title).join("、")}`, "SCORES_INCOMPLETE", {
      codes: unscored.map((i) => i.code),
    });
  const over = sheet.find((i) => scores.get(i.code)! > i.maxPoints);
  if (over)
    throw Unprocessable(`「${over.title}」的得分应在 0 到 ${over.maxPoints} 分之间`, "POINTS_OUT_OF_RANGE", {
      code: over.code,
      maxPoints: over.maxPoints,
    });
  const ordered = sheet.map((i) => ({ code: i.code, points: Math.round(scores.get(i.code)! * 100) / 100 }));
  const total = Math.round(ordered.reduce((s, i) => s + i.points, 0) * 100) / 100;
  const passed = total >= passMark;
  return {
    ...u,
    status: passed ? "passed" : "failed",
    inspection: {
      inspectedAt: input.inspectedAt,
      inspectors: input.inspectors,
      scores: ordered,
      total,
      passed,
      ...(input.note ? { note: input.note } : {}),
      by: actor.name,
      at: actor.at,
    },
    version: u.version + 1,
  };
}

/** What a change adds to the counts of its station and of the campaign. */
export function countsDelta(before: CampaignUnitStatus, after: CampaignUnitStatus): Record<string, number> {
  if (before === "enrolled" && after === "created") return { created: 1 };
  if (before === "created" && (after === "passed" || after === "failed")) return { inspected: 1, [after]: 1 };
  return {};
}

/** A campaign's score sheet must add up to 100 points (the 100-point sheet of seed 003). */
export function scoreSheetProblem(sheet: readonly { maxPoints: number }[]) {
  const sum = sheet.reduce((s, i) => s + i.maxPoints, 0);
  return sum === 100
    ? null
    : Unprocessable(`评分表满分合计应为 100 分，现为 ${sum} 分`, "SCORE_SHEET_NOT_100", { sum });
}
