import {
  DeleteTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  type TableDescription,
  UpdateTableCommand,
} from "@aws-sdk/client-dynamodb";
import type { TenantsRepository } from "../control/tenants.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const named = (e: unknown, name: string) => e instanceof Error && e.name === name;

async function describeTable(client: DynamoDBClient, TableName: string): Promise<TableDescription | null> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName }))).Table ?? null;
  } catch (e) {
    if (named(e, "ResourceNotFoundException")) return null;
    throw e;
  }
}

/**
 * Deletes a table made with deletion protection: turns the protection off, waits until the table is
 * ACTIVE again, deletes it. Idempotent: a table already gone (or going) is done. In AWS, DynamoDB keeps
 * a system backup of a table with point-in-time recovery for 35 days after its deletion.
 */
export async function dropTable(
  client: DynamoDBClient,
  tableName: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let wait = 200; ; wait = Math.min(wait * 2, 2000)) {
    const table = await describeTable(client, tableName);
    if (!table || table.TableStatus === "DELETING") return;
    try {
      if (table.TableStatus === "ACTIVE") {
        if (table.DeletionProtectionEnabled) {
          await client.send(
            new UpdateTableCommand({ TableName: tableName, DeletionProtectionEnabled: false }),
          );
        } else {
          await client.send(new DeleteTableCommand({ TableName: tableName }));
          return;
        }
      }
    } catch (e) {
      if (named(e, "ResourceNotFoundException")) return;
      // Another change is under way (UPDATING): wait for it like for any other status.
      if (!named(e, "ResourceInUseException")) throw e;
    }
    if (Date.now() > deadline) throw new Error(`table ${tableName} not deleted after ${timeoutMs} ms`);
    await sleep(wait);
  }
}

/**
 * Drops a tenant's table, but only for a tenant whose deletion has begun (`deletingAt`): whoever asks,
 * the function that holds DeleteTable rights never drops a live tenant's table.
 */
export async function dropTenantTable(
  deps: { client: DynamoDBClient; tenants: TenantsRepository },
  tenantId: string,
): Promise<void> {
  const tenant = await deps.tenants.get(tenantId);
  if (!tenant) throw new Error(`tenant ${tenantId} does not exist`);
  if (tenant.status === "offboarded") return;
  if (tenant.status !== "suspended" || !tenant.deletingAt) {
    throw new Error(`tenant ${tenantId} is not being deleted (status ${tenant.status})`);
  }
  await dropTable(deps.client, tenant.tableName);
}
