/**
 * The main screens at a phone's 390 × 844: the page never scrolls sideways (tables scroll in their
 * own box), the navigation is a strip above the content, and the sign-out button stays one line.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "./support/eventually";
import { docShot, DONGGUAN_YEAR, openPage, shot, signIn, startWeb, type WebHarness } from "./support/web-harness";

const PHONE = { width: 390, height: 844 };
let h: WebHarness;

beforeAll(async () => {
  h = await startWeb();
});

afterAll(async () => {
  await h?.close();
});

async function noSidewaysScroll(page: Page, what: string) {
  await page.waitForLoadState("networkidle");
  await eventually(async () => {
    const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
    expect(scroll, `${what}: page ${scroll} px wide in a ${width} px window`).toBeLessThanOrEqual(width);
  });
}

describe("on a phone", () => {
  it("a unit editor's dashboard, ledger and a new activity fit the screen", async () => {
    const page = await openPage(h, PHONE);
    await signIn(page, h, "demo-editor");
    await noSidewaysScroll(page, "dashboard");
    // The navigation sits above the content, not beside it.
    const nav = await page.locator("nav.sidenav, .sidenav").first().boundingBox();
    const main = await page.locator(".app__main").boundingBox();
    expect(nav && main && nav.y + nav.height <= main.y + 1).toBe(true);
    expect(main!.width).toBeGreaterThan(PHONE.width - 30);
    // Sign-out is one line (it wrapped into a column of single characters).
    const signout = await page.getByRole("button", { name: "退出登录" }).boundingBox();
    expect(signout!.height).toBeLessThan(36);
    await shot(page, "40-phone-dashboard");
    await docShot(page, "phone-dashboard");

    await page.goto(`${h.base}/#/u/dongguan/ledger/activities`);
    await page.locator("table").first().waitFor();
    await noSidewaysScroll(page, "activities");
    await shot(page, "41-phone-activities");
    await page.getByRole("button", { name: "新增", exact: true }).click();
    await page.locator("dialog[open]").waitFor();
    await noSidewaysScroll(page, "new activity");
    await shot(page, "42-phone-new-activity");
    await page.context().close();
  });

  it("a cadre on site records a visit in a few taps (记一笔), with the kind's own figures only, and it is in the ledger", async () => {
    const page = await openPage(h, PHONE);
    await signIn(page, h, "demo-editor");
    await page.getByRole("link", { name: "记一笔", exact: true }).first().click();
    await page.waitForURL(/#\/u\/dongguan\/quick/);
    await noSidewaysScroll(page, "quick: kinds");
    await shot(page, "43-phone-quick-kinds");
    await page.click("button[data-kind=visit]");
    // A visit carries its direction, leader level and people; not a purchase's amount or a training's hours.
    await page.locator("#f-activities-direction").waitFor();
    expect(await page.locator("#f-activities-amountFen, #f-activities-hours, #f-activities-kind, #f-activities-pairingId").count()).toBe(0);
    expect(await page.locator("#f-activities-date").inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.fill("#f-activities-title", "记一笔·赴乐昌市调研");
    await page.selectOption("#f-activities-direction", "to_recipient");
    await page.selectOption("#f-activities-leaderLevel", "deputy");
    await page.fill("#f-activities-people", "5");
    await noSidewaysScroll(page, "quick: form");
    await shot(page, "44-phone-quick-form");
    await page.getByRole("button", { name: "保存这一笔" }).click();
    await page.getByRole("heading", { name: /^已记录：记一笔·赴乐昌市调研/ }).waitFor();
    await noSidewaysScroll(page, "quick: saved");
    await shot(page, "45-phone-quick-saved");
    const { body } = await h.api<{ items: { id: string; kind: string; direction: string; leaderLevel: string; people: number }[] }>("demo-editor", "GET", `/api/t/dongguan/activities?q=${encodeURIComponent("赴乐昌市调研")}`);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ kind: "visit", direction: "to_recipient", leaderLevel: "deputy", people: 5 });
    // On to the next one, and the record is a tap away in the ledger.
    await page.getByRole("link", { name: "在台账中查看" }).click();
    await page.waitForSelector(`[data-testid=record-view][data-record="${body.items[0]!.id}"]`);
    await page.context().close();
  });

  it("a coordinator's rollup fits the screen", async () => {
    const page = await openPage(h, PHONE);
    await signIn(page, h, "demo-coordinator");
    await page.waitForURL(/rollup/);
    await page.locator('[data-figure="units"]').waitFor();
    await noSidewaysScroll(page, "rollup");
    await shot(page, "43-phone-rollup");
    await page.context().close();
  });
});
