import type { LoginResponse, MeResponse } from "@weiquan/domain";
import { describe, expect, it } from "vitest";
import {
  baseUrl,
  DEMO_TENANT,
  fillLogin,
  freshPage,
  PASSWORD,
  screenshot,
  text,
  useBrowser,
  waitForText,
} from "./support.ts";

const DEMO_TENANT_NAME = "天津市宝坻区市场监督管理局";

useBrowser();

async function apiMe(tenant: string, username: string): Promise<MeResponse> {
  const login = await fetch(`${baseUrl}/v1/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ tenant, username, password: PASSWORD }),
  });
  expect(login.status).toBe(200);
  const { token } = (await login.json()) as LoginResponse;
  const me = await fetch(`${baseUrl}/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
  expect(me.status).toBe(200);
  return (await me.json()) as MeResponse;
}

describe("console shell", () => {
  it("shows a service-point worker their name, role, unit and county bureau on the home page", async () => {
    const expected = await apiMe(DEMO_TENANT, "point1");
    const page = await freshPage();
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/login$/);
    await waitForText(page, "login-submit", "登");
    await screenshot(page, "login");

    await fillLogin(page, DEMO_TENANT, "point1", PASSWORD);
    await page.getByTestId("home-welcome").waitFor();
    expect(new URL(page.url()).pathname).toBe("/");
    expect(await text(page, "home-user-name")).toBe(expected.user.displayName);
    expect(await text(page, "home-role")).toBe("服务点工作人员");
    expect(await text(page, "home-tenant")).toBe(DEMO_TENANT_NAME);
    expect(await text(page, "home-unit")).toContain(expected.unit?.name ?? "—");
    expect(await text(page, "header-tenant")).toBe(DEMO_TENANT_NAME);
    expect(await text(page, "header-user")).toBe(expected.user.displayName);
    // A point worker sees the ledger but neither user management nor settings.
    await page.getByTestId("nav-ledger").waitFor();
    expect(await page.getByTestId("nav-users").count()).toBe(0);
    expect(await page.getByTestId("nav-settings").count()).toBe(0);
    await screenshot(page, "home");

    // The menu opens the ledger.
    await page.getByTestId("nav-ledger").click();
    await page.getByTestId("ledger-page").waitFor();
    expect(new URL(page.url()).pathname).toBe("/cases");

    // The session survives a reload: the token is kept and /v1/me restores it.
    await page.goto(`${baseUrl}/`);
    expect(await text(page, "home-user-name")).toBe(expected.user.displayName);
    await page.context().close();
  });

  it("shows the API's message for a wrong password and stays on the login page", async () => {
    const res = await fetch(`${baseUrl}/v1/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ tenant: DEMO_TENANT, username: "station2", password: "wrong-password-1" }),
    });
    expect(res.status).toBe(401);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("INVALID_CREDENTIALS");

    const page = await freshPage();
    await fillLogin(page, DEMO_TENANT, "station2", "wrong-password-2");
    await waitForText(page, "login-error", error.message);
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.getByTestId("login-form").waitFor();
    // The button is usable again for the next try.
    expect(await page.getByTestId("login-submit").isEnabled()).toBe(true);
    await screenshot(page, "login-error");
    await page.context().close();
  });

  it("switches every label to English and remembers the choice", async () => {
    const page = await freshPage();
    await page.goto(`${baseUrl}/login`);
    await waitForText(page, "login-submit", "登 录");
    await page.getByTestId("lang-switch").click();
    await waitForText(page, "login-submit", "Sign in");
    await waitForText(page, "product-name", "Weiquan");

    await fillLogin(page, DEMO_TENANT, "point1", PASSWORD);
    await waitForText(page, "home-role", "Point staff");
    await waitForText(page, "nav-home", "Home");
    await waitForText(page, "logout", "Sign out");
    await waitForText(page, "home-welcome-title", /^Welcome, /);

    await page.reload();
    await waitForText(page, "nav-ledger", "Case ledger");

    await page.getByTestId("lang-switch").click();
    await waitForText(page, "nav-ledger", "案件台账");
    await waitForText(page, "logout", "退出登录");
    await page.context().close();
  });

  it("logs out back to the login page and forgets the session", async () => {
    const page = await freshPage();
    await fillLogin(page, DEMO_TENANT, "station1", PASSWORD);
    await page.getByTestId("home-welcome").waitFor();
    await page.getByTestId("logout").click();
    await page.waitForURL(/\/login$/);
    await page.getByTestId("login-logged-out").waitFor();
    // The county code is remembered for the next login.
    expect(await page.getByTestId("login-tenant").inputValue()).toBe(DEMO_TENANT);

    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/login$/);
    await page.getByTestId("login-form").waitFor();
    await page.context().close();
  });

  it("sends an expired session back to the login page with a message", async () => {
    const page = await freshPage();
    await fillLogin(page, DEMO_TENANT, "viewer", PASSWORD);
    await page.getByTestId("home-welcome").waitFor();
    await page.evaluate(() => localStorage.setItem("weiquan.token", "not-a-valid-token"));
    await page.goto(`${baseUrl}/figures`);
    await page.waitForURL(/\/login$/);
    await waitForText(page, "login-expired", "登录已过期，请重新登录");
    await page.context().close();
  });

  it("lets a platform operator onboard a county, see it active, and suspend it", async () => {
    const page = await freshPage();
    await fillLogin(page, "platform", "operator", PASSWORD);
    await page.waitForURL(/\/tenants$/);
    await page.getByTestId(`tenant-row-${DEMO_TENANT}`).waitFor();
    expect(await text(page, `tenant-row-${DEMO_TENANT}`)).toContain(DEMO_TENANT_NAME);
    // Operators get the control plane only.
    expect(await page.getByTestId("nav-home").count()).toBe(0);

    await page.getByTestId("onboard-open").click();
    const drawer = page.getByTestId("onboard-drawer");
    await drawer.waitFor();
    // Validation as you type, with the API schema's own wording.
    await page.getByTestId("onboard-countyCode").fill("120100");
    await drawer.getByText("须为县级行政区划代码（末两位不能为 00）").waitFor();
    await page.getByTestId("onboard-countyCode").fill("120116");
    await drawer.getByText("须为县级行政区划代码（末两位不能为 00）").waitFor({ state: "detached" });
    await page.getByTestId("onboard-name").fill("天津市宁河区市场监督管理局");
    await page.getByTestId("onboard-admin-username").fill("ninghe_admin");
    await page.getByTestId("onboard-admin-displayName").fill("宁河管理员");
    await page.getByTestId("onboard-admin-password").fill("short");
    await drawer.getByText("密码至少 8 位").waitFor();
    await page.getByTestId("onboard-admin-password").fill("Ninghe@2026");
    await screenshot(page, "onboard");
    await page.getByTestId("onboard-submit").click();

    await page.getByTestId("tenant-row-120116").waitFor({ timeout: 30_000 });
    await page
      .locator('[data-testid="tenant-status-120116"][data-status="active"]')
      .waitFor({ timeout: 60_000 });
    expect(await text(page, "tenant-row-120116")).toContain("天津市宁河区市场监督管理局");
    await screenshot(page, "tenants");

    // Onboarding the same county again is refused on the county-code field.
    await page.getByTestId("onboard-open").click();
    await page.getByTestId("onboard-countyCode").fill("120116");
    await page.getByTestId("onboard-name").fill("重复的县局");
    await page.getByTestId("onboard-admin-username").fill("dup_admin");
    await page.getByTestId("onboard-admin-displayName").fill("重复");
    await page.getByTestId("onboard-admin-password").fill("Dup@20261");
    await page.getByTestId("onboard-submit").click();
    await page.getByTestId("onboard-error").waitFor();
    await page.locator("#onboard_countyCode_help").waitFor();
    await drawer.getByRole("button", { name: /取\s*消/ }).click();

    await page.getByTestId("tenant-suspend-120116").click();
    await page.getByTestId("confirm-ok").click();
    await page.locator('[data-testid="tenant-status-120116"][data-status="suspended"]').waitFor();
    await page.getByTestId("tenant-resume-120116").waitFor();
    await page.context().close();

    // The suspended county's admin is told so at login, in the API's words.
    const admin = await freshPage();
    await fillLogin(admin, "120116", "ninghe_admin", "Ninghe@2026");
    await admin.getByTestId("login-error").waitFor();
    expect(new URL(admin.url()).pathname).toBe("/login");
    await admin.context().close();
  });

  it("serves the public intake route without loading the console's code", async () => {
    const page = await freshPage();
    const scripts: string[] = [];
    page.on("request", (req) => {
      if (req.resourceType() === "script") scripts.push(new URL(req.url()).pathname);
    });
    await page.goto(`${baseUrl}/p/${DEMO_TENANT}`);
    await page.getByTestId("public-home").waitFor();
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((s) => /ConsoleApp|LoginPage|TenantsPage|HomePage/.test(s))).toEqual([]);
    await page.context().close();
  });
});
