import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";

/** Shared stack, browser and page helpers for the browser end-to-end tests. */
export const baseUrl = inject("baseUrl");
export const PASSWORD = "Demo@2026";
export const DEMO_TENANT = "120115";

/** Set WEIQUAN_E2E_SCREENSHOTS=1 to keep PNGs of the main screens (for a human look). */
const screenshotDir = process.env.WEIQUAN_E2E_SCREENSHOTS ? join(tmpdir(), "weiquan-e2e-screenshots") : null;

let browser: Browser;

/** Wait for the console's build, started in the background by the global setup; a failed build fails here. */
async function consoleBuilt(): Promise<void> {
  const marker = inject("consoleBuild");
  while (!existsSync(marker)) await new Promise((r) => setTimeout(r, 250));
  const outcome = JSON.parse(readFileSync(marker, "utf8")) as { ok: boolean; error?: string };
  if (!outcome.ok) throw new Error(`the console's build failed: ${outcome.error}`);
}

/** Launch Debian's Chromium before the file's tests (once the console is built) and close it after them. */
export function useBrowser(): void {
  // The build may still be running when only e2e files run (a minute quiet, a few on a busy machine).
  beforeAll(async () => {
    await consoleBuilt();
    browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
  });
}

/** A fresh browser profile (empty localStorage) per test. */
export async function freshPage(): Promise<Page> {
  const context = await browser.newContext({
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    viewport: { width: 1280, height: 800 },
  });
  return context.newPage();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  if (!screenshotDir) return;
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

export async function text(page: Page, testId: string): Promise<string> {
  const locator = page.getByTestId(testId).first();
  await locator.waitFor({ state: "visible" });
  return ((await locator.textContent()) ?? "").trim();
}

/** Wait until an element shows the expected text (the UI may still be switching language or loading). */
export async function waitForText(page: Page, testId: string, expected: string | RegExp): Promise<void> {
  const locator = page.getByTestId(testId).first();
  await locator.waitFor({ state: "visible" });
  const matches = (s: string) => (typeof expected === "string" ? s.includes(expected) : expected.test(s));
  const deadline = Date.now() + 15_000;
  let last = "";
  while (Date.now() < deadline) {
    last = (await locator.textContent()) ?? "";
    if (matches(last)) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`[data-testid=${testId}] shows "${last}", expected ${String(expected)}`);
}

/** Fill and submit the login form (without waiting for the outcome). */
export async function fillLogin(
  page: Page,
  tenant: string,
  username: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId("login-tenant").fill(tenant);
  await page.getByTestId("login-username").fill(username);
  await page.getByTestId("login-password").fill(password);
  await page.getByTestId("login-submit").click();
}

/** Log in and wait for the home page. */
export async function login(page: Page, tenant: string, username: string, password: string): Promise<void> {
  await fillLogin(page, tenant, username, password);
  await page.getByTestId("home-welcome").waitFor();
}

/** A demo user's token, for changing data behind the console's back. */
export async function tokenOf(username: string, tenant = DEMO_TENANT): Promise<string> {
  const res = await fetch(`${baseUrl}/v1/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ tenant, username, password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

/** Calls the API as `token`; any error status fails the test. */
// biome-ignore lint/suspicious/noExplicitAny: JSON from the API
export async function call(token: string, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBeLessThan(300);
  return json;
}

/**
 * How many A4 pages the open page prints on: Chromium's own print to PDF (the CSS `@page` rules), counted
 * from the PDF's page objects. Chinese text must be set in a Chinese font to be measured as users see it.
 */
export async function printedPages(page: Page): Promise<number> {
  const cjk = execFileSync("fc-list", [":lang=zh", "family"], { encoding: "utf8" }).trim();
  if (!cjk) throw new Error("no Chinese font installed: apt-get install fonts-noto-cjk (.ci/run does)");
  await page.evaluate(() => document.fonts.ready);
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** First login of an account whose password an admin set: the forced change, then the home page. */
export async function loginChangingPassword(
  page: Page,
  tenant: string,
  username: string,
  given: string,
  chosen: string,
): Promise<void> {
  await fillLogin(page, tenant, username, given);
  await page.getByTestId("password-change-page").waitFor();
  await page.getByTestId("pwc-current").fill(given);
  await page.getByTestId("pwc-new").fill(chosen);
  await page.getByTestId("pwc-confirm").fill(chosen);
  await page.getByTestId("pwc-submit").click();
  await page.getByTestId("home-welcome").waitFor();
}

/**
 * Open an antd Select by its test id and pick the option with this label, until the Select shows it. On a
 * busy machine the first click can land while the drawer or modal is still animating in and open nothing,
 * or the option's click can land while the list still moves and choose nothing: open again until the
 * dropdown shows, and check the choice took. Escape only closes an open dropdown (never the modal).
 */
export async function chooseOption(page: Page, selectTestId: string, label: string): Promise<void> {
  const dropdown = page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)");
  const option = dropdown.getByText(label).first();
  const select = page.getByTestId(selectTestId);
  const shows = () =>
    select.evaluate(
      (el, text) => ((el.closest(".ant-select") ?? el).textContent ?? "").includes(text),
      label,
    );
  for (let attempt = 0; attempt < 4; attempt++) {
    await select.click();
    try {
      await option.waitFor({ state: "visible", timeout: 7_000 });
      await option.click();
      await expect.poll(shows, { timeout: 5_000 }).toBe(true);
      return;
    } catch (e) {
      if (attempt === 3) throw e;
      if (await shows()) return;
      if (await dropdown.first().isVisible()) await page.keyboard.press("Escape").catch(() => {});
    }
  }
}

/**
 * Open an antd Select or TreeSelect (its root, or its input) and search it for `text`, until the search box
 * holds all of it; returns the open dropdown. Typing key by key on a busy machine can lose characters or
 * land before the dropdown opens, and a partial search can push the wanted node out of the virtual list.
 */
export async function searchSelect(page: Page, select: Locator, text: string): Promise<Locator> {
  const dropdown = page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)");
  const input = (await select.evaluate((el) => el.tagName === "INPUT"))
    ? select
    : select.locator("input").first();
  for (let attempt = 0; ; attempt++) {
    await select.click();
    try {
      await dropdown.first().waitFor({ state: "visible", timeout: 7_000 });
      await input.fill(text);
      await expect.poll(() => input.inputValue(), { timeout: 5_000 }).toBe(text);
      return dropdown;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
}
