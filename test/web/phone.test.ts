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
