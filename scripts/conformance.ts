/**
 * Checks every tenant table of a stage against the shared table definition, with the deployer's
 * credentials (or DynamoDB Local):
 *
 *   pnpm conformance --stage prod --region cn-north-1          # report; exit 1 while drift remains
 *   pnpm conformance --stage prod --region cn-north-1 --fix    # and fix what can be fixed in place
 *
 * See docs/operations.md § Tenant-table conformance.
 */
import { parseArgs } from "node:util";
import {
  checkTenantTables,
  controlTableName,
  documentClient,
  remainingDrift,
  type TenantConformance,
  TenantsRepository,
} from "@weiquan/store";
import { assertTableExists, STAGE_HELP, STAGE_OPTIONS, stageClient } from "./aws-cli.ts";

const USAGE = `pnpm conformance --stage <name> [--region <region>] [--endpoint <url>] [--fix]
${STAGE_HELP}
                     (WEIQUAN_DYNAMODB_ENDPOINT is used when set and --endpoint is not)
  --fix              apply the drifts that can be fixed in place (PITR, TTL, a missing index, tags…)
Exit status: 0 every table conforms (after --fix), 1 drift remains, 2 a mistake on the command line.`;

const { values } = parseArgs({ options: { ...STAGE_OPTIONS, fix: { type: "boolean", default: false } } });
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const endpoint = values.endpoint ?? process.env.WEIQUAN_DYNAMODB_ENDPOINT;
const { stage, client } = stageClient({ ...values, endpoint }, USAGE);

/** One line per drift: tenant, table, aspect, expected, found, and what happens to it. */
function rows(r: TenantConformance): string[][] {
  const head = [r.countyCode, r.tableName];
  if (r.missing) return [[...head, "table", "exists", "missing", "report"]];
  const failed = r.error ? [[...head, "check failed", "-", r.error, "report"]] : [];
  return failed.concat(
    r.drifts.map((d) => [
      ...head,
      d.aspect,
      d.expected,
      d.found,
      r.fixed.includes(d) ? "fixed" : d.fix ? "fixable (--fix)" : "report only",
    ]),
  );
}

function print(table: string[][]): void {
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => [...row[c]!].length)));
  for (const row of table)
    process.stdout.write(
      `${row.map((cell, c) => cell.padEnd(widths[c]! + cell.length - [...cell].length)).join("  ")}\n`,
    );
}

try {
  const tableName = controlTableName(stage);
  await assertTableExists(client, tableName);
  const tenants = new TenantsRepository(documentClient(client), tableName);
  const results = await checkTenantTables({ client, tenants, fix: values.fix });
  const lines = results.flatMap(rows);
  if (lines.length > 0) print([["county", "table", "aspect", "expected", "found", "action"], ...lines]);
  const unchecked = [...new Set(results.flatMap((r) => r.unchecked))];
  if (unchecked.length > 0)
    process.stdout.write(`Not checkable on this DynamoDB (DynamoDB Local): ${unchecked.join(", ")}\n`);
  const left = results.filter(remainingDrift).length;
  const fixed = results.reduce((n, r) => n + r.fixed.length, 0);
  process.stdout.write(
    `${results.length} tenant tables checked in ${stage}: ${left === 0 ? "all conform" : `${left} with drift remaining`}` +
      `${fixed > 0 ? ` (${fixed} drifts fixed; run again to confirm)` : ""}\n`,
  );
  client.destroy();
  process.exit(left === 0 ? 0 : 1);
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
