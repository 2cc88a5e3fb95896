import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { belowPrefix, type FollowUpRecord } from "@weiquan/domain";
import { T, TQ, withoutKeys } from "../../keys.ts";
import type { TenantTable } from "../../tenant-access.ts";
import { putIf, type TransactItem } from "../../writes.ts";
import { indexPage } from "./paged.ts";

/** Follow-ups a unit owes after an unsatisfied verified callback, indexed by status and the unit's path. */
export class FollowUpsRepository {
  constructor(private readonly t: TenantTable) {}

  private item(f: FollowUpRecord) {
    return { ...T.followUp(f.id), ...T.followUpIndex(f.status, f.unitPath, f.openedAt, f.id), ...f };
  }

  /** The put of a new follow-up (in the callback's transaction). */
  create(f: FollowUpRecord): TransactItem {
    return {
      Put: {
        TableName: this.t.tableName,
        Item: this.item(f),
        ConditionExpression: "attribute_not_exists(PK)",
      },
    };
  }

  async get(id: string): Promise<FollowUpRecord | null> {
    const out = await this.t.doc.send(
      new GetCommand({ TableName: this.t.tableName, Key: T.followUp(id), ConsistentRead: true }),
    );
    return out.Item ? withoutKeys<FollowUpRecord>(out.Item) : null;
  }

  /** Replaces a follow-up still at `expectedVersion`; false on a stale version. */
  async replace(f: FollowUpRecord, expectedVersion: number): Promise<boolean> {
    return putIf(this.t.doc, this.t.tableName, this.item(f), "version = :v", { ":v": expectedVersion });
  }

  /** A page of the follow-ups of a status owed by the unit at `unitPath` and the units below it. */
  list(status: string, unitPath: string, limit: number, cursor?: string) {
    return indexPage<FollowUpRecord>(this.t, TQ.followUps(status, belowPrefix(unitPath)), {
      newestFirst: true,
      limit,
      cursor,
    });
  }
}
