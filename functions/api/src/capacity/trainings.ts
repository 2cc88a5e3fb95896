import {
  type AttachmentRef,
  type CreateTrainingInput,
  canRecordTraining,
  canSeeUnit,
  Forbidden,
  NotFound,
  newId,
  type PatchTrainingInput,
  patchedTraining,
  rollupChanges,
  shanghaiIso,
  type Training,
  type TrainingRecord,
  trainingContribution,
  trainingScope,
  visiblePrefix,
} from "@weiquan/domain";
import { AttachmentsRepository, TrainingsRepository, type UnitRecord } from "@weiquan/store";
import { type Scope, visibleUnit } from "../access/scope.ts";
import { attachmentChanges, attachmentLinks } from "../attachments/link.ts";
import type { AppDeps } from "../deps.ts";
import {
  type Change,
  commit,
  createOnce,
  newStamp,
  rollupUpdates,
  staleVersion,
  unitsById,
} from "./commit.ts";

const view = ({ scopeUnits: _s, ...t }: TrainingRecord): Training => t;

/** A training the caller may see: one its subtree organised or attended (the bureau sees all); else 404. */
async function visibleTraining(scope: Scope, id: string): Promise<TrainingRecord> {
  const t = await new TrainingsRepository(scope.table).get(id);
  const mine = visiblePrefix(scope.viewer) === undefined || t?.scopeUnits.includes(scope.unit.id);
  if (!t || !mine) throw NotFound("培训记录");
  return t;
}

/** The attending units, each one the caller may see (404 otherwise, as if absent). */
function attendingUnits(scope: Scope, units: Map<string, UnitRecord>, ids: readonly string[]) {
  for (const id of ids) {
    const u = units.get(id);
    if (!u || !canSeeUnit(scope.viewer, u.path)) throw NotFound("参训单位");
  }
}

const pathOf = (units: Map<string, UnitRecord>) => (id: string) => units.get(id)?.path ?? id;

/**
 * The transaction of a training's change: the record, its attachments' links and releases, and the
 * difference of its figures (what it counted before against what it counts now).
 */
function trainingChange(
  scope: Scope,
  before: TrainingRecord | null,
  after: TrainingRecord | null,
  units: Map<string, UnitRecord>,
  files: {
    link: Awaited<ReturnType<typeof attachmentLinks>>["items"];
    release: string[];
    recordId: string;
    at: string;
  },
): Change<Training | null> {
  const repo = new TrainingsRepository(scope.table);
  const paths = pathOf(units);
  const own = after ? repo.put(after, before?.version) : repo.delete(before!);
  const changes = rollupChanges(
    before && trainingContribution(before, paths),
    after && trainingContribution(after, paths),
  );
  return {
    items: [
      own,
      ...files.link,
      ...new AttachmentsRepository(scope.table).releaseItems(files.release, files.recordId, files.at),
      ...rollupUpdates(scope.table, changes),
    ],
    body: after && view(after),
    links: { start: 1, count: files.link.length },
  };
}

export async function createTraining(
  deps: AppDeps,
  scope: Scope,
  input: CreateTrainingInput,
  now: Date,
  idempotencyKey?: string,
): Promise<Training> {
  return (await createOnce(scope, idempotencyKey, input, now, async () => {
    const organizer = await visibleUnit(scope, input.organizerUnitId);
    if (!canRecordTraining(scope.viewer, organizer.path))
      throw Forbidden("当前角色不能登记这个单位组织的培训", "TRAINING_FORBIDDEN");
    const units = await unitsById(scope);
    attendingUnits(scope, units, input.attendeeUnitIds);
    const id = newId();
    const link = await attachmentLinks(
      deps,
      scope,
      input.attachmentIds,
      { kind: "training", id, unitId: organizer.id },
      now,
    );
    const at = shanghaiIso(now);
    const { attachmentIds: _a, ...fields } = input;
    const training: Training = {
      ...fields,
      id,
      attendees: input.attendees ?? [],
      attachments: link.refs,
      ...newStamp(scope, now),
    };
    const record = { ...training, scopeUnits: trainingScope(training, pathOf(units)) };
    return trainingChange(scope, null, record, units, { link: link.items, release: [], recordId: id, at });
  })) as Training;
}

export async function readTraining(scope: Scope, id: string): Promise<Training> {
  return view(await visibleTraining(scope, id));
}

/** Refuses a write by a caller who may see but not edit the training (403), or a stale version (409). */
async function editable(scope: Scope, id: string, version: number) {
  const current = await visibleTraining(scope, id);
  const units = await unitsById(scope);
  const organizer = units.get(current.organizerUnitId);
  if (!organizer || !canRecordTraining(scope.viewer, organizer.path))
    throw Forbidden("当前角色不能修改这条培训记录", "TRAINING_FORBIDDEN");
  if (version !== current.version) staleVersion(view(current));
  return { current, units };
}

export async function patchTraining(
  deps: AppDeps,
  scope: Scope,
  id: string,
  patch: PatchTrainingInput,
  now: Date,
): Promise<Training> {
  const { current, units } = await editable(scope, id, patch.version);
  if (patch.attendeeUnitIds) attendingUnits(scope, units, patch.attendeeUnitIds);
  const kept = current.attachments.map((a) => a.id);
  const { added, removed } = attachmentChanges(kept, patch.attachmentIds ?? kept);
  const link = await attachmentLinks(
    deps,
    scope,
    added,
    { kind: "training", id, unitId: current.organizerUnitId },
    now,
  );
  const refs: AttachmentRef[] = [...current.attachments.filter((a) => !removed.includes(a.id)), ...link.refs];
  const at = shanghaiIso(now);
  const next = patchedTraining(current, patch, refs, at);
  const record = { ...next, scopeUnits: trainingScope(next, pathOf(units)) };
  const change = trainingChange(scope, current, record, units, {
    link: link.items,
    release: removed,
    recordId: id,
    at,
  });
  return (await commit(scope, change, async () => staleVersion(await readTraining(scope, id)))) as Training;
}

export async function deleteTraining(scope: Scope, id: string, version: number, now: Date): Promise<void> {
  const { current, units } = await editable(scope, id, version);
  const at = shanghaiIso(now);
  const release = current.attachments.map((a) => a.id);
  await commit(
    scope,
    trainingChange(scope, current, null, units, { link: [], release, recordId: id, at }),
    async () => staleVersion(await readTraining(scope, id)),
  );
}

export async function listTrainings(
  scope: Scope,
  q: { year?: string; from?: string; to?: string; unitId?: string; limit: number; cursor?: string },
  now: Date,
) {
  const unit = q.unitId ? await visibleUnit(scope, q.unitId) : undefined;
  const year = q.year ?? shanghaiIso(now).slice(0, 4);
  const from = q.from ?? `${year}-01`;
  const to = q.to ?? `${year}-12`;
  // The bureau lists the whole tenant; everyone else what their unit (or the unit asked for) lists.
  const listedBy = unit?.id ?? (visiblePrefix(scope.viewer) === undefined ? undefined : scope.unit.id);
  const page = await new TrainingsRepository(scope.table).list({
    from,
    to: `${to}-31`,
    unitId: listedBy,
    limit: q.limit,
    cursor: q.cursor,
  });
  return { items: page.items.map(view), nextCursor: page.nextCursor };
}
