import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { encodeCursor } from "../cursor.ts";
import { type AccessPattern, withoutKeys } from "../keys.ts";
import { type QueryExtras, queryOf, startOf } from "../query.ts";
import type { TenantTable } from "../tenant-access.ts";
import { type TransactItem, transact } from "../writes.ts";

/**
 * Helpers the capacity records share (trainings, publicity, warnings, volunteers): a versioned record's
 * put / delete inside its transaction, the transaction's outcome, and bounded list pages.
 */

/** The record's own item: new (absent) or replacing exactly the version that was read. */
export function putRecord(
  t: TenantTable,
  item: Record<string, unknown>,
  expectedVersion?: number,
): TransactItem {
  return {
    Put: {
      TableName: t.tableName,
      Item: item,
      ConditionExpression: expectedVersion === undefined ? "attribute_not_exists(PK)" : "version = :v",
      ExpressionAttributeValues: expectedVersion === undefined ? undefined : { ":v": expectedVersion },
    },
  };
}

export function deleteRecord(
  t: TenantTable,
  key: Record<string, string>,
  expectedVersion: number,
): TransactItem {
  return {
    Delete: {
      TableName: t.tableName,
      Key: key,
      ConditionExpression: "version = :v",
      ExpressionAttributeValues: { ":v": expectedVersion },
    },
  };
}

export const putItem = (t: TenantTable, item: Record<string, unknown>): TransactItem => ({
  Put: { TableName: t.tableName, Item: item },
});
export const deleteItem = (t: TenantTable, key: Record<string, string>): TransactItem => ({
  Delete: { TableName: t.tableName, Key: key },
});

/**
 * Writes a record's transaction, its own item first. `stale`: the record moved on (or exists / is gone);
 * `linkFailed`: one of the items in `[linkStart, linkEnd)` (its attachment links) failed its condition.
 */
export async function writeRecord(
  t: TenantTable,
  items: TransactItem[],
  links?: { start: number; count: number },
): Promise<{ ok: true } | { ok: false; stale: boolean; linkFailed: boolean }> {
  const out = await transact(t.doc, items);
  if (out.ok) return out;
  return {
    ok: false,
    stale: out.failed.includes(0),
    linkFailed: Boolean(links && out.failed.some((i) => i >= links.start && i < links.start + links.count)),
  };
}

export async function getRecord<R>(t: TenantTable, key: Record<string, string>): Promise<R | null> {
  const out = await t.doc.send(new GetCommand({ TableName: t.tableName, Key: key, ConsistentRead: true }));
  return out.Item ? withoutKeys<R>(out.Item) : null;
}

/** Items a filtered list reads at most per request: a rare match returns fewer items and a cursor. */
const FILTERED_READ = 200;

/**
 * One page of an access pattern, bounded: one Query call reading `limit` items or, with a filter, at most
 * 200 and returning the first `limit` matches. The cursor is the keys of the last item returned, so
 * nothing is skipped or repeated.
 */
export async function boundedPage<R>(
  t: TenantTable,
  p: AccessPattern,
  o: { limit: number; cursor?: string; extras?: QueryExtras },
): Promise<{ items: R[]; nextCursor: string | null }> {
  const filtered = Boolean(o.extras?.FilterExpression);
  const out = await t.doc.send(
    new QueryCommand(
      queryOf(t.tableName, p, {
        ...o.extras,
        Limit: filtered ? Math.max(FILTERED_READ, o.limit) : o.limit,
        ExclusiveStartKey: startOf(p, o.cursor),
      }),
    ),
  );
  const raw = out.Items ?? [];
  const page = raw.slice(0, o.limit);
  const last = page[page.length - 1];
  const cut = raw.length > o.limit && last;
  const nextKey = cut ? Object.fromEntries(p.cursorKeys.map((k) => [k, last[k]])) : out.LastEvaluatedKey;
  return { items: page.map((i) => withoutKeys<R>(i)), nextCursor: encodeCursor(nextKey) };
}
