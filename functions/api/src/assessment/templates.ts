import {
  Conflict,
  type CreateTemplateInput,
  canManageAssessmentTemplates,
  Forbidden,
  NotFound,
  newId,
  type PatchTemplateInput,
  shanghaiIso,
  type Template,
  templateProblem,
  Unprocessable,
} from "@weiquan/domain";
import { AssessmentsRepository, type TemplateRecord } from "@weiquan/store";
import type { Scope } from "../access/scope.ts";
import { createOnce } from "../capacity/commit.ts";
import { templateView } from "./view.ts";

const mayManage = (scope: Scope) => {
  if (!canManageAssessmentTemplates(scope.viewer.role))
    throw Forbidden("只有县局管理员可以制定考核模板", "ROLE_FORBIDDEN");
};

const byThreshold = (stars: { atLeast: number; stars: number }[] = []) =>
  [...stars].sort((a, b) => b.atLeast - a.atLeast);

/** Creates a template (bureau admin), once per `Idempotency-Key`. */
export async function createTemplate(
  scope: Scope,
  input: CreateTemplateInput,
  now: Date,
  idempotencyKey?: string,
): Promise<Template> {
  mayManage(scope);
  const problem = templateProblem(input.items);
  if (problem) throw problem;
  return createOnce(scope, idempotencyKey, input, now, async () => {
    const at = shanghaiIso(now);
    const tpl: TemplateRecord = {
      id: newId(),
      year: input.year,
      name: input.name,
      appliesTo: input.appliesTo,
      items: input.items,
      stars: byThreshold(input.stars),
      version: 1,
      createdAt: at,
      createdBy: scope.caller.userId,
      updatedAt: at,
    };
    return { items: [new AssessmentsRepository(scope.table).newTemplate(tpl)], body: templateView(tpl) };
  });
}

/** Templates carry no personal data: every tenant role reads them (the governance office included). */
export async function readTemplate(scope: Scope, id: string): Promise<TemplateRecord> {
  const tpl = await new AssessmentsRepository(scope.table).getTemplate(id);
  if (!tpl) throw NotFound("考核模板");
  return tpl;
}

const inUse = (tpl: TemplateRecord) =>
  Unprocessable("该模板已用于考核，不能再修改（可复制为新模板）", "TEMPLATE_IN_USE", {
    assessmentId: tpl.assessmentId,
  });
const stale = (tpl: TemplateRecord) =>
  Conflict("该模板已被他人修改，请刷新后重试", "VERSION_CONFLICT", { current: templateView(tpl) });

export async function patchTemplate(
  scope: Scope,
  id: string,
  input: PatchTemplateInput,
  now: Date,
): Promise<Template> {
  mayManage(scope);
  const current = await readTemplate(scope, id);
  if (current.assessmentId) throw inUse(current);
  if (input.version !== current.version) throw stale(current);
  const { version, ...changes } = input;
  const next: TemplateRecord = {
    ...current,
    ...changes,
    stars: changes.stars ? byThreshold(changes.stars) : current.stars,
    version: current.version + 1,
    updatedAt: shanghaiIso(now),
  };
  const problem = templateProblem(next.items);
  if (problem) throw problem;
  if (await new AssessmentsRepository(scope.table).replaceTemplate(next, version)) return templateView(next);
  const now2 = await readTemplate(scope, id);
  throw now2.assessmentId ? inUse(now2) : stale(now2);
}
