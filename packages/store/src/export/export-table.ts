import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { type DynamoDBClient, ScanCommand } from "@aws-sdk/client-dynamodb";
import type { ExportOutcome, ExportsRepository } from "../control/exports.ts";
import type { TenantsRepository } from "../control/tenants.ts";

/** Where an export's gzip bytes go: a local file or an S3 object, named by the export's location. */
export interface ExportSink {
  /** Stores every chunk of `body`; resolves only when the whole file is durably there. */
  write(body: AsyncIterable<Uint8Array>): Promise<void>;
}

/** Opens the sink of a location (`file://…`, `s3://…`). */
export type SinkOpener = (location: string) => ExportSink;

/**
 * Every item of `tableName` (a paged, strongly consistent Scan: an offline job, never a request path)
 * as JSON Lines in DynamoDB JSON — `{"Item":{"PK":{"S":"…"},…}}`, the shape DynamoDB's own S3 export
 * writes and ImportTable reads — gzip-compressed into `sink`. Counts the items and measures the file.
 */
export async function exportTable(
  client: DynamoDBClient,
  tableName: string,
  sink: ExportSink,
): Promise<ExportOutcome> {
  let itemCount = 0;
  let bytes = 0;
  const hash = createHash("sha256");

  async function* lines() {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new ScanCommand({
          TableName: tableName,
          ConsistentRead: true,
          // biome-ignore lint/suspicious/noExplicitAny: the low-level key is AttributeValues, passed back as given
          ExclusiveStartKey: start as any,
        }),
      );
      let chunk = "";
      for (const Item of page.Items ?? []) {
        itemCount++;
        chunk += `${JSON.stringify({ Item })}\n`;
      }
      if (chunk) yield Buffer.from(chunk, "utf8");
      start = page.LastEvaluatedKey;
    } while (start);
  }

  async function* measured(gz: AsyncIterable<Buffer>) {
    for await (const chunk of gz) {
      hash.update(chunk);
      bytes += chunk.length;
      yield chunk;
    }
  }

  await pipeline(Readable.from(lines()), createGzip(), async (gz: AsyncIterable<Buffer>) => {
    await sink.write(measured(gz));
  });
  return { itemCount, bytes, sha256: hash.digest("hex") };
}

export interface ExportRunDeps {
  /** Low-level client allowed to Scan the tenant's table. */
  client: DynamoDBClient;
  tenants: TenantsRepository;
  exports: ExportsRepository;
  now: () => Date;
  openSink: SinkOpener;
}

/**
 * Runs one recorded export to its end: `running` → `completed` (count, bytes, sha256) or `failed` with
 * the reason — a failed export stays failed (the operator starts another, which is cheap), so nothing
 * is rethrown for a retry. A run of an export that has finished already does nothing; a second run of
 * a running one (a duplicate delivery) rewrites the same file from the start.
 */
export async function runExport(deps: ExportRunDeps, tenantId: string, exportId: string) {
  const record = await deps.exports.get(tenantId, exportId);
  if (!record) throw new Error(`export ${exportId} of tenant ${tenantId} does not exist`);
  if (record.status !== "running") return record;
  const tenant = await deps.tenants.get(tenantId);
  try {
    if (!tenant) throw new Error(`tenant ${tenantId} does not exist`);
    const outcome = await exportTable(deps.client, tenant.tableName, deps.openSink(record.location));
    await deps.exports.complete(tenantId, exportId, outcome, deps.now().toISOString());
  } catch (e) {
    await deps.exports.fail(
      tenantId,
      exportId,
      e instanceof Error ? e.message : String(e),
      deps.now().toISOString(),
    );
  }
  return (await deps.exports.get(tenantId, exportId))!;
}
