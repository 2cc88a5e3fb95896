import { cpSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { build, type Metafile, type Plugin } from "esbuild";

/**
 * How every Weiquan Lambda function is bundled — the CDK assets and `pnpm bench` both call this, so the
 * bench measures what is deployed. esbuild, ESM, minified, node24, with code splitting: what a request
 * path loads with `await import()` (workbooks, the Lambda client, …) becomes a chunk that is read only
 * when first used, so a cold start loads only the entry and its static imports. No source maps ship.
 */
export interface BundleRequest {
  /** Absolute entry file; the output is `<outdir>/index.mjs` (handler `index.handler`) plus `chunks/`. */
  entry: string;
  outdir: string;
  /** Folders copied next to the bundle: absolute `from`, `to` relative to the function root. */
  files?: Array<{ from: string; to: string }>;
}

export interface BundleReport {
  /** Bytes a cold start reads: the entry and every chunk it imports statically. */
  initialBytes: number;
  /** Bytes of every file written, lazy chunks included. */
  totalBytes: number;
  /** Packages (or source folders) in the initial load, biggest first: [name, bytes]. */
  initialInputs: Array<[string, number]>;
}

/**
 * zod 4 bundles every error-message locale (≈260 KB minified) because its `z` namespace re-exports them;
 * the API answers with its own messages, so only `en` (zod's default) is kept.
 */
const zodEnglishOnly: Plugin = {
  name: "zod-english-only",
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      /[/\\]zod[/\\]v4[/\\]/.test(args.importer)
        ? { path: join(dirname(args.importer), "../locales/en.js"), namespace: "zod-locales" }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "zod-locales" }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: dirname(args.path),
      loader: "js",
    }));
  },
};

export async function bundle(request: BundleRequest): Promise<BundleReport> {
  // A fresh folder: chunk names carry hashes, and stale chunks would ship with the next upload.
  rmSync(request.outdir, { recursive: true, force: true });
  mkdirSync(request.outdir, { recursive: true });
  const result = await build({
    entryPoints: { index: request.entry },
    outdir: request.outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node24",
    minify: true,
    sourcemap: false,
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunks/[name]-[hash]",
    mainFields: ["module", "main"],
    metafile: true,
    legalComments: "none",
    logLevel: "error",
    plugins: [zodEnglishOnly],
    // CommonJS dependencies still call require(); give the ESM bundle one.
    banner: {
      js: "import { createRequire as __weiquanRequire } from 'node:module'; const require = __weiquanRequire(import.meta.url);",
    },
  });
  for (const { from, to } of request.files ?? []) {
    mkdirSync(dirname(join(request.outdir, to)), { recursive: true });
    cpSync(from, join(request.outdir, to), { recursive: true });
  }
  return report(result.metafile);
}

function report(metafile: Metafile): BundleReport {
  const outputs = metafile.outputs;
  // Lazy chunks are entry points too (of their dynamic imports): the function's own is `index.mjs`.
  const entry = Object.keys(outputs).find((path) => /(^|\/)index\.mjs$/.test(path));
  const initial = new Set<string>();
  const visit = (path: string) => {
    if (initial.has(path)) return;
    initial.add(path);
    for (const i of outputs[path]!.imports)
      if (i.kind === "import-statement" && outputs[i.path]) visit(i.path);
  };
  visit(entry!);
  const inputs = new Map<string, number>();
  for (const path of initial) {
    for (const [input, { bytesInOutput }] of Object.entries(outputs[path]!.inputs)) {
      const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(input);
      const name = pkg ? pkg[1]! : input.split("/").slice(0, 3).join("/");
      inputs.set(name, (inputs.get(name) ?? 0) + bytesInOutput);
    }
  }
  const sum = (paths: Iterable<string>) => [...paths].reduce((n, p) => n + outputs[p]!.bytes, 0);
  return {
    initialBytes: sum(initial),
    totalBytes: sum(Object.keys(outputs)),
    initialInputs: [...inputs].sort((a, b) => b[1] - a[1]),
  };
}
