import {
  buildSheet,
  Conflict,
  canRunAssessments,
  countedUnits,
  Forbidden,
  fourOnesOf,
  indexNetwork,
  type NetworkUnit,
  newId,
  shanghaiIso,
  sheetUnits,
  Unavailable,
  Unprocessable,
  unscoredCount,
} from "@weiquan/domain";
import {
  type AssessmentRecord,
  AssessmentsRepository,
  RollupsRepository,
  SettingsRepository,
  type SheetRecord,
  type TemplateRecord,
} from "@weiquan/store";
import type { Scope } from "../access/scope.ts";
import { readTemplate } from "./templates.ts";

/** Sheets written per round (four BatchWriteItem requests in flight); progress is recorded after each. */
const BATCH = 100;

/** The yearly training minimum (settings `trainingMinPerYear`, seed 004 “不少于_次”; default 2). */
async function trainingMinimum(scope: Scope): Promise<number> {
  const s = await new SettingsRepository(scope.table).get<{ version: number; trainingMinPerYear?: number }>();
  return s?.trainingMinPerYear ?? 2;
}

/** The network as the assessment sees it now: every unit with its 四个一 compliance. */
async function network(scope: Scope): Promise<NetworkUnit[]> {
  return (await scope.units.listByPath()).map((u) => ({
    id: u.id,
    parentId: u.parentId,
    name: u.name,
    type: u.type,
    path: u.path,
    status: u.status,
    compliant: fourOnesOf(u).compliant,
  }));
}

export interface CreateCost {
  /** Rollup items read and the read capacity they consumed (the benchmark compares them with a raw read). */
  rollupItems: number;
  rollupCapacity: number;
}

/**
 * Makes the year's assessment from a template: one sheet per active unit the template applies to, auto
 * items computed from the year's rollups (one query per station / point, never a case) and frozen with
 * their inputs. The header is written first (`creating`, marking the template used), the sheets in
 * batches with progress, then the header moves to `scoring`. A retry of a create that stopped half-way
 * (same template) finishes the sheets not yet written and keeps those that were.
 */
export async function createAssessment(
  scope: Scope,
  input: { templateId: string; year: string },
  now: Date,
  cost?: CreateCost,
): Promise<AssessmentRecord> {
  if (!canRunAssessments(scope.viewer.role)) throw Forbidden("只有县局可以组织年度考核", "ROLE_FORBIDDEN");
  const repo = new AssessmentsRepository(scope.table);
  const tpl = await readTemplate(scope, input.templateId);
  if (tpl.year !== input.year)
    throw Unprocessable(
      `模板「${tpl.name}」是 ${tpl.year} 年度的，不能用于 ${input.year} 年度考核`,
      "TEMPLATE_YEAR_MISMATCH",
      {
        templateYear: tpl.year,
      },
    );

  const [units, trainingMin] = await Promise.all([network(scope), trainingMinimum(scope)]);
  const targets = sheetUnits(units, tpl.appliesTo);
  const at = shanghaiIso(now);

  let header = tpl.assessmentId ? await resumable(repo, tpl) : null;
  const done = new Set(header ? (await repo.allSheets(header.id)).map((s) => s.unitId) : []);
  const todo = targets.filter((u) => !done.has(u.id));

  const rollups = new RollupsRepository(scope.table);
  const counted = countedUnits(units).map((u) => u.id);
  const subtree = await rollups.totals(counted, `${input.year}-01`, `${input.year}-12`);
  if (cost) {
    cost.rollupItems += rollups.consumed.items;
    cost.rollupCapacity += rollups.consumed.capacityUnits;
  }

  const id = header?.id ?? newId();
  const net = indexNetwork(units);
  const sheets: SheetRecord[] = todo.map((u) => ({
    ...buildSheet(id, tpl, u, net, subtree, trainingMin, at),
    path: u.path,
  }));

  if (!header) {
    header = {
      id,
      year: input.year,
      templateId: tpl.id,
      name: tpl.name,
      template: { appliesTo: tpl.appliesTo, items: tpl.items, stars: tpl.stars },
      status: "creating",
      progress: { done: 0, total: sheets.length },
      sheetCount: sheets.length,
      unscoredItems: sheets.reduce((s, sh) => s + unscoredCount(sh.items), 0),
      computedAt: at,
      createdAt: at,
      createdBy: scope.caller.userId,
      finalizedAt: null,
      finalizedBy: null,
      signOff: null,
      version: 1,
      sheetsRev: 0,
    };
    if (!(await repo.begin(header, tpl))) {
      const now2 = await readTemplate(scope, tpl.id);
      if (now2.assessmentId) throw exists(now2.assessmentId);
      throw Unavailable("考核模板刚被修改，请重试", 1);
    }
  }

  for (let i = 0; i < sheets.length; i += BATCH) {
    await repo.putSheets(sheets.slice(i, i + BATCH));
    await repo.progress(id, done.size + Math.min(i + BATCH, sheets.length));
  }
  // On a resume the counts come from every sheet now written, not from the first attempt's plan.
  const all = done.size ? await repo.allSheets(id) : sheets;
  const scoring = await repo.advance(id, "creating", {
    status: "scoring",
    sheetCount: all.length,
    unscoredItems: all.reduce((s, sh) => s + unscoredCount(sh.items), 0),
    progress: { done: all.length, total: all.length },
  });
  return scoring ?? (await repo.getHeader(id))!;
}

const exists = (assessmentId: string) =>
  Conflict("该模板已用于本年度考核，不能重复创建", "ASSESSMENT_EXISTS", { assessmentId });

/** The assessment a template is marked with, if its creation stopped half-way; otherwise 409. */
async function resumable(repo: AssessmentsRepository, tpl: TemplateRecord): Promise<AssessmentRecord> {
  const header = await repo.getHeader(tpl.assessmentId!);
  if (header?.status !== "creating") throw exists(tpl.assessmentId!);
  return header;
}
