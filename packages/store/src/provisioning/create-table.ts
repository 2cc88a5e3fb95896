import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  type TableDescription,
  TagResourceCommand,
  UpdateContinuousBackupsCommand,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";
import type { TableDefinition } from "../table-definition.ts";

const attr = (AttributeName: string) => ({ AttributeName, AttributeType: "S" as const });

/** CreateTable input from the shared definition. */
export function createTableInput(tableName: string, def: TableDefinition, tags: Record<string, string> = {}) {
  const keyNames = new Set([def.keys.partitionKey, def.keys.sortKey]);
  for (const k of Object.values(def.indexes)) keyNames.add(k.partitionKey).add(k.sortKey);
  return {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST" as const,
    KeySchema: [
      { AttributeName: def.keys.partitionKey, KeyType: "HASH" as const },
      { AttributeName: def.keys.sortKey, KeyType: "RANGE" as const },
    ],
    AttributeDefinitions: [...keyNames].map(attr),
    GlobalSecondaryIndexes: Object.entries(def.indexes).map(([IndexName, k]) => ({
      IndexName,
      KeySchema: [
        { AttributeName: k.partitionKey, KeyType: "HASH" as const },
        { AttributeName: k.sortKey, KeyType: "RANGE" as const },
      ],
      Projection: { ProjectionType: "ALL" as const },
    })),
    StreamSpecification: def.streams
      ? { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" as const }
      : undefined,
    SSESpecification: { Enabled: true },
    DeletionProtectionEnabled: def.deletionProtection,
    Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Create the table if it does not exist (a retry finds it and goes on), then wait until ACTIVE.
 * Returns the description of the active table.
 */
export async function ensureTable(
  client: DynamoDBClient,
  tableName: string,
  def: TableDefinition,
  tags: Record<string, string> = {},
  timeoutMs = 120_000,
): Promise<TableDescription> {
  try {
    await client.send(new CreateTableCommand(createTableInput(tableName, def, tags)));
  } catch (e) {
    if (!(e instanceof Error && e.name === "ResourceInUseException")) throw e;
  }
  const deadline = Date.now() + timeoutMs;
  for (let wait = 200; ; wait = Math.min(wait * 2, 3000)) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === "ACTIVE") return Table;
    if (Date.now() > deadline) throw new Error(`table ${tableName} not active after ${timeoutMs} ms`);
    await sleep(wait);
  }
}

const unsupportedLocally = (e: unknown) => e instanceof Error && e.name === "UnknownOperationException";

/**
 * What CreateTable cannot set in one call: TTL, point-in-time recovery, tags (re-applied so a
 * retry converges). DynamoDB Local lacks PITR and tagging; those steps are skipped there only.
 */
export async function configureTable(
  client: DynamoDBClient,
  table: TableDescription,
  def: TableDefinition,
  tags: Record<string, string> = {},
): Promise<void> {
  const TableName = table.TableName!;
  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName }));
  const ttlStatus = ttl.TimeToLiveDescription?.TimeToLiveStatus;
  if (ttlStatus !== "ENABLED" && ttlStatus !== "ENABLING") {
    try {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName,
          TimeToLiveSpecification: { Enabled: true, AttributeName: def.ttlAttribute },
        }),
      );
    } catch (e) {
      // Two provisioning attempts racing: the other one enabled it between our read and our write.
      if (!(e instanceof Error && e.name === "ValidationException" && /already enabled/i.test(e.message)))
        throw e;
    }
  }
  try {
    if (def.pointInTimeRecovery) {
      await client.send(
        new UpdateContinuousBackupsCommand({
          TableName,
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        }),
      );
    }
    if (Object.keys(tags).length > 0) {
      await client.send(
        new TagResourceCommand({
          ResourceArn: table.TableArn!,
          Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
        }),
      );
    }
  } catch (e) {
    if (!unsupportedLocally(e)) throw e;
  }
}
