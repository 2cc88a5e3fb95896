import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { T } from "../keys.ts";
import type { TenantTable } from "../tenant-access.ts";

export interface WindowCount {
  count: number;
  /** Seconds until the window ends. */
  resetIn: number;
}

/**
 * Fixed-window counters in the tenant's table: one item per bucket and window, counted with an atomic
 * ADD and removed by the table's TTL an hour after the window ends. One UpdateItem per check.
 */
export class RateLimitsRepository {
  /** A tenant's table, or the control table for limits across tenants (failed logins per source). */
  constructor(private readonly t: Pick<TenantTable, "doc" | "tableName">) {}

  /** Counts one more request in the current window of `bucket` (by `by`; 0 only reads). */
  async add(bucket: string, windowSeconds: number, nowMs: number, by = 1): Promise<WindowCount> {
    const now = Math.floor(nowMs / 1000);
    const start = now - (now % windowSeconds);
    const end = start + windowSeconds;
    const out = await this.t.doc.send(
      new UpdateCommand({
        TableName: this.t.tableName,
        Key: T.rateWindow(bucket, start),
        UpdateExpression: "ADD #n :by SET #ttl = if_not_exists(#ttl, :ttl)",
        ExpressionAttributeNames: { "#n": "n", "#ttl": "ttl" },
        ExpressionAttributeValues: { ":by": by, ":ttl": end + 3600 },
        ReturnValues: "UPDATED_NEW",
      }),
    );
    return { count: Number(out.Attributes?.n ?? 0), resetIn: Math.max(1, end - now) };
  }
}
