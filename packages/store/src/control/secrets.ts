import { randomBytes } from "node:crypto";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { Doc } from "../client.ts";
import { C } from "../keys.ts";
import { putIf } from "../writes.ts";

/**
 * A random 256-bit key the platform makes for itself on first use and keeps in the control table, the
 * same locally and in AWS: concurrent first uses agree on one (the losing write's condition fails and it
 * reads the winner's). For keys that guard integrity, not secrecy of data: the list cursors' MAC.
 */
export async function platformSecret(doc: Doc, tableName: string, name: string): Promise<Uint8Array> {
  const read = async () => {
    const out = await doc.send(
      new GetCommand({ TableName: tableName, Key: C.secret(name), ConsistentRead: true }),
    );
    return typeof out.Item?.value === "string" ? Buffer.from(out.Item.value, "base64") : null;
  };
  const stored = await read();
  if (stored) return stored;
  const fresh = randomBytes(32);
  const item = { ...C.secret(name), value: fresh.toString("base64"), createdAt: new Date().toISOString() };
  if (await putIf(doc, tableName, item, "attribute_not_exists(PK)")) return fresh;
  const winner = await read();
  if (!winner) throw new Error(`platform secret ${name} could not be created`);
  return winner;
}
