import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  baseUrl,
  DEMO_TENANT,
  freshPage,
  PASSWORD,
  screenshot,
  text,
  useBrowser,
  waitForText,
} from "./support.ts";

useBrowser();

// biome-ignore lint/suspicious/noExplicitAny: JSON from the API
async function api(method: string, path: string, token?: string, body?: unknown): Promise<any> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { "content-type": "application/json" } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** A phone-sized page: 375 × 667 (iPhone SE / 8 class), Chinese, fresh profile. */
async function phone(): Promise<Page> {
  const page = await freshPage();
  await page.setViewportSize({ width: 375, height: 667 });
  return page;
}

describe("public intake on a phone", () => {
  it("files a complaint from a point's QR link, follows it, and rates it after staff close it", async () => {
    const point1 = (await api("POST", "/v1/auth/login", undefined, {
      tenant: DEMO_TENANT,
      username: "point1",
      password: PASSWORD,
    })) as { token: string; user: { unitId: string } };
    const unitId = point1.user.unitId;

    const page = await phone();
    const scripts: string[] = [];
    page.on("request", (req) => {
      if (req.resourceType() === "script") scripts.push(new URL(req.url()).pathname);
    });
    await page.goto(`${baseUrl}/p/${DEMO_TENANT}?unit=${unitId}`);
    await waitForText(page, "public-unit", "南关社区消费维权服务点");
    expect(scripts.filter((s) => /ConsoleApp|LoginPage|antd|TenantsPage/.test(s))).toEqual([]);
    // Nothing wider than the phone: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, "public-home");

    await page.getByTestId("public-kind-complaint").click();
    // Step 1: checked as the consumer types.
    await page.getByTestId("pf-consumer.phone").fill("1381234");
    await waitForText(page, "pf-err-consumer.phone", "请填写正确的手机号");
    await page.getByTestId("pf-next").click();
    await page.getByTestId("pf-err-consumer.name").waitFor();
    await page.getByTestId("pf-consumer.name").fill("赵大妈");
    await page.getByTestId("pf-consumer.phone").fill("13612345678");
    expect(await page.getByTestId("pf-err-consumer.phone").count()).toBe(0);
    await page.getByTestId("pf-consumer.address").fill("宝平街道南关社区 3 号楼 2 单元");
    await screenshot(page, "public-step1");
    await page.getByTestId("pf-next").click();
    // Step 2: the business.
    await page.getByTestId("pf-business.name").fill("南关便民超市");
    await page.getByTestId("pf-business.address").fill("南关大街 1 号");
    await page.getByTestId("pf-next").click();
    // Step 3: what happened and what the consumer asks for.
    await page.getByTestId("pf-category").selectOption("goods.food");
    await page.getByTestId("pf-subject").fill("买到过期牛奶");
    await page.getByTestId("pf-description").fill("11 月 20 日在该超市买的纯牛奶已过期三天，要求退款被拒。");
    await page.getByTestId("pf-type-refund").click();
    await page.getByTestId("pf-amount").fill("25.9");
    await page.getByTestId("pf-next").click();
    // Step 4: the unit is preset from the QR code; the notice must be accepted.
    expect(await page.getByTestId("pf-unit").inputValue()).toBe(unitId);
    await waitForText(page, "pf-summary", "买到过期牛奶");
    await waitForText(page, "pf-summary", "退还货款和服务费用");
    await waitForText(page, "pf-notice", "个人信息");
    expect(await page.getByTestId("pf-submit").isDisabled()).toBe(true);
    await page.getByTestId("pf-consent").check();
    await screenshot(page, "public-consent");
    await page.getByTestId("pf-submit").click();

    const trackingNo = await text(page, "public-tracking-no");
    const queryCode = (await text(page, "public-query-code")).replace("-", "");
    expect(trackingNo).toMatch(/^120115\d{12}$/);
    expect(queryCode).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);
    await waitForText(page, "public-filed", "截图");
    await screenshot(page, "public-filed");

    await page.getByTestId("public-follow-filed").click();
    await waitForText(page, "public-status-label", "已登记");
    await waitForText(page, "public-timeline", "已收到");

    // Point staff find it in their ledger with channel online, and take it to the end.
    const staff = await api("GET", `/v1/cases/by-tracking/${trackingNo}`, point1.token);
    expect(staff).toMatchObject({ channel: "online", unitId, status: "registered" });
    let version = staff.version as number;
    for (const step of [
      { action: "accept" },
      { action: "record_mediation_consent" },
      { action: "start_mediation" },
      { action: "resolve", agreement: "超市退款 25.9 元并赔偿 500 元", recoveredFen: 52590 },
      { action: "close" },
    ]) {
      version = (await api("POST", `/v1/cases/${staff.id}/transitions`, point1.token, { ...step, version }))
        .version;
    }

    // The consumer comes back later with the number and the code.
    await page.goto(`${baseUrl}/p/${DEMO_TENANT}`);
    await page.getByTestId("public-kind-follow").click();
    await page.getByTestId("pq-no").fill(trackingNo);
    await page.getByTestId("pq-code").fill(queryCode.toLowerCase());
    await page.getByTestId("pq-submit").click();
    await waitForText(page, "public-status-label", "已办结");
    await waitForText(page, "public-timeline", "调解成功");
    expect(await page.getByTestId("public-timeline").textContent()).not.toContain("陈桂兰");
    await page.getByTestId("rate-satisfied").click();
    await page.getByTestId("rate-note").fill("处理得很及时，谢谢！");
    await page.getByTestId("rate-submit").click();
    await waitForText(page, "public-rated", "满意");
    await screenshot(page, "public-rated");

    const rated = await api("GET", `/v1/cases/${staff.id}`, point1.token);
    expect(rated.rating).toMatchObject({ result: "satisfied", note: "处理得很及时，谢谢！" });
    await page.context().close();
  });

  it("says so when a number and code do not match, without telling which", async () => {
    const page = await phone();
    await page.goto(`${baseUrl}/p/${DEMO_TENANT}`);
    await page.getByTestId("public-kind-follow").click();
    await page.getByTestId("pq-no").fill("120115202601010001");
    await page.getByTestId("pq-code").fill("ABCDE-23456");
    await page.getByTestId("pq-submit").click();
    await waitForText(page, "pq-failure", "编号或查询码不正确");
    await page.context().close();
  });
});
