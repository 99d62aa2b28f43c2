/**
 * Traceable compliance in the browser (issue #16): a rule card cites its clause by the document's
 * title and quotes it; 查看核查依据 lists the records that count and those that do not, with why,
 * each a link that opens the record in the ledger; the coordinator's unit drill opens the same. The
 * quarterly submission shows its quarter's figures and rule results beside the narrative, and 提交
 * waits for the quarter to end.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { currentPeriod, quarterRange, today } from "../../src/periods/period";
import { fenToWan } from "../../web/src/format/money";
import { containsText, eventually, hasAttribute } from "./support/eventually";
import { DONGGUAN_YEAR as YEAR, openPage, shot, signIn, webHarness } from "./support/web-harness";

const web = webHarness();
const EDITOR = "demo-editor";
const PROGRAM = "dongguan-shaoguan";
const RULE = "joint-meetings-dongguan";

async function addMeeting(date: string, title: string): Promise<string> {
  const res = await web().api<{ id: string }>(EDITOR, "POST", "/api/t/dongguan/activities", { kind: "joint_meeting", date, title, areaCode: "440232", program: PROGRAM });
  expect(res.status).toBe(201);
  return res.body.id;
}

/** The list item of one record in a dialog list, loading more pages until it shows (bounded). */
async function findRecord(page: Page, list: string, id: string) {
  const item = page.locator(`dialog[open] [data-testid="${list}"] [data-record="${id}"]`);
  await eventually(async () => {
    if ((await item.count()) === 0) {
      const more = page.locator(`dialog[open] [data-testid="${list}"] button:not([disabled])`, { hasText: "加载更多" });
      if (await more.count()) await more.click();
    }
    expect(await item.count()).toBe(1);
  }, 20_000);
  return item;
}

async function openEvidence(page: Page, card: string) {
  await page.waitForSelector(`${card} .rule__clause`);
  await page.click(`${card} button:has-text("查看核查依据")`);
  await page.waitForSelector("dialog[open] [data-testid=evidence-counted]");
}

describe("核查依据", () => {
  it("shows the clause by title with its quote, a counted and a not-counted record with why, and opens the record", async () => {
    const counted = await addMeeting(`${YEAR}-05-12`, "浏览器测试·计入的联席会议");
    const early = await addMeeting(`${YEAR - 1}-12-02`, "浏览器测试·上年末联席会议");
    const page = await openPage(web());
    await signIn(page, web(), EDITOR);
    await page.goto(`${web().base}/#/u/dongguan?year=${YEAR}`);
    const card = `[data-program="${PROGRAM}"] [data-rule="${RULE}"]`;
    await page.waitForSelector(card);
    // The document's title and number, not its file name; and the sentence itself.
    await containsText(page.locator(`${card} .rule__clause`), "《东莞韶关继续推进全面帮扶共建三年行动方案");
    expect(await page.locator(`${card} .rule__clause`).textContent()).not.toContain(".txt");
    await containsText(page.locator(`${card} .rule__quote`), "联席会议");

    await openEvidence(page, card);
    await containsText(page.locator("dialog[open] .evidence-clause"), "莞韶指");
    const countedItem = await findRecord(page, "evidence-counted", counted);
    await containsText(countedItem, "浏览器测试·计入的联席会议");
    const earlyItem = await findRecord(page, "evidence-not-counted", early);
    await containsText(earlyItem.locator(".evidence-list__reasons"), `日期 ${YEAR - 1}-12-02 不在 ${YEAR} 年内`);
    await shot(page, "compliance-01-evidence");

    // The link opens the record in the ledger.
    await earlyItem.locator("a").click();
    await page.waitForSelector(`[data-testid=record-view][data-record="${early}"]`);
    expect(page.url()).toContain(`/ledger/activities?record=${early}`);
    await containsText(page.locator("[data-testid=record-view]"), "浏览器测试·上年末联席会议");
    await containsText(page.locator("[data-testid=record-view]"), `${YEAR - 1}-12-02`);
    await shot(page, "compliance-02-record");
    await page.click("dialog[open] button:has-text('关闭')");
    // Closed, the record stays alone in its list until 显示全部.
    await page.waitForSelector("[data-testid=record-view]", { state: "detached" });
    await page.waitForSelector(`tr[data-record="${early}"], [data-row="${early}"], tbody tr`);
  });

  it("opens the same records from the coordinator's unit drill", async () => {
    // A meeting of this test's own that counts (the test above adds its own through the same helper).
    const counted = await addMeeting(`${YEAR}-06-16`, "浏览器测试·统筹查看的联席会议");
    const page = await openPage(web());
    await signIn(page, web(), "demo-coordinator");
    await page.goto(`${web().base}/#/p/${PROGRAM}/units/dongguan?year=${YEAR}`);
    const card = `[data-rule="${RULE}"]`;
    await openEvidence(page, card);
    await containsText(await findRecord(page, "evidence-counted", counted), "浏览器测试·统筹查看的联席会议");
  });
});

describe("the quarterly submission's preview", () => {
  it("shows a past quarter's own figures and rule results beside the narrative", async () => {
    const page = await openPage(web());
    await signIn(page, web(), EDITOR);
    await page.goto(`${web().base}/#/u/dongguan/submissions?year=${YEAR}&quarter=3&program=${PROGRAM}`);
    const preview = page.locator("[data-testid=submission-preview]");
    await preview.locator(`[data-rule="${RULE}"]`).waitFor();
    const { body } = await web().api<{ summary: { quarter: { funds: { inFen: number } } } }>(EDITOR, "GET", `/api/t/dongguan/summary?year=${YEAR}&quarter=3&program=${PROGRAM}`);
    await eventually(async () => expect((await preview.locator('[data-figure="preview-funds"] .figure__number').textContent())?.trim()).toBe(fenToWan(body.summary.quarter.funds.inFen)));
    await hasAttribute(page.locator("button.btn--primary", { hasText: "提交" }), "disabled", null);
  });

  it("disables 提交 for the quarter under way, saying the day it ends", async () => {
    const { year, quarter } = currentPeriod(today());
    const page = await openPage(web());
    await signIn(page, web(), EDITOR);
    await page.goto(`${web().base}/#/u/dongguan/submissions?year=${year}&quarter=${quarter}&program=${PROGRAM}`);
    await page.locator("[data-testid=submission-preview] .figures").waitFor();
    const submit = page.locator("button.btn--primary", { hasText: "提交" });
    await hasAttribute(submit, "disabled", "");
    const [, m, d] = quarterRange(year, quarter!).to.split("-").map(Number);
    await containsText(page.locator("[data-testid=sub-quarter-open]"), `第${quarter}季度尚未结束（${year}年${m}月${d}日结束）`);
    await shot(page, "compliance-03-submission-open-quarter");
  });
});
