import { describe, expect, it } from "vitest";
import { tenantTableDefinition as def } from "../table-definition.ts";
import { compareTable, type TableState } from "./conformance.ts";
import { createTableInput } from "./create-table.ts";

const tags = { "weiquan:tenant": "t1", "weiquan:county": "130201" };

/** A table exactly as onboarding creates and configures it, as DynamoDB in AWS describes it. */
function conforming(): TableState {
  const input = createTableInput("s-tenant-t1", def, tags);
  return {
    table: {
      TableName: input.TableName,
      KeySchema: input.KeySchema,
      GlobalSecondaryIndexes: input.GlobalSecondaryIndexes.map((i) => ({ ...i, IndexStatus: "ACTIVE" })),
      BillingModeSummary: { BillingMode: "PAY_PER_REQUEST" },
      SSEDescription: { Status: "ENABLED", SSEType: "KMS" },
      StreamSpecification: input.StreamSpecification,
      DeletionProtectionEnabled: true,
    },
    pointInTimeRecovery: true,
    ttl: { status: "ENABLED", attribute: "ttl" },
    tags: { ...tags, "cost-centre": "county" },
    encryptionReported: true,
  };
}

const driftsOf = (state: TableState) => compareTable(state, def, tags).drifts;

describe("a tenant table against the shared definition", () => {
  it("finds nothing on a table as onboarding leaves it (extra tags are the operator's own)", () => {
    expect(compareTable(conforming(), def, tags)).toEqual({ drifts: [], unchecked: [] });
  });

  it("reports PITR off, TTL off, a missing tag and deletion protection off as fixable in place", () => {
    const state = conforming();
    state.pointInTimeRecovery = false;
    state.ttl = { status: "DISABLED", attribute: null };
    state.tags = { "weiquan:tenant": "t1" };
    state.table.DeletionProtectionEnabled = false;
    expect(driftsOf(state)).toEqual([
      { aspect: "deletion protection", expected: "on", found: "off", fix: { kind: "deletionProtection" } },
      {
        aspect: "point-in-time recovery",
        expected: "on",
        found: "off",
        fix: { kind: "pointInTimeRecovery" },
      },
      { aspect: "ttl", expected: "ttl", found: "DISABLED", fix: { kind: "ttl" } },
      {
        aspect: "tag weiquan:county",
        expected: "130201",
        found: "missing",
        fix: { kind: "tags", tags: { "weiquan:county": "130201" } },
      },
    ]);
  });

  it("creates a missing index in place, but only reports an index with other keys or an extra one", () => {
    const state = conforming();
    const [gsi1, gsi2] = state.table.GlobalSecondaryIndexes!;
    state.table.GlobalSecondaryIndexes = [
      { ...gsi2!, Projection: { ProjectionType: "KEYS_ONLY" } },
      { ...gsi1!, IndexName: "GSI9" },
    ];
    expect(driftsOf(state)).toEqual([
      {
        aspect: "index GSI1",
        expected: "GSI1PK / GSI1SK, projection ALL",
        found: "missing",
        fix: { kind: "createIndex", index: "GSI1" },
      },
      {
        aspect: "index GSI2",
        expected: "GSI2PK / GSI2SK, projection ALL",
        found: "GSI2PK / GSI2SK, projection KEYS_ONLY",
        fix: null,
      },
      { aspect: "index GSI9", expected: "absent", found: "present", fix: null },
    ]);
  });

  it("only reports a wrong key schema or a TTL on another attribute: the table would have to be rebuilt", () => {
    const state = conforming();
    state.table.KeySchema = [{ AttributeName: "id", KeyType: "HASH" }];
    state.ttl = { status: "ENABLED", attribute: "expiresAt" };
    expect(driftsOf(state)).toEqual([
      { aspect: "key schema", expected: "PK / SK", found: "id / -", fix: null },
      { aspect: "ttl", expected: "ttl", found: "expiresAt (ENABLED)", fix: null },
    ]);
  });

  it("fixes provisioned billing, the owned encryption key and a stream turned off", () => {
    const state = conforming();
    state.table.BillingModeSummary = undefined;
    state.table.SSEDescription = undefined;
    state.table.StreamSpecification = { StreamEnabled: false };
    expect(driftsOf(state).map((d) => [d.aspect, d.found, d.fix?.kind])).toEqual([
      ["billing mode", "PROVISIONED", "billing"],
      ["encryption", "AWS owned key", "sse"],
      ["stream", "off", "streams"],
    ]);
  });

  it("lists what DynamoDB Local cannot describe as unchecked, never as drift", () => {
    const state = { ...conforming(), pointInTimeRecovery: null, tags: null, encryptionReported: false };
    state.table.SSEDescription = undefined;
    expect(compareTable(state, def, tags)).toEqual({
      drifts: [],
      unchecked: ["encryption", "point-in-time recovery", "tags"],
    });
  });
});
