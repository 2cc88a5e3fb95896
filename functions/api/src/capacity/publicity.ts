import {
  type AttachmentRef,
  type CreatePublicityInput,
  canRecordPublicity,
  Forbidden,
  NotFound,
  newId,
  type PatchPublicityInput,
  type Publicity,
  patchedPublicity,
  publicityContribution,
  rollupChanges,
  rootIdOf,
  shanghaiIso,
  visiblePrefix,
} from "@weiquan/domain";
import { AttachmentsRepository, PublicityRepository, type UnitRecord } from "@weiquan/store";
import { type Scope, visibleUnit } from "../access/scope.ts";
import { attachmentChanges, attachmentLinks } from "../attachments/link.ts";
import type { AppDeps } from "../deps.ts";
import { type Change, commit, createOnce, newStamp, rollupUpdates, staleVersion } from "./commit.ts";

/**
 * The transaction of an event's change: the record and its list rows (removed along the old path and date,
 * written along the new), attachment links and releases, and the difference of its figures.
 */
function publicityChange(
  scope: Scope,
  before: { p: Publicity; path: string } | null,
  after: { p: Publicity; path: string } | null,
  files: {
    link: Awaited<ReturnType<typeof attachmentLinks>>["items"];
    release: string[];
    id: string;
    at: string;
  },
): Change<Publicity | null> {
  const repo = new PublicityRepository(scope.table);
  const own = after ? repo.put(after.p, after.path, before?.p.version) : repo.delete(before!.p, before!.path);
  const oldRows = before && after ? repo.removeRows(before.p, before.path) : [];
  // A row rewritten at the same key is a put over the delete: keep only the put.
  const newKeys = new Set(
    own.slice(1).map((i) => JSON.stringify(i.Put?.Item && [i.Put.Item.PK, i.Put.Item.SK])),
  );
  const removals = oldRows.filter(
    (i) => !newKeys.has(JSON.stringify([i.Delete?.Key?.PK, i.Delete?.Key?.SK])),
  );
  const changes = rollupChanges(
    before && publicityContribution(before.p, before.path),
    after && publicityContribution(after.p, after.path),
  );
  return {
    items: [
      own[0]!,
      ...files.link,
      ...own.slice(1),
      ...removals,
      ...new AttachmentsRepository(scope.table).releaseItems(files.release, files.id, files.at),
      ...rollupUpdates(scope.table, changes),
    ],
    body: after?.p ?? null,
    links: { start: 1, count: files.link.length },
  };
}

async function writableUnit(scope: Scope, unitId: string): Promise<UnitRecord> {
  const unit = await visibleUnit(scope, unitId);
  if (!canRecordPublicity(scope.viewer, unit.path))
    throw Forbidden("当前角色不能登记这个单位的宣传活动", "PUBLICITY_FORBIDDEN");
  return unit;
}

export async function createPublicity(
  deps: AppDeps,
  scope: Scope,
  input: CreatePublicityInput,
  now: Date,
  idempotencyKey?: string,
): Promise<Publicity> {
  return (await createOnce(scope, idempotencyKey, input, now, async () => {
    const unit = await writableUnit(scope, input.unitId);
    const id = newId();
    const link = await attachmentLinks(
      deps,
      scope,
      input.attachmentIds,
      { kind: "publicity", id, unitId: unit.id },
      now,
    );
    const at = shanghaiIso(now);
    const { attachmentIds: _a, ...fields } = input;
    const p: Publicity = {
      ...fields,
      id,
      attachments: link.refs,
      ...newStamp(scope, now),
    };
    return publicityChange(scope, null, { p, path: unit.path }, { link: link.items, release: [], id, at });
  })) as Publicity;
}

/** An event the caller may see (its unit is in the caller's subtree, or the caller is the bureau); else 404. */
export async function readPublicity(scope: Scope, id: string): Promise<{ p: Publicity; unit: UnitRecord }> {
  const p = await new PublicityRepository(scope.table).get(id);
  if (!p) throw NotFound("宣传活动");
  const unit = await visibleUnit(scope, p.unitId).catch(() => {
    throw NotFound("宣传活动");
  });
  return { p, unit };
}

export async function patchPublicity(
  deps: AppDeps,
  scope: Scope,
  id: string,
  patch: PatchPublicityInput,
  now: Date,
): Promise<Publicity> {
  const { p: current, unit } = await readPublicity(scope, id);
  if (!canRecordPublicity(scope.viewer, unit.path))
    throw Forbidden("当前角色不能修改这条宣传活动", "PUBLICITY_FORBIDDEN");
  if (patch.version !== current.version) staleVersion(current);
  const kept = current.attachments.map((a) => a.id);
  const { added, removed } = attachmentChanges(kept, patch.attachmentIds ?? kept);
  const link = await attachmentLinks(deps, scope, added, { kind: "publicity", id, unitId: unit.id }, now);
  const refs: AttachmentRef[] = [...current.attachments.filter((a) => !removed.includes(a.id)), ...link.refs];
  const at = shanghaiIso(now);
  const next = patchedPublicity(current, patch, refs, at);
  const change = publicityChange(
    scope,
    { p: current, path: unit.path },
    { p: next, path: unit.path },
    { link: link.items, release: removed, id, at },
  );
  return (await commit(scope, change, async () =>
    staleVersion((await readPublicity(scope, id)).p),
  )) as Publicity;
}

export async function deletePublicity(scope: Scope, id: string, version: number, now: Date): Promise<void> {
  const { p, unit } = await readPublicity(scope, id);
  if (!canRecordPublicity(scope.viewer, unit.path))
    throw Forbidden("当前角色不能删除这条宣传活动", "PUBLICITY_FORBIDDEN");
  if (version !== p.version) staleVersion(p);
  const at = shanghaiIso(now);
  const release = p.attachments.map((a) => a.id);
  await commit(
    scope,
    publicityChange(scope, { p, path: unit.path }, null, { link: [], release, id, at }),
    async () => staleVersion((await readPublicity(scope, id)).p),
  );
}

/** Months `from` / `to` (inclusive; default the year to date) → the list of the unit's subtree. */
export async function listPublicity(
  scope: Scope,
  q: { from?: string; to?: string; unitId?: string; kind?: string; limit: number; cursor?: string },
  now: Date,
) {
  const unit = q.unitId ? await visibleUnit(scope, q.unitId) : undefined;
  const listedBy =
    unit?.id ?? (visiblePrefix(scope.viewer) === undefined ? rootIdOf(scope.unit.path) : scope.unit.id);
  const year = shanghaiIso(now).slice(0, 4);
  return new PublicityRepository(scope.table).list({
    unitId: listedBy,
    from: q.from ?? `${year}-01`,
    to: `${q.to ?? `${year}-12`}-31`,
    kind: q.kind,
    limit: q.limit,
    cursor: q.cursor,
  });
}
