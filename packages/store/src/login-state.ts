import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Doc } from "./client.ts";

export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_SECONDS = 15 * 60;

/** Failed-login bookkeeping shared by tenant users and platform operators. */
export interface LoginState {
  failedLogins?: number;
  lockedUntil?: string;
}

/** The failure count and lock of the item at `key` (an account, or the guard of a name without one). */
export async function readLoginState(
  doc: Doc,
  tableName: string,
  key: Record<string, string>,
): Promise<LoginState> {
  const out = await doc.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
  return { failedLogins: out.Item?.failedLogins, lockedUntil: out.Item?.lockedUntil };
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
  /** A guard item for a name without an account: created on first use, gone a day after the last failure. */
  guard = false,
): Promise<string | null> {
  const out = await doc.send(
    new UpdateCommand({
      TableName: tableName,
      Key: key,
      UpdateExpression: guard ? "ADD failedLogins :one SET #ttl = :ttl" : "ADD failedLogins :one",
      ...(guard
        ? {
            ExpressionAttributeNames: { "#ttl": "ttl" },
            ExpressionAttributeValues: { ":one": 1, ":ttl": Math.floor(now.getTime() / 1000) + 86_400 },
          }
        : { ConditionExpression: "attribute_exists(PK)", ExpressionAttributeValues: { ":one": 1 } }),
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
