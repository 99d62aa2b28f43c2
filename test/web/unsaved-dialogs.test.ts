/**
 * Unsaved input in the smaller forms, in real Chromium: a void's reason typed and not yet sent, and a
 * rule parameter changed and not yet saved, are not lost silently to back or a link in the navigation (the
 * ledger form and the quarterly narrative are in sessions.test.ts). Each test signs in its own page
 * and leaves what is stored as it was.
 */
import { describe, expect, it } from "vitest";
import { hasValue } from "./support/eventually";
import { browserDialogs, openPage, signIn, webHarness } from "./support/web-harness";

const web = webHarness();

describe("unsaved input in small forms", () => {
  it("a void's reason, typed and not sent: back asks first and the reason stays", async () => {
    const page = await openPage(web());
    const { seen } = browserDialogs(page);
    await signIn(page, web(), "demo-editor");
    await page.goto(`${web().base}/#/u/dongguan`);
    await page.goto(`${web().base}/#/u/dongguan/ledger/projects`);
    await page.waitForSelector("table.table");
    await page.locator("table.table tbody tr").first().getByRole("button", { name: /^作废/ }).click();
    await page.fill("#void-reason", "录入重复，尚未确认");
    // The dialog is modal (the page behind it is inert): back is the way out.
    await page.goBack();
    await expect.poll(() => seen.length).toBe(1);
    expect(seen[0]).toContain("有尚未保存的修改");
    // Back moves the address first and the guard puts it back once the question is dismissed: wait for that.
    await page.waitForURL(/#\/u\/dongguan\/ledger\/projects$/);
    await hasValue(page.locator("#void-reason"), "录入重复，尚未确认");
    // Cancelled, the reason is gone and back asks nothing.
    await page.locator("dialog[open]").getByRole("button", { name: "取消" }).click();
    await page.goBack();
    await page.waitForURL(/#\/u\/dongguan$/);
    expect(seen).toHaveLength(1);
    await page.context().close();
  }, 60_000);

  it("a rule parameter changed and not saved: a link asks first; put back as stored, nothing asks", async () => {
    const page = await openPage(web());
    const { seen } = browserDialogs(page);
    await signIn(page, web(), "demo-coordinator");
    await page.goto(`${web().base}/#/p/dongguan-shaoguan/rules`);
    const input = page.locator("#rule-joint-meetings-dongguan-perYear");
    await input.waitFor();
    const stored = await input.inputValue();
    await input.fill(String(Number(stored) + 1));
    await page.locator(".sidenav a").first().click();
    await expect.poll(() => seen.length).toBe(1);
    expect(seen[0]).toContain("有尚未保存的修改");
    await hasValue(input, String(Number(stored) + 1));
    // Put back as it was, the form holds nothing unsaved: the link goes without asking.
    await input.fill(stored);
    await page.locator(".sidenav a").first().click();
    await expect.poll(() => page.url()).not.toContain("/rules");
    expect(seen).toHaveLength(1);
    await page.context().close();
  }, 60_000);
});
