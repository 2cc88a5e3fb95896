import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { encodeCursor } from "../../cursor.ts";
import { type AccessPattern, withoutKeys } from "../../keys.ts";
import { queryOf, startOf } from "../../query.ts";
import type { TenantTable } from "../../tenant-access.ts";

/**
 * One bounded page of an index partition, optionally within a sort-key prefix (a unit's subtree): at most
 * `limit` items and a cursor, never a loop to the end.
 */
export async function indexPage<R>(
  t: TenantTable,
  p: AccessPattern,
  q: {
    /** Only items whose `unitPath` is in this subtree (a filter: a page may hold fewer than `limit`). */
    inSubtreeOf?: string;
    newestFirst?: boolean;
    limit: number;
    cursor?: string;
  },
): Promise<{ items: R[]; nextCursor: string | null }> {
  const out = await t.doc.send(
    new QueryCommand(
      queryOf(t.tableName, p, {
        ...(q.inSubtreeOf && {
          FilterExpression: "unitPath = :unit OR begins_with(unitPath, :below)",
          ExpressionAttributeValues: { ":unit": q.inSubtreeOf, ":below": `${q.inSubtreeOf}/` },
        }),
        ScanIndexForward: !q.newestFirst,
        Limit: q.limit,
        ExclusiveStartKey: startOf(p, q.cursor),
      }),
    ),
  );
  return {
    items: (out.Items ?? []).map((i) => withoutKeys<R>(i)),
    nextCursor: encodeCursor(out.LastEvaluatedKey),
  };
}
