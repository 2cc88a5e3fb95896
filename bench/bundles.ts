import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = resolve(import.meta.dirname, "..");
export const bundleDir = join(root, "bench", "results", "bundles");

/** The Lambda entry points, bundled the way CDK's NodejsFunction does (esbuild, ESM, minified, node24). */
export const entries = {
  api: join(root, "functions/api/src/lambda.ts"),
  provisioner: join(root, "functions/provisioner/src/lambda.ts"),
  hello: join(bundleDir, "hello.ts"),
};

export async function bundleAll() {
  mkdirSync(bundleDir, { recursive: true });
  writeFileSync(
    entries.hello,
    'export const handler = async () => ({ statusCode: 200, headers: { "content-type": "application/json" }, body: JSON.stringify({ status: "ok" }) });\n',
  );
  const sizes: Record<string, { bytes: number; gzip: number; file: string }> = {};
  for (const [name, entry] of Object.entries(entries)) {
    const outfile = join(bundleDir, `${name}.mjs`);
    await build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      minify: true,
      platform: "node",
      target: "node24",
      format: "esm",
      // CJS dependencies (the AWS SDK) call require(): give ESM output a require, as the CDK construct does.
      banner: {
        js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
      },
      logLevel: "error",
    });
    const code = readFileSync(outfile);
    sizes[name] = { bytes: code.length, gzip: gzipSync(code).length, file: outfile };
  }
  return sizes;
}
