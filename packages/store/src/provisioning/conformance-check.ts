import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  ListTagsOfResourceCommand,
  TagResourceCommand,
  UpdateContinuousBackupsCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";
import type { TenantRecord, TenantsRepository } from "../control/tenants.ts";
import { type TableDefinition, tenantTableDefinition } from "../table-definition.ts";
import { type Conformance, compareTable, type Drift, type DriftFix, type TableState } from "./conformance.ts";
import { createTableInput } from "./create-table.ts";
import { tenantTableTags } from "./provision-tenant.ts";

const named = (e: unknown, ...names: string[]) => e instanceof Error && names.includes(e.name);
const unsupportedLocally = (e: unknown) => named(e, "UnknownOperationException");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** DynamoDB's account of a table, or null when it does not exist. */
export async function readTableState(client: DynamoDBClient, TableName: string): Promise<TableState | null> {
  let table: TableState["table"];
  try {
    table = (await client.send(new DescribeTableCommand({ TableName }))).Table!;
  } catch (e) {
    if (named(e, "ResourceNotFoundException")) return null;
    throw e;
  }
  const ttl = (await client.send(new DescribeTimeToLiveCommand({ TableName }))).TimeToLiveDescription;
  let pointInTimeRecovery: boolean | null = null;
  let tags: Record<string, string> | null = null;
  try {
    const backups = await client.send(new DescribeContinuousBackupsCommand({ TableName }));
    const pitr = backups.ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
    pointInTimeRecovery = pitr?.PointInTimeRecoveryStatus === "ENABLED";
  } catch (e) {
    if (!unsupportedLocally(e)) throw e;
  }
  try {
    tags = {};
    // A table carries at most 50 tags; ten pages is far beyond that.
    let NextToken: string | undefined;
    for (let page = 0; page < 10; page++) {
      const out = await client.send(
        new ListTagsOfResourceCommand({ ResourceArn: table.TableArn, NextToken }),
      );
      for (const t of out.Tags ?? []) if (t.Key) tags[t.Key] = t.Value ?? "";
      NextToken = out.NextToken;
      if (!NextToken) break;
    }
  } catch (e) {
    if (!unsupportedLocally(e)) throw e;
    tags = null;
  }
  return {
    table,
    pointInTimeRecovery,
    ttl: { status: ttl?.TimeToLiveStatus ?? "DISABLED", attribute: ttl?.AttributeName ?? null },
    tags,
    // DynamoDB Local is the one that lacks backups; it never describes encryption either.
    encryptionReported: pointInTimeRecovery !== null,
  };
}

/** Waits until the table and its indexes are ACTIVE: DynamoDB takes one table change at a time. */
async function settled(client: DynamoDBClient, TableName: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let wait = 200; ; wait = Math.min(wait * 2, 5000)) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName }));
    const indexes = Table?.GlobalSecondaryIndexes ?? [];
    if (Table?.TableStatus === "ACTIVE" && indexes.every((i) => i.IndexStatus === "ACTIVE")) return;
    if (Date.now() > deadline) throw new Error(`table ${TableName} still changing after ${timeoutMs} ms`);
    await sleep(wait);
  }
}

/** The one call that puts a fixable drift right; applying it to a table already right changes nothing. */
async function applyFix(
  client: DynamoDBClient,
  state: TableState,
  fix: DriftFix,
  def: TableDefinition,
): Promise<void> {
  const TableName = state.table.TableName!;
  switch (fix.kind) {
    case "createIndex": {
      const full = createTableInput(TableName, def);
      const index = full.GlobalSecondaryIndexes.find((i) => i.IndexName === fix.index)!;
      const names = new Set(index.KeySchema.map((k) => k.AttributeName));
      await client.send(
        new UpdateTableCommand({
          TableName,
          AttributeDefinitions: full.AttributeDefinitions.filter((a) => names.has(a.AttributeName)),
          GlobalSecondaryIndexUpdates: [{ Create: index }],
        }),
      );
      return;
    }
    case "billing":
      await client.send(new UpdateTableCommand({ TableName, BillingMode: "PAY_PER_REQUEST" }));
      return;
    case "sse":
      await client.send(
        new UpdateTableCommand({ TableName, SSESpecification: { Enabled: true, SSEType: "KMS" } }),
      );
      return;
    case "streams":
      await client.send(
        new UpdateTableCommand({
          TableName,
          StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" },
        }),
      );
      return;
    case "deletionProtection":
      await client.send(
        new UpdateTableCommand({ TableName, DeletionProtectionEnabled: def.deletionProtection }),
      );
      return;
    case "pointInTimeRecovery":
      await client.send(
        new UpdateContinuousBackupsCommand({
          TableName,
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        }),
      );
      return;
    case "ttl":
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName,
          TimeToLiveSpecification: { Enabled: true, AttributeName: def.ttlAttribute },
        }),
      );
      return;
    case "tags":
      await client.send(
        new TagResourceCommand({
          ResourceArn: state.table.TableArn!,
          Tags: Object.entries(fix.tags).map(([Key, Value]) => ({ Key, Value })),
        }),
      );
      return;
  }
}

/** Applies every fixable drift, one table change at a time; returns the drifts it fixed. */
export async function fixDrifts(
  client: DynamoDBClient,
  state: TableState,
  drifts: Drift[],
  def: TableDefinition,
  timeoutMs = 600_000,
): Promise<Drift[]> {
  const fixed: Drift[] = [];
  for (const drift of drifts) {
    if (!drift.fix) continue;
    await settled(client, state.table.TableName!, timeoutMs);
    await applyFix(client, state, drift.fix, def);
    fixed.push(drift);
  }
  return fixed;
}

export interface TenantConformance extends Conformance {
  tenantId: string;
  countyCode: string;
  tableName: string;
  /** The table does not exist (report only: onboarding or deletion did not finish). */
  missing: boolean;
  /** Drifts this run put right (`--fix`); listed in `drifts` too. */
  fixed: Drift[];
  /** The check of this tenant failed (access denied, throttled…); the others go on. */
  error: string | null;
}

/** One tenant's table against the tenant-table definition, fixed in place when asked. */
export async function checkTenantTable(
  client: DynamoDBClient,
  tenant: Pick<TenantRecord, "id" | "countyCode" | "tableName">,
  fix: boolean,
): Promise<TenantConformance> {
  const base = { tenantId: tenant.id, countyCode: tenant.countyCode, tableName: tenant.tableName };
  const empty = { ...base, drifts: [], unchecked: [], missing: false, fixed: [], error: null };
  let result: Conformance | undefined;
  try {
    const state = await readTableState(client, tenant.tableName);
    if (!state) return { ...empty, missing: true };
    result = compareTable(state, tenantTableDefinition, tenantTableTags(tenant));
    const fixed = fix ? await fixDrifts(client, state, result.drifts, tenantTableDefinition) : [];
    return { ...empty, ...result, fixed };
  } catch (e) {
    // A fix that failed half-way: the drifts found are still reported (none counted as fixed).
    return { ...empty, ...result, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

export interface ConformanceRun {
  client: DynamoDBClient;
  tenants: TenantsRepository;
  fix: boolean;
  /** Tenants read from the control table per page (the tenant index; never a Scan). */
  pageSize?: number;
  /** Tables checked at once. */
  concurrency?: number;
}

/**
 * Walks the control plane's tenant list page by page and checks the table of each active or suspended
 * tenant (a suspended county keeps its data); provisioning and offboarded tenants have no settled table.
 */
export async function checkTenantTables(run: ConformanceRun): Promise<TenantConformance[]> {
  const results: TenantConformance[] = [];
  let cursor: string | undefined;
  do {
    const page = await run.tenants.list(run.pageSize ?? 100, cursor);
    const due = page.items.filter(
      (t) => t.status === "active" || (t.status === "suspended" && !t.deletingAt),
    );
    const width = run.concurrency ?? 4;
    for (let i = 0; i < due.length; i += width) {
      const batch = due.slice(i, i + width);
      results.push(...(await Promise.all(batch.map((t) => checkTenantTable(run.client, t, run.fix)))));
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return results;
}

/** Drift that a run leaves behind: everything not fixed, plus missing tables and failed checks. */
export const remainingDrift = (r: TenantConformance) =>
  r.missing || r.error !== null || r.drifts.length > r.fixed.length;
