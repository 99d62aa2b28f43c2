/**
 * A clerk (demo-editor, 东莞市) imports funds from a spreadsheet in the browser: downloads the
 * template, fills it with values its dropdowns list by name, uploads it and sees the preview with the
 * one wrong row marked at its cell, fixes the file and previews again, imports, then exports — and the
 * downloaded sheet names areas and programs, gives 万元 and Beijing times, never codes.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { XLSX } from "../support/sheetjs";
import { byHeader, sheetRows } from "../support/sheet-files";
import { containsText, eventually, hasAttribute } from "./support/eventually";
import { openPage, shot, signIn, webHarness, YEAR } from "./support/web-harness";

const EDITOR = "demo-editor";
const web = webHarness();

/** A sheet as a spreadsheet program saves it, handed to the file input as its bytes. */
function sheetFile(rows: unknown[][]): { name: string; mimeType: string; buffer: Buffer } {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), "资金");
  return { name: "资金导入.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(XLSX.write(book, { type: "buffer", bookType: "xlsx" }) as Uint8Array) };
}

/** Clicks what starts a download and reads the file saved. */
async function downloaded(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  return readFileSync((await file.path())!);
}

const counts = (page: Page) => page.getByTestId("import-counts");

describe("importing funds from a spreadsheet", () => {
  it("template → preview with the wrong row marked → fixed → preview → import → export by name", async () => {
    const h = web();
    const page = await openPage(h);
    await signIn(page, h, EDITOR);
    const tag = `导入界面测试-${Date.now()}`;
    await page.goto(`${h.base}/#/u/dongguan/ledger/funds`);
    await page.getByRole("button", { name: "导入", exact: true }).click();

    // The template, and what its dropdowns offer (the hidden 选项 sheet).
    const template = XLSX.read(await downloaded(page, () => page.getByRole("link", { name: "下载导入模板（.xlsx）" }).click()), { type: "buffer" });
    const [headers] = XLSX.utils.sheet_to_json<string[]>(template.Sheets["资金"]!, { header: 1 });
    const lists = XLSX.utils.sheet_to_json<Record<string, string>>(template.Sheets["选项"]!, { defval: null });
    const listed = (header: string) => lists.map((r) => r[header]).filter((v): v is string => Boolean(v));
    const area = listed("受援地代码").find((a) => a.endsWith("乐昌市"))!;
    const program = listed("所属帮扶工作").find((p) => p.startsWith("东莞韶关"))!;
    expect(area).toBe("广东省韶关市乐昌市");
    expect(listed("资金类型")).toContain("社会捐赠");
    expect(listed("资金来源")).toContain("社会");

    // Filled in the template's own column order; row 3's amount has three decimals.
    const fill = (amount: string) => {
      const row = (values: Record<string, unknown>) => headers!.map((h) => values[h.replace("*", "")] ?? null);
      return [
        headers!,
        row({ 资金类型: "社会捐赠", 资金来源: "社会", "金额（元）": "1,234,567.89", 日期: `${YEAR}-03-01`, 受援地代码: area, 所属帮扶工作: program, "用于基层/民生": "是", 备注: tag }),
        row({ 资金类型: "社会捐赠", 资金来源: "社会", "金额（元）": amount, 日期: `${YEAR}-03-02`, 受援地代码: area, 所属帮扶工作: program, "用于基层/民生": "否", 备注: tag }),
      ];
    };

    // The preview takes a moment here (held back 1.5 s): the clerk sees it working, the file input disabled.
    await page.route("**/import/preview", async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    const input = page.locator("#import-file");
    await input.setInputFiles(sheetFile(fill("12.345")));
    await containsText(page.locator("dialog[open] .busy"), "已用");
    await hasAttribute(input, "disabled", "");
    await containsText(counts(page), "将新增 1 条");
    await page.unroute("**/import/preview");
    await containsText(counts(page), "有误 1 行");
    await containsText(counts(page), "重复 0 行");
    const bad = page.locator('tr[data-row="3"] td[data-column="金额（元）"]');
    await hasAttribute(bad, "class", "cell--error");
    expect(await bad.getAttribute("title")).toContain("两位小数");
    await containsText(bad, "最多两位小数");
    await containsText(page.getByTestId("import-problems"), "金额（元）");
    await expect(page.getByRole("button", { name: "确认导入" }).isDisabled()).resolves.toBe(true);
    // The row to add reads by name: the area's full name, the program's title, 元 and 万元.
    const good = page.locator('tr[data-row="2"]');
    await containsText(good, "广东省韶关市乐昌市");
    await containsText(good, program);
    await containsText(good, "1234567.89 元（123.4568 万元）");
    await shot(page, "imports-01-preview-wrong-row");
    expect((await h.api<{ total: number }>(EDITOR, "GET", `/api/t/dongguan/funds?q=${encodeURIComponent(tag)}`)).body.total).toBe(0);

    // Fixed and chosen again: two to add, nothing wrong; confirmed.
    await input.setInputFiles(sheetFile(fill("12.34")));
    await containsText(counts(page), "将新增 2 条");
    await containsText(counts(page), "有误 0 行");
    await shot(page, "imports-02-preview-fixed");
    await page.getByRole("button", { name: "确认导入" }).click();
    await page.getByText("已导入 2 条。").waitFor();
    const stored = await h.api<{ items: { amountFen: number; areaCode: string; program: string }[] }>(EDITOR, "GET", `/api/t/dongguan/funds?q=${encodeURIComponent(tag)}&sort=date`);
    expect(stored.body.items.map((f) => [f.amountFen, f.areaCode])).toEqual([
      [123_456_789, "440281"],
      [1234, "440281"],
    ]);

    // The export of the list searched for the tag: names, not codes.
    await page.fill("#filter-funds-q", tag);
    await page.locator("#filter-funds-q").press("Enter");
    await containsText(page.locator("table.table tbody"), "乐昌市");
    // Held back a second too: the export says it is working, its buttons disabled until the file is saved.
    await page.route("**/funds/export?**", async (route) => {
      await new Promise((r) => setTimeout(r, 1000));
      await route.continue();
    });
    const exportButton = page.getByRole("button", { name: "导出 Excel" });
    const file = downloaded(page, () => exportButton.click());
    await containsText(page.locator(".busy"), "正在导出");
    expect(await exportButton.isDisabled()).toBe(true);
    const rows = byHeader(sheetRows(await file));
    await eventually(async () => expect(await exportButton.isDisabled()).toBe(false));
    expect(rows).toHaveLength(2);
    const first = rows.find((r) => r["金额（元）"] === 1234567.89)!;
    expect(first).toMatchObject({ 资金类型: "社会捐赠", 资金来源: "社会", 受援地: "广东省韶关市乐昌市", 所属帮扶工作: program, "金额（万元）": 123.4568, "用于基层/民生": "是", 日期: `${YEAR}-03-01` });
    expect(String(first.创建时间)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    for (const row of rows) for (const value of Object.values(row)) expect(String(value)).not.toMatch(/^\d{6}$|^dongguan-shaoguan$/);
    await page.context().close();
  });
});
