import { createHash } from "node:crypto";
import {
  Conflict,
  MAX_TRANSACTION_ITEMS,
  type RollupChange,
  shanghaiIso,
  Unavailable,
  Unprocessable,
  visiblePrefix,
} from "@weiquan/domain";
import {
  IdempotencyRepository,
  rollupAdd,
  type TenantTable,
  type TransactItem,
  transact,
  type UnitRecord,
} from "@weiquan/store";
import type { Scope } from "../access/scope.ts";
import { linkConflict } from "../attachments/link.ts";

const IDEMPOTENCY_TTL_S = 24 * 3600;

/** A record's change: its transaction's items (the record's own first) and where its attachment links sit. */
export interface Change<T> {
  items: TransactItem[];
  body: T;
  links?: { start: number; count: number };
}

const tooLarge = () =>
  Unprocessable(
    "这次修改涉及的单位太多，无法一次保存（请减少参训单位或附件，或分场次登记）",
    "TOO_MANY_UNITS",
  );

/** Commits a change of an existing record: a stale version is the caller's 409 (`onStale`). */
export async function commit<T>(scope: Scope, change: Change<T>, onStale: () => Promise<never>): Promise<T> {
  if (change.items.length > MAX_TRANSACTION_ITEMS) throw tooLarge();
  const out = await transact(scope.table.doc, change.items);
  if (out.ok) return change.body;
  if (out.failed.includes(0)) return onStale();
  if (
    change.links &&
    out.failed.some((i) => i >= change.links!.start && i < change.links!.start + change.links!.count)
  )
    throw linkConflict();
  throw Unavailable("保存繁忙，请稍后重试", 1);
}

/**
 * Creates a record once per `Idempotency-Key` (api.md): the same key and body within 24 h answers as the
 * first time and creates nothing; another body with the key is a 409. The first answer is recorded in the
 * record's own transaction, so a retry after a lost answer never writes twice.
 */
export async function createOnce<T>(
  scope: Scope,
  key: string | undefined,
  input: unknown,
  now: Date,
  build: () => Promise<Change<T>>,
): Promise<T> {
  const idem = new IdempotencyRepository(scope.table);
  const bodyHash = createHash("sha256").update(JSON.stringify(input)).digest("hex");
  const replay = async () => {
    const found = key ? await idem.find(scope.caller.userId, key, now) : null;
    if (!found) return null;
    if (found.bodyHash !== bodyHash)
      throw Conflict("该幂等键已用于另一份不同的内容（24 小时内不能复用）", "IDEMPOTENCY_KEY_REUSED");
    return JSON.parse(found.response) as T;
  };
  const earlier = await replay();
  if (earlier) return earlier;
  const change = await build();
  const epoch = Math.floor(now.getTime() / 1000);
  const items = key
    ? [
        ...change.items,
        idem.claim(scope.caller.userId, key, {
          bodyHash,
          response: JSON.stringify(change.body),
          expiresAt: epoch + IDEMPOTENCY_TTL_S,
          now: epoch,
        }),
      ]
    : change.items;
  if (items.length > MAX_TRANSACTION_ITEMS) throw tooLarge();
  // A create that wrote its records itself (in batches) leaves only the key's record, if any, to write.
  if (!items.length) return change.body;
  const out = await transact(scope.table.doc, items);
  if (out.ok) return change.body;
  if (key && out.failed.includes(items.length - 1)) {
    const raced = await replay();
    if (raced) return raced;
  }
  if (
    change.links &&
    out.failed.some((i) => i >= change.links!.start && i < change.links!.start + change.links!.count)
  )
    throw linkConflict();
  throw Unavailable("保存繁忙，请稍后重试", 1);
}

/** The stale-version answer: 409 with the current item (api.md). */
export const staleVersion = (current: unknown): never => {
  throw Conflict("记录已被他人修改，请刷新后重试", "VERSION_CONFLICT", { current });
};

/** Every unit of the tenant by id (one query, bounded by the network's size): paths for the figures. */
export async function unitsById(scope: Scope): Promise<Map<string, UnitRecord>> {
  return new Map((await scope.units.listByPath()).map((u) => [u.id, u]));
}

/** The units the caller may see, by id. */
export async function visibleUnitsById(scope: Scope): Promise<Map<string, UnitRecord>> {
  return new Map((await scope.units.listByPath(visiblePrefix(scope.viewer))).map((u) => [u.id, u]));
}

/** Who created a record and when: the fields every new capacity record starts with. */
export function newStamp(scope: Scope, now: Date) {
  const at = shanghaiIso(now);
  return {
    createdBy: scope.caller.userId,
    createdByName: scope.caller.displayName,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

/** The rollup updates of a record's change (its figures' difference, one item per unit × month). */
export const rollupUpdates = (table: TenantTable, changes: readonly RollupChange[]): TransactItem[] =>
  changes.map((c) => rollupAdd(table.tableName, c.unitId, c.month, c.counters));
