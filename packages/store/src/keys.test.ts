import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { C, CQ, T, TQ } from "./keys.ts";

describe("access patterns", () => {
  it("reads a unit's ledger on the table, optionally between two receipt times", () => {
    expect(TQ.ledger("u1")).toMatchObject({
      KeyConditionExpression: "#pk = :pk",
      ExpressionAttributeNames: { "#pk": "PK" },
      ExpressionAttributeValues: { ":pk": T.ledgerEntry("u1", "x", "y").PK },
      cursorKeys: ["PK", "SK"],
    });
    expect(TQ.ledger("u1", ["2026-11", "2026-12~"]).KeyConditionExpression).toBe(
      "#pk = :pk AND #sk BETWEEN :sk AND :skTo",
    );
  });

  it("reads a subtree of units on the unit index, whose cursor carries the index keys too", () => {
    const p = TQ.unitsByPath("root/office");
    expect(p).toMatchObject({
      IndexName: "GSI1",
      KeyConditionExpression: "#pk = :pk AND begins_with(#sk, :sk)",
      ExpressionAttributeNames: { "#pk": "GSI1PK", "#sk": "GSI1SK" },
      ExpressionAttributeValues: { ":pk": T.unitIndex("x").GSI1PK, ":sk": "root/office" },
      cursorKeys: ["PK", "SK", "GSI1PK", "GSI1SK"],
    });
  });

  it("reads the partitions the item keys write", () => {
    expect(TQ.dueBefore("2026").partition.value).toBe(T.caseDueIndex("d", "c").GSI2PK);
    expect(TQ.rollupMonths("u", "2026-01", "2026-03").ExpressionAttributeValues).toEqual({
      ":pk": T.rollup("u", "2026-01").PK,
      ":sk": T.rollup("u", "2026-01").SK,
      ":skTo": T.rollup("u", "2026-03").SK,
    });
    expect(TQ.notices("u").partition.value).toBe(T.notice("u", "a", "b").PK);
    expect(CQ.tenantExports("t").partition.value).toBe(C.tenantExport("t", "e").PK);
  });
});

/** Every TypeScript source under `dir` (tests, keys.ts and the table definition aside). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : sources(path);
    return path.endsWith(".ts") && !path.endsWith(".test.ts") ? [path] : [];
  });
}

describe("keys are built only in keys.ts", () => {
  const root = join(import.meta.dirname, "../../..");
  const allowed = new Set(["packages/store/src/keys.ts", "packages/store/src/provisioning/create-table.ts"]);
  const files = [
    ...sources(join(root, "packages/store/src")),
    ...sources(join(root, "functions")),
    ...sources(join(root, "packages/local/src")),
  ].filter((f) => !allowed.has(relative(root, f)));

  it.each([
    ["an index name", /IndexName:/],
    ["a key condition", /KeyConditionExpression:\s*["`]/],
    ["a partition or sort key literal", /["`][A-Z][A-Z_]*#(\$\{|["`])/],
    ["a comparison with a sort key", /\.SK\s*[=!]==/],
  ])("no other source spells %s", (_, pattern) => {
    const offenders = files
      .filter((f) => pattern.test(readFileSync(f, "utf8")))
      .map((f) => relative(root, f));
    expect(offenders).toEqual([]);
  });
});
