import { cpSync, mkdirSync, readFileSync, rmSync } from "node:fs";
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
  /** Every source file (input) in the initial load. */
  initialModules: string[];
  /** esbuild's metafile (every input and output): `pnpm bench` saves it for esbuild's bundle analyzer. */
  metafile: Metafile;
}

const ZOD_FILE = /[/\\]zod[/\\]v4[/\\]/;

/**
 * zod 4 bundles every error-message locale (≈260 KB minified) because its `z` namespace re-exports them;
 * the API answers with its own messages, so only `en` (zod's default) is kept.
 */
const zodEnglishOnly: Plugin = {
  name: "zod-english-only",
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      ZOD_FILE.test(args.importer)
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

/**
 * `import { z } from "zod"` binds zod's whole namespace object as one value, so esbuild keeps every export
 * of it (`z.fromJSONSchema`, `z.compile`, …); `import * as z` lets it keep only the members the code reads
 * (≈35 KB less). Our sources are rewritten at bundle time so they keep the import form zod documents.
 */
const zodNamespaceImport: Plugin = {
  name: "zod-namespace-import",
  setup(b) {
    b.onLoad({ filter: /\.tsx?$/ }, (args) => {
      if (args.path.includes("node_modules")) return undefined;
      const source = readFileSync(args.path, "utf8");
      if (!source.includes('import { z } from "zod";')) return undefined;
      return {
        contents: source.replaceAll('import { z } from "zod";', 'import * as z from "zod";'),
        loader: args.path.endsWith("x") ? "tsx" : "ts",
      };
    });
  },
};

/**
 * zod's schema compiler (`z.compile`, ≈29 KB) is re-exported by its core index, which zod's schemas read
 * as one namespace object, so tree shaking cannot drop it; nothing here calls it. A stub with the same
 * exports keeps it out; calling it says why.
 */
const zodWithoutCompiler: Plugin = {
  name: "zod-without-compiler",
  setup(b) {
    b.onResolve({ filter: /^\.\/compile\.js$/ }, (args) =>
      ZOD_FILE.test(args.importer) ? { path: "zod-compile-stub", namespace: "zod-compile" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "zod-compile" }, () => ({
      contents: [
        'const off = () => { throw new Error("z.compile is not bundled (infra/lib/bundling.ts)"); };',
        'export const INVALID = Symbol.for("zod.compile.invalid");',
        "export class ZodCompileAsyncError extends Error {}",
        "export class ZodCompileUnsupportedError extends Error {}",
        "export const compile = off, withParser = off, compileFn = off;",
      ].join("\n"),
      loader: "js",
    }));
  },
};

/**
 * chinese-days' table names each holiday ("Spring Festival,春节,4", ≈43 KB as esbuild escapes it); the
 * work calendar (packages/domain cases/clock/calendar.ts) reads only which dates are in `holidays` and
 * `workdays`. The bundle keeps the dates with empty names (≈12 KB); `inLieuDays` is not read.
 */
const holidayDatesOnly: Plugin = {
  name: "holiday-dates-only",
  setup(b) {
    b.onLoad({ filter: /[/\\]chinese-days[/\\]dist[/\\]chinese-days\.json$/ }, (args) => {
      const table = JSON.parse(readFileSync(args.path, "utf8")) as Record<string, Record<string, string>>;
      const datesOnly = (days: Record<string, string> = {}) =>
        Object.fromEntries(Object.keys(days).map((day) => [day, ""]));
      return {
        contents: JSON.stringify({
          holidays: datesOnly(table.holidays),
          workdays: datesOnly(table.workdays),
        }),
        loader: "json",
      };
    });
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
    charset: "utf8",
    logLevel: "error",
    plugins: [zodEnglishOnly, zodNamespaceImport, zodWithoutCompiler, holidayDatesOnly],
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
    initialModules: [...initial].flatMap((path) => Object.keys(outputs[path]!.inputs)),
    metafile,
  };
}
