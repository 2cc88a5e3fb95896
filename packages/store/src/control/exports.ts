import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { TenantExport } from "@weiquan/domain";
import { type Doc, isConditionFailure } from "../client.ts";
import { encodeCursor } from "../cursor.ts";
import { C, CQ, withoutKeys } from "../keys.ts";
import { queryOf, startOf } from "../query.ts";

export type ExportRecord = TenantExport;

/** The result of a finished export run. */
export interface ExportOutcome {
  itemCount: number;
  bytes: number;
  sha256: string;
}

/**
 * Tenant exports in the control table, in the tenant's partition (`TENANT#{id}` / `EXPORT#{ulid}`), so
 * they outlive the tenant's table and a tenant's list is one query. Status only moves forward:
 * `running` → `completed` | `failed`; a retried run of a finished export changes nothing.
 */
export class ExportsRepository {
  constructor(
    private readonly doc: Doc,
    private readonly tableName: string,
  ) {}

  async create(e: ExportRecord): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...C.tenantExport(e.tenantId, e.exportId), kind: "export", ...e },
        ConditionExpression: "attribute_not_exists(PK)",
      }),
    );
  }

  async get(tenantId: string, exportId: string): Promise<ExportRecord | null> {
    const out = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: C.tenantExport(tenantId, exportId),
        ConsistentRead: true,
      }),
    );
    return out.Item ? view(out.Item) : null;
  }

  /** Newest first. */
  async list(
    tenantId: string,
    limit: number,
    cursor?: string,
  ): Promise<{ items: ExportRecord[]; nextCursor: string | null }> {
    const p = CQ.tenantExports(tenantId);
    const out = await this.doc.send(
      new QueryCommand(
        queryOf(this.tableName, p, {
          ScanIndexForward: false,
          Limit: limit,
          ConsistentRead: true,
          ExclusiveStartKey: startOf(p, cursor),
        }),
      ),
    );
    return { items: (out.Items ?? []).map(view), nextCursor: encodeCursor(out.LastEvaluatedKey) };
  }

  /** The newest completed export started at or after `since` (ISO instant), if any. */
  async latestCompletedSince(tenantId: string, since: string): Promise<ExportRecord | null> {
    let cursor: string | undefined;
    // Newest first, stopping at the first export older than `since`: a handful of items at most.
    for (;;) {
      const page = await this.list(tenantId, 25, cursor);
      for (const e of page.items) {
        if (e.startedAt < since) return null;
        if (e.status === "completed") return e;
      }
      if (!page.nextCursor) return null;
      cursor = page.nextCursor;
    }
  }

  /** running → completed; false when the export was not running (finished already). */
  async complete(tenantId: string, exportId: string, out: ExportOutcome, now: string): Promise<boolean> {
    return this.finish(tenantId, exportId, "completed", now, {
      ":n": out.itemCount,
      ":b": out.bytes,
      ":h": out.sha256,
    });
  }

  /** running → failed, with the reason; false when the export was not running. */
  async fail(tenantId: string, exportId: string, message: string, now: string): Promise<boolean> {
    return this.finish(tenantId, exportId, "failed", now, { ":err": message.slice(0, 500) });
  }

  private async finish(
    tenantId: string,
    exportId: string,
    status: "completed" | "failed",
    now: string,
    values: Record<string, unknown>,
  ): Promise<boolean> {
    const sets = status === "completed" ? "itemCount = :n, bytes = :b, sha256 = :h" : "#err = :err";
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: C.tenantExport(tenantId, exportId),
          UpdateExpression: `SET #s = :to, completedAt = :now, ${sets}`,
          ConditionExpression: "#s = :running",
          ExpressionAttributeNames: { "#s": "status", ...(status === "failed" ? { "#err": "error" } : {}) },
          ExpressionAttributeValues: { ":to": status, ":now": now, ":running": "running", ...values },
        }),
      );
      return true;
    } catch (e) {
      if (isConditionFailure(e)) return false;
      throw e;
    }
  }
}

function view(item: Record<string, unknown>): ExportRecord {
  const { kind: _kind, ...rest } = withoutKeys<ExportRecord & { kind: string }>(item);
  return rest;
}
