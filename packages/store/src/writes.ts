import { randomUUID } from "node:crypto";
import {
  PutCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import { Unavailable } from "@weiquan/domain";
import { cancellationReasons, type Doc, isConditionFailure, isTransactionCanceled } from "./client.ts";
import { pause } from "./deadline.ts";

/**
 * A conditional put: true if written, false if the condition did not hold (the item exists, the
 * version moved on…). Any other failure is thrown.
 */
export async function putIf(
  doc: Doc,
  tableName: string,
  item: Record<string, unknown>,
  condition: string,
  values?: Record<string, unknown>,
): Promise<boolean> {
  return ifConditionHolds(
    doc.send(
      new PutCommand({
        TableName: tableName,
        Item: item,
        ConditionExpression: condition,
        ExpressionAttributeValues: values,
      }),
    ),
  );
}

/** Runs a conditional write; a failed condition is an answer (false), not an error. */
export async function ifConditionHolds(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/**
 * Sets only the named attributes (and removes `remove`) of an item still at `expectedVersion`, bumping
 * its version. Unlike a whole-item put it never overwrites attributes other writers keep up to date
 * without a version (login failures, TOTP steps). Returns the new item, or null on a stale version.
 */
export async function updateVersioned(
  doc: Doc,
  tableName: string,
  key: Record<string, string>,
  expectedVersion: number,
  set: Record<string, unknown>,
  remove: string[] = [],
): Promise<Record<string, unknown> | null> {
  const names: Record<string, string> = { "#version": "version" };
  const values: Record<string, unknown> = { ":expected": expectedVersion, ":next": expectedVersion + 1 };
  const sets = ["#version = :next"];
  Object.entries(set).forEach(([k, v], i) => {
    names[`#s${i}`] = k;
    values[`:s${i}`] = v;
    sets.push(`#s${i} = :s${i}`);
  });
  const removes = remove.map((k, i) => {
    names[`#r${i}`] = k;
    return `#r${i}`;
  });
  try {
    const out = await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: `SET ${sets.join(", ")}${removes.length ? ` REMOVE ${removes.join(", ")}` : ""}`,
        ConditionExpression: "#version = :expected",
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: "ALL_NEW",
      }),
    );
    return out.Attributes ?? null;
  } catch (e) {
    if (isConditionFailure(e)) return null;
    throw e;
  }
}

/**
 * How long a transaction keeps retrying conflicts before it answers 503 (Retry-After 1); the request's
 * own deadline, when it comes first, ends the retries with a 503 too.
 */
export const CONFLICT_BUDGET_MS = 6_000;
/** The longest wait between two attempts of a conflicting transaction. */
const CONFLICT_MAX_DELAY_MS = 400;

export type TransactItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

/** A transaction's outcome: written, or cancelled because the conditions at these indexes failed. */
export type TransactResult = { ok: true } | { ok: false; failed: number[] };

/**
 * Writes all items or none. DynamoDB cancels a transaction that touches an item another transaction is
 * writing (TransactionConflict): under a burst, every case of a county meets on its bureau's month of
 * figures and gauges. Conflicts are retried with full jitter (delays growing to `CONFLICT_MAX_DELAY_MS`)
 * for as long as the request's deadline allows — a county's 3·15 morning drains one transaction after
 * another (a few dozen milliseconds each) — then answered 503 with nothing written. Failed
 * conditions are an answer, not an error: the caller decides (stale version, taken key).
 */
export async function transact(
  doc: Doc,
  items: TransactItem[],
  opts: { budgetMs?: number; baseDelayMs?: number } = {},
): Promise<TransactResult> {
  const giveUpAt = Date.now() + (opts.budgetMs ?? CONFLICT_BUDGET_MS);
  const base = opts.baseDelayMs ?? 20;
  for (let attempt = 1; ; attempt++) {
    try {
      // The SDK's own retry of an attempt whose answer was lost (a timeout) carries the same token, so
      // DynamoDB applies it once; each of our retries after a cancellation is a new transaction.
      await doc.send(new TransactWriteCommand({ TransactItems: items, ClientRequestToken: randomUUID() }));
      return { ok: true };
    } catch (e) {
      const conflict = isTransactionCanceled(e) && cancellationReasons(e).includes("TransactionConflict");
      const transient = conflict || (e instanceof Error && e.name === "TransactionInProgressException");
      const delay = Math.random() * Math.min(CONFLICT_MAX_DELAY_MS, base * 2 ** attempt);
      // `pause` gives up (503) by itself when the request's deadline comes first.
      if (transient && Date.now() + delay < giveUpAt) {
        await pause(delay);
        continue;
      }
      if (transient) throw Unavailable("系统繁忙（数据正被同时修改），请稍后重试", 1);
      if (isTransactionCanceled(e) && !conflict) {
        const failed = cancellationReasons(e).flatMap((r, i) => (r === "ConditionalCheckFailed" ? [i] : []));
        if (failed.length) return { ok: false, failed };
      }
      throw e;
    }
  }
}
