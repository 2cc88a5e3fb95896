import {
  Conflict,
  type CreateInspectionInput,
  canAnswerFor,
  canInspect,
  canSeeUnit,
  defaultInspectionChecklist,
  editInspection,
  type FindingRecord,
  Forbidden,
  type Inspection,
  type InspectionChange,
  type InspectionContext,
  type InspectionRecord,
  NotFound,
  newId,
  newInspection,
  type RectifyInput,
  rectifyFinding,
  type Settings,
  shanghaiIso,
  type UpdateInspectionInput,
  unitIdsOf,
  type VerifyInput,
  verifyFinding,
} from "@weiquan/domain";
import { InspectionsRepository, SettingsRepository } from "@weiquan/store";
import { type Scope, visibleUnit } from "../access/scope.ts";
import { attachmentChanges, attachmentLinks, linkConflict } from "../attachments/link.ts";
import type { AppDeps } from "../deps.ts";
import { inspectionView } from "./view.ts";

async function context(scope: Scope, now: Date): Promise<InspectionContext> {
  const settings = await new SettingsRepository(scope.table).get<Settings>();
  return {
    at: shanghaiIso(now),
    actor: { userId: scope.caller.userId, name: scope.caller.displayName, unitId: scope.unit.id },
    checklist: settings?.inspectionChecklist ?? defaultInspectionChecklist,
    newId,
  };
}

/** Writes a change decided by the domain, in one transaction guarded by the version it was decided on. */
async function write(
  scope: Scope,
  change: InspectionChange,
  before: { version: number; findings: readonly FindingRecord[] } | null,
  links: Awaited<ReturnType<typeof attachmentLinks>>["items"] = [],
) {
  const expectedVersion = before?.version;
  const repo = new InspectionsRepository(scope.table);
  const ok = await repo.write(
    {
      record: change.record,
      findings: change.findings,
      figures: change.rollups.map((r) => ({ unitIds: unitIdsOf(change.record.unitPath), ...r })),
      notices: change.notices,
      links,
      before: before?.findings,
    },
    expectedVersion,
  );
  if (ok) return;
  const fresh = await repo.read(change.record.id);
  // Not the inspection's version that failed: a file was linked elsewhere (or expired) meanwhile.
  if (links.length && (fresh?.record.version ?? undefined) === expectedVersion) throw linkConflict();
  if (expectedVersion !== undefined) throw stale(scope, fresh!, new Date());
  throw Conflict("检查记录编号冲突，请重试", "CONFLICT");
}

/** What a decision on an existing inspection was made on: its version and findings. */
const asRead = (found: { record: InspectionRecord; findings: FindingRecord[] }) => ({
  version: found.record.version,
  findings: found.findings,
});

/** The link items for files a change adds to an inspection (photos) or a finding (evidence). */
const links = (
  deps: AppDeps,
  scope: Scope,
  ids: readonly string[] | undefined,
  link: { kind: "inspection" | "rectification"; id: string; unitId: string },
  now: Date,
) => attachmentLinks(deps, scope, ids, link, now).then((l) => l.items);

const stale = (scope: Scope, found: { record: InspectionRecord; findings: FindingRecord[] }, now: Date) =>
  Conflict("该检查记录已被他人修改，请刷新后重试", "VERSION_CONFLICT", {
    current: inspectionView(found.record, found.findings, scope.viewer, now),
  });

/** The inspection and its findings if the caller may see the inspected unit; otherwise 404. */
export async function visibleInspection(scope: Scope, id: string) {
  const found = await new InspectionsRepository(scope.table).read(id);
  if (!found || !canSeeUnit(scope.viewer, found.record.unitPath)) throw NotFound("检查记录");
  return found;
}

export async function createInspection(
  deps: AppDeps,
  scope: Scope,
  input: CreateInspectionInput,
  now: Date,
): Promise<Inspection> {
  const unit = await visibleUnit(scope, input.unitId);
  if (!canInspect(scope.viewer, unit.path))
    throw Forbidden("只有县局（或市场监管所对其辖区单位）可以登记检查", "ROLE_FORBIDDEN");
  const change = newInspection(input, unit, await context(scope, now));
  const files = await links(
    deps,
    scope,
    input.attachmentIds,
    { kind: "inspection", id: change.record.id, unitId: unit.id },
    now,
  );
  await write(scope, change, null, files);
  return inspectionView(change.record, change.findings, scope.viewer, now);
}

export async function readInspection(scope: Scope, id: string, now: Date): Promise<Inspection> {
  const found = await visibleInspection(scope, id);
  return inspectionView(found.record, found.findings, scope.viewer, now);
}

export async function updateInspection(
  deps: AppDeps,
  scope: Scope,
  id: string,
  input: UpdateInspectionInput,
  now: Date,
): Promise<Inspection> {
  const found = await visibleInspection(scope, id);
  if (!canInspect(scope.viewer, found.record.unitPath))
    throw Forbidden("只有检查单位可以修改检查记录", "ROLE_FORBIDDEN");
  if (input.version !== found.record.version) throw stale(scope, found, now);
  const change = editInspection(found.record, found.findings, input, await context(scope, now));
  const { added } = attachmentChanges(
    found.record.attachmentIds,
    input.attachmentIds ?? found.record.attachmentIds,
  );
  const link = { kind: "inspection" as const, id: found.record.id, unitId: found.record.unitId };
  await write(scope, change, asRead(found), await links(deps, scope, added, link, now));
  return inspectionView(change.record, mergeFindings(found.findings, change.findings), scope.viewer, now);
}

const mergeFindings = (all: readonly FindingRecord[], changed: readonly FindingRecord[]) => {
  const byId = new Map(all.map((f) => [f.id, f]));
  for (const f of changed) byId.set(f.id, f);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
};

type FindingStep = "rectify" | "verify";

/**
 * A finding moves: the inspected unit rectifies (with evidence), the inspector verifies. `version`, when
 * given, is the inspection's: a stale one is a 409 with the inspection as it is now.
 */
export async function moveFinding(
  deps: AppDeps,
  scope: Scope,
  id: string,
  findingId: string,
  step: FindingStep,
  input: RectifyInput | VerifyInput,
  now: Date,
): Promise<Inspection> {
  const found = await visibleInspection(scope, id);
  const finding = found.findings.find((f) => f.id === findingId);
  if (!finding) throw NotFound("检查发现的问题");
  const allowed =
    step === "rectify"
      ? canAnswerFor(scope.viewer, found.record.unitPath)
      : canInspect(scope.viewer, found.record.unitPath);
  if (!allowed)
    throw Forbidden(step === "rectify" ? "整改由被检查单位提交" : "整改由检查单位核验", "ROLE_FORBIDDEN");
  if (input.version !== undefined && input.version !== found.record.version) throw stale(scope, found, now);
  const ctx = await context(scope, now);
  const change =
    step === "rectify"
      ? rectifyFinding(found.record, found.findings, finding, input as RectifyInput, ctx)
      : verifyFinding(found.record, found.findings, finding, input as VerifyInput, ctx);
  const evidence =
    step === "rectify"
      ? await links(
          deps,
          scope,
          (input as RectifyInput).attachmentIds,
          { kind: "rectification", id: finding.id, unitId: found.record.unitId },
          now,
        )
      : [];
  await write(scope, change, asRead(found), evidence);
  return inspectionView(change.record, mergeFindings(found.findings, change.findings), scope.viewer, now);
}
