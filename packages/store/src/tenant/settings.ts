import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { isConditionFailure } from "../client.ts";
import { T, withoutKeys } from "../keys.ts";
import type { TenantTable } from "../tenant-access.ts";

/** One settings document per tenant, versioned like every mutable item. */
export class SettingsRepository {
  constructor(private readonly t: TenantTable) {}

  async get<S extends { version: number }>(): Promise<S | null> {
    const out = await this.t.doc.send(
      new GetCommand({ TableName: this.t.tableName, Key: T.settings(), ConsistentRead: true }),
    );
    return out.Item ? withoutKeys<S>(out.Item) : null;
  }

  /** Writes settings at `version`, if the stored one is `version - 1` (or absent for version 1). */
  async put<S extends { version: number }>(s: S): Promise<boolean> {
    try {
      await this.t.doc.send(
        new PutCommand({
          TableName: this.t.tableName,
          Item: { ...T.settings(), ...s },
          ConditionExpression: s.version === 1 ? "attribute_not_exists(PK)" : "version = :prev",
          ExpressionAttributeValues: s.version === 1 ? undefined : { ":prev": s.version - 1 },
        }),
      );
      return true;
    } catch (e) {
      if (isConditionFailure(e)) return false;
      throw e;
    }
  }
}
