import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { bundle } from "../infra/lib/bundling.ts";

const root = resolve(import.meta.dirname, "..");
export const bundleDir = join(root, "bench", "results", "bundles");

/** The Lambda entry points, bundled exactly as the CDK app bundles them (infra/lib/bundling.ts). */
export const entries = {
  api: join(root, "functions/api/src/lambda.ts"),
  provisioner: join(root, "functions/provisioner/src/lambda.ts"),
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
}

export async function bundleAll(): Promise<Record<string, BundleSize>> {
  mkdirSync(bundleDir, { recursive: true });
  writeFileSync(
    entries.hello,
    'export const handler = async () => ({ statusCode: 200, headers: { "content-type": "application/json" }, body: JSON.stringify({ status: "ok" }) });\n',
  );
  const sizes: Record<string, BundleSize> = {};
  for (const [name, entry] of Object.entries(entries)) {
    const outdir = join(bundleDir, name);
    const report = await bundle({ entry, outdir });
    const file = join(outdir, "index.mjs");
    sizes[name] = {
      bytes: report.initialBytes,
      gzip: gzipSync(readFileSync(file)).length,
      totalBytes: report.totalBytes,
      file,
    };
  }
  return sizes;
}
