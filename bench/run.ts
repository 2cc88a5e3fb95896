/**
 * `pnpm bench`: prints tables and writes bench/results/foundation.json. Numbers are compared as ratios
 * measured in the same run, because these machines are noisy; nothing here is asserted.
 */
import { availableParallelism, loadavg } from "node:os";
import { assessmentBenchmark } from "./assessment.ts";
import { bundleAll, floorBundles } from "./bundles.ts";
import { caseBenchmarks } from "./cases.ts";
import { type ColdStart, coldStarts } from "./cold-start.ts";
import { consoleInitialBundle } from "./console-bundle.ts";
import { consoleScale, reportConsoleScale } from "./console-scale.ts";
import { coreCalls } from "./core-calls.ts";
import { figuresScale } from "./figures.ts";
import { latency } from "./latency.ts";
import { printTable, round, writeResults } from "./lib.ts";
import { publicPageAssets, publicPageTti } from "./public-page.ts";
import { samplingBenchmark } from "./sampling.ts";

const quick = process.argv.includes("--quick");

// `pnpm bench reliability`: the security and reliability catalog alone (bench/reliability.ts).
if (process.argv.includes("reliability")) {
  await import("./reliability.ts");
  process.exit(0);
}

const sizes = await bundleAll();
printTable(
  "Lambda bundles (as deployed: esbuild, minified ESM, lazy chunks; cold start reads the initial part)",
  Object.entries(sizes).map(([name, s]) => ({
    bundle: name,
    "initial bytes": s.bytes,
    "initial KB": round(s.bytes / 1000, 1),
    "initial KiB": round(s.bytes / 1024, 1),
    "entry gzip KiB": round(s.gzip / 1024, 1),
    "with lazy chunks KiB": round(s.totalBytes / 1024, 1),
  })),
);
console.log(
  `api initial part: ${sizes.api!.bytes.toLocaleString("en")} bytes = ${round(sizes.api!.bytes / 1000, 1)} KB = ${round(sizes.api!.bytes / 1024, 1)} KiB (goal: under 800 KB, 800,000 bytes: ${sizes.api!.bytes < 800_000 ? "met" : "not met"})`,
);
printTable(
  "What the api's cold start reads, biggest first (KiB)",
  sizes.api!.top.map(([name, bytes]) => ({ "package or folder": name, KiB: round(bytes / 1024, 1) })),
);

const web = consoleInitialBundle();
printTable("Console initial JS + CSS (what index.html loads)", [
  { files: web.assets.length, KiB: round(web.bytes / 1024, 1), "gzip KiB": round(web.gzip / 1024, 1) },
]);

const runs = quick ? 3 : 10;
const floors = await floorBundles();
const load = { before: loadavg()[0]!, after: 0 };
const starts = coldStarts({ hello: sizes.hello!.file, ...floors, api: sizes.api!.file }, runs);
load.after = loadavg()[0]!;
const { hello, api, stack } = starts;
const cold = {
  ...starts,
  loadAverage: load,
  ratioImportAndFirstRequest: round(api.importAndFirstRequestMs / hello.importAndFirstRequestMs),
  ratioProcessWall: round(api.processWallMs / hello.processWallMs),
  ratioProcessCpu: round(api.processCpuMs / hello.processCpuMs),
  stackRatioProcessCpu: round(stack.processCpuMs / hello.processCpuMs),
};
const row = (bundle: string, s: ColdStart) => ({
  bundle,
  "import+first request ms": round(s.importAndFirstRequestMs),
  "process wall ms": round(s.processWallMs),
  "process CPU ms": round(s.processCpuMs),
  "CPU p25–p75": s.processCpuSpreadMs.map((ms) => Math.round(ms)).join("–"),
  "CPU / hello": round(s.processCpuMs / hello.processCpuMs),
  "wall / hello": round(s.processWallMs / hello.processWallMs),
});
printTable(
  `Cold start (fresh process, import + first request GET /v1/health, median of ${runs} interleaved; load average ${load.before.toFixed(1)} → ${load.after.toFixed(1)} on ${availableParallelism()} cores; goal: api ≤ 3× hello)`,
  Object.entries(starts).map(([name, s]) => row(name, s as ColdStart)),
);
console.log(
  `api / hello: process CPU ${cold.ratioProcessCpu}×, wall ${cold.ratioProcessWall}× (goal ≤ 3×: ${cold.ratioProcessCpu <= 3 && cold.ratioProcessWall <= 3 ? "met" : "not met"}); the libraries alone ("stack": Hono, the DynamoDB client, jose, zod, the logger, Middy) ${cold.stackRatioProcessCpu}× — the rest is Weiquan's own code and schemas`,
);

const lat = await latency(quick ? { me: 30, login: 10 } : { me: 300, login: 60 });
printTable(
  "Latency through the handler vs the raw DynamoDB calls it makes (ms, DynamoDB Local)",
  Object.entries(lat).map(([call, s]) => ({ call, ...s })),
);

const figures = await figuresScale(
  quick ? { levels: [1_000, 10_000], runs: 10 } : { levels: [1_000, 10_000, 100_000], runs: 50 },
);
printTable("Dashboard (summary + categories, 24 months) at scale: flat in cases (DynamoDB Local)", figures);

const pub = publicPageAssets();
printTable(
  "Public page /p/{county}: JS + CSS it loads (gzip KiB; own chunks = beyond the shared React entry)",
  [
    {
      "JS gzip": round(pub.js.gzip / 1024, 1),
      "CSS gzip": round(pub.css.gzip / 1024, 1),
      "own chunks gzip": round(pub.pageOnly.gzip / 1024, 1),
      "console code": String(pub.consoleCodeLoaded),
    },
  ],
);
const pubTti = await publicPageTti(quick ? 3 : 7);
printTable(
  "Public page time to interactive (ms, median, 375×667 headless Chromium) vs the console's login page",
  Object.entries(pubTti).map(([line, v]) => ({
    line,
    public: v.public,
    login: v.login,
    "public / login": v.ratio,
  })),
);
writeResults("public-page", { sizes: pub, tti: pubTti });

const file = writeResults("foundation", {
  bundles: sizes,
  console: web,
  coldStart: cold,
  latency: lat,
  figures,
});
console.log(`\nwritten ${file}`);

// Core calls (issue 10): ledger page, case view and dashboard against their one essential query alone;
// writes bench/results/core-calls.json.
await coreCalls({ quick });

// Cases (issue 4): create / get / list / transition vs their DynamoDB operations, capacity per
// complaint lifecycle, ledger page at 1k / 10k / 100k cases; writes bench/results/cases.json.
await caseBenchmarks({ quick });

// Annual assessment (issue 12): making the year's assessment for ~1,200 units and 20,000 cases vs reading
// the same rollups raw; finalize and the ranking; writes bench/results/assessment.json.
await assessmentBenchmark({ quick });

// Sampled callbacks (issue 12): drawing a month's round for ~1,200 units and 20,000 cases a year vs reading
// the same population raw; writes bench/results/sampling.json.
await samplingBenchmark({ quick });

// The console at county scale (issue 15): the network and figures pages of a 1,200-unit county in the
// production build, first useful paint and JS heap; writes bench/results/console-scale.json.
reportConsoleScale(await consoleScale({ runs: quick ? 3 : 5 }));
