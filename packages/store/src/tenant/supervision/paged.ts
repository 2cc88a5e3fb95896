import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { decodeCursor, encodeCursor } from "../../cursor.ts";
import { withoutKeys } from "../../keys.ts";
import type { TenantTable } from "../../tenant-access.ts";

/**
 * One bounded page of an index partition, optionally within a sort-key prefix (a unit's subtree): at most
 * `limit` items and a cursor, never a loop to the end.
 */
export async function indexPage<R>(
  t: TenantTable,
  q: {
    index: "GSI1" | "GSI2";
    pk: string;
    prefix?: string;
    /** Sort-key upper bound (exclusive), e.g. "due before now". */
    before?: string;
    /** Only items whose `unitPath` is in this subtree (a filter: a page may hold fewer than `limit`). */
    inSubtreeOf?: string;
    newestFirst?: boolean;
    limit: number;
    cursor?: string;
  },
): Promise<{ items: R[]; nextCursor: string | null }> {
  const pkName = `${q.index}PK`;
  const skName = `${q.index}SK`;
  const values: Record<string, unknown> = { ":pk": q.pk };
  let condition = `${pkName} = :pk`;
  if (q.prefix !== undefined) {
    values[":prefix"] = q.prefix;
    condition += ` AND begins_with(${skName}, :prefix)`;
  } else if (q.before !== undefined) {
    values[":before"] = q.before;
    condition += ` AND ${skName} < :before`;
  }
  if (q.inSubtreeOf) {
    values[":unit"] = q.inSubtreeOf;
    values[":below"] = `${q.inSubtreeOf}/`;
  }
  const out = await t.doc.send(
    new QueryCommand({
      TableName: t.tableName,
      IndexName: q.index,
      KeyConditionExpression: condition,
      ExpressionAttributeValues: values,
      FilterExpression: q.inSubtreeOf ? "unitPath = :unit OR begins_with(unitPath, :below)" : undefined,
      ScanIndexForward: !q.newestFirst,
      Limit: q.limit,
      ExclusiveStartKey: decodeCursor(q.cursor, ["PK", "SK", pkName, skName]),
    }),
  );
  return {
    items: (out.Items ?? []).map((i) => withoutKeys<R>(i)),
    nextCursor: encodeCursor(out.LastEvaluatedKey),
  };
}
