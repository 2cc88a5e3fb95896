import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { complaintBody } from "../support/cases.ts";
import { baseUrl, DEMO_TENANT, freshPage, login, PASSWORD, screenshot, useBrowser } from "./support.ts";

useBrowser();

async function apiCall(path: string, token: string | null, body?: unknown) {
  const res = await fetch(`${baseUrl}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

describe("figures dashboard", () => {
  it("shows the bureau its charts, drills from a category into the ledger and downloads the workbook", async () => {
    // A few complaints this month, so the dashboard has something to rank whatever ran before.
    const { token } = await apiCall("/v1/auth/login", null, {
      tenant: DEMO_TENANT,
      username: "point1",
      password: PASSWORD,
    });
    for (const category of ["goods.food", "goods.food", "services.telecom"])
      await apiCall("/v1/cases", token, complaintBody({ category }));

    const page = await freshPage();
    await login(page, DEMO_TENANT, "bureau", PASSWORD);
    await page.getByTestId("nav-figures").click();
    await page.getByTestId("figures-page").waitFor();
    expect(new URL(page.url()).pathname).toBe("/figures");

    // Headline numbers, and the charts drawn on canvases once ECharts has loaded on demand.
    const received = page.getByTestId("figure-received");
    await received.waitFor();
    expect(
      Number((await received.locator(".ant-statistic-content").textContent())?.replace(/,/g, "")),
    ).toBeGreaterThanOrEqual(3);
    for (const chart of ["chart-by-month", "chart-categories", "chart-trend", "chart-ranking"]) {
      const el = page.locator(`[data-testid="${chart}"][data-ready="true"] canvas`).first();
      await el.waitFor();
      const box = await el.boundingBox();
      expect(box?.width).toBeGreaterThan(100);
      expect(box?.height).toBeGreaterThan(100);
    }
    // The units table lists the units right below the bureau; a row with units below opens their figures.
    const office = page.getByTestId("figures-units").locator("tr", { hasText: "宝平市场监管所" });
    await office.locator('[data-testid^="figures-open-"]').click();
    await page.getByTestId("figures-units").getByText("宝平街道消费维权服务站").first().waitFor();
    expect(new URL(page.url()).searchParams.get("unitId")).toBeTruthy();
    await screenshot(page, "figures-dashboard");
    // The help drawer explains every figure.
    await page.getByTestId("figures-help").click();
    await page.getByTestId("figures-help-drawer").getByText("调解成功率").first().waitFor();
    await page.keyboard.press("Escape");
    await page.getByTestId("figures-help-drawer").waitFor({ state: "hidden" });

    // Download the workbook and open it.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("figures-export").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const path = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const head = wb.getWorksheet("汇总")!;
    expect(head.getRow(1).getCell(1).value).toBe("指标");
    expect(head.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });

    // Drill into a category: the ledger opens filtered the same way.
    await page.getByTestId("category-goods.food").click();
    await page.waitForURL((u) => u.pathname === "/cases");
    const url = new URL(page.url());
    expect(url.searchParams.get("category")).toBe("goods.food");
    expect(url.searchParams.get("kind")).toBe("complaint");
    expect(url.searchParams.get("subtree")).toBe("true");
    expect(url.searchParams.get("unitId")).toBeTruthy();
    expect(url.searchParams.get("from")).toMatch(/^\d{4}-01-01$/);
    expect(url.searchParams.get("to")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.context().close();
  });

  it("prints the period summary report in Chinese", async () => {
    const page = await freshPage();
    await login(page, DEMO_TENANT, "bureau", PASSWORD);
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const quarter = `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
    await page.goto(`${baseUrl}/figures/report?period=${quarter}`);
    const report = page.getByTestId("period-report");
    await report.waitFor();
    const text = (await report.textContent()) ?? "";
    expect(text).toContain("消费维权工作情况");
    expect(text).toContain("一、受理和办理情况");
    expect(text).toContain("二、投诉热点");
    expect(text).toContain("三、维权网络建设");
    expect(text).toMatch(/挽回经济损失 [\d,]+\.\d\d 元/);
    await screenshot(page, "figures-report");
    await page.context().close();
  });
});
