/**
 * Dates read YYYY-MM-DD whatever the browser's locale (issue #16): in an American browser, where the
 * browser's own date control and toLocaleDateString would write 3/1/2026, a clerk types 2026/3/1 and
 * sees 2026-03-01, and the ledger's list shows every date the same way.
 */
import { describe, expect, it } from "vitest";
import { hasValue } from "./support/eventually";
import { DONGGUAN_YEAR, openPage, signIn, webHarness } from "./support/web-harness";

const web = webHarness();

describe("dates in a browser set to en-US", () => {
  it("are typed and shown as YYYY-MM-DD", async () => {
    const h = web();
    const page = await openPage(h, undefined, "en-US");
    expect(await page.evaluate(() => navigator.language)).toBe("en-US");
    await signIn(page, h, "demo-editor");
    await page.goto(`${h.base}/#/u/dongguan/ledger/activities?year=${DONGGUAN_YEAR}`);
    await page.locator("table.table tbody tr").first().waitFor();
    const cells = await page.locator("table.table tbody td").allTextContents();
    const dates = cells.filter((t) => /\d{1,4}[/-]\d{1,2}[/-]\d{1,4}/.test(t));
    expect(dates.length).toBeGreaterThan(0);
    for (const d of dates) expect(d.trim()).toMatch(/^\d{4}-\d{2}-\d{2}/);

    await page.locator("button.btn--primary", { hasText: /新增|New/ }).first().click();
    const date = page.locator("#f-activities-date");
    await date.fill(`${DONGGUAN_YEAR}/3/1`);
    await date.blur();
    await hasValue(date, `${DONGGUAN_YEAR}-03-01`);
    expect(await date.getAttribute("type")).toBe("text");
    await page.context().close();
  });
});
