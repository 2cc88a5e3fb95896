import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Doc } from "./client.ts";

export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_SECONDS = 15 * 60;

/** Failed-login bookkeeping shared by tenant users and platform operators. */
export interface LoginState {
  failedLogins?: number;
  lockedUntil?: string;
}

/**
 * Count a failed login atomically; the LOCKOUT_THRESHOLD-th consecutive failure locks the account
 * for LOCKOUT_SECONDS. Returns the lock end when this failure locked it.
 */
export async function recordLoginFailure(
  doc: Doc,
  tableName: string,
  key: Record<string, string>,
  now: Date,
): Promise<string | null> {
  const out = await doc.send(
    new UpdateCommand({
      TableName: tableName,
      Key: key,
      UpdateExpression: "ADD failedLogins :one",
      ConditionExpression: "attribute_exists(PK)",
      ExpressionAttributeValues: { ":one": 1 },
      ReturnValues: "ALL_NEW",
    }),
  );
  if ((out.Attributes?.failedLogins ?? 0) < LOCKOUT_THRESHOLD) return null;
  const lockedUntil = new Date(now.getTime() + LOCKOUT_SECONDS * 1000).toISOString();
  await doc.send(
    new UpdateCommand({
      TableName: tableName,
      Key: key,
      UpdateExpression: "SET lockedUntil = :until, failedLogins = :zero",
      ExpressionAttributeValues: { ":until": lockedUntil, ":zero": 0 },
    }),
  );
  return lockedUntil;
}

export async function clearLoginFailures(doc: Doc, tableName: string, key: Record<string, string>) {
  await doc.send(
    new UpdateCommand({
      TableName: tableName,
      Key: key,
      UpdateExpression: "SET failedLogins = :zero REMOVE lockedUntil",
      ConditionExpression: "attribute_exists(PK)",
      ExpressionAttributeValues: { ":zero": 0 },
    }),
  );
}
