import { Readable } from "node:stream";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { AppError } from "@weiquan/domain";
import { describe, expect, it } from "vitest";
import { documentClient } from "../client.ts";
import { CALLER_READ_ATTEMPTS, readUserAndUnit } from "./caller.ts";

/** A table whose every BatchGetItem leaves all its keys unprocessed (DynamoDB throttling each round). */
function alwaysUnprocessed() {
  let calls = 0;
  const client = new DynamoDBClient({
    region: "local",
    endpoint: "http://offline.invalid",
    credentials: { accessKeyId: "x", secretAccessKey: "x" },
    requestHandler: {
      handle: async (req: { body: string }) => {
        calls++;
        const { RequestItems } = JSON.parse(String(req.body));
        const body = JSON.stringify({ Responses: { t: [] }, UnprocessedKeys: RequestItems });
        return { response: { statusCode: 200, headers: {}, body: Readable.from([Buffer.from(body)]) } };
      },
    },
  });
  return { table: { tenantId: "x", tableName: "t", doc: documentClient(client) }, calls: () => calls };
}

describe("the caller's read", () => {
  it("asks unprocessed keys again a few rounds, then answers 503 with Retry-After", async () => {
    const { table, calls } = alwaysUnprocessed();
    const read = readUserAndUnit(table, "u1", "n1", { settings: { PK: "SETTINGS", SK: "SETTINGS" } });
    const err = await read.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ kind: "unavailable", code: "SERVICE_UNAVAILABLE" });
    expect((err as AppError).retryAfter).toBeGreaterThan(0);
    expect(calls()).toBe(CALLER_READ_ATTEMPTS);
  });
});
