import {
  applyPatch,
  type CreateVolunteerInput,
  canWriteVolunteer,
  Forbidden,
  NotFound,
  newId,
  type PatchVolunteerInput,
  rootIdOf,
  seesVolunteerPersonalData,
  shanghaiIso,
  type VolunteerRecord,
  visiblePrefix,
  volunteerView,
} from "@weiquan/domain";
import { VolunteersRepository } from "@weiquan/store";
import { type Scope, visibleUnit } from "../access/scope.ts";
import { commit, createOnce, staleVersion } from "./commit.ts";

type Stored = VolunteerRecord & { unitPath: string };
const viewFor = (scope: Scope, { unitPath, ...v }: Stored) =>
  volunteerView(v, seesVolunteerPersonalData(scope.viewer, unitPath));

export async function createVolunteer(
  scope: Scope,
  input: CreateVolunteerInput,
  now: Date,
  idempotencyKey?: string,
) {
  return createOnce(scope, idempotencyKey, input, now, async () => {
    const unit = await visibleUnit(scope, input.unitId);
    if (!canWriteVolunteer(scope.viewer, unit.path))
      throw Forbidden("志愿者由县局管理员和本单位工作人员登记", "VOLUNTEER_FORBIDDEN");
    const at = shanghaiIso(now);
    const v: VolunteerRecord = { ...input, id: newId(), createdAt: at, updatedAt: at, version: 1 };
    return {
      items: [new VolunteersRepository(scope.table).put(v, unit.path)],
      body: viewFor(scope, { ...v, unitPath: unit.path }),
    };
  });
}

async function visibleVolunteer(scope: Scope, id: string): Promise<Stored> {
  const v = await new VolunteersRepository(scope.table).get(id);
  if (!v) throw NotFound("志愿者");
  await visibleUnit(scope, v.unitId).catch(() => {
    throw NotFound("志愿者");
  });
  return v;
}

export async function readVolunteer(scope: Scope, id: string) {
  return viewFor(scope, await visibleVolunteer(scope, id));
}

/** Edits a volunteer (moving them to another unit both units' writers may do). */
export async function patchVolunteer(scope: Scope, id: string, patch: PatchVolunteerInput, now: Date) {
  const current = await visibleVolunteer(scope, id);
  const from = await visibleUnit(scope, current.unitId);
  if (!canWriteVolunteer(scope.viewer, from.path))
    throw Forbidden("志愿者由县局管理员和本单位工作人员维护", "VOLUNTEER_FORBIDDEN");
  const to = patch.unitId ? await visibleUnit(scope, patch.unitId) : from;
  if (!canWriteVolunteer(scope.viewer, to.path))
    throw Forbidden("不能把志愿者调到这个单位", "VOLUNTEER_FORBIDDEN");
  if (patch.version !== current.version) staleVersion(viewFor(scope, current));
  const { version: _v, ...changes } = patch;
  const { unitPath: _p, ...record } = current;
  const next: VolunteerRecord = {
    ...applyPatch(record, changes),
    updatedAt: shanghaiIso(now),
    version: current.version + 1,
  };
  const body = viewFor(scope, { ...next, unitPath: to.path });
  const item = new VolunteersRepository(scope.table).put(next, to.path, current.version);
  return commit(scope, { items: [item], body }, async () => staleVersion(await readVolunteer(scope, id)));
}

export async function listVolunteers(
  scope: Scope,
  q: { unitId?: string; status?: "active" | "left"; limit: number; cursor?: string },
) {
  const unit = q.unitId ? await visibleUnit(scope, q.unitId) : undefined;
  const unitPath = unit?.path ?? visiblePrefix(scope.viewer) ?? rootIdOf(scope.unit.path);
  const page = await new VolunteersRepository(scope.table).list({
    unitPath,
    status: q.status,
    limit: q.limit,
    cursor: q.cursor,
  });
  return { items: page.items.map((v) => viewFor(scope, v)), nextCursor: page.nextCursor };
}
