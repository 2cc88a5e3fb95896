/**
 * The console for a real county (issue 15 item 4): 滕州 (370481) onboarded with its 1,201 pre-populated
 * units, its bureau chief opening the network page and the figures page in the production build in
 * headless Chromium. Measures time to first useful paint (the tree's rows / the headline figures on
 * screen, from navigation start, cold cache) and the page's JS heap once it has settled, plus the size
 * of the two big answers on the wire. Goal ≤ 1.5 s each on this machine.
 *
 * `tsx bench/console-scale.ts [--dist <built console>] [--runs n]` runs it alone (`--dist` measures another
 * build, e.g. an older commit's, against today's API).
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { request } from "node:http";
import { createRequire } from "node:module";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { DEMO_PASSWORD, startLocalStack } from "@weiquan/local";
import type * as Playwright from "../test/node_modules/playwright-core";
import { percentile, printTable, round, writeResults } from "./lib.ts";

const web = resolve(import.meta.dirname, "../web");
const { chromium } = createRequire(resolve(import.meta.dirname, "../test/package.json"))(
  "playwright-core",
) as typeof Playwright;

export const COUNTY = "370481";
export const CHIEF = { username: "chief", displayName: "滕州局长", password: "Tengzhou@2026" };

function build(dist: string) {
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

export async function call(base: string, method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** Onboards 滕州 with pre-population as the platform operator and waits until it is active. */
export async function onboardCounty(base: string): Promise<void> {
  const login = await call(base, "POST", "/v1/auth/login", undefined, {
    tenant: "platform",
    username: "operator",
    password: DEMO_PASSWORD,
  });
  const tenant = await call(base, "POST", "/v1/platform/tenants", login.token, {
    countyCode: COUNTY,
    name: "滕州市市场监督管理局",
    admin: CHIEF,
    prepopulate: true,
  });
  for (let i = 0; i < 600; i++) {
    const t = await call(base, "GET", `/v1/platform/tenants/${tenant.id}`, login.token);
    if (t.status === "active") return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("滕州 did not become active");
}

/** Bytes of an answer on the wire (asking for gzip like a browser, read undecoded) and of its JSON. */
async function wire(base: string, path: string, token: string) {
  const { status, encoding, bytes } = await new Promise<{
    status: number;
    encoding: string;
    bytes: Buffer;
  }>((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      { headers: { Authorization: `Bearer ${token}`, "Accept-Encoding": "gzip, deflate" } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            encoding: res.headers["content-encoding"] ?? "identity",
            bytes: Buffer.concat(chunks),
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end();
  });
  const json = encoding === "gzip" ? gunzipSync(bytes) : bytes;
  return {
    path,
    status,
    encoding,
    "wire KiB": round(bytes.byteLength / 1024, 1),
    "JSON KiB": round(json.byteLength / 1024, 1),
  };
}

interface Visit {
  firstUsefulPaintMs: number;
  jsHeapMiB: number;
}

/**
 * One cold visit of `path` (a new browser context: empty HTTP cache, only the stored session): the time
 * from navigation start to the first frame in which `selector` is on screen (recorded in the page, frame
 * by frame, so Playwright's own polling adds nothing), then the JS heap once the page settled.
 */
async function visit(
  browser: Playwright.Browser,
  base: string,
  token: string,
  expiresAt: string,
  path: string,
  selector: string,
): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "zh-CN" });
  await context.addInitScript(
    ([t, e]) => {
      localStorage.setItem("weiquan.token", t!);
      localStorage.setItem("weiquan.tokenExpiresAt", e!);
    },
    [token, expiresAt],
  );
  // A string, not a function: tsx would wrap a named function in a helper the page does not have.
  await context.addInitScript({
    content: `(() => {
      const tick = (t) => {
        const el = document.querySelector(${JSON.stringify(selector)});
        if (el && el.getBoundingClientRect().height > 0) window.__firstUsefulPaint = t;
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })();`,
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  await page.goto(`${base}${path}`, { waitUntil: "commit" });
  await page.locator(selector).first().waitFor({ state: "visible", timeout: 120_000 });
  const firstUsefulPaintMs = await page
    .waitForFunction(() => (window as unknown as { __firstUsefulPaint?: number }).__firstUsefulPaint)
    .then((h) => h.jsonValue() as Promise<number>);
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(500);
  const { metrics } = await cdp.send("Performance.getMetrics");
  const heap = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0;
  await context.close();
  return { firstUsefulPaintMs, jsHeapMiB: heap / 1024 / 1024 };
}

export async function consoleScale(opts: { runs: number; dist?: string }) {
  const dist = opts.dist ?? join(tmpdir(), `weiquan-scale-bench-${process.pid}`);
  if (!opts.dist) build(dist);
  const stack = await startLocalStack({ seedDemo: true, staticDir: dist, overdueSweepEveryMs: 0 });
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  try {
    await onboardCounty(stack.apiUrl);
    const chief = await call(stack.apiUrl, "POST", "/v1/auth/login", undefined, {
      tenant: COUNTY,
      username: CHIEF.username,
      password: CHIEF.password,
    });
    const units = (await call(stack.apiUrl, "GET", "/v1/units", chief.token)).items.length;
    const year = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4);
    const answers = [
      await wire(stack.apiUrl, "/v1/units", chief.token),
      // What the figures page reads: the chief's unit and the units directly below it.
      await wire(stack.apiUrl, `/v1/stats/units?from=${year}-01&to=${year}-12&depth=1`, chief.token),
      // The whole county's table (the per-unit Excel export), ≈50 figures a row: never read by a page.
      await wire(stack.apiUrl, `/v1/stats/units?from=${year}-01&to=${year}-12`, chief.token),
    ];
    const pages = {
      network: { path: "/network", selector: '[data-testid="network-tree"] [data-unit-name]' },
      figures: { path: "/figures", selector: '[data-testid="figure-received"] .ant-statistic-content' },
    };
    const out: Record<string, { bestMs: number; p50Ms: number; maxMs: number; heapMiB: number }> = {};
    for (const [name, p] of Object.entries(pages)) {
      const visits: Visit[] = [];
      // One warm-up visit (the stack's first reads of the county), then the measured ones.
      await visit(browser, stack.apiUrl, chief.token, chief.expiresAt, p.path, p.selector);
      for (let i = 0; i < opts.runs; i++)
        visits.push(await visit(browser, stack.apiUrl, chief.token, chief.expiresAt, p.path, p.selector));
      const ms = visits.map((v) => v.firstUsefulPaintMs);
      out[name] = {
        bestMs: round(Math.min(...ms)),
        p50Ms: round(percentile(ms, 50)),
        maxMs: round(Math.max(...ms)),
        heapMiB: round(
          percentile(
            visits.map((v) => v.jsHeapMiB),
            50,
          ),
          1,
        ),
      };
    }
    return { county: COUNTY, units, pages: out, answers };
  } finally {
    await browser.close();
    await stack.stop();
    if (!opts.dist) rmSync(dist, { recursive: true, force: true });
  }
}

/** Prints the two tables and writes bench/results/console-scale.json. */
export function reportConsoleScale(r: Awaited<ReturnType<typeof consoleScale>>) {
  printTable(
    `Console at county scale (${r.units} units, 1366×768 headless Chromium, cold cache; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores): first useful paint and JS heap (goal ≤ 1,500 ms)`,
    Object.entries(r.pages).map(([page, v]) => ({
      page,
      "best ms": v.bestMs,
      "p50 ms": v.p50Ms,
      "max ms": v.maxMs,
      "JS heap MiB": v.heapMiB,
    })),
  );
  printTable("Answers on the wire", r.answers);
  writeResults("console-scale", r);
}

// `tsx bench/console-scale.ts` runs this alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  reportConsoleScale(await consoleScale({ runs: Number(arg("--runs") ?? 5), dist: arg("--dist") }));
}
