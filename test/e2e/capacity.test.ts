import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { samplePng } from "../support/files.ts";
import {
  chooseOption,
  DEMO_TENANT,
  freshPage,
  login,
  PASSWORD,
  screenshot,
  searchSelect,
  useBrowser,
  waitForText,
} from "./support.ts";

useBrowser();

const POINT2_UNIT = "大口屯村消费维权服务点";

/** Choose a photo in an upload field and wait until it is uploaded (progress done, thumbnail shown). */
async function attachPhoto(page: Page, testId: string) {
  await page
    .getByTestId(testId)
    .locator('input[type="file"]')
    .setInputFiles({ name: "现场照片.png", mimeType: "image/png", buffer: samplePng() });
  await page.getByTestId(testId).locator(".ant-upload-list-item-done").waitFor({ timeout: 30_000 });
  expect(await page.getByTestId(testId).locator(".ant-upload-list-item-thumbnail img").count()).toBe(1);
}

describe("training and outreach: the bureau's day", () => {
  const suffix = Date.now().toString(36);
  const title = `食品安全消费警示${suffix}`;
  let bureau: Page;

  it("a station clerk records this month's training and a 3·15 stall, each with a photo", async () => {
    const station = await freshPage();
    await login(station, DEMO_TENANT, "station1", PASSWORD);
    await station.getByTestId("nav-outreach").click();
    await station.getByTestId("coverage").waitFor();
    expect(new URL(station.url()).pathname).toBe("/outreach");

    // 业务培训: this month's training with the sign-in sheet photographed.
    await station.getByTestId("training-new").click();
    await station.getByTestId("training-title").fill(`投诉处理业务培训${suffix}`);
    await station.getByTestId("training-place").fill("宝平街道便民服务中心");
    await station.getByTestId("training-people").fill("刘秀英\n杨春燕");
    await attachPhoto(station, "training-photos");
    await station.getByTestId("training-create-submit").click();
    await station.getByTestId("training-create-drawer").waitFor({ state: "hidden" });
    await station.getByTestId("trainings-table").getByText(`投诉处理业务培训${suffix}`).waitFor();

    // The place was wrong: edit it (the drawer opens on the record with its photo kept).
    const trainingRow = station
      .getByTestId("trainings-table")
      .locator("tr", { hasText: `投诉处理业务培训${suffix}` });
    await trainingRow.locator('[data-testid^="training-edit-"]').click();
    const edit = station.getByTestId("training-edit-drawer");
    await edit.getByTestId("attachment-list-image").first().waitFor();
    await edit.getByTestId("training-place").fill("宝平街道综合文化站");
    await station.getByTestId("training-edit-submit").click();
    await edit.waitFor({ state: "hidden" });

    // The year's trainings as a workbook.
    const [file] = await Promise.all([
      station.waitForEvent("download"),
      station.getByTestId("trainings-export").click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/^业务培训\d{4}\.xlsx$/);

    // 宣传活动: a 3·15 consultation stall with a photo; the row shows it, expanded with its thumbnail.
    await station.getByTestId("tab-publicity").click();
    await station.getByTestId("publicity-by-kind").waitFor();
    await station.getByTestId("publicity-new").click();
    await station.getByTestId("publicity-title").fill(`3·15 咨询台${suffix}`);
    await station.getByTestId("publicity-people").fill("120");
    await chooseOption(station, "publicity-campaign", "3·15");
    await attachPhoto(station, "publicity-photos");
    await station.getByTestId("publicity-create-submit").click();
    await station.getByTestId("publicity-create-drawer").waitFor({ state: "hidden" });
    const row = station.getByTestId("publicity-table").locator("tr", { hasText: `3·15 咨询台${suffix}` });
    await row.waitFor();
    await row.locator(".ant-table-row-expand-icon").click();
    const thumb = station.getByTestId("publicity-photos-list-image").locator("img").first();
    await expect.poll(() => thumb.getAttribute("src"), { timeout: 15_000 }).toMatch(/.+/);
    await screenshot(station, "capacity-publicity");
  }, 240_000);

  it("the bureau sends a food-safety warning to one village point and sees it unread", async () => {
    // The bureau sends a food-safety warning to one village point and sees it unread.
    bureau = await freshPage();
    await login(bureau, DEMO_TENANT, "bureau", PASSWORD);
    await bureau.getByTestId("nav-outreach").click();
    await bureau.getByTestId("tab-warnings").click();
    await bureau.getByTestId("warnings-table").waitFor();
    await bureau.getByTestId("warning-new").click();
    await bureau.getByTestId("warning-title").fill(title);
    await bureau
      .getByTestId("warning-body")
      .fill("近期有流动商贩在农村集市销售“三无”食品，请提醒村民不要购买。");
    await bureau.getByTestId("warning-to").getByText("指定单位").click();
    const units = bureau.getByTestId("warning-create-drawer").locator(".ant-select").last();
    await searchSelect(bureau, units, "大口屯村");
    await bureau.locator(".ant-select-tree-node-content-wrapper", { hasText: POINT2_UNIT }).click();
    await bureau.keyboard.press("Escape");
    await bureau.getByTestId("warning-create-submit").click();
    await bureau.getByTestId("warning-detail").waitFor();
    await waitForText(bureau, "warning-ack-count", "0 / 1");
  }, 240_000);

  it("the point finds it on its 工作台 and in the bell, acknowledges it, and the bureau sees it signed", async () => {
    // The point sees it on its 工作台 and in the bell, opens it and acknowledges.
    const point = await freshPage();
    await login(point, DEMO_TENANT, "point2", PASSWORD);
    await point.getByTestId("work-warnings.toAck").getByText(title).waitFor();
    await point.getByTestId("notices-bell").click();
    await point.getByTestId("notices-list").locator('[data-kind="warning"]', { hasText: title }).click();
    await point.getByTestId("warning-detail").getByText(title).first().waitFor();
    await point.getByTestId("warning-ack").click();
    await point.getByTestId("warning-acked").waitFor();
    await screenshot(point, "capacity-warning-acked");

    // The sender's view follows.
    await bureau.reload();
    await waitForText(bureau, "warning-ack-count", "1 / 1");
  }, 240_000);
});
