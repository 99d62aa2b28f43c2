/**
 * A unit admin (demo-unit-admin, 东莞市) adds the unit's WeCom group robot under 设置: a host the deployment
 * does not allow is refused next to the URL; the robot's key is masked once saved.
 */
import { describe, it } from "vitest";
import { containsText, hasCount } from "./support/eventually";
import { openPage, shot, signIn, webHarness } from "./support/web-harness";

const web = webHarness();

describe("unit settings", () => {
  it("adds a WeCom robot; another host is refused; the key is not shown again", async () => {
    const page = await openPage(web());
    await signIn(page, web(), "demo-unit-admin");
    await page.locator(".sidenav").getByRole("link", { name: "设置", exact: true }).click();
    await page.waitForURL(/#\/u\/dongguan\/settings/);
    await containsText(page.locator("#main"), "尚未添加群机器人");
    await page.getByRole("button", { name: "添加群机器人" }).click();
    await page.fill("dialog[open] #hook-url", "https://evil.example.com/collect");
    await page.click("dialog[open] button[type=submit]");
    await containsText(page.locator("dialog[open] [data-field=hook-url] .field__error"), "只能发往企业微信或钉钉群机器人");
    await page.fill("dialog[open] #hook-url", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-secret");
    await page.click("dialog[open] button[type=submit]");
    await hasCount(page.locator("dialog[open]"), 0);
    await containsText(page.locator("table.table tbody"), "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…");
    await shot(page, "60-unit-settings");
    await page.context().close();
  });

  it("the unit admin adds a clerk for its own unit under 用户管理: unit roles only, no unit to choose", async () => {
    const page = await openPage(web());
    await signIn(page, web(), "demo-unit-admin");
    await page.locator(".sidenav").getByRole("link", { name: "用户管理", exact: true }).click();
    await page.waitForURL(/#\/admin\/users/);
    await page.getByRole("button", { name: "新建用户", exact: true }).click();
    await page.waitForSelector("dialog[open] #user-username");
    await hasCount(page.locator("dialog[open] #user-role option"), 3);
    await hasCount(page.locator("dialog[open] #user-unit"), 0);
    const username = `dg-web-${Date.now().toString(36)}`;
    await page.fill("#user-username", username);
    await page.fill("#user-displayName", "东莞网页填报员");
    await page.fill("#user-password", "dongguan-web-clerk-2026");
    await page.click("dialog[open] button[type=submit]");
    await hasCount(page.locator("dialog[open]"), 0);
    await containsText(page.locator("table.table tbody"), username);
    await page.context().close();
  });
});
