import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { bundle } from "../infra/lib/bundling.ts";
import { functionEntries } from "../infra/lib/functions.ts";

const root = resolve(import.meta.dirname, "..");
export const bundleDir = join(root, "bench", "results", "bundles");

/** Every Lambda function of a stage (infra/lib/functions.ts) and a bare handler to compare cold starts with. */
export const entries: Record<string, string> = {
  ...Object.fromEntries(Object.entries(functionEntries).map(([name, file]) => [name, join(root, file)])),
  hello: join(bundleDir, "hello.ts"),
};

export interface BundleSize {
  /** What a cold start reads: the entry and its static imports (lazy chunks excluded). */
  bytes: number;
  /** gzip of the entry file alone. */
  gzip: number;
  /** Every file of the bundle, lazy chunks included. */
  totalBytes: number;
  /** The entry (`index.mjs`) a cold start imports. */
  file: string;
  /** The biggest packages (or source folders) of the cold-start part: [name, bytes]. */
  top: Array<[string, number]>;
}

/**
 * Bundles every function exactly as the CDK app does (infra/lib/bundling.ts) and saves each esbuild
 * metafile next to it (`bench/results/bundles/<name>.meta.json`, for esbuild's bundle analyzer).
 */
export async function bundleAll(): Promise<Record<string, BundleSize>> {
  mkdirSync(bundleDir, { recursive: true });
  writeFileSync(
    entries.hello!,
    'export const handler = async () => ({ statusCode: 200, headers: { "content-type": "application/json" }, body: JSON.stringify({ status: "ok" }) });\n',
  );
  const sizes: Record<string, BundleSize> = {};
  for (const [name, entry] of Object.entries(entries)) {
    const outdir = join(bundleDir, name);
    const report = await bundle({ entry, outdir });
    writeFileSync(join(bundleDir, `${name}.meta.json`), JSON.stringify(report.metafile));
    const file = join(outdir, "index.mjs");
    sizes[name] = {
      bytes: report.initialBytes,
      gzip: gzipSync(readFileSync(file)).length,
      totalBytes: report.totalBytes,
      file,
      top: report.initialInputs.slice(0, 8),
    };
  }
  return sizes;
}

/**
 * Bare handlers built on the api's own libraries, bundled the same way: what the stack costs a cold start
 * before any Weiquan code runs, to read the api's ratio against. They are written where the api's
 * dependencies resolve (its node_modules, not part of the repository).
 */
const floorSources = {
  // A bare handler that builds one Fetch `Response`: Node loads its fetch implementation (undici) on first use.
  "hello + Response":
    'export const handler = async () => ({ statusCode: 200, headers: { "content-type": "application/json" }, body: await new Response(JSON.stringify({ status: "ok" })).text() });\n',
  // Hono behind its Lambda adapter (every request becomes a Fetch Request, every answer a Response).
  hono: [
    'import { Hono } from "hono";',
    'import { handle } from "hono/aws-lambda";',
    'export const handler = handle(new Hono().get("/v1/health", (c) => c.json({ status: "ok" })));',
  ].join("\n"),
  // …with what every api request needs: the DynamoDB client, the token library, zod, the logger, Middy.
  stack: [
    'import { Logger } from "@aws-lambda-powertools/logger";',
    'import { DynamoDBClient } from "@aws-sdk/client-dynamodb";',
    'import middy from "@middy/core";',
    'import { Hono } from "hono";',
    'import { handle } from "hono/aws-lambda";',
    'import { jwtVerify } from "jose";',
    'import * as z from "zod";',
    "const Health = z.object({ status: z.enum(['ok']), at: z.string().min(1).optional() });",
    "const dynamo = new DynamoDBClient({});",
    "const logger = new Logger();",
    "const app = new Hono().get('/v1/health', (c) => { logger.debug('health', { verify: typeof jwtVerify, dynamo: typeof dynamo }); return c.json(Health.parse({ status: 'ok' })); });",
    "export const handler = middy(handle(app));",
  ].join("\n"),
} as const;

export type Floor = keyof typeof floorSources;

/** Bundles each floor handler (infra/lib/bundling.ts) and returns its entry file by name. */
export async function floorBundles(): Promise<Record<Floor, string>> {
  const src = join(root, "functions", "api", "node_modules", ".cache", "weiquan-bench");
  mkdirSync(src, { recursive: true });
  const files = {} as Record<Floor, string>;
  for (const [name, source] of Object.entries(floorSources) as Array<[Floor, string]>) {
    const slug = name.replace(/\W+/g, "-");
    writeFileSync(join(src, `${slug}.ts`), source);
    const outdir = join(bundleDir, `floor-${slug}`);
    await bundle({ entry: join(src, `${slug}.ts`), outdir });
    files[name] = join(outdir, "index.mjs");
  }
  return files;
}
