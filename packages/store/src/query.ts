import { QueryCommand, type QueryCommandInput, type QueryCommandOutput } from "@aws-sdk/lib-dynamodb";
import type { Doc } from "./client.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import { withoutKeys } from "./keys.ts";

/** Every page of a query, following LastEvaluatedKey until the result set ends. */
export async function* queryPages(doc: Doc, input: QueryCommandInput): AsyncGenerator<QueryCommandOutput> {
  let start = input.ExclusiveStartKey;
  do {
    const page = await doc.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    yield page;
    start = page.LastEvaluatedKey;
  } while (start);
}

/**
 * One page of a query without a filter: at most `limit` items and the cursor of the next page (null at
 * the end). The cursor is the last evaluated key; one naming other key attributes is a 400.
 */
export async function queryPage<T>(
  doc: Doc,
  input: QueryCommandInput,
  limit: number,
  cursor: string | undefined,
  keyNames: readonly string[],
): Promise<{ items: T[]; nextCursor: string | null }> {
  const out = await doc.send(
    new QueryCommand({ ...input, Limit: limit, ExclusiveStartKey: decodeCursor(cursor, keyNames) }),
  );
  return {
    items: (out.Items ?? []).map((i) => withoutKeys<T>(i)),
    nextCursor: encodeCursor(out.LastEvaluatedKey),
  };
}
