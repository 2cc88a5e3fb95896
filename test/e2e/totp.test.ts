import { totpCode } from "@weiquan/fn-api/auth/totp";
import { describe, expect, it } from "vitest";
import { DEMO_TENANT, fillLogin, freshPage, PASSWORD, useBrowser, waitForText } from "./support.ts";

/** A demo user no other e2e test logs in as: turning TOTP on for it changes nothing elsewhere. */
const USERNAME = "bureau";

useBrowser();

const STEP = 30_000;
/** A six-digit code that is none of the three the server accepts now (previous, current, next step). */
function wrongCode(secret: string): string {
  const now = Date.now();
  const accepted = new Set([-1, 0, 1, 2].map((d) => totpCode(secret, new Date(now + d * STEP))));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, "0");
    if (!accepted.has(code)) return code;
  }
}

describe("two-step verification in the console", () => {
  it("lets a user turn TOTP on from the user menu, then asks for the code at the next login", async () => {
    const page = await freshPage();
    await fillLogin(page, DEMO_TENANT, USERNAME, PASSWORD);
    await page.getByTestId("home-welcome").waitFor();

    await page.getByTestId("header-user-menu").click();
    await page.getByTestId("menu-account-security").click();
    await page.waitForURL(/\/account\/security$/);
    await page.locator('[data-testid="totp-status"][data-enabled="false"]').waitFor();

    await page.getByTestId("totp-start").click();
    await page.getByTestId("totp-qr").waitFor();
    const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s+/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);

    // A wrong code is refused with the API's message; the right one turns TOTP on.
    await page.getByTestId("totp-confirm-code").fill(wrongCode(secret));
    await page.getByTestId("totp-confirm").click();
    await waitForText(page, "totp-error", "验证码");
    await page.getByTestId("totp-confirm-code").fill(totpCode(secret, new Date()));
    await page.getByTestId("totp-confirm").click();
    await page.locator('[data-testid="totp-status"][data-enabled="true"]').waitFor();
    await page.getByTestId("totp-disable-code").waitFor();

    await page.getByTestId("logout").click();
    await page.waitForURL(/\/login$/);

    // The password alone now leads to the code field.
    await fillLogin(page, DEMO_TENANT, USERNAME, PASSWORD);
    await waitForText(page, "login-totp-prompt", "动态验证码");
    await page.getByTestId("login-totp").fill(wrongCode(secret));
    await page.getByTestId("login-submit").click();
    await waitForText(page, "login-error", "动态验证码");
    expect(new URL(page.url()).pathname).toBe("/login");

    // The confirming code is used up; the next step's code is accepted (the server allows ±1 step).
    await page.getByTestId("login-totp").fill(totpCode(secret, new Date(Date.now() + STEP)));
    await page.getByTestId("login-submit").click();
    await page.getByTestId("home-welcome").waitFor();
    expect(new URL(page.url()).pathname).toBe("/");

    // Turning it off needs a valid code: a wrong one is refused on the page.
    await page.getByTestId("header-user-menu").click();
    await page.getByTestId("menu-account-security").click();
    await page.locator('[data-testid="totp-status"][data-enabled="true"]').waitFor();
    await page.getByTestId("totp-disable-code").fill(wrongCode(secret));
    await page.getByTestId("totp-disable").click();
    await waitForText(page, "totp-error", "验证码");
    await page.locator('[data-testid="totp-status"][data-enabled="true"]').waitFor();
    await page.context().close();
  });
});
