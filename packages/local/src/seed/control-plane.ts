import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { newId } from "@weiquan/domain";
import { type AppDeps, hashPassword } from "@weiquan/fn-api";
import { controlTableDefinition, ensureTable } from "@weiquan/store";

/**
 * Local bootstrap of the control plane: the control table (CDK makes it in AWS) from the shared
 * definition, and one platform operator. Idempotent.
 */
export async function bootstrapControlPlane(
  deps: AppDeps,
  client: DynamoDBClient,
  operator: { username: string; displayName: string; password: string },
): Promise<{ operatorCreated: boolean }> {
  await ensureTable(client, deps.control.tableName, controlTableDefinition);
  const existing = await deps.control.platformUsers.get(operator.username);
  if (existing) return { operatorCreated: false };
  const operatorCreated = await deps.control.platformUsers.createIfAbsent({
    id: newId(),
    username: operator.username,
    displayName: operator.displayName,
    role: "platform_admin",
    passwordHash: await hashPassword(operator.password),
    disabled: false,
    createdAt: deps.now().toISOString(),
  });
  return { operatorCreated };
}
