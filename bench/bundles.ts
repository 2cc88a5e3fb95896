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
