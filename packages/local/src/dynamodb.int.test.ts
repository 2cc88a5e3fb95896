import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateTableCommand, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { localDynamoClient } from "@weiquan/store";
import { afterAll, describe, expect, it } from "vitest";
import { startDynamoLocal } from "./dynamodb.ts";

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const dir = mkdtempSync(join(tmpdir(), "weiquan-ddb-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("DynamoDB Local launcher", () => {
  it("keeps data in the data folder between runs and leaves no JVM behind after stop", async () => {
    const first = await startDynamoLocal({ dataDir: dir });
    const client = localDynamoClient(first.endpoint);
    await client.send(
      new CreateTableCommand({
        TableName: "kept-between-runs",
        BillingMode: "PAY_PER_REQUEST",
        KeySchema: [{ AttributeName: "PK", KeyType: "HASH" }],
        AttributeDefinitions: [{ AttributeName: "PK", AttributeType: "S" }],
      }),
    );
    client.destroy();
    await first.stop();
    expect(alive(first.pid)).toBe(false);

    const second = await startDynamoLocal({ dataDir: dir });
    try {
      const again = localDynamoClient(second.endpoint);
      expect((await again.send(new ListTablesCommand({}))).TableNames).toContain("kept-between-runs");
      again.destroy();
    } finally {
      await second.stop();
    }
    expect(alive(second.pid)).toBe(false);
  }, 90_000);
});
