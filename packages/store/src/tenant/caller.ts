import { BatchGetCommand } from "@aws-sdk/lib-dynamodb";
import { T, withoutKeys } from "../keys.ts";
import type { TenantTable } from "../tenant-access.ts";
import type { UnitRecord } from "./units.ts";
import type { UserRecord } from "./users.ts";

/**
 * A signed-in caller's account and unit in one strongly consistent BatchGetItem (one round trip instead
 * of two in a row): what every authenticated request checks before its own work. Either is null when
 * absent. Keys DynamoDB leaves unprocessed (throttling) are asked again.
 */
export async function readUserAndUnit(
  t: TenantTable,
  userId: string,
  unitId: string,
): Promise<{ user: UserRecord | null; unit: UnitRecord | null }> {
  let user: UserRecord | null = null;
  let unit: UnitRecord | null = null;
  let keys: Record<string, unknown>[] = [T.user(userId), T.unit(unitId)];
  for (let attempt = 0; keys.length; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(400, 20 * 2 ** attempt)));
    const out = await t.doc.send(
      new BatchGetCommand({ RequestItems: { [t.tableName]: { Keys: keys, ConsistentRead: true } } }),
    );
    for (const item of out.Responses?.[t.tableName] ?? []) {
      // Ids are unique across kinds (ULIDs): the account is the item with its id.
      if (item.id === userId) user = withoutKeys<UserRecord>(item);
      else if (item.id === unitId) unit = withoutKeys<UnitRecord>(item);
    }
    keys = out.UnprocessedKeys?.[t.tableName]?.Keys ?? [];
  }
  return { user, unit };
}
