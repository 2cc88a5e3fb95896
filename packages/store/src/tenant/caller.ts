import { BatchGetCommand } from "@aws-sdk/lib-dynamodb";
import { Unavailable } from "@weiquan/domain";
import { T, withoutKeys } from "../keys.ts";
import type { TenantTable } from "../tenant-access.ts";
import type { UnitRecord } from "./units.ts";
import type { UserRecord } from "./users.ts";

type Key = { PK: string; SK: string };

/** A caller's account and unit, and the further items read with them (by name; absent when not found). */
export interface CallerItems<A extends string = never> {
  user: UserRecord | null;
  unit: UnitRecord | null;
  also: Partial<Record<A, Record<string, unknown>>>;
}

/** Rounds of a BatchGetItem's unprocessed keys asked again before the read gives up (then 503). */
export const CALLER_READ_ATTEMPTS = 4;

/**
 * A signed-in caller's account and unit in one strongly consistent BatchGetItem (one round trip instead
 * of two in a row): what every authenticated request checks before its own work. Either is null when
 * absent. `also` names further items of the same table a route needs (its tenant's settings, say): they
 * come in the same round trip, by name, absent when not found. Keys DynamoDB leaves unprocessed
 * (throttling) are asked again, at most `CALLER_READ_ATTEMPTS` rounds in all; then 503 (Retry-After).
 */
export async function readUserAndUnit<A extends string = never>(
  t: TenantTable,
  userId: string,
  unitId: string | undefined,
  also: Readonly<Record<A, Key>> = {} as Record<A, Key>,
): Promise<CallerItems<A>> {
  let user: UserRecord | null = null;
  let unit: UnitRecord | null = null;
  const named = Object.entries(also) as [A, Key][];
  const found: Partial<Record<A, Record<string, unknown>>> = {};
  const nameOf = new Map(named.map(([name, k]) => [`${k.PK}\n${k.SK}`, name]));
  let keys: Record<string, unknown>[] = [
    T.user(userId),
    ...(unitId ? [T.unit(unitId)] : []),
    ...named.map(([, k]) => k),
  ];
  for (let attempt = 0; keys.length; attempt++) {
    if (attempt === CALLER_READ_ATTEMPTS) throw Unavailable("系统繁忙，请稍后重试", 1);
    if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(400, 20 * 2 ** attempt)));
    const out = await t.doc.send(
      new BatchGetCommand({ RequestItems: { [t.tableName]: { Keys: keys, ConsistentRead: true } } }),
    );
    for (const item of out.Responses?.[t.tableName] ?? []) {
      const name = nameOf.get(`${item.PK}\n${item.SK}`);
      if (name !== undefined) found[name] = withoutKeys(item);
      // Ids are unique across kinds (ULIDs): the account is the item with its id.
      else if (item.id === userId) user = withoutKeys<UserRecord>(item);
      else if (unitId && item.id === unitId) unit = withoutKeys<UnitRecord>(item);
    }
    keys = out.UnprocessedKeys?.[t.tableName]?.Keys ?? [];
  }
  return { user, unit, also: found };
}
