import { QueryCommand, type QueryCommandInput, type QueryCommandOutput } from "@aws-sdk/lib-dynamodb";
import { Invalid } from "@weiquan/domain";
import type { Doc } from "./client.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import { type AccessPattern, withoutKeys } from "./keys.ts";

/** What a caller adds to an access pattern's key condition: filter, projection, order, limit… */
export type QueryExtras = Omit<QueryCommandInput, "TableName" | "IndexName" | "KeyConditionExpression">;

/** The Query input of an access pattern (keys.ts) on a table, merged with the caller's extras. */
export function queryOf(tableName: string, p: AccessPattern, extras: QueryExtras = {}): QueryCommandInput {
  const { partition: _p, cursorKeys: _c, ...keyCondition } = p;
  return {
    ...extras,
    TableName: tableName,
    ...keyCondition,
    ExpressionAttributeNames: { ...extras.ExpressionAttributeNames, ...p.ExpressionAttributeNames },
    ExpressionAttributeValues: { ...extras.ExpressionAttributeValues, ...p.ExpressionAttributeValues },
  };
}

/**
 * Where a page of `p` starts: the key a cursor carries, which must be a key of this very list — a
 * cursor of another list, another index or another partition, or one edited to a sort key outside the
 * list's range or to a value of the wrong type, is a 400, never a silent restart and never a query
 * DynamoDB refuses (a 500).
 */
export function startOf(p: AccessPattern, cursor: string | undefined): Record<string, unknown> | undefined {
  const start = decodeCursor(cursor, p.cursorKeys);
  if (start && !insideList(p, start))
    throw Invalid(
      "分页游标无效",
      [{ path: "cursor", message: "not a cursor of this list" }],
      "INVALID_CURSOR",
    );
  return start;
}

/** Every key attribute a string, the partition the list's own, the sort key inside the list's range. */
function insideList(p: AccessPattern, start: Record<string, unknown>): boolean {
  if (p.cursorKeys.some((k) => typeof start[k] !== "string")) return false;
  if (start[p.partition.name] !== p.partition.value) return false;
  const sortName = p.ExpressionAttributeNames["#sk"];
  if (!sortName) return true;
  const sk = start[sortName] as string;
  const from = p.ExpressionAttributeValues[":sk"] as string;
  if (p.KeyConditionExpression.includes("begins_with")) return sk.startsWith(from);
  if (p.KeyConditionExpression.includes("BETWEEN"))
    return sk >= from && sk <= (p.ExpressionAttributeValues[":skTo"] as string);
  return sk < from;
}

/**
 * Every page of a query, following LastEvaluatedKey until the result set ends. Only for offline jobs and
 * for partitions bounded by design (a tenant's units, a case's timeline): a request never pages on over
 * data that grows with time.
 */
export async function* queryPages(doc: Doc, input: QueryCommandInput): AsyncGenerator<QueryCommandOutput> {
  let start = input.ExclusiveStartKey;
  do {
    const page = await doc.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    yield page;
    start = page.LastEvaluatedKey;
  } while (start);
}

/**
 * One page of an access pattern without a filter: at most `limit` items and the cursor of the next page
 * (null at the end).
 */
export async function queryPage<T>(
  doc: Doc,
  tableName: string,
  p: AccessPattern,
  limit: number,
  cursor: string | undefined,
  extras: QueryExtras = {},
): Promise<{ items: T[]; nextCursor: string | null }> {
  const out = await doc.send(
    new QueryCommand(
      queryOf(tableName, p, { ...extras, Limit: limit, ExclusiveStartKey: startOf(p, cursor) }),
    ),
  );
  return {
    items: (out.Items ?? []).map((i) => withoutKeys<T>(i)),
    nextCursor: encodeCursor(out.LastEvaluatedKey),
  };
}
