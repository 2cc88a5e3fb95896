import type { Unit } from "@weiquan/domain";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  baseUrl,
  DEMO_TENANT,
  fillLogin,
  freshPage,
  login,
  loginChangingPassword,
  PASSWORD,
  screenshot,
  searchSelect,
  useBrowser,
} from "./support.ts";

const OFFICE = "宝平市场监管所";

useBrowser();

/** The tree row of a unit, by its name. */
function unitRow(page: Page, name: string): Locator {
  return page.locator(`[data-unit-name="${name}"]`);
}

/** Add a child under the unit named `parent` through "新增下级单位". */
async function addChild(page: Page, parent: string, name: string, typeLabel: string): Promise<void> {
  await unitRow(page, parent).locator('[data-testid^="unit-add-child-"]').click();
  const drawer = page.getByTestId("unit-create-drawer");
  await drawer.waitFor();
  // Only the child types allowed under the parent are offered.
  expect(await drawer.getByTestId("unit-create-type").textContent()).toBe(typeLabel);
  await drawer.getByTestId("unit-create-name").fill(name);
  await drawer.getByTestId("unit-create-submit").click();
  await unitRow(page, name).waitFor();
  await drawer.waitFor({ state: "hidden" });
}

/** The units the signed-in console user may see, asked through the API from the page itself. */
async function unitsFromPage(page: Page): Promise<Unit[]> {
  return page.evaluate(async (origin) => {
    const token = localStorage.getItem("weiquan.token");
    const res = await fetch(`${origin}/v1/units`, { headers: { Authorization: `Bearer ${token}` } });
    return ((await res.json()) as { items: Unit[] }).items;
  }, baseUrl);
}

describe("network, users and settings", () => {
  it("builds a station and a point, meets the 四个一, and gives the point its own worker", async () => {
    const suffix = Date.now().toString(36);
    const station = `测试街道消费维权服务站${suffix}`;
    const point = `测试社区消费维权服务点${suffix}`;
    const username = `pt${suffix}`;

    const page = await freshPage();
    await login(page, DEMO_TENANT, "admin", PASSWORD);
    await page.getByTestId("nav-network").click();
    await page.getByTestId("network-page").waitFor();
    expect(new URL(page.url()).pathname).toBe("/network");
    await page.getByTestId("compliance-card").getByText("达标率").waitFor();
    await unitRow(page, OFFICE).waitFor();

    await addChild(page, OFFICE, station, "消费维权服务站");
    await addChild(page, station, point, "消费维权服务点");

    // A new point has none of the 四个一 yet, and shows up among the shortfalls.
    const badge = unitRow(page, point).locator('[data-testid^="unit-fourones-"]');
    expect(await badge.getAttribute("data-compliant")).toBe("false");
    expect((await badge.textContent())?.trim()).toBe("未达标");
    const shortfall = page.getByTestId("compliance-shortfalls").locator("div", { hasText: point }).last();
    await shortfall.waitFor();
    for (const missing of ["专人", "牌匾", "电话", "台账"])
      expect(await shortfall.textContent()).toContain(missing);

    // Mark the 四个一 in the point's edit form.
    await unitRow(page, point).locator('[data-testid^="unit-open-"]').click();
    const drawer = page.getByTestId("unit-drawer");
    await drawer.waitFor();
    expect(await drawer.getByTestId("unit-drawer-fourones").getAttribute("data-compliant")).toBe("false");
    await drawer.getByTestId("unit-staff-name").fill("王晓燕");
    await drawer.getByTestId("unit-staff-phone").fill("13820001234");
    await drawer.getByTestId("unit-phone").fill("022-29240001");
    await drawer.getByTestId("unit-plaque").click();
    await drawer.getByText("电子台账").click();
    await screenshot(page, "unit-drawer");
    await drawer.getByTestId("unit-save").click();
    await drawer.locator('[data-testid="unit-drawer-fourones"][data-compliant="true"]').waitFor();
    await unitRow(page, point).locator('[data-testid^="unit-fourones-"][data-compliant="true"]').waitFor();
    expect((await badge.textContent())?.trim()).toBe("达标");
    await page
      .getByTestId("compliance-shortfalls")
      .locator("div", { hasText: point })
      .waitFor({ state: "detached" });

    // Someone else changes the point meanwhile: saving the stale form is refused kindly, reload cures it.
    const [pointUnit] = (await unitsFromPage(page)).filter((u) => u.name === point);
    expect(pointUnit?.standards.compliant).toBe(true);
    const status = await page.evaluate(
      async ({ origin, unit }) => {
        const token = localStorage.getItem("weiquan.token");
        const res = await fetch(`${origin}/v1/units/${unit.id}`, {
          method: "PATCH",
          headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
          body: JSON.stringify({ version: unit.version, address: "天津市宝坻区测试路 1 号" }),
        });
        return res.status;
      },
      { origin: baseUrl, unit: pointUnit as Unit },
    );
    expect(status).toBe(200);
    await drawer.getByTestId("unit-phone").fill("022-29240002");
    await drawer.getByTestId("unit-save").click();
    await drawer.getByTestId("unit-conflict").getByText("该单位已被他人修改，请刷新后重试").waitFor();
    await drawer.getByTestId("unit-reload").click();
    await drawer.getByTestId("unit-conflict").waitFor({ state: "detached" });
    expect(await drawer.getByTestId("unit-address").inputValue()).toBe("天津市宝坻区测试路 1 号");
    expect(await drawer.getByTestId("unit-phone").inputValue()).toBe("022-29240001");
    await drawer.locator(".ant-drawer-close").click();
    await drawer.waitFor({ state: "hidden" });
    await screenshot(page, "network");

    // A worker for the point: only the roles that fit a point are offered.
    await page.getByTestId("nav-users").click();
    await page.getByTestId("users-page").waitFor();
    await page.getByTestId("user-row-admin").waitFor();
    await page.getByTestId("user-create-open").click();
    const userDrawer = page.getByTestId("user-create-drawer");
    await userDrawer.waitFor();
    await userDrawer.getByTestId("user-create-username").fill(username);
    await userDrawer.getByTestId("user-create-displayName").fill("测试点 王晓燕");
    await (await searchSelect(page, userDrawer.locator("#createUser_unitId"), point))
      .getByText(point)
      .waitFor();
    await page.keyboard.press("Enter");
    await userDrawer.getByText("服务点工作人员").waitFor();
    await userDrawer.getByTestId("user-create-password").fill("Point@2026x");
    await userDrawer.getByTestId("user-create-submit").click();
    const userRow = page.getByTestId(`user-row-${username}`);
    await userRow.waitFor();
    await screenshot(page, "users");
    expect(await userRow.textContent()).toContain(point);
    expect(await userRow.textContent()).toContain("服务点工作人员");
    await page.context().close();

    // The admin set the password, so the new worker's first login shows nothing but the change form;
    // the console then signs in with the new password and goes on to the home page.
    const worker = await freshPage();
    await fillLogin(worker, DEMO_TENANT, username, "Point@2026x");
    await worker.getByTestId("password-change-page").waitFor();
    expect(await worker.getByTestId("nav").count()).toBe(0);
    await worker.getByTestId("pwc-current").fill("wrong-Password1");
    await worker.getByTestId("pwc-new").fill("Mine@2026y");
    await worker.getByTestId("pwc-confirm").fill("Mine@2026y");
    await worker.getByTestId("pwc-submit").click();
    await worker.locator(".ant-form-item-explain-error").first().waitFor();
    await worker.getByTestId("pwc-current").fill("Point@2026x");
    await worker.getByTestId("pwc-submit").click();
    await worker.getByTestId("home-welcome").waitFor();
    expect(await worker.getByTestId("home-unit").textContent()).toContain(point);
    expect(await worker.getByTestId("home-role").textContent()).toBe("服务点工作人员");
    expect(await worker.getByTestId("nav-network").count()).toBe(0);
    const visible = await unitsFromPage(worker);
    expect(visible.map((u) => u.name)).toEqual([point]);
    await worker.goto(`${baseUrl}/network`);
    await worker.getByTestId("forbidden").waitFor();
    await worker.context().close();
    // A long flow: generous on a busy machine (the suite-wide limit is 120 s).
  }, 240_000);

  it("lets the bureau admin edit the 四统一 templates, with version handling", async () => {
    const page = await freshPage();
    await login(page, DEMO_TENANT, "admin", PASSWORD);
    await page.getByTestId("nav-settings").click();
    await page.getByTestId("settings-page").waitFor();
    const field = page.getByTestId("settings-documentFormat");
    await page.getByTestId("settings-version").waitFor();
    const text = `A4 纵向，仿宋三号正文（${Date.now()}）`;
    await field.fill(text);
    await page.getByTestId("settings-save").click();
    await page.getByText("设置已保存").waitFor();
    await page.reload();
    await page.getByTestId("settings-version").waitFor();
    expect(await page.getByTestId("settings-documentFormat").inputValue()).toBe(text);

    // Someone else saves meanwhile: the stale save is refused kindly, reload shows their version.
    const theirs = `${text}（他人修改）`;
    const status = await page.evaluate(
      async ({ origin, theirs }) => {
        const headers = { Authorization: `Bearer ${localStorage.getItem("weiquan.token")}` };
        const current = await (await fetch(`${origin}/v1/settings`, { headers })).json();
        const res = await fetch(`${origin}/v1/settings`, {
          method: "PUT",
          headers: { ...headers, "Content-Type": "application/json" },
          body: JSON.stringify({
            version: current.version,
            templates: { ...current.templates, documentFormat: theirs },
          }),
        });
        return res.status;
      },
      { origin: baseUrl, theirs },
    );
    expect(status).toBe(200);
    await field.fill(`${text}（我的修改）`);
    await page.getByTestId("settings-save").click();
    await page.getByTestId("settings-conflict").getByText("设置已被他人修改，请刷新后重试").waitFor();
    await page.getByTestId("settings-reload").click();
    await page.getByTestId("settings-conflict").waitFor({ state: "detached" });
    expect(await field.inputValue()).toBe(theirs);
    await screenshot(page, "settings");
    await page.context().close();
  });
});

describe("contact card and user edits", () => {
  it("prints a unit's contact card: name, phone, staff, duties, hours and a QR code to the intake page", async () => {
    const station = "宝平街道消费维权服务站";
    const page = await freshPage();
    await login(page, DEMO_TENANT, "admin", PASSWORD);
    await page.getByTestId("nav-network").click();
    // The tree opens collapsed to the bureau's direct children; a search opens the path to a match.
    await page.locator("#network-search").fill(station);
    await unitRow(page, station).locator('[data-testid^="unit-open-"]').click();
    const drawer = page.getByTestId("unit-drawer");
    await drawer.waitFor();
    const hours = `周一至周五 8:30—17:30（${Date.now().toString(36)}）`;
    await drawer.getByTestId("unit-hours").fill(hours);
    await drawer.getByTestId("unit-save").click();
    await page.getByText(`已保存：${station}`).waitFor();
    await drawer.getByTestId("unit-drawer-card").click();

    const card = page.getByTestId("contact-card");
    await card.waitFor();
    const [unit] = (await unitsFromPage(page)).filter((u) => u.name === station);
    expect(new URL(page.url()).pathname).toBe(`/network/${unit?.id}/card`);
    expect(await card.getByTestId("card-name").textContent()).toBe(station);
    expect(await card.getByTestId("card-phone").textContent()).toBe("022-29246018");
    expect(await card.getByTestId("card-staff").textContent()).toContain("刘秀英");
    expect(await card.getByTestId("card-staff").textContent()).toContain("13820046018");
    expect(await card.getByTestId("card-hours").textContent()).toBe(hours);
    const duties = await page.evaluate(async (origin) => {
      const token = localStorage.getItem("weiquan.token");
      const res = await fetch(`${origin}/v1/settings`, { headers: { Authorization: `Bearer ${token}` } });
      return ((await res.json()) as { templates: { stationDuties: string } }).templates.stationDuties;
    }, baseUrl);
    expect(await card.getByTestId("card-duties").textContent()).toBe(duties);
    expect(duties).toContain("受理、调解消费者投诉");

    // The QR code is drawn and encodes the public intake page preset to this unit.
    const qr = card.getByTestId("card-qr");
    expect(await qr.getAttribute("data-url")).toBe(`${baseUrl}/p/${DEMO_TENANT}?unit=${unit?.id}`);
    const svg = qr.locator("svg");
    await svg.waitFor();
    expect(await svg.locator("path").count()).toBeGreaterThan(0);
    const box = await svg.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(150);

    // 打印 calls the browser's print; in print media only the card remains.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await page.getByTestId("card-print").click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: "print" });
    expect(await page.getByTestId("card-print").isVisible()).toBe(false);
    expect(await card.isVisible()).toBe(true);
    await screenshot(page, "contact-card-print");
    await page.emulateMedia({ media: null });

    // All cards of the subtree: the station and its points.
    await page.getByTestId("card-subtree").click();
    await page.locator('[data-testid="contact-card"]').nth(1).waitFor();
    const names = await page.getByTestId("card-name").allTextContents();
    expect(names[0]).toBe(station);
    expect(names).toEqual(expect.arrayContaining(["南关社区消费维权服务点", "城关社区消费维权服务点"]));
    expect(await page.getByTestId("card-qr").count()).toBe(names.length);
    await screenshot(page, "contact-cards");
    await page.context().close();
  });

  it("edits a user's unit and role in the users page; only roles fitting the unit are offered", async () => {
    const suffix = Date.now().toString(36);
    const username = `ed${suffix}`;
    const page = await freshPage();
    await login(page, DEMO_TENANT, "admin", PASSWORD);
    const units = await unitsFromPage(page);
    const point = units.find((u) => u.name === "南关社区消费维权服务点") as Unit;
    const station = "海滨街道消费维权服务站";
    const created = await page.evaluate(
      async ({ origin, body }) => {
        const res = await fetch(`${origin}/v1/users`, {
          method: "POST",
          headers: {
            Authorization: `Bearer ${localStorage.getItem("weiquan.token")}`,
            "Content-Type": "application/json",
          },
          body: JSON.stringify(body),
        });
        return res.status;
      },
      {
        origin: baseUrl,
        body: {
          username,
          displayName: "南关点 测试员",
          role: "point_staff",
          unitId: point.id,
          password: "Edit@2026x",
        },
      },
    );
    expect(created).toBe(201);

    await page.getByTestId("nav-users").click();
    const row = page.getByTestId(`user-row-${username}`);
    await row.waitFor();
    expect(await row.textContent()).toContain("服务点工作人员");
    await page.getByTestId(`user-edit-${username}`).click();
    const drawer = page.getByTestId("user-edit-drawer");
    await drawer.waitFor();
    await drawer.getByTestId("user-edit-displayName").fill("海滨站 测试员");
    await (await searchSelect(page, drawer.locator("#editUser_unitId"), station))
      .getByText(station)
      .waitFor();
    await page.keyboard.press("Enter");
    // The only role that fits a station is chosen for it.
    await drawer.getByText("服务站工作人员").waitFor();
    await screenshot(page, "user-edit");
    await drawer.getByTestId("user-edit-submit").click();
    await drawer.waitFor({ state: "hidden" });
    await page.getByText("已保存：海滨站 测试员").waitFor();
    expect(await row.textContent()).toContain(station);
    expect(await row.textContent()).toContain("服务站工作人员");
    await page.context().close();

    // The moved worker now sees the station's subtree.
    const worker = await freshPage();
    await loginChangingPassword(worker, DEMO_TENANT, username, "Edit@2026x", "Mine@2026z");
    expect(await worker.getByTestId("home-unit").textContent()).toContain(station);
    const visible = (await unitsFromPage(worker)).map((u) => u.name);
    expect(visible[0]).toBe(station);
    expect(visible).not.toContain("南关社区消费维权服务点");
    await worker.context().close();
  });
});

describe("moving a unit", () => {
  it("moves a point to another station through the drawer; only allowed parents can be picked", async () => {
    const suffix = Date.now().toString(36);
    const from = `甲站${suffix}消费维权服务站`;
    const to = `乙站${suffix}消费维权服务站`;
    const point = `丙村${suffix}消费维权服务点`;
    const page = await freshPage();
    await login(page, DEMO_TENANT, "admin", PASSWORD);
    const units = await unitsFromPage(page);
    const office1 = units.find((u) => u.name === OFFICE) as Unit;
    const office2 = units.find((u) => u.name === "大口屯市场监管所") as Unit;
    const create = (body: Record<string, unknown>) =>
      page.evaluate(
        async ({ origin, body }) => {
          const res = await fetch(`${origin}/v1/units`, {
            method: "POST",
            headers: {
              Authorization: `Bearer ${localStorage.getItem("weiquan.token")}`,
              "Content-Type": "application/json",
            },
            body: JSON.stringify(body),
          });
          return ((await res.json()) as Unit).id;
        },
        { origin: baseUrl, body },
      );
    const fromId = await create({ parentId: office1.id, type: "station", name: from });
    const toId = await create({ parentId: office2.id, type: "station", name: to });
    const pointId = await create({ parentId: fromId, type: "point", name: point });

    await page.getByTestId("nav-network").click();
    await page.locator("#network-search").fill(point);
    await unitRow(page, point).locator('[data-testid^="unit-open-"]').click();
    const drawer = page.getByTestId("unit-drawer");
    await drawer.getByTestId("unit-drawer-move").click();
    const modal = page.locator(".ant-modal").filter({ hasText: "调整" });
    // Search narrows the (virtual) tree to matches and their ancestors.
    const dropdown = await searchSelect(page, modal.locator(".ant-select"), suffix);
    // Offices cannot hold a point; the current station is its parent already: both disabled.
    await dropdown.locator(".ant-select-tree-treenode-disabled", { hasText: OFFICE }).first().waitFor();
    await dropdown.locator(".ant-select-tree-treenode-disabled", { hasText: from }).waitFor();
    await dropdown.getByTitle(`${to}（消费维权服务站）`).click();
    await modal.locator(".ant-select").getByText(`${to}（消费维权服务站）`).waitFor();
    // Close the picker (it may stay open after a search) so it does not cover the buttons.
    await modal.getByText("连同全部下级单位").click();
    await dropdown.waitFor({ state: "hidden" });
    await screenshot(page, "unit-move");
    await page.getByTestId("unit-move-submit").click();
    await page.getByText(`已将“${point}”移至“${to}”下`).waitFor();

    const after = await unitsFromPage(page);
    expect(after.find((u) => u.id === pointId)?.parentId).toBe(toId);
    // The tree shows it under its new station.
    const rows = await page
      .locator("[data-unit-name]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-unit-name")));
    expect(rows.indexOf(point)).toBe(rows.indexOf(to) + 1);
    await page.context().close();
  });
});
