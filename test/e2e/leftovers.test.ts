import { describe, expect, it } from "vitest";
import {
  baseUrl,
  call,
  DEMO_TENANT,
  freshPage,
  login,
  PASSWORD,
  screenshot,
  tokenOf,
  useBrowser,
  waitForText,
} from "./support.ts";

useBrowser();

describe("notices, the personal-data access log and the working-day calendar", () => {
  it("shows the bureau admin who read a case's personal data: station1 opens a case, the admin finds the entry and follows it to the case", async () => {
    const station = await tokenOf("station1");
    const created = await call(station, "POST", "/v1/cases", {
      kind: "complaint",
      channel: "walk_in",
      consumer: { name: "孙凤英", phone: "13920005678", address: "宝坻区南关大街 9 号" },
      business: { name: "宝坻区好运来超市", address: "宝坻区南关大街 30 号" },
      category: "goods.food",
      nature: "quality",
      subject: `过期牛奶 ${Date.now().toString(36)}`,
      description: "在该超市购买的牛奶已过保质期。",
      request: "退货并赔偿",
      requestTypes: ["return", "compensate"],
      amountFen: 5600,
    });
    await call(station, "POST", `/v1/cases/${created.id}/transitions`, {
      action: "accept",
      version: created.version,
    });
    // Reading the case whole is what the audit trail records.
    const read = await call(station, "GET", `/v1/cases/${encodeURIComponent(created.id)}`);
    // 60 days of mediation from now may end in a year the holiday data does not know (after 2026).
    const lateYear = Math.max(
      ...Object.values(read.deadlines as Record<string, string>).map((at) => Number(at.slice(0, 4))),
    );

    const page = await freshPage();
    await login(page, DEMO_TENANT, "admin", PASSWORD);
    await page.getByTestId("nav-audit").click();
    await page.getByTestId("audit-page").waitFor();
    expect(new URL(page.url()).pathname).toBe("/audit");
    const row = page.getByTestId(`audit-row-${created.trackingNo}`).first();
    await row.waitFor();
    expect(await row.textContent()).toContain("刘秀英");
    await screenshot(page, "audit");
    await page.getByTestId(`audit-case-${created.trackingNo}`).first().click();
    await waitForText(page, "case-tracking-no", created.trackingNo);
    if (lateYear > 2026) {
      await waitForText(page, "case-calendar-uncovered", `${lateYear} 年的法定节假日安排尚未收录`);
    } else {
      expect(await page.getByTestId("case-calendar-uncovered").count()).toBe(0);
    }
  });

  it("lets the bureau admin add a working-day correction that survives a reload, warns about a year without holiday data, and shows the rule table", async () => {
    const page = await freshPage();
    await login(page, DEMO_TENANT, "admin", PASSWORD);
    await page.getByTestId("nav-settings").click();
    await page.getByTestId("calendar-section").waitFor();
    // The holiday data stops at 2026: from here on, next year is counted Monday to Friday.
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    if (year + 1 > 2026) {
      await waitForText(page, "calendar-uncovered", `${year + 1} 年的法定节假日安排尚未收录`);
    }
    await page.getByTestId("rule-set-samr-121").waitFor();
    expect(await page.getByTestId("rule-set-samr-121").textContent()).toContain("60 日");

    // A day that no other test touches: a random date in 2027.
    const day = `2027-${String(1 + Math.floor(Math.random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(Math.random() * 28)).padStart(2, "0")}`;
    const existing = page.getByTestId(`calendar-remove-${day}`);
    if (await existing.count()) {
      await existing.click();
      await page.getByTestId(`calendar-row-${day}`).waitFor({ state: "detached" });
    }
    const picker = page.getByTestId("calendar-date");
    await picker.click();
    await picker.fill(day);
    await picker.press("Enter");
    await page.getByTestId("calendar-kind-work").click();
    await page.getByTestId("calendar-note").fill("春节调休上班");
    await page.getByTestId("calendar-add").click();
    await page.getByTestId("calendar-saved").waitFor();
    await page.getByTestId(`calendar-row-${day}`).waitFor();
    await screenshot(page, "settings-calendar");

    await page.reload();
    const row = page.getByTestId(`calendar-row-${day}`);
    await row.waitFor();
    expect(await row.textContent()).toContain("春节调休上班");
    expect(await row.textContent()).toContain("上班");
    const admin = await tokenOf("admin");
    const settings = await call(admin, "GET", "/v1/settings");
    expect(settings.calendarOverrides).toContainEqual({ date: day, workday: true, note: "春节调休上班" });

    // Removing it saves too.
    await page.getByTestId(`calendar-remove-${day}`).click();
    await page.getByTestId(`calendar-row-${day}`).waitFor({ state: "detached" });
    await page.reload();
    await page.getByTestId("calendar-section").waitFor();
    await page.getByTestId("calendar-table").waitFor();
    expect(await page.getByTestId(`calendar-row-${day}`).count()).toBe(0);
  });

  it("rings the bell only for what is unread: point1 reads its notices, then its bell shows none unread; point1 prints its own contact card from the home page", async () => {
    // Other files file online to point1 (each filing notifies the receiving unit): read them all first.
    const token = await tokenOf("point1");
    const notices = (await call(token, "GET", "/v1/notices?limit=100")) as {
      items: { id: string; read: boolean }[];
    };
    for (const n of notices.items) if (!n.read) await call(token, "POST", `/v1/notices/${n.id}/read`);
    const page = await freshPage();
    await login(page, DEMO_TENANT, "point1", PASSWORD);
    const bell = page.getByTestId("notices-bell");
    await bell.waitFor();
    expect(await bell.getAttribute("data-unread")).toBe("0");
    await bell.click();
    await page.getByTestId("notices-panel").waitFor();
    if (notices.items.length === 0) await page.getByTestId("notices-empty").waitFor();
    else await page.getByTestId("notices-list").waitFor();
    await screenshot(page, "notices-read");
    await page.keyboard.press("Escape");

    await page.getByTestId("home-contact-card").click();
    await page.getByTestId("contact-card").waitFor();
    expect(await page.getByTestId("card-name").textContent()).toContain("南关");
    // The back button leads home, not to the network page a point cannot open.
    await page.getByTestId("card-back").click();
    await page.getByTestId("home-welcome").waitFor();
    // Another unit's card stays closed to a point.
    await page.goto(`${baseUrl}/network/someone-else/card`);
    await page.getByTestId("forbidden").waitFor();
    expect(await page.getByTestId("contact-card").count()).toBe(0);
  });
});
