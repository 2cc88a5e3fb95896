import { GetCommand, QueryCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { Unavailable, type Unit } from "@weiquan/domain";
import { cancellationReasons, isTransactionCanceled } from "../client.ts";
import { pause } from "../deadline.ts";
import { T, TQ, withoutKeys } from "../keys.ts";
import { queryOf, queryPages } from "../query.ts";
import type { TenantTable } from "../tenant-access.ts";
import { putIf } from "../writes.ts";

/** A unit as stored: `path` is the chain of ancestor ids down to itself ("root/office/station"). */
export interface UnitRecord extends Unit {
  path: string;
  /** Bumped whenever a child is created under or moved under the unit; a move checks it (see moveSubtree). */
  childRev?: number;
}

/** One unit of a moving subtree: its new record and the version and childRev it was read at. */
export interface UnitMove {
  next: UnitRecord;
  expectedVersion: number;
  expectedChildRev: number | undefined;
}

export class UnitsRepository {
  constructor(private readonly t: TenantTable) {}

  /** Writes a new unit; false if one with this id exists (so seeding and provisioning can retry). */
  async createIfAbsent(u: UnitRecord): Promise<boolean> {
    return putIf(this.t.doc, this.t.tableName, this.item(u), "attribute_not_exists(PK)");
  }

  /** Replaces the unit if it is still at `expectedVersion`; false on a stale version. */
  async replace(u: UnitRecord, expectedVersion: number): Promise<boolean> {
    // childRev is written back as read: a child created meanwhile must not have its mark undone.
    if (u.childRev === undefined)
      return putIf(
        this.t.doc,
        this.t.tableName,
        this.item(u),
        "version = :v AND attribute_not_exists(childRev)",
        {
          ":v": expectedVersion,
        },
      );
    return putIf(this.t.doc, this.t.tableName, this.item(u), "version = :v AND childRev = :c", {
      ":v": expectedVersion,
      ":c": u.childRev,
    });
  }

  /**
   * Creates a unit under `parent` in one transaction that also checks the parent is still at the path the
   * caller read and bumps its childRev, so a concurrent move of the parent's subtree either includes the new
   * child or fails. False if the parent moved meanwhile (or the id exists).
   */
  async createChild(u: UnitRecord, parent: UnitRecord): Promise<boolean> {
    return this.transact([
      {
        Put: {
          TableName: this.t.tableName,
          Item: this.item(u),
          ConditionExpression: "attribute_not_exists(PK)",
        },
      },
      this.gainChild(parent),
    ]);
  }

  /**
   * Moves a subtree in one transaction (at most 100 items: the units plus the new parent): every unit is
   * rewritten with its new path only if it is still at the version and childRev it was read at (a concurrent
   * edit, create below it or move fails the whole move), and the new parent must still be at its path.
   * So a failure never leaves a half-moved subtree. False when any condition failed.
   */
  async moveSubtree(units: UnitMove[], parent: UnitRecord): Promise<boolean> {
    return this.transact([
      ...units.map(({ next, expectedVersion, expectedChildRev }) => ({
        Put: {
          TableName: this.t.tableName,
          Item: this.item(next),
          ConditionExpression:
            expectedChildRev === undefined
              ? "version = :v AND attribute_not_exists(childRev)"
              : "version = :v AND childRev = :c",
          ExpressionAttributeValues:
            expectedChildRev === undefined
              ? { ":v": expectedVersion }
              : { ":v": expectedVersion, ":c": expectedChildRev },
        },
      })),
      this.gainChild(parent),
    ]);
  }

  private gainChild = (parent: UnitRecord) => ({
    Update: {
      TableName: this.t.tableName,
      Key: T.unit(parent.id),
      UpdateExpression: "ADD childRev :one",
      ConditionExpression: "#path = :path",
      ExpressionAttributeNames: { "#path": "path" },
      ExpressionAttributeValues: { ":one": 1, ":path": parent.path },
    },
  });

  /**
   * True if written, false if a condition failed. Two creates under one parent touch the parent in both
   * transactions; DynamoDB cancels one with TransactionConflict (no condition failed), which is retried.
   */
  private async transact(items: NonNullable<TransactWriteCommand["input"]["TransactItems"]>) {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.t.doc.send(new TransactWriteCommand({ TransactItems: items }));
        return true;
      } catch (e) {
        if (!isTransactionCanceled(e)) throw e;
        const reasons = cancellationReasons(e);
        if (reasons.includes("ConditionalCheckFailed") || !reasons.includes("TransactionConflict"))
          return false;
        if (attempt >= 4) throw Unavailable("单位正被同时修改，请稍后重试");
        await pause(20 * 2 ** attempt + Math.random() * 20);
      }
    }
  }

  private item = (u: UnitRecord) => ({ ...T.unit(u.id), ...T.unitIndex(u.path), ...u });

  async get(id: string): Promise<UnitRecord | null> {
    const out = await this.t.doc.send(
      new GetCommand({ TableName: this.t.tableName, Key: T.unit(id), ConsistentRead: true }),
    );
    return out.Item ? withoutKeys<UnitRecord>(out.Item) : null;
  }

  /** The tenant's root unit (the bureau): its path is the shortest, so it sorts first in the tree index. */
  async root(): Promise<UnitRecord | null> {
    const out = await this.t.doc.send(
      new QueryCommand(queryOf(this.t.tableName, TQ.unitsByPath(), { Limit: 1 })),
    );
    const first = out.Items?.[0];
    return first ? withoutKeys<UnitRecord>(first) : null;
  }

  /** Every unit whose path starts with `pathPrefix` (the whole tenant when omitted), in tree order. */
  async listByPath(pathPrefix?: string): Promise<UnitRecord[]> {
    const items: UnitRecord[] = [];
    for await (const page of queryPages(this.t.doc, queryOf(this.t.tableName, TQ.unitsByPath(pathPrefix)))) {
      for (const i of page.Items ?? []) items.push(withoutKeys<UnitRecord>(i));
    }
    return items;
  }
}
