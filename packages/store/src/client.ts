import { DynamoDBClient, type DynamoDBClientConfig } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

export type Doc = DynamoDBDocumentClient;

/** A document client over a low-level client; undefined attributes are dropped, never stored as NULL. */
export function documentClient(client: DynamoDBClient): Doc {
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

/** Client for DynamoDB Local: any credentials work, IAM is not checked there. */
export function localDynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: "local",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    maxAttempts: 3,
  });
}

export function awsDynamoClient(config: DynamoDBClientConfig = {}): DynamoDBClient {
  return new DynamoDBClient({ maxAttempts: 4, ...config });
}

/** True when a write failed only because its condition did not hold. */
export const isConditionFailure = (e: unknown) =>
  e instanceof Error && e.name === "ConditionalCheckFailedException";

export const isTransactionCanceled = (e: unknown) =>
  e instanceof Error && e.name === "TransactionCanceledException";

/** Reasons of a cancelled transaction, one per item, e.g. ["None", "ConditionalCheckFailed"]. */
export function cancellationReasons(e: unknown): string[] {
  const reasons = (e as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.map((r) => r.Code ?? "None");
}
