import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { ensureCountyAssets } from "@weiquan/divisions/build";
import { type BundleReport, bundle } from "./bundling.ts";
import { assertWebAssets, repoRoot } from "./config.ts";

/** Where the provisioner finds the per-county division files: `/var/task/divisions`. */
export const DIVISIONS_FOLDER = "divisions";
/** The console's page next to the api's bundle (served by the api in the China regions). */
export const CONSOLE_PAGE = "console/index.html";

/** Every Lambda function of a stage and its entry file (relative to the repository root). */
export const functionEntries = {
  api: "functions/api/src/lambda.ts",
  provisioner: "functions/provisioner/src/lambda.ts",
  scheduler: "functions/api/src/scheduler.ts",
  sweeper: "functions/api/src/sweeper.ts",
} as const;

export type FunctionName = keyof typeof functionEntries;

/** A bundled function: the folder CDK uploads (`index.mjs`, lazy `chunks/`, data files) and its sizes. */
export interface BundledFunction {
  dir: string;
  report: BundleReport;
}

export type Bundles = Record<FunctionName, BundledFunction>;

/**
 * Bundles every function (in parallel, in-process) before the stacks are built, so synthesis only
 * points CDK at finished folders. The provisioner also gets the county division files (one small JSON
 * per county, read by the prepopulate step): the national data set is never bundled.
 */
export async function bundleFunctions(
  outRoot: string,
  opts: {
    /** The built console (`web/dist`): its index.html ships with the api. */
    webAssetPath: string;
    entries?: Partial<Record<FunctionName, string>>;
    countyDivisionsDir?: string;
  },
): Promise<Bundles> {
  mkdirSync(outRoot, { recursive: true });
  assertWebAssets(opts.webAssetPath);
  const divisions = opts.countyDivisionsDir ?? ensureCountyAssets();
  const names = Object.keys(functionEntries) as FunctionName[];
  const built = await Promise.all(
    names.map(async (name) => {
      const dir = join(outRoot, name);
      const report = await bundle({
        entry: resolve(repoRoot, opts.entries?.[name] ?? functionEntries[name]),
        outdir: dir,
        files: {
          api: [{ from: join(opts.webAssetPath, "index.html"), to: CONSOLE_PAGE }],
          provisioner: [{ from: divisions, to: DIVISIONS_FOLDER }],
          scheduler: [],
          sweeper: [],
        }[name],
      });
      return [name, { dir, report }] as const;
    }),
  );
  return Object.fromEntries(built) as Bundles;
}
