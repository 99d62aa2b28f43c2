/**
 * 操作记录 in Chromium: 东莞市's editor corrects a fund, then finds the change on the audit page — filtered to
 * funds, the changed field shown before → after; a day range with nothing in it shows nothing.
 */
import { describe, expect, it } from "vitest";
import { containsText, eventually, hasCount } from "./support/eventually";
import { openPage, shot, signIn, webHarness } from "./support/web-harness";

const web = webHarness();

describe("the audit page", () => {
  it("finds a fund's correction by kind, with the field it changed; an empty day range shows nothing", async () => {
    const fund = await web().api<{ id: string }>("demo-editor", "POST", "/api/t/dongguan/funds", { kind: "allocation", source: "city", amountFen: 123_00, date: "2024-02-02", areaCode: "440282", program: "dongguan-shaoguan", note: "审计页测试" });
    expect(fund.status).toBe(201);
    expect((await web().api("demo-editor", "PATCH", `/api/t/dongguan/funds/${fund.body.id}`, { amountFen: 456_00 }, { "if-match": '"1"' })).status).toBe(200);
    // The API's day filter: nothing before 2000.
    const none = await web().api<{ items: unknown[] }>("demo-editor", "GET", "/api/t/dongguan/audit?from=1999-01-01&to=1999-12-31");
    expect(none.body.items).toEqual([]);

    const page = await openPage(web());
    await signIn(page, web(), "demo-editor");
    await page.locator(".sidenav").getByRole("link", { name: "操作记录", exact: true }).click();
    await page.waitForURL(/#\/u\/dongguan\/audit/);
    await page.selectOption("#audit-entity", "fund");
    await page.click("form.filters button[type=submit]");
    await containsText(page.locator("table.table tbody tr").first(), "amountFen: 12300 → 45600");
    await containsText(page.locator("table.table tbody tr").first(), "修改");
    await shot(page, "61-audit");
    await page.fill("#audit-from", "1999-01-01");
    await page.fill("#audit-to", "1999-12-31");
    await page.click("form.filters button[type=submit]");
    await hasCount(page.locator("table.table tbody tr"), 0);
    await page.context().close();
  });
});

describe("paging the audit trail", () => {
  it("walks the pages by the API's cursor: next, back, and a new filter starts again from the first", async () => {
    const page = await openPage(web());
    await signIn(page, web(), "demo-editor");
    await page.goto(`${web().base}/#/u/dongguan/audit`);
    const info = page.locator("nav.pager .pager__info");
    await containsText(info, "第 1 页");
    const firstRow = await page.locator("table.table tbody tr").first().innerText();
    await page.getByRole("button", { name: "下一页" }).click();
    await containsText(info, "第 2 页");
    await eventually(async () => expect(await page.locator("table.table tbody tr").first().innerText()).not.toBe(firstRow));
    await page.getByRole("button", { name: "上一页" }).click();
    await containsText(info, "第 1 页");
    await eventually(async () => expect(await page.locator("table.table tbody tr").first().innerText()).toBe(firstRow));
    await page.getByRole("button", { name: "下一页" }).click();
    await containsText(info, "第 2 页");
    await page.selectOption("#audit-entity", "sub_unit");
    await page.click("form.filters button[type=submit]");
    await containsText(info, "第 1 页");
    await page.context().close();
  });
});
