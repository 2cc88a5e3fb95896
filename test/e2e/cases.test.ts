import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  baseUrl,
  call,
  chooseOption,
  DEMO_TENANT,
  freshPage,
  login,
  PASSWORD,
  printedPages,
  screenshot,
  searchSelect,
  text,
  tokenOf,
  useBrowser,
  waitForText,
} from "./support.ts";

useBrowser();

/** A complete walk-in complaint registered through the API. */
async function registerByApi(token: string, subject: string, phone = "13920005678") {
  return call(token, "POST", "/v1/cases", {
    kind: "complaint",
    channel: "walk_in",
    consumer: { name: "孙凤英", phone, address: "宝坻区南关大街 9 号" },
    business: { name: "宝坻区好运来超市", address: "宝坻区南关大街 30 号" },
    category: "goods.food",
    nature: "quality",
    subject,
    description: "在该超市购买的牛奶已过保质期。",
    request: "退货并赔偿",
    requestTypes: ["return", "compensate"],
    amountFen: 5600,
  });
}

/** Run one workflow action through the case page's button and its form. */
async function act(page: Page, action: string, fill?: () => Promise<void>): Promise<void> {
  await page.getByTestId(`case-action-${action}`).click();
  const modal = page.locator(".ant-modal").filter({ has: page.getByTestId("action-submit") });
  await modal.waitFor();
  if (fill) await fill();
  await page.getByTestId("action-submit").click();
  await modal.waitFor({ state: "hidden" });
}

describe("cases in the console", () => {
  it("lets point1 register a walk-in complaint at the counter, mediate it to an agreement, close it and print the 调解书; the bureau calls back", async () => {
    const suffix = Date.now().toString(36);
    const subject = `电热水器漏水 ${suffix}`;
    const page = await freshPage();
    await login(page, DEMO_TENANT, "point1", PASSWORD);
    await page.getByTestId("nav-ledger").click();
    await page.getByTestId("ledger-page").waitFor();
    expect(new URL(page.url()).pathname).toBe("/cases");
    await page.getByTestId("ledger-new").click();
    await page.getByTestId("intake-page").waitFor();

    // Saving an empty complaint names what the regulation requires.
    await page.getByTestId("intake-submit").click();
    await page.getByText("请填写姓名").first().waitFor();
    await page.getByText("请填写联系电话").first().waitFor();
    await page.getByText("投诉必须填写投诉请求（勾选或说明）").waitFor();
    // Validation as you type, in the API schema's own words.
    await page.getByTestId("intake-consumer-phone").fill("12345");
    await page.getByText("请填写正确的手机号或带区号的固定电话").waitFor();
    await page.getByTestId("intake-consumer-phone").fill("");

    // Keyboard entry: the name has the focus, Enter moves on through the parties.
    await page.getByTestId("intake-consumer-name").focus();
    await page.keyboard.type("赵丽华");
    await page.keyboard.press("Enter");
    await page.keyboard.type("13612345678");
    await page.keyboard.press("Enter");
    await page.keyboard.type("宝坻区南关社区 3 号楼 201");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter"); // no ID number
    await page.keyboard.type("宝坻区万家电器城");
    await page.keyboard.press("Enter");
    await page.keyboard.type("宝坻区南关大街 66 号");
    expect(await page.getByTestId("intake-consumer-phone").inputValue()).toBe("13612345678");
    expect(await page.getByTestId("intake-business-name").inputValue()).toBe("宝坻区万家电器城");
    expect(await page.getByTestId("intake-business-address").inputValue()).toBe("宝坻区南关大街 66 号");

    // The category picker speaks Chinese.
    const categories = await searchSelect(page, page.getByTestId("intake-category"), "家用电子");
    await categories.getByText("家用电子电器").waitFor();
    await page.keyboard.press("Enter");
    await page.getByTestId("intake-subject").fill(subject);
    await page
      .getByTestId("intake-description")
      .fill("上月在该店购买电热水器一台，安装一周后漏水，商家拒绝退换。");
    await page.getByTestId("intake-request-return").click();
    await page.getByTestId("intake-request-refund").click();
    await page.getByTestId("intake-request").fill("退货并退还货款 2899.5 元");
    // 同意委托调解 is not ticked at the counter: the clerk records it on the case page later.
    await page.getByTestId("intake-amount").fill("2899.5");
    await screenshot(page, "case-intake");
    await page.getByTestId("intake-submit").click();

    // The case page shows the new tracking number prominently.
    await page.getByTestId("case-created").waitFor();
    const trackingNo = await text(page, "case-created-no");
    expect(trackingNo).toMatch(new RegExp(`^${DEMO_TENANT}\\d{12}$`));
    await waitForText(page, "case-status", "已登记");
    expect(await text(page, "case-consumer-phone")).toBe("13612345678");
    expect(await text(page, "case-rule-set")).toContain("市场监督管理投诉举报处理");
    const caseId = new URL(page.url()).pathname.split("/").pop() ?? "";

    await act(page, "accept");
    await waitForText(page, "case-status", "已受理");
    // Mediation waits for the consumer's consent, recorded with its own clearly labelled action.
    await page.getByTestId("case-consent-needed").waitFor();
    expect(await page.getByTestId("case-action-start_mediation").count()).toBe(0);
    expect(await text(page, "case-action-record_mediation_consent")).toBe("记录同意委托调解");
    await act(page, "record_mediation_consent", async () => {
      await page.getByTestId("action-consent-explain").waitFor();
      await page.getByTestId("action-note").fill("投诉人当面同意委托调解");
    });
    await page.getByTestId("case-consent-needed").waitFor({ state: "detached" });
    await act(page, "start_mediation");
    await waitForText(page, "case-status", "调解中");
    await act(page, "resolve", async () => {
      await page.getByTestId("action-agreement").fill("商家同意退货，并于三日内全额退还货款 2899.5 元。");
      await page.getByTestId("action-recovered").fill("2899.5");
    });
    await waitForText(page, "case-status", "调解成功");
    expect(await text(page, "case-recovered")).toBe("¥2,899.50");
    await act(page, "close");
    await waitForText(page, "case-status", "已办结");
    // A closed case waits for its callback (the bureau records it below).
    expect(await page.getByTestId("case-action-callback").count()).toBe(1);
    await page.locator('[data-testid="timeline-entry"][data-action="close"]').waitFor();
    await screenshot(page, "case-page");

    // The mediation agreement prints on A4 with the parties, the agreement and the amount in words.
    await page.getByTestId("case-doc-mediation").click();
    const doc = page.getByTestId("doc-mediation");
    await doc.waitFor();
    expect(await text(page, "doc-title")).toBe("调解书");
    const consumer = await text(page, "doc-consumer");
    expect(consumer).toContain("赵丽华");
    expect(consumer).toContain("13612345678");
    expect(await text(page, "doc-business")).toContain("宝坻区万家电器城");
    expect(await text(page, "doc-agreement")).toBe("商家同意退货，并于三日内全额退还货款 2899.5 元。");
    expect(await text(page, "doc-amount-words")).toBe("贰仟捌佰玖拾玖元伍角");
    expect(await text(page, "doc-amount-figures")).toBe("2,899.50");
    // The consent is stated because it was recorded, with the day it was.
    expect(await text(page, "doc-consent")).toMatch(
      /^，投诉人于\d{4}年\d{1,2}月\d{1,2}日同意委托本单位调解$/,
    );
    expect(await doc.textContent()).toContain(trackingNo);
    expect(await doc.textContent()).toContain("调解人（签字）");
    // Every 文书 of a typical case fits one A4 page, signatures and seal included.
    expect(await printedPages(page)).toBe(1);
    await screenshot(page, "case-mediation-agreement");
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await page.getByTestId("doc-print").click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    // On paper only the sheet shows, on A4, without the console around it.
    await page.emulateMedia({ media: "print" });
    expect(await page.getByTestId("doc-print").isVisible()).toBe(false);
    expect(await page.getByTestId("nav-ledger").count()).toBe(0);
    expect(await doc.isVisible()).toBe(true);
    // Back to no emulation: under an emulated "screen" page.pdf() would print the screen styles.
    await page.emulateMedia({ media: null });
    const caseUrl = new URL(page.url()).pathname.replace(/\/documents\/mediation$/, "");
    for (const kind of ["registration", "acceptance"]) {
      await page.goto(`${baseUrl}${caseUrl}/documents/${kind}`);
      await page.getByTestId(`doc-${kind}`).waitFor();
      expect(await printedPages(page), kind).toBe(1);
    }
    await page.getByTestId("doc-back").click();
    await page.getByTestId("case-page").waitFor();
    await page.context().close();

    // The bureau finds the case by its tracking number and records the callback.
    const bureau = await freshPage();
    await login(bureau, DEMO_TENANT, "bureau", PASSWORD);
    await bureau.getByTestId("nav-ledger").click();
    await bureau.getByTestId("ledger-page").waitFor();
    await bureau.getByTestId("ledger-search").locator("input").fill(trackingNo);
    await bureau.getByTestId("ledger-search").locator("input").press("Enter");
    const row = bureau.getByTestId(`case-row-${trackingNo}`);
    await row.waitFor();
    expect(await row.textContent()).toContain("已办结");
    expect(await row.textContent()).toContain("赵**");
    await row.locator("td").nth(2).click();
    await bureau.waitForURL(new RegExp(`/cases/${caseId}$`));
    await act(bureau, "callback", async () => {
      await bureau.getByTestId("action-callback-satisfied").click();
      await bureau.getByTestId("action-note").fill("消费者对处理结果满意");
    });
    await waitForText(bureau, "case-callback", "满意");
    await bureau.locator('[data-testid="timeline-entry"][data-action="callback"]').waitFor();
    const actions = await bureau
      .getByTestId("timeline-entry")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-action")));
    expect(actions).toEqual([
      "create",
      "accept",
      "record_mediation_consent",
      "start_mediation",
      "resolve",
      "close",
      "callback",
    ]);
    expect(await bureau.locator('[data-testid^="case-action-"]').count()).toBe(0);
    await bureau.context().close();
    // A long flow: generous on a busy machine (the suite-wide limit is 120 s).
  }, 240_000);

  it("says kindly that someone else changed the case meanwhile, and reloads it", async () => {
    const token = await tokenOf("point1");
    const c = await registerByApi(token, `过期牛奶 ${Date.now().toString(36)}`);
    const page = await freshPage();
    await login(page, DEMO_TENANT, "point1", PASSWORD);
    await page.goto(`${baseUrl}/cases/${c.id}`);
    await waitForText(page, "case-status", "已登记");

    // A colleague accepts it through another screen meanwhile.
    await call(token, "POST", `/v1/cases/${c.id}/transitions`, { action: "accept", version: c.version });

    await page.getByTestId("case-action-reject").click();
    await chooseOption(page, "action-reason", "投诉人知道或者应当知道权益受到侵害之日起超过三年");
    await page.getByTestId("action-submit").click();
    // Whichever comes: the conflict, or an error in the dialog (said in the failure, not a bare timeout).
    const outcome = page.getByTestId("case-conflict").or(page.getByTestId("action-error")).first();
    await outcome.waitFor({ timeout: 60_000 });
    expect(await outcome.getAttribute("data-testid"), (await outcome.textContent()) ?? "").toBe(
      "case-conflict",
    );
    await waitForText(page, "case-conflict", "该案件已被他人修改——请刷新");
    // Nothing changed: the case is still accepted, not rejected.
    await page.getByTestId("case-conflict-reload").click();
    await page.getByTestId("case-conflict").waitFor({ state: "detached" });
    await waitForText(page, "case-status", "已受理");
    await page.getByTestId("case-action-start_mediation").waitFor();
    expect(await page.getByTestId("case-action-reject").count()).toBe(0);
    await page.context().close();
  });

  it("passes a case up to the station through the picker, and prints the decisions and the report hand-over form", async () => {
    const token = await tokenOf("point1");
    const suffix = Date.now().toString(36);
    const up = await registerByApi(token, `装修纠纷金额较大 ${suffix}`);
    const rejected = await registerByApi(token, `超过三年 ${suffix}`);
    await call(token, "POST", `/v1/cases/${rejected.id}/transitions`, {
      action: "reject",
      version: 1,
      reason: "time_barred",
    });
    const failed = await registerByApi(token, `调解不成 ${suffix}`);
    for (const [i, action] of ["accept", "start_mediation"].entries())
      await call(token, "POST", `/v1/cases/${failed.id}/transitions`, { action, version: i + 1 });
    await call(token, "POST", `/v1/cases/${failed.id}/transitions`, {
      action: "fail",
      version: 3,
      reason: "no_agreement_possible",
    });
    const report = await call(token, "POST", "/v1/cases", {
      kind: "report",
      channel: "phone",
      business: { name: "宝坻区某保健品会销点", address: "宝坻区南关大街 88 号" },
      category: "goods.medical",
      subject: `会销夸大保健品功效 ${suffix}`,
      description: "有人在社区活动室以讲座名义向老年人推销保健品，宣称可治疗高血压。",
    });

    const page = await freshPage();
    await login(page, DEMO_TENANT, "point1", PASSWORD);
    // The 工作台 lists what needs the worker now, each group leading into the ledger's view.
    await page.locator('[data-testid="work-cases.toDecide"]:not([data-count="0"])').waitFor();
    await page.getByTestId("work-all-cases.overdue").click();
    await page.getByTestId("ledger-page").waitFor();
    expect(new URL(page.url()).search).toBe("?view=overdue");

    // Escalation: the targets come from the API; the point keeps read access only.
    await page.goto(`${baseUrl}/cases/${up.id}`);
    await act(page, "escalate", async () => {
      await chooseOption(page, "action-escalate-to", "宝平街道消费维权服务站");
    });
    await waitForText(page, "case-status", "已提交上级");
    await waitForText(page, "case-unit", "宝平街道消费维权服务站");
    await page.getByTestId("case-read-only").waitFor();
    await page.getByTestId("case-masked").waitFor();

    // 不予受理决定书 cites the ground and the article.
    await page.goto(`${baseUrl}/cases/${rejected.id}`);
    await page.getByTestId("case-doc-rejection").click();
    expect(await text(page, "doc-title")).toBe("不予受理决定书");
    expect(await printedPages(page)).toBe(1);
    expect(await text(page, "doc-reason")).toBe("投诉人知道或者应当知道权益受到侵害之日起超过三年");
    expect(await text(page, "doc-basis")).toMatch(/^《市场监督管理投诉举报处理(暂行)?办法》第十[五六]条$/);

    // 终止调解告知书 advises arbitration or litigation (消法 Art. 39).
    await page.goto(`${baseUrl}/cases/${failed.id}`);
    await page.getByTestId("case-doc-termination").click();
    expect(await text(page, "doc-title")).toBe("终止调解告知书");
    expect(await printedPages(page)).toBe(1);
    const advice = await text(page, "doc-advice");
    expect(advice).toContain("《中华人民共和国消费者权益保护法》第三十九条");
    expect(advice).toContain("仲裁");
    expect(advice).toContain("向人民法院提起诉讼");

    // A report is handed over to law enforcement, and its hand-over form keeps the reporter anonymous.
    await page.goto(`${baseUrl}/cases/${report.id}`);
    await act(page, "hand_over", async () => {
      await page.getByTestId("action-to").fill("宝坻区市场监管综合执法大队");
    });
    await waitForText(page, "case-status", "已移交");
    await page.getByTestId("case-doc-handover").click();
    expect(await text(page, "doc-title")).toBe("举报移交单");
    expect(await printedPages(page)).toBe(1);
    expect(await text(page, "doc-handover-to")).toBe("宝坻区市场监管综合执法大队");
    expect(await page.getByTestId("doc-handover").textContent()).toContain("匿名");
    await page.context().close();

    // The station finds the escalated case in its 工作台 under 待接收, opens that queue, and may act on it.
    const station = await freshPage();
    await login(station, DEMO_TENANT, "station1", PASSWORD);
    await station.getByTestId("work-all-cases.toReceive").click();
    await station.getByTestId("ledger-page").waitFor();
    const row = station.getByTestId(`case-row-${up.trackingNo}`);
    await row.waitFor();
    await row.locator("td").nth(2).click();
    await station.getByTestId("case-action-accept").waitFor();
    expect(await station.getByTestId("case-masked").count()).toBe(0);
    await station.context().close();
    // A long flow: generous on a busy machine (the suite-wide limit is 120 s).
  }, 240_000);

  it("finds a case from the header by its tracking number, its consumer's phone or its words; the breadcrumb leads back", async () => {
    const token = await tokenOf("point1");
    const phone = `139${String(Date.now()).slice(-8)}`;
    const subject = `全局查找 ${Date.now().toString(36)}`;
    const c = await registerByApi(token, subject, phone);
    const page = await freshPage();
    await login(page, DEMO_TENANT, "point1", PASSWORD);
    const search = page.getByTestId("global-search").locator("input");
    const find = async (text: string) => {
      await search.fill(text);
      await search.press("Enter");
    };
    await find(c.trackingNo);
    await page.waitForURL(new RegExp(`/cases/${c.id}$`));
    await page.getByTestId("case-page").waitFor();
    await page.getByTestId("breadcrumb").getByText("案件详情").waitFor();
    await screenshot(page, "global-search-case");
    await find(phone);
    await page.getByTestId("ledger-phone").waitFor();
    await page.getByTestId(`case-row-${c.trackingNo}`).waitFor();
    expect(await page.locator('[data-testid^="case-row-"]').count()).toBe(1);
    await find(subject);
    // The ledger's own search box shows what the header searched.
    await expect
      .poll(() => page.getByTestId("ledger-search").locator("input").inputValue(), { timeout: 15_000 })
      .toBe(subject);
    await page.getByTestId(`case-row-${c.trackingNo}`).waitFor();
    // The trail back from a case: 首页 / 案件台账 / 案件详情.
    await page.getByTestId(`case-row-${c.trackingNo}`).locator("td").nth(2).click();
    await page.getByTestId("case-page").waitFor();
    await page.getByTestId("breadcrumb").getByRole("link", { name: "案件台账" }).click();
    await page.getByTestId("ledger-page").waitFor();
    // A number that is no case (or not the caller's) says so, and stays where it is.
    await find(`${DEMO_TENANT}209901019999`);
    await page.getByText("未找到编号为").waitFor();
    await page.context().close();
  });

  it("shows the governance office masked personal data and no actions", async () => {
    const token = await tokenOf("point1");
    const c = await registerByApi(token, `综治查看 ${Date.now().toString(36)}`);
    const page = await freshPage();
    await login(page, DEMO_TENANT, "viewer", PASSWORD);
    await page.getByTestId("nav-ledger").click();
    await page.getByTestId("ledger-page").waitFor();
    expect(await page.getByTestId("ledger-new").count()).toBe(0);
    const row = page.getByTestId(`case-row-${c.trackingNo}`);
    await row.waitFor();
    expect(await row.textContent()).toContain("孙**");
    await row.locator("td").nth(2).click();
    await page.getByTestId("case-masked").waitFor();
    expect(await text(page, "case-consumer-phone")).toBe("139****5678");
    expect(await text(page, "case-consumer-name")).toBe("孙**");
    await page.getByTestId("case-read-only").waitFor();
    expect(await page.locator('[data-testid^="case-action-"]').count()).toBe(0);
    expect(await page.locator('[data-testid^="case-doc-"]').count()).toBe(0);
    // Documents carry personal data whole: the governance office cannot open them either.
    await page.goto(`${baseUrl}/cases/${c.id}/documents/registration`);
    await page.getByTestId("doc-forbidden").waitFor();
    expect(await page.getByTestId("doc-registration").count()).toBe(0);
    await page.context().close();
  });

  it("exports the ledger's current filter to Excel and prints the 登记表 of ticked cases, one A4 page each", async () => {
    const token = await tokenOf("point1");
    const suffix = `批量${Date.now().toString(36)}`;
    const cases = [];
    for (const n of [1, 2, 3]) cases.push(await registerByApi(token, `过期食品 ${suffix} ${n}`));
    await call(token, "POST", `/v1/cases/${cases[0].id}/transitions`, { action: "accept", version: 1 });

    const page = await freshPage();
    await login(page, DEMO_TENANT, "point1", PASSWORD);
    await page.goto(`${baseUrl}/cases?q=${encodeURIComponent(suffix)}`);
    for (const c of cases) await page.getByTestId(`case-row-${c.trackingNo}`).waitFor();

    // 导出 Excel: the same three rows, masked as in the ledger.
    const [file] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.getByTestId("ledger-export").click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/^案件台账.*\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await file.path()) as string);
    const sheet = wb.getWorksheet("案件台账");
    const numbers: string[] = [];
    sheet?.eachRow((row, i) => {
      if (i > 1) numbers.push(String(row.getCell(2).value));
    });
    expect(numbers.sort()).toEqual(cases.map((c) => c.trackingNo).sort());
    expect(String(sheet?.getRow(2).getCell(7).value)).toBe("孙**");
    await page.locator('[data-testid="ledger-export"][data-progress="idle"]').waitFor();

    // Tick the three cases (ticking does not open them) and print their 登记表 together.
    for (const c of cases)
      await page.getByTestId(`case-row-${c.trackingNo}`).locator(".ant-checkbox-input").check();
    expect(new URL(page.url()).pathname).toBe("/cases");
    await waitForText(page, "ledger-batch-print", "批量打印文书（已选 3 件）");
    await page.getByTestId("ledger-batch-print").click();
    await page.getByTestId("batch-print-page").waitFor();
    await page.locator('[data-testid="batch-doc"]').nth(2).waitFor();
    expect(await text(page, "batch-count")).toBe("共 3 份，每份一页 A4");
    const printed = await page
      .getByTestId("batch-doc")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-tracking-no")));
    expect(printed.sort()).toEqual(cases.map((c) => c.trackingNo).sort());
    expect(await printedPages(page)).toBe(3);
    await screenshot(page, "batch-print-registration");

    // Another document: only the accepted case has a 受理决定书; the others are named, not printed.
    await chooseOption(page, "batch-doc-kind", "受理决定书");
    await waitForText(page, "batch-count", "共 1 份，每份一页 A4");
    const skipped = await text(page, "batch-skipped");
    expect(skipped).toContain(cases[1].trackingNo);
    expect(skipped).toContain(cases[2].trackingNo);
    expect(await printedPages(page)).toBe(1);
    await page.context().close();
  }, 240_000);
});
