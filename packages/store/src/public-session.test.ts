import {
  BatchWriteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { T } from "./keys.ts";
import { guardPublicSession, matchesLike, publicSessionAllows } from "./public-session.ts";

const TABLE = "test-tenant-t1";

/** A document client that only records what reaches it. */
function recordingDoc() {
  const sent: string[] = [];
  const doc = {
    send: async (command: { constructor: { name: string } }) => {
      sent.push(command.constructor.name);
      return {};
    },
  };
  return { doc: guardPublicSession(doc), sent };
}

describe("the public session's item rule", () => {
  it("matches partition keys the way IAM's StringLike does", () => {
    expect(matchesLike("CASE#*", "CASE#01J")).toBe(true);
    expect(matchesLike("CASE#*", "CASE#")).toBe(true);
    expect(matchesLike("CASE#*", "XCASE#01J")).toBe(false);
    expect(matchesLike("META", "META")).toBe(true);
    expect(matchesLike("META", "METAX")).toBe(false);
    expect(matchesLike("U?", "U1")).toBe(true);
    expect(matchesLike("A.B", "AxB")).toBe(false); // regular-expression characters are literal
  });

  it("lets login and the public page read settings and units but write only their own items", () => {
    expect(publicSessionAllows(T.settings().PK, "read")).toBe(true);
    expect(publicSessionAllows(T.settings().PK, "write")).toBe(false);
    expect(publicSessionAllows(T.unit("u1").PK, "write")).toBe(false);
    for (const pk of [
      T.user("u1").PK,
      T.username("admin").PK,
      T.case("c1").PK,
      T.tracking("20261202-0001").PK,
      T.rollup("u1", "2026-12").PK,
      T.rateWindow("file:abc", 0).PK,
    ]) {
      expect(publicSessionAllows(pk, "write"), pk).toBe(true);
    }
    for (const pk of [T.audit("2026-12", "t", "i").PK, T.idempotency("u1", "k").PK, T.assessment("a1").PK]) {
      expect(publicSessionAllows(pk, "read"), pk).toBe(false);
    }
  });

  it("refuses, locally as IAM would, every command that reaches outside it, and passes the rest through", async () => {
    const { doc, sent } = recordingDoc();
    const denied = (p: Promise<unknown>) =>
      expect(p).rejects.toMatchObject({ name: "AccessDeniedException" });

    await doc.send(new GetCommand({ TableName: TABLE, Key: T.settings() }));
    await doc.send(new PutCommand({ TableName: TABLE, Item: { ...T.case("c1"), status: "registered" } }));
    await doc.send(
      new QueryCommand({
        TableName: TABLE,
        IndexName: "GSI1",
        KeyConditionExpression: "#pk = :pk",
        ExpressionAttributeNames: { "#pk": "GSI1PK" },
        ExpressionAttributeValues: { ":pk": T.unitIndex("x").GSI1PK },
      }),
    );
    expect(sent).toEqual(["GetCommand", "PutCommand", "QueryCommand"]);

    await denied(
      doc.send(new UpdateCommand({ TableName: TABLE, Key: T.settings(), UpdateExpression: "SET a = :a" })),
    );
    await denied(doc.send(new GetCommand({ TableName: TABLE, Key: T.audit("2026-12", "t", "i") })));
    await denied(doc.send(new ScanCommand({ TableName: TABLE })));
    await denied(
      doc.send(
        new QueryCommand({
          TableName: TABLE,
          IndexName: "GSI2",
          KeyConditionExpression: "GSI2PK = :p",
          ExpressionAttributeValues: { ":p": "DUE" },
        }),
      ),
    );
    // One item outside the rule fails the whole transaction or batch.
    await denied(
      doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: TABLE, Item: T.case("c2") } },
            { Put: { TableName: TABLE, Item: T.idempotency("u1", "k") } },
          ],
        }),
      ),
    );
    await denied(
      doc.send(
        new BatchWriteCommand({
          RequestItems: { [TABLE]: [{ PutRequest: { Item: T.unit("u9") } }] },
        }),
      ),
    );
    expect(sent).toHaveLength(3);
  });
});
