import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { type Doc, isConditionFailure } from "./client.ts";

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
