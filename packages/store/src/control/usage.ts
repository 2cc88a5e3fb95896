import { DescribeTableCommand, type DescribeTableCommandOutput } from "@aws-sdk/client-dynamodb";
import { shanghaiMonth, type TenantUsage } from "@weiquan/domain";
import { type AccessPattern, TQ } from "../keys.ts";
import { queryOf, queryPages } from "../query.ts";
import { RollupsRepository } from "../tenant/rollups.ts";
import type { TenantTable } from "../tenant-access.ts";

/** Every item of one partition, only the named attributes (one paged query). */
async function partitionOf(t: TenantTable, p: AccessPattern, attributes: string[]) {
  const names = Object.fromEntries(attributes.map((a, i) => [`#a${i}`, a]));
  const out: Record<string, unknown>[] = [];
  for await (const page of queryPages(
    t.doc,
    queryOf(t.tableName, p, {
      ProjectionExpression: Object.keys(names).join(", "),
      ExpressionAttributeNames: names,
    }),
  )) {
    out.push(...(page.Items ?? []));
  }
  return out;
}

/**
 * DynamoDB's own item count and size of the table (refreshed by AWS about every six hours; DynamoDB
 * Local answers live). Null when the caller may not describe the table.
 */
async function describe(t: TenantTable): Promise<{ itemCount: number | null; sizeBytes: number | null }> {
  try {
    // The document client passes a low-level command through unchanged (it shares the middleware stack).
    const send = t.doc.send.bind(t.doc) as unknown as (
      c: DescribeTableCommand,
    ) => Promise<DescribeTableCommandOutput>;
    const out = await send(new DescribeTableCommand({ TableName: t.tableName }));
    return { itemCount: out.Table?.ItemCount ?? null, sizeBytes: out.Table?.TableSizeBytes ?? null };
  } catch (e) {
    if (
      e instanceof Error &&
      (e.name === "AccessDeniedException" || e.name === "ResourceNotFoundException")
    ) {
      return { itemCount: null, sizeBytes: null };
    }
    throw e;
  }
}

/**
 * A tenant's usage figures at a bounded cost, whatever its number of cases: the root unit's rollup
 * partition (one query, one item per month with cases), the units (one query on the unit index, two
 * attributes each), the users (one query, one attribute each) and DescribeTable — run in parallel.
 * Cases are never read: total and open come from the rollup's `received` and `closed` counters.
 */
export async function tenantUsage(t: TenantTable, rootUnitId: string, now: Date): Promise<TenantUsage> {
  const month = shanghaiMonth(now);
  const [months, units, users, table] = await Promise.all([
    new RollupsRepository(t).months(rootUnitId, "0000-01", "9999-12"),
    partitionOf(t, TQ.unitsByPath(), ["type", "status"]),
    partitionOf(t, TQ.users(), ["disabled"]),
    describe(t),
  ]);

  let received = 0;
  let closed = 0;
  let receivedThisMonth = 0;
  for (const m of months) {
    received += m.counters.received ?? 0;
    closed += m.counters.closed ?? 0;
    if (m.month === month) receivedThisMonth = m.counters.received ?? 0;
  }

  const byType: Record<string, Record<string, number>> = {};
  for (const u of units) {
    const type = String(u.type);
    const status = String(u.status);
    byType[type] = { ...byType[type], [status]: (byType[type]?.[status] ?? 0) + 1 };
  }

  return {
    units: { total: units.length, byType },
    users: { total: users.length, disabled: users.filter((u) => u.disabled === true).length },
    cases: { total: received, open: Math.max(0, received - closed), month, receivedThisMonth },
    table,
    measuredAt: now.toISOString(),
  };
}
