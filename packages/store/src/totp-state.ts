import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { type Doc, isConditionFailure } from "./client.ts";

/** TOTP second-factor attributes, stored on the user item (tenant users and platform operators alike). */
export interface TotpState {
  /** True once a secret has been confirmed with a valid code. */
  totpEnabled?: boolean;
  /** The active secret (base32); only meaningful while totpEnabled. */
  totpSecret?: string;
  /** A secret handed out for enrollment but not yet confirmed. */
  totpPendingSecret?: string;
  /** The last 30-second time step a code was accepted for: a code is good once. */
  totpLastStep?: number;
}

/** A change to the TOTP attributes: a value sets, `null` removes, absent leaves as is. */
export interface TotpPatch {
  pendingSecret?: string | null;
  secret?: string | null;
  enabled?: boolean;
  lastStep?: number | null;
}

const attributeOf: Record<keyof TotpPatch, keyof TotpState> = {
  pendingSecret: "totpPendingSecret",
  secret: "totpSecret",
  enabled: "totpEnabled",
  lastStep: "totpLastStep",
};

/** One UpdateItem on an existing user item; throws ConditionalCheckFailed if the item is gone. */
export async function updateTotpState(
  doc: Doc,
  tableName: string,
  key: Record<string, string>,
  patch: TotpPatch,
): Promise<void> {
  const set: string[] = [];
  const remove: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(patch) as [keyof TotpPatch, unknown][]) {
    if (value === undefined) continue;
    const attr = attributeOf[field];
    if (value === null) remove.push(attr);
    else {
      set.push(`${attr} = :${attr}`);
      values[`:${attr}`] = value;
    }
  }
  if (set.length === 0 && remove.length === 0) return;
  await doc.send(
    new UpdateCommand({
      TableName: tableName,
      Key: key,
      UpdateExpression: [
        set.length ? `SET ${set.join(", ")}` : "",
        remove.length ? `REMOVE ${remove.join(", ")}` : "",
      ]
        .filter(Boolean)
        .join(" "),
      ConditionExpression: "attribute_exists(PK)",
      ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
    }),
  );
}

/**
 * Records `step` as the last used time step only if it is later than the stored one, atomically, so two
 * concurrent requests cannot both use the same code. False when the step was already used (or an earlier
 * step is newer).
 */
export async function claimTotpStep(
  doc: Doc,
  tableName: string,
  key: Record<string, string>,
  step: number,
): Promise<boolean> {
  try {
    await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: "SET totpLastStep = :step",
        ConditionExpression:
          "attribute_exists(PK) AND (attribute_not_exists(totpLastStep) OR totpLastStep < :step)",
        ExpressionAttributeValues: { ":step": step },
      }),
    );
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}
