import { createApp, localDeps } from "@weiquan/fn-api";
import { describe, expect, inject, it } from "vitest";
import { complaintBody } from "../support/cases.ts";
import { samplePng } from "../support/files.ts";
import {
  chooseOption,
  DEMO_TENANT,
  freshPage,
  login,
  PASSWORD,
  printedPages,
  screenshot,
  useBrowser,
  waitForText,
} from "./support.ts";

useBrowser();

const shanghaiMonth = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
const monthBefore = (m: string) => {
  const i = Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 2;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
};

/**
 * Last month's closures, made through the API with last month's clock (the running stack answers with
 * today's): point1 closes two complaints in the middle of last month. Returns their tracking numbers.
 */
async function closeLastMonth(): Promise<string[]> {
  const lastMonth = monthBefore(shanghaiMonth(new Date()));
  // Logged in today (the account's sessions start after its seeding), working with last month's clock.
  let clock = new Date();
  const deps = localDeps({ endpoint: inject("e2eDynamoEndpoint"), tokenTtlSeconds: 90 * 86400 });
  const app = createApp({ ...deps, now: () => clock });
  // biome-ignore lint/suspicious/noExplicitAny: JSON from the API
  const call = async (method: string, path: string, token: string | null, body?: unknown): Promise<any> => {
    const res = await app.request(path, {
      method,
      headers: {
        "content-type": "application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    expect(res.status, JSON.stringify(json)).toBeLessThan(300);
    return json;
  };
  const { token } = await call("POST", "/v1/auth/login", null, {
    tenant: DEMO_TENANT,
    username: "point1",
    password: PASSWORD,
  });
  clock = new Date(`${lastMonth}-14T09:00:00+08:00`);
  const tracking: string[] = [];
  for (const subject of ["抽查回访：电热水器漏水", "抽查回访：预付卡退费"]) {
    let c = await call("POST", "/v1/cases", token, complaintBody({ subject }));
    tracking.push(c.trackingNo);
    for (const a of [
      { action: "accept" },
      { action: "start_mediation" },
      { action: "resolve", agreement: "经营者同意退款", recoveredFen: 50000 },
      { action: "close" },
    ]) {
      clock = new Date(clock.getTime() + 3_600_000);
      c = await call("POST", `/v1/cases/${c.id}/transitions`, token, { ...a, version: c.version });
    }
  }
  return tracking;
}

describe("supervision", () => {
  it("a bureau's month: draw last month's sample and call a consumer back, inspect a station; the station answers and rectifies, the bureau verifies", async () => {
    const closed = await closeLastMonth();

    // 抽查回访: the 工作台 says last month's sample is due; the bureau draws it for the whole county with
    // an announced seed.
    const lastMonth = monthBefore(shanghaiMonth(new Date()));
    const bureau = await freshPage();
    await login(bureau, DEMO_TENANT, "bureau", PASSWORD);
    await bureau.getByTestId("work-sampling.roundDue").getByText(`${lastMonth} 办结投诉`).click();
    await bureau.getByTestId("draw-drawer").waitFor();
    await chooseOption(bureau, "draw-scope", "全县");
    await bureau.locator("#draw_seed").fill("20261201");
    await bureau.getByTestId("draw-submit").click();
    await bureau.getByTestId("round-view").waitFor();
    await waitForText(bureau, "round-seed", "20261201");
    await waitForText(bureau, "round-method", "SHA-256");
    const rows = bureau.locator('[data-testid^="item-row-"]');
    await rows.first().waitFor();
    const trackingNo = ((await rows.first().getAttribute("data-testid")) ?? "").replace("item-row-", "");
    expect(closed).toContain(trackingNo);
    await screenshot(bureau, "supervision-round");

    // The number is read on demand; the consumer is unsatisfied: a follow-up for the point.
    await rows.first().locator('[data-testid^="show-phone-"]').click();
    await rows.first().getByText("13812348000").waitFor();
    await bureau.getByTestId(`callback-${trackingNo}`).click();
    await bureau.getByTestId("callback-result-unsatisfied").click();
    await bureau.getByTestId("callback-issue-slow").click();
    await bureau.getByTestId("callback-submit").click();
    await waitForText(bureau, `item-result-${trackingNo}`, "不满意");
    await waitForText(bureau, "round-progress", "已接通 1");

    // The round on paper: the sample list with the result, on one A4 page.
    await bureau.getByTestId("round-print-open").click();
    await bureau.getByTestId("round-print").waitFor();
    await waitForText(bureau, `print-item-${trackingNo}`, /不满意.*处理不及时/);
    expect(await printedPages(bureau)).toBe(1);
    await screenshot(bureau, "supervision-round-print");
    await bureau.getByRole("button", { name: "返回列表" }).click();
    await bureau.getByTestId("round-view").waitFor();

    // 检查整改: the bureau inspects 宝平街道's station, one item failed, one finding with a due date.
    await bureau.getByTestId("nav-inspections").click();
    await bureau.getByTestId("inspections-page").waitFor();
    await bureau.getByTestId("inspect-open").click();
    await bureau.getByTestId("inspect-drawer").waitFor();
    await bureau.locator("#inspect_unitId").click();
    await bureau.locator("#inspect_unitId").fill("宝平街道");
    await bureau.keyboard.press("Enter");
    await bureau.getByTestId("inspect-result-ledger_complete-fail").click();
    await bureau.getByTestId("inspect-add-finding").click();
    const finding = "台账未登记 11 月两件投诉的处理结果";
    await bureau.getByTestId("inspect-finding-0").fill(finding);
    await bureau.getByTestId("inspect-submit").click();
    await bureau.getByTestId("inspection-drawer").waitFor();
    await waitForText(bureau, "finding-status-0", "待整改");
    const inspectionUrl = bureau.url();
    expect(new URL(inspectionUrl).searchParams.get("inspection")).toBeTruthy();
    await screenshot(bureau, "supervision-inspection");

    // The station: its 工作台 lists the follow-up and the finding; it answers both.
    const station = await freshPage();
    await login(station, DEMO_TENANT, "station1", PASSWORD);
    await station.getByTestId("work-sampling.followUps").getByText(trackingNo).waitFor();
    await station.getByTestId("work-inspections.toRectify").getByText(finding).click();
    await station.getByTestId("inspection-drawer").waitFor();
    await station.getByTestId("finding-rectify-0").click();
    await station.getByTestId("finding-note").fill("已补登两件投诉的处理结果并拍照留存");
    await station
      .getByTestId("finding-modal")
      .getByTestId("file-input")
      .setInputFiles({ name: "台账.png", mimeType: "image/png", buffer: samplePng() });
    await station.getByTestId("file-uploaded").waitFor();
    await station.getByTestId("finding-submit").click();
    await waitForText(station, "finding-status-0", "待核验");

    await station.locator(".ant-drawer-close").click();
    await station.getByTestId("inspection-drawer").waitFor({ state: "hidden" });
    await station.getByTestId("nav-sampling").click();
    await station.getByTestId("follow-ups-table").waitFor();
    await station.getByTestId(`follow-up-close-${trackingNo}`).click();
    await station.getByTestId("follow-up-close-drawer").locator("textarea").fill("已联系消费者，商家已退款");
    await station.getByTestId("follow-up-close-submit").click();
    await station.getByTestId(`follow-up-row-${trackingNo}`).waitFor({ state: "detached" });

    // The bureau verifies the rectification; the finding is done.
    await bureau.goto(inspectionUrl);
    await bureau.getByTestId("inspection-drawer").waitFor();
    await bureau.getByTestId("finding-verify-0").click();
    await bureau.getByTestId("finding-submit").click();
    await waitForText(bureau, "finding-status-0", "已整改");
    await screenshot(bureau, "supervision-verified");

    // The quarter's report says it, the way the bureau writes it.
    const month = shanghaiMonth(new Date());
    const quarter = `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
    await bureau.goto(new URL(`/figures/report?period=${quarter}`, bureau.url()).href);
    await waitForText(bureau, "report-supervision", /本期检查各级消费维权组织 \d+ 次/);
    await waitForText(bureau, "report-supervision", /整改完成率/);
  }, 300_000);
});
