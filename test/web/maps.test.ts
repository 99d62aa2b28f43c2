/**
 * The rollup's map and the drill-downs' trends in a real browser: demo-coordinator opens the
 * Dongguan–Shaoguan rollup of 东莞市's demo year; the map draws the program's ten Shaoguan counties from
 * the committed extract, switches from funds to compliance, and a click on a county opens that area,
 * whose trend chart and table show its quarters — as does 东莞市's unit drill-down, over the term too.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { eventually, hasAttribute, hasCount } from "./support/eventually";
import { docShot, DONGGUAN_YEAR, openPage, shot, signIn, webHarness } from "./support/web-harness";

const PROGRAM = "dongguan-shaoguan";
const web = webHarness();

type Point = { code: string; x: number; y: number };

/** Where the map draws each of the extract's areas it holds (their label points), in page pixels, and the colour there. */
function drawnAreas(page: Page): Promise<(Point & { rgba: number[] })[]> {
  return page.evaluate(async () => {
    const host = document.querySelector<HTMLDivElement & { chart?: any }>('[data-testid="area-map"] .chart')!;
    const chart = host.chart;
    const names: string[] = chart.getOption().series[0].data.map((d: { name: string }) => d.name);
    const geo = (await (await fetch("/maps/areas.json")).json()) as { features: { properties: { name: string; cp: [number, number] } }[] };
    const canvas = host.querySelector("canvas")!;
    const box = canvas.getBoundingClientRect();
    const scale = canvas.width / box.width;
    const ctx = canvas.getContext("2d")!;
    return geo.features
      .filter((f) => names.includes(f.properties.name))
      .map((f) => {
        const [px, py] = chart.convertToPixel({ seriesIndex: 0 }, f.properties.cp) as [number, number];
        const rgba = [...ctx.getImageData(Math.round(px * scale), Math.round(py * scale), 1, 1).data];
        return { code: f.properties.name, x: box.left + px, y: box.top + py, rgba };
      });
  });
}

describe("the rollup's map", () => {
  it("draws the program's counties, recolours them by compliance, and a click on one opens the area with its trend", async () => {
    const h = web();
    const page = await openPage(h, { width: 1366, height: 900 });
    await signIn(page, h, "demo-coordinator");
    const rollup = await h.api<{ areas: { group: { area: { code: string } } }[] }>("demo-coordinator", "GET", `/api/programs/${PROGRAM}/rollup?year=${DONGGUAN_YEAR}`);
    const codes = rollup.body.areas.map((a) => a.group.area.code).sort();
    expect(codes).toHaveLength(10);

    await page.goto(`${h.base}/#/p/${PROGRAM}/rollup?year=${DONGGUAN_YEAR}`);
    const map = page.locator('[data-testid="area-map"]');
    await hasAttribute(map.locator(".chart"), "data-ready", "true");
    expect(await map.locator(".chart").getAttribute("aria-label")).toContain("按资金投入");
    // Every one of the ten counties is drawn: its label point is painted (the canvas is transparent around the map).
    let areas: Awaited<ReturnType<typeof drawnAreas>> = [];
    await eventually(async () => {
      areas = await drawnAreas(page);
      expect(areas.map((a) => a.code).sort()).toEqual(codes);
      for (const a of areas) expect(a.rgba[3], a.code).toBeGreaterThan(200);
    });
    const byFunds = new Map(areas.map((a) => [a.code, a.rgba.join()]));
    await map.scrollIntoViewIfNeeded();
    await shot(page, "70-rollup-map-funds");
    await docShot(page, "coordinator-map");

    await map.getByRole("button", { name: "达标情况" }).click();
    await hasAttribute(map, "data-colouring", "compliance");
    expect(await map.locator(".chart").getAttribute("aria-label")).toContain("达标率");
    expect(await page.evaluate(() => (document.querySelector('[data-testid="area-map"] .chart') as any).chart.getOption().visualMap[0].max)).toBe(100);
    // Recoloured: some county is painted in another colour than by funds.
    await eventually(async () => {
      const now = await drawnAreas(page);
      expect(now.some((a) => a.rgba.join() !== byFunds.get(a.code))).toBe(true);
    });
    await shot(page, "71-rollup-map-compliance");

    // A real click on the northernmost county (away from the legend at the bottom left), where it is now drawn.
    const target = (await drawnAreas(page)).reduce((a, b) => (b.y < a.y ? b : a));
    await page.mouse.move(target.x, target.y);
    await page.mouse.click(target.x, target.y);
    await eventually(() => expect(page.url()).toContain(`#/p/${PROGRAM}/areas/${target.code}?year=${DONGGUAN_YEAR}`));

    const trend = page.locator('[data-testid="trend"]');
    await hasAttribute(trend.locator(".chart"), "data-ready", "true");
    await hasCount(trend.locator("tbody tr"), 4);
    // The quarters add up to the area's own figure for the year (the drill-down, from the stored judgements).
    await eventually(async () => {
      const [trendNow, drill] = await Promise.all([
        h.api<{ quarters: { inFen: number }[] }>("demo-coordinator", "GET", `/api/programs/${PROGRAM}/rollup/areas/${target.code}/trend?year=${DONGGUAN_YEAR}`),
        h.api<{ sums: { inFen: number } }>("demo-coordinator", "GET", `/api/programs/${PROGRAM}/rollup/areas/${target.code}?year=${DONGGUAN_YEAR}`),
      ]);
      expect(drill.body.sums.inFen).toBeGreaterThan(0);
      expect(trendNow.body.quarters.reduce((n, q) => n + q.inFen, 0)).toBe(drill.body.sums.inFen);
    }, 30_000);
    await shot(page, "72-area-trend");
    await trend.scrollIntoViewIfNeeded();
    await docShot(page, "area-trend");
    await page.context().close();
  }, 90_000);
});

describe("a unit's trend", () => {
  it("shows 东莞市's quarters of the year, and of the plan's whole term", async () => {
    const h = web();
    const page = await openPage(h);
    await signIn(page, h, "demo-coordinator");
    await page.goto(`${h.base}/#/p/${PROGRAM}/units/dongguan?year=${DONGGUAN_YEAR}`);
    const trend = page.locator('[data-testid="trend"]');
    await hasAttribute(trend.locator(".chart"), "data-ready", "true");
    await hasCount(trend.locator("tbody tr"), 4);
    // The demo ledger records 东莞市's work in the year: some quarter has money and entries.
    const api = await h.api<{ quarters: { inFen: number; activities: number }[] }>("demo-coordinator", "GET", `/api/programs/${PROGRAM}/rollup/units/dongguan/trend?year=${DONGGUAN_YEAR}`);
    expect(api.body.quarters.some((q) => q.inFen > 0)).toBe(true);
    expect(api.body.quarters.some((q) => q.activities > 0)).toBe(true);
    expect(await trend.locator("thead").textContent()).toContain("台账事项");

    await trend.getByRole("button", { name: "工作期限内各季度" }).click();
    // 2022—2024, or up to this year while the plan runs: four rows a year.
    const years = Math.min(2024, new Date().getFullYear()) - 2022 + 1;
    await hasCount(trend.locator("tbody tr"), years * 4);
    await shot(page, "73-unit-trend-term");
    await page.context().close();
  }, 60_000);
});
