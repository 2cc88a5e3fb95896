import { Readable } from "node:stream";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { GetCommand, QueryCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { boundViolation, meterCalls } from "./call-meter.ts";
import { documentClient } from "./client.ts";

/** A client whose every call is answered `{}` here, without a network. */
function offlineClient() {
  return new DynamoDBClient({
    region: "local",
    endpoint: "http://offline.invalid",
    credentials: { accessKeyId: "x", secretAccessKey: "x" },
    requestHandler: {
      handle: async () => ({
        response: { statusCode: 200, headers: {}, body: Readable.from([Buffer.from("{}")]) },
      }),
    },
  });
}

describe("the call meter", () => {
  it("sees every call of a request, document-client commands included, and catches a Scan", async () => {
    const client = offlineClient();
    const doc = documentClient(client);
    const meter = meterCalls(client);
    const { calls } = await meter.measure(async () => {
      await doc.send(new GetCommand({ TableName: "t", Key: { PK: "a", SK: "b" } }));
      await doc.send(new QueryCommand({ TableName: "t", IndexName: "GSI1", KeyConditionExpression: "x" }));
      await doc.send(new ScanCommand({ TableName: "t" }));
    });
    expect(calls).toEqual([
      { op: "GetItem", table: "t" },
      { op: "Query", table: "t", index: "GSI1" },
      { op: "Scan", table: "t" },
    ]);
    expect(boundViolation(calls, 10)).toBe("1 Scan(s) on t");
    expect(boundViolation(calls.slice(0, 2), 1)).toBe("2 DynamoDB calls (at most 1): GetItem, Query");
    expect(boundViolation(calls.slice(0, 2), 2)).toBe("");
  });

  it("counts nothing outside a measure, and nothing once removed", async () => {
    const client = offlineClient();
    const doc = documentClient(client);
    const meter = meterCalls(client);
    await doc.send(new GetCommand({ TableName: "t", Key: { PK: "a", SK: "b" } }));
    meter.remove();
    const { calls } = await meter.measure(() => doc.send(new ScanCommand({ TableName: "t" })));
    expect(calls).toEqual([]);
  });
});
