import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { DescribeTableCommand, UpdateTableCommand, UpdateTimeToLiveCommand } from "@aws-sdk/client-dynamodb";
import { type RunningDynamo, startDynamoLocal } from "@weiquan/local";
import {
  checkTenantTables,
  dropTable,
  ensureTable,
  type TenantRecord,
  tenantTableDefinition,
} from "@weiquan/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type TestApi } from "../support/api.ts";

// `pnpm conformance` walks the stage's tenants and holds each tenant table to the shared definition
// (docs/operations.md § Tenant-table conformance). Tables here are made by the real onboarding.

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);

let api: TestApi;
let operator: string;
let dynamo: RunningDynamo;
// A DynamoDB Local of its own: dropping an index or a table waits behind every other file's table
// operations on the suite's shared instance (GSI2 stayed DELETING for over a minute in full runs).
beforeAll(async () => {
  dynamo = await startDynamoLocal();
  api = await startApi({ endpoint: dynamo.endpoint });
  operator = await api.login("platform", "operator");
});
afterAll(async () => {
  await api?.close();
  await dynamo?.stop();
});

async function onboard(countyCode: string): Promise<TenantRecord> {
  const r = await api.call("POST", "/v1/platform/tenants", {
    token: operator,
    body: {
      countyCode,
      name: `测试县 ${countyCode}`,
      admin: { username: "chief", displayName: "局长", password: "Start@2026" },
    },
  });
  expect(r.status).toBe(201);
  for (let i = 0; i < 100; i++) {
    const t = await api.deps.control.tenants.get(r.body.id);
    if (t?.status === "active") return t;
    await new Promise((res) => setTimeout(res, 200));
  }
  throw new Error(`tenant ${countyCode} not active`);
}

/** The command as an operator runs it, against this file's stage in DynamoDB Local. */
async function conformance(...args: string[]) {
  const endpoint = await api.deps.dynamo!.config.endpoint!();
  const env = { ...process.env, WEIQUAN_DYNAMODB_ENDPOINT: `http://${endpoint.hostname}:${endpoint.port}` };
  try {
    const out = await run(
      join(repoRoot, "node_modules/.bin/tsx"),
      ["scripts/conformance.ts", "--stage", api.stage, ...args],
      {
        cwd: repoRoot,
        env,
      },
    );
    return { code: 0, stdout: out.stdout };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout + failed.stderr };
  }
}

describe("the tenant-table conformance check (pnpm conformance)", () => {
  it("lists a table's drift, fixes what can be fixed in place, and is clean on the next run", async () => {
    const altered = await onboard("130201");
    const untouched = await onboard("130202");
    const dynamo = api.deps.dynamo!;
    const TableName = altered.tableName;
    await dynamo.send(new UpdateTableCommand({ TableName, DeletionProtectionEnabled: false }));
    await dynamo.send(
      new UpdateTimeToLiveCommand({
        TableName,
        TimeToLiveSpecification: { Enabled: false, AttributeName: "ttl" },
      }),
    );
    await dynamo.send(
      new UpdateTableCommand({ TableName, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: "GSI2" } }] }),
    );
    // Deleting an index takes a moment (it is listed as DELETING meanwhile, longer on a busy machine).
    for (let i = 0; ; i++) {
      const { Table } = await dynamo.send(new DescribeTableCommand({ TableName }));
      if (!Table?.GlobalSecondaryIndexes?.some((g) => g.IndexName === "GSI2")) break;
      if (i > 600) throw new Error("GSI2 still listed after 60 s");
      await new Promise((res) => setTimeout(res, 100));
    }

    const report = await conformance();
    expect(report.code).toBe(1);
    const lines = report.stdout.split("\n").filter((l) => l.includes(TableName));
    expect(lines.find((l) => l.includes("index GSI2"))).toMatch(
      /GSI2PK \/ GSI2SK, projection ALL\s+missing\s+fixable/,
    );
    expect(lines.find((l) => l.includes(" ttl "))).toMatch(/ttl\s+DISABLED\s+fixable/);
    expect(lines.find((l) => l.includes("deletion protection"))).toMatch(/on\s+off\s+fixable/);
    expect(lines).toHaveLength(3);
    expect(report.stdout).not.toContain(untouched.tableName);
    expect(report.stdout).toContain("2 tenant tables checked");
    expect(report.stdout).toContain("1 with drift remaining");

    const fixing = await conformance("--fix");
    expect(fixing.code).toBe(0);
    expect(fixing.stdout).toContain("3 drifts fixed");

    const again = await conformance();
    expect(again.stdout).toContain("2 tenant tables checked");
    expect(again.stdout).toContain("all conform");
    expect(again.code).toBe(0);
    // DynamoDB Local keeps no backups or tags: said, never counted as drift.
    expect(again.stdout).toContain(
      "Not checkable on this DynamoDB (DynamoDB Local): encryption, point-in-time recovery, tags",
    );
  }, 240_000); // three runs of the command, each starting tsx on a busy machine

  it("reports a wrong key schema and a missing table without touching them, and goes on with the rest", async () => {
    const rekeyed = await onboard("130203");
    const dropped = await onboard("130204");
    const dynamo = api.deps.dynamo!;
    await dropTable(dynamo, rekeyed.tableName);
    await ensureTable(dynamo, rekeyed.tableName, {
      ...tenantTableDefinition,
      keys: { partitionKey: "id", sortKey: "kind" },
    });
    await dropTable(dynamo, dropped.tableName);

    const results = await checkTenantTables({
      client: dynamo,
      tenants: api.deps.control.tenants,
      fix: true,
      pageSize: 1,
    });
    const rekeyedResult = results.find((r) => r.tenantId === rekeyed.id)!;
    expect(rekeyedResult.error).toBeNull();
    expect(rekeyedResult.drifts).toContainEqual({
      aspect: "key schema",
      expected: "PK / SK",
      found: "id / kind",
      fix: null,
    });
    expect(rekeyedResult.fixed.map((d) => d.aspect)).not.toContain("key schema");
    expect(results.find((r) => r.tenantId === dropped.id)).toMatchObject({
      missing: true,
      drifts: [],
      fixed: [],
    });
    // Pages of one walk the whole list: every tenant due a check, whatever else this stage holds.
    const due = (await api.deps.control.tenants.list(1000)).items.filter(
      (t) => t.status === "active" || (t.status === "suspended" && !t.deletingAt),
    );
    expect(results.map((r) => r.tenantId).sort()).toEqual(due.map((t) => t.id).sort());

    const again = await checkTenantTables({ client: dynamo, tenants: api.deps.control.tenants, fix: false });
    expect(again.find((r) => r.tenantId === rekeyed.id)!.drifts).toEqual([
      { aspect: "key schema", expected: "PK / SK", found: "id / kind", fix: null },
    ]);
  }, 240_000); // tables dropped and made again on a busy machine
});
