import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { T, withoutKeys } from "../keys.ts";
import type { TenantTable } from "../tenant-access.ts";
import { putIf } from "../writes.ts";

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
    const item = { ...T.settings(), ...s };
    if (s.version === 1) return putIf(this.t.doc, this.t.tableName, item, "attribute_not_exists(PK)");
    return putIf(this.t.doc, this.t.tableName, item, "version = :prev", { ":prev": s.version - 1 });
  }
}
