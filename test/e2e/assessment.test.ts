import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { samplePng } from "../support/files.ts";
import {
  baseUrl,
  call,
  DEMO_TENANT,
  freshPage,
  login,
  PASSWORD,
  printedPages,
  screenshot,
  tokenOf,
  useBrowser,
  waitForText,
} from "./support.ts";

useBrowser();

// biome-ignore lint/suspicious/noExplicitAny: JSON from the API
type Json = any;
const NAME = "浏览器测试年度考核";

/** Submits a drawer's form and waits for it to close; the API's complaint, if it stays open. */
async function submit(page: Page, id: string): Promise<void> {
  await page.getByTestId(`${id}-submit`).click();
  const failed = page
    .getByTestId(`${id}-error`)
    .waitFor({ timeout: 30_000 })
    .then(async () => `${id}: ${await page.getByTestId(`${id}-error`).textContent()}`)
    .catch(() => null);
  const closed = page
    .getByTestId(`${id}-drawer`)
    .waitFor({ state: "hidden", timeout: 30_000 })
    .then(() => null);
  const problem = await Promise.race([failed, closed]);
  if (problem) throw new Error(problem);
}

describe("the annual assessment and creation campaigns", () => {
  it("is made, scored and finalized by the bureau, then signed off by the 综治 viewer (its only write)", async () => {
    const page = await freshPage();
    await login(page, DEMO_TENANT, "admin", PASSWORD);
    await page.goto(`${baseUrl}/assessment`);
    await page.getByTestId("assessment-page").waitFor();

    // A template from the starter sheet: five items adding up to 100, the auto ones with their definitions.
    await page.getByTestId("template-new").click();
    await page.getByTestId("template-drawer").waitFor();
    await page.getByTestId("template-name").fill(NAME);
    await waitForText(page, "template-sum", "合计 100 分");
    await page.getByTestId("metric-definition-closure_rate").waitFor();
    await submit(page, "template");

    // Make the year's assessment: the console opens it and follows it until it is being scored.
    await page.getByTestId(`template-make-${NAME}`).click();
    await page.getByTestId("assessment-detail").waitFor();
    await page
      .locator('[data-testid="assessment-status"][data-status="scoring"]')
      .waitFor({ timeout: 60_000 });
    const id = new URL(page.url()).pathname.split("/").pop()!;
    const admin = await tokenOf("admin");
    const first: Json = await call(admin, "GET", `/v1/assessments/${id}?order=tree&limit=100`);
    const manual = first.template.items.filter((i: Json) => i.source === "manual").map((i: Json) => i.code);
    expect(manual).toEqual(["B1", "B2"]);
    const unit = first.sheets[0];

    // Score one unit's manual items in the console, with a note.
    await page.getByTestId(`sheet-open-${unit.unitName}`).click();
    await page.getByTestId("sheet-drawer").waitFor();
    await page.getByTestId("sheet-item-A2").getByText("办结").first().waitFor();
    await page.getByTestId("score-B1").fill("18");
    await page.getByTestId("score-note-B1").fill("台账缺两页");
    await page.getByTestId("score-B2").fill("20");
    // With a photo of the ledger as evidence, uploaded with progress and a thumbnail.
    const evidence = page.getByTestId("score-evidence-B1");
    await evidence
      .locator('input[type="file"]')
      .setInputFiles({ name: "台账.png", mimeType: "image/png", buffer: samplePng() });
    await evidence.locator(".ant-upload-list-item-done").waitFor({ timeout: 30_000 });
    await submit(page, "sheet");
    const scored: Json = await call(admin, "GET", `/v1/assessments/${id}/sheets/${unit.unitId}`);
    expect(scored.items.find((i: Json) => i.code === "B1")).toMatchObject({
      points: 18,
      note: "台账缺两页",
      attachments: [expect.objectContaining({ fileName: "台账.png" })],
    });

    // A regulation office scores a sheet of its own area in the console (the only sheets it is shown).
    const units: Json = await call(admin, "GET", "/v1/units");
    const officeId = units.items.find((u: Json) => u.name === "宝平市场监管所").id;
    const area: Json = await call(admin, "GET", `/v1/assessments/${id}?unitId=${officeId}&limit=100`);
    const theirs = area.sheets.find((s: Json) => s.unitId !== unit.unitId);
    const office = await freshPage();
    await login(office, DEMO_TENANT, "office1", PASSWORD);
    await office.goto(`${baseUrl}/assessment/${id}`);
    await office.getByTestId(`sheet-open-${theirs.unitName}`).click();
    await office.getByTestId("sheet-drawer").waitFor();
    await office.getByTestId("score-B1").fill("17");
    await office.getByTestId("score-B2").fill("19");
    await submit(office, "sheet");
    const byOffice: Json = await call(admin, "GET", `/v1/assessments/${id}/sheets/${theirs.unitId}`);
    expect(byOffice.items.find((i: Json) => i.code === "B2")).toMatchObject({ points: 19 });

    // The other sheets behind the console's back, then finalize in the console.
    for (const s of first.sheets.slice(1).filter((s: Json) => s.unitId !== theirs.unitId))
      await call(admin, "PATCH", `/v1/assessments/${id}/sheets/${s.unitId}`, {
        version: s.version,
        items: [
          { code: "B1", points: 15 },
          { code: "B2", points: 16 },
        ],
      });
    await page.reload();
    await page.getByTestId("assessment-finalize").click();
    await page.getByTestId("confirm-ok").click();
    await page
      .locator('[data-testid="assessment-status"][data-status="finalized"]')
      .waitFor({ timeout: 60_000 });
    await page.getByTestId("sheets-table").getByText("★").first().waitFor();
    await screenshot(page, "assessment-finalized");

    // The ranking prints on A4 and so does a unit's sheet, one page each.
    await page.getByTestId("assessment-print").click();
    await page.getByTestId("print-ranking").waitFor();
    expect(await page.getByTestId("print-ranking").locator("tbody tr").count()).toBe(first.sheets.length);
    // A county's ranking runs over pages as its network grows (other files add units to the demo county):
    // at least ten rows to an A4 page, a small county's on at most two.
    expect(await printedPages(page)).toBeLessThanOrEqual(Math.max(2, Math.ceil(first.sheets.length / 10)));
    await page.goto(`${baseUrl}/assessment/${id}/print/${unit.unitId}`);
    await page.getByTestId(`print-sheet-${unit.unitId}`).getByText("台账缺两页").waitFor();
    expect(await printedPages(page)).toBe(1);

    // The 综治 viewer reads it, may not score, finalize or make templates, and signs it off.
    const viewer = await freshPage();
    await login(viewer, DEMO_TENANT, "viewer", PASSWORD);
    await viewer.goto(`${baseUrl}/assessment`);
    await viewer.getByTestId("assessment-page").waitFor();
    await viewer.getByTestId(`assessment-open-${NAME}`).click();
    await viewer.getByTestId("assessment-detail").waitFor();
    await viewer.getByTestId("sheets-table").getByText(unit.unitName).waitFor();
    expect(await viewer.getByTestId("template-new").count()).toBe(0);
    expect(await viewer.getByTestId("assessment-finalize").count()).toBe(0);
    await viewer.getByTestId(`sheet-open-${unit.unitName}`).click();
    await viewer.getByTestId("sheet-drawer").waitFor();
    expect(await viewer.getByTestId("score-B1").count()).toBe(0);
    // The evidence shows on the sheet to whoever reads it.
    await viewer.getByTestId("sheet-evidence-B1-image").first().waitFor();
    await viewer.keyboard.press("Escape");
    await viewer.getByTestId("assessment-signoff-open").click();
    await viewer.getByTestId("signoff-note").fill("同意考核结果");
    await viewer.getByTestId("signoff-submit").click();
    await waitForText(viewer, "assessment-signoff", "周平");
    expect(await viewer.getByTestId("assessment-signoff-open").count()).toBe(0);
    await screenshot(viewer, "assessment-signed-off");
  }, 420_000);

  it("a 无传销社区 campaign is started by the bureau, its sample drawn per township and its report printed", async () => {
    const page = await freshPage();
    await login(page, DEMO_TENANT, "admin", PASSWORD);
    await page.goto(`${baseUrl}/campaigns`);
    await page.getByTestId("campaigns-page").waitFor();
    await page.getByTestId("campaign-new").click();
    await page.getByTestId("campaign-name").fill("浏览器测试创建活动");
    await submit(page, "campaign");
    await page.getByTestId("campaign-detail").waitFor();
    const id = new URL(page.url()).pathname.split("/").pop()!;
    await page.getByTestId("campaign-progress").getByText("合计").waitFor();

    // Every point declares its 五个一 (behind the console's back), then the bureau draws with an announced seed.
    const admin = await tokenOf("admin");
    const c: Json = await call(admin, "GET", `/v1/campaigns/${id}`);
    const units: Json = await call(admin, "GET", `/v1/campaigns/${id}/units?limit=100`);
    const all = Object.fromEntries(c.checklist.map((i: Json) => [i.code, true]));
    for (const u of units.items)
      await call(admin, "POST", `/v1/campaigns/${id}/units/${u.unitId}/created`, { checklist: all });
    await page.reload();
    await page.locator("#campaign-seed").fill("7");
    await page.getByTestId("campaign-draw").click();
    await waitForText(page, "campaign-sample", "种子 7");
    const drawn: Json = await call(admin, "GET", `/v1/campaigns/${id}`);
    expect(drawn.sample.size).toBe(drawn.progress.stations.reduce((n: number, s: Json) => n + s.sampled, 0));

    await page.getByTestId("campaign-report").click();
    await page.getByTestId("campaign-report-doc").waitFor();
    expect(await page.getByTestId("campaign-report-doc").locator("tbody tr").count()).toBe(
      drawn.progress.stations.length + 1 + drawn.sample.size,
    );
    expect(await printedPages(page)).toBe(1);
  }, 240_000);
});
