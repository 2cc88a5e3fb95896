/**
 * The consumers' page on a phone: the JS and CSS it loads (gzip) from the production build, and its time
 * to interactive in headless Chromium against the local stack — unthrottled on localhost and on an
 * emulated slow mobile line — next to the console's login page measured the same way, as a ratio.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { DEMO_COUNTY, startLocalStack } from "@weiquan/local";
import type * as Playwright from "../test/node_modules/playwright-core";
import { percentile, round } from "./lib.ts";

const web = resolve(import.meta.dirname, "../web");
// A build of its own: other runs (e2e, the console bench) rebuild web/dist meanwhile.
const dist = join(tmpdir(), `weiquan-public-bench-${process.pid}`);
// playwright-core belongs to the test package (the e2e tests); load it from there.
const { chromium } = createRequire(resolve(import.meta.dirname, "../test/package.json"))(
  "playwright-core",
) as typeof Playwright;

function build() {
  execFileSync(
    process.execPath,
    [
      join(web, "node_modules/vite/bin/vite.js"),
      "build",
      "--outDir",
      dist,
      "--emptyOutDir",
      "--logLevel",
      "warn",
    ],
    { cwd: web, stdio: "ignore", env: { ...process.env, NODE_ENV: "production" } },
  );
}

/** A chunk and every chunk it imports statically (what the browser fetches before the page can run). */
function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(dist, "assets", file), "utf8");
  for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[^"'();]*?from\s*)?["']\.\/([^"']+\.js)["']/g))
    closure(m[1]!, seen);
  return seen;
}

/** What /p/{county} loads: index.html's entry and CSS, then the page's chunk, its imports and its CSS. */
export function publicPageAssets() {
  build();
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const entry = [...html.matchAll(/(?:src|href)="\/?assets\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const page = readFileSync(join(dist, "assets", entry.find((e) => e.endsWith(".js"))!), "utf8").match(
    /PublicIntakePage-[\w-]+\.js/,
  )![0];
  const js = new Set<string>();
  for (const e of entry.filter((f) => f.endsWith(".js"))) closure(e, js);
  const pageOnly = closure(page);
  for (const f of pageOnly) js.add(f);
  // Vite names a chunk's stylesheet after the chunk (with its own hash).
  const stem = (f: string) => f.replace(/-[\w-]{8}\.(js|css)$/, "");
  const stems = new Set([...pageOnly].map(stem));
  const css = [
    ...entry.filter((f) => f.endsWith(".css")),
    ...readdirSync(join(dist, "assets")).filter((f) => f.endsWith(".css") && stems.has(stem(f))),
  ];
  const size = (files: Iterable<string>) => {
    let bytes = 0;
    let gzip = 0;
    for (const f of files) {
      const b = readFileSync(join(dist, "assets", f));
      bytes += b.length;
      gzip += gzipSync(b, { level: 9 }).length;
    }
    return { bytes, gzip };
  };
  return {
    files: [...js, ...css],
    js: size(js),
    css: size(css),
    /** The page's own chunks (not the shared React entry). */
    pageOnly: size([...pageOnly].filter((f) => !entry.includes(f))),
    consoleCodeLoaded: [...js].some((f) => /ConsoleApp|LoginPage|antd/.test(f)),
  };
}

interface Line {
  name: string;
  /** Chrome DevTools network emulation; undefined = unthrottled localhost. */
  net?: { latency: number; downloadThroughput: number; uploadThroughput: number };
}
const lines: Line[] = [
  { name: "localhost" },
  // "Slow 3G" as DevTools defines it: 400 ms RTT, 400 kbit/s down, 400 kbit/s up.
  { name: "slow 3G", net: { latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 } },
];

/**
 * Milliseconds from navigation start until `selector` is on screen and enabled — for the public page that is
 * after the directory answered, so the consumer can tap "我要投诉".
 */
async function tti(browser: Playwright.Browser, url: string, selector: string, line: Line): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 }, locale: "zh-CN" });
  const page = await context.newPage();
  if (line.net) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, ...line.net });
  }
  await page.goto(url, { waitUntil: "commit" });
  await page.locator(selector).first().waitFor({ state: "visible", timeout: 120_000 });
  await page.waitForFunction(
    (s) => !(document.querySelector(s) as HTMLButtonElement | null)?.disabled,
    selector,
  );
  const ms = await page.evaluate(() => performance.now());
  await context.close();
  return ms;
}

export async function publicPageTti(runs: number) {
  const stack = await startLocalStack({ seedDemo: true, staticDir: dist, overdueSweepEveryMs: 0 });
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  try {
    const out: Record<string, { public: number; login: number; ratio: number; p90Public: number }> = {};
    const county = DEMO_COUNTY.countyCode;
    for (const line of lines) {
      const pub: number[] = [];
      const login: number[] = [];
      const n = line.net ? Math.max(2, Math.ceil(runs / 2)) : runs;
      for (let i = 0; i < n; i++) {
        pub.push(
          await tti(browser, `${stack.apiUrl}/p/${county}`, '[data-testid="public-kind-complaint"]', line),
        );
        login.push(await tti(browser, `${stack.apiUrl}/login`, '[data-testid="login-submit"]', line));
      }
      const p50 = percentile(pub, 50);
      const l50 = percentile(login, 50);
      out[line.name] = {
        public: round(p50),
        login: round(l50),
        ratio: round(p50 / l50),
        p90Public: round(percentile(pub, 90)),
      };
    }
    return out;
  } finally {
    await browser.close();
    await stack.stop();
    rmSync(dist, { recursive: true, force: true });
  }
}

// `tsx bench/public-page.ts` runs this alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { printTable, writeResults } = await import("./lib.ts");
  const sizes = publicPageAssets();
  printTable("Public page (/p/{county}) JS + CSS, gzip KiB", [
    {
      "JS gzip": round(sizes.js.gzip / 1024, 1),
      "CSS gzip": round(sizes.css.gzip / 1024, 1),
      "own chunks gzip": round(sizes.pageOnly.gzip / 1024, 1),
      files: sizes.files.length,
      "console code": String(sizes.consoleCodeLoaded),
    },
  ]);
  const t = await publicPageTti(5);
  printTable(
    "Public page time to interactive (ms, median; 375×667, headless Chromium)",
    Object.entries(t).map(([line, v]) => ({
      line,
      public: v.public,
      "console login": v.login,
      "public / login": v.ratio,
    })),
  );
  writeResults("public-page", { sizes, tti: t });
}
