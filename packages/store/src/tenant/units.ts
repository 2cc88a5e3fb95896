import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { Unit } from "@weiquan/domain";
import { T, withoutKeys } from "../keys.ts";
import type { TenantTable } from "../tenant-access.ts";
import { putIf } from "../writes.ts";

/** A unit as stored: `path` is the chain of ancestor ids down to itself ("root/office/station"). */
export interface UnitRecord extends Unit {
  path: string;
}

export class UnitsRepository {
  constructor(private readonly t: TenantTable) {}

  /** Writes a new unit; false if one with this id exists (so seeding and provisioning can retry). */
  async createIfAbsent(u: UnitRecord): Promise<boolean> {
    return putIf(this.t.doc, this.t.tableName, this.item(u), "attribute_not_exists(PK)");
  }

  /** Replaces the unit if it is still at `expectedVersion`; false on a stale version. */
  async replace(u: UnitRecord, expectedVersion: number): Promise<boolean> {
    return putIf(this.t.doc, this.t.tableName, this.item(u), "version = :v", { ":v": expectedVersion });
  }

  private item = (u: UnitRecord) => ({ ...T.unit(u.id), ...T.unitIndex(u.path), ...u });

  async get(id: string): Promise<UnitRecord | null> {
    const out = await this.t.doc.send(
      new GetCommand({ TableName: this.t.tableName, Key: T.unit(id), ConsistentRead: true }),
    );
    return out.Item ? withoutKeys<UnitRecord>(out.Item) : null;
  }

  /** Every unit whose path starts with `pathPrefix` (the whole tenant when omitted), in tree order. */
  async listByPath(pathPrefix?: string): Promise<UnitRecord[]> {
    const items: UnitRecord[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.t.doc.send(
        new QueryCommand({
          TableName: this.t.tableName,
          IndexName: "GSI1",
          KeyConditionExpression: pathPrefix ? "GSI1PK = :pk AND begins_with(GSI1SK, :p)" : "GSI1PK = :pk",
          ExpressionAttributeValues: pathPrefix ? { ":pk": "UNITS", ":p": pathPrefix } : { ":pk": "UNITS" },
          ExclusiveStartKey: start,
        }),
      );
      for (const i of out.Items ?? []) items.push(withoutKeys<UnitRecord>(i));
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  }
}
