/**
 * The unit's search and bulk actions in the browser (demo-editor, 东莞市): `/` puts the cursor in the top
 * bar's search, the hits come grouped by kind, choosing one opens it in its ledger list; two funds chosen
 * by checkbox are voided with one reason and leave the list; activities chosen on the page are put under
 * a program (归入计划) — each checked against what the API then holds.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { containsText, eventually, hasCount, isFocused } from "./support/eventually";
import { DONGGUAN_YEAR as YEAR, openPage, shot, signIn, startWeb, type WebHarness } from "./support/web-harness";

const EDITOR = "demo-editor";
const UNIT = "dongguan";
const PROGRAM = "dongguan-shaoguan";
/** Words no demo record holds, made for this run. */
const WORD = `澜沧江畔${process.pid % 1000}号`;

type Rec = { id: string; version: number; voidedAt: string | null; voidReason: string | null; program: string | null };

let h: WebHarness;
let page: Page;

beforeAll(async () => {
  h = await startWeb();
  page = await openPage(h);
  await signIn(page, h, EDITOR);
});

afterAll(async () => {
  await h?.close();
});

async function create(path: string, body: Record<string, unknown>): Promise<Rec> {
  const res = await h.api<Rec>(EDITOR, "POST", `/api/t/${UNIT}/${path}`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const read = async (path: string, id: string) => (await h.api<Rec>(EDITOR, "GET", `/api/t/${UNIT}/${path}/${id}`)).body;

describe("search and bulk actions", () => {
  it("searches the ledger from the top bar and opens the hit in its list", async () => {
    const project = await create("projects", { title: `${WORD}茶叶加工厂`, category: "industry", areaCode: "440232", program: PROGRAM, startDate: `${YEAR}-02-01` });
    await create("activities", { kind: "training", date: `${YEAR}-04-02`, title: `${WORD}电商培训`, people: 30, program: PROGRAM });
    await page.goto(`${h.base}/#/u/${UNIT}`);
    await page.waitForSelector(".app__main");

    // `/` outside a field puts the cursor in the search box.
    await page.locator(".app__main").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("/");
    const box = page.getByRole("searchbox", { name: "搜索本单位台账" });
    await isFocused(box);
    await page.keyboard.type(WORD.slice(0, 3));
    const results = page.locator("#search-results");
    await containsText(results.locator(".search__group-title").first(), "项目");
    await containsText(results, `${WORD}茶叶加工厂`);
    await containsText(results, `${WORD}电商培训`);
    await expect(results.getByRole("region", { name: "工作台账" }).count()).resolves.toBe(1);
    await shot(page, "search-01-hits");

    await results.locator(`[data-hit="${project.id}"]`).click();
    await eventually(() => expect(page.url()).toContain(`/ledger/projects?record=${project.id}`));
    // The record opens in full; closed, it stays alone in its list.
    await page.waitForSelector(`[data-testid=record-view][data-record="${project.id}"]`);
    await page.click("dialog[open] button:has-text('关闭')");
    await hasCount(page.locator("table.table tbody tr"), 1);
    await containsText(page.locator("table.table tbody tr.is-focused"), `${WORD}茶叶加工厂`);
    await containsText(page.locator(".app__main"), "正在单独查看所链接的一条记录");
    await shot(page, "search-02-opened");

    // Show all: the list again.
    await page.getByRole("button", { name: "显示全部" }).click();
    await eventually(async () => expect(await page.locator("table.table tbody tr").count()).toBeGreaterThan(1));
  });

  it("voids two chosen funds with one reason: both leave the list", async () => {
    const note = `${WORD}重复录入的捐赠`;
    const funds = [
      await create("funds", { kind: "social_donation", source: "society", amountFen: 12_300, date: `${YEAR}-03-15`, areaCode: "440232", program: PROGRAM, note }),
      await create("funds", { kind: "social_donation", source: "society", amountFen: 45_600, date: `${YEAR}-03-16`, areaCode: "440232", program: PROGRAM, note }),
    ];
    await page.goto(`${h.base}/#/u/${UNIT}/ledger/funds?q=${encodeURIComponent(note)}`);
    const rows = page.locator("table.table tbody tr");
    await hasCount(rows, 2);
    for (const row of await rows.all()) await row.getByRole("checkbox").check();
    const bar = page.getByRole("region", { name: "已选 2 条" });
    await bar.waitFor();
    await expect(page.getByRole("checkbox", { name: "选择本页全部记录" }).isChecked()).resolves.toBe(true);
    await bar.getByRole("button", { name: "作废" }).click();
    await page.fill("#void-reason", "重复录入，一并作废");
    await shot(page, "bulk-01-void-dialog");
    await page.click("dialog[open] button[type=submit]");
    await page.getByText("已作废 2 条记录，记录保留备查。").waitFor();
    await page.getByText("暂无记录").waitFor();
    for (const fund of funds) expect(await read("funds", fund.id)).toMatchObject({ version: 2, voidReason: "重复录入，一并作废" });
    await shot(page, "bulk-02-voided");
  });

  it("puts the page's activities under a program (归入计划)", async () => {
    const title = `${WORD}未归类调研`;
    const activities = [
      await create("activities", { kind: "training", date: `${YEAR}-05-02`, title: `${title}一`, people: 12 }),
      await create("activities", { kind: "training", date: `${YEAR}-05-03`, title: `${title}二`, people: 8 }),
    ];
    await page.goto(`${h.base}/#/u/${UNIT}/ledger/activities?q=${encodeURIComponent(title)}`);
    await hasCount(page.locator("table.table tbody tr"), 2);
    await page.getByRole("checkbox", { name: "选择本页全部记录" }).check();
    await expect(page.getByRole("checkbox", { name: `选择 ${title}一` }).isChecked()).resolves.toBe(true);
    await page.getByRole("region", { name: "已选 2 条" }).getByRole("button", { name: "归入计划" }).click();
    await page.selectOption("#bulk-program", PROGRAM);
    await page.click("dialog[open] button[type=submit]");
    await page.getByText(/已将 2 条记录归入/).waitFor();
    for (const activity of activities) expect(await read("activities", activity.id)).toMatchObject({ version: 2, program: PROGRAM });
    // Nothing stays chosen after the write.
    await expect(page.getByRole("region", { name: /已选/ }).count()).resolves.toBe(0);
    await shot(page, "bulk-03-assigned");
  });
});
