/**
 * The structure issue's walk in Chromium, as the program's coordinator (demo-coordinator, 老区苏区):
 * places a new unit in 和平县's group as a member from 1 April, sees its fund in its compliance, the
 * area's and the unit's rollup pages and the next program report; ends the membership and sees the unit
 * leave later periods but stay in earlier ones; then moves the lead from 1 October (a second lead at the
 * same time is refused in the dialog first) and the unit joins again, as the new lead. Each test has a
 * unit and a page of its own; the later steps start from a stay made through the API, so none waits on another.
 */
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { uid } from "../support/harness";
import { containsText, eventually, hasCount } from "./support/eventually";
import { openPage, shot, signIn, startWeb, type WebHarness } from "./support/web-harness";

const ADMIN = "demo-admin";
const COORDINATOR = "demo-coordinator";
const PROGRAM = "gd-old-areas";
const AREA = "441624"; // 和平县: 省应急管理厅 leads

let h: WebHarness;
/** The test's own page, signed in as the coordinator (see beforeEach). */
let page: Page;

/** A unit of a test's own, in no group yet, with its clerk (the harness signs every user in with the demo password). */
interface Unit {
  slug: string;
  name: string;
  clerk: string;
}

/** Creates a unit named `name` (names differ between tests and none contains another: the dialog's picker matches by text). */
async function newUnit(name: string): Promise<Unit> {
  const slug = uid("web-join");
  const clerk = `${slug}-clerk`;
  expect((await h.api(ADMIN, "POST", "/api/units", { slug, name, kind: "provincial_organ" })).status).toBe(201);
  expect((await h.api(ADMIN, "POST", "/api/users", { username: clerk, displayName: "结对单位填报员", password: "duikou-demo-2026", role: "unit_editor", unit: slug })).status).toBe(201);
  return { slug, name, clerk };
}

/** Through the API: the unit joins 和平县's group as a member from `from`, and (when `to` is given) leaves it after `to`. */
async function memberByApi(unit: Unit, from: string, to?: string): Promise<void> {
  const joined = await h.api<{ version: number }>(COORDINATOR, "POST", `/api/programs/${PROGRAM}/groups/${AREA}/members`, { unit: unit.slug, role: "member", effectiveFrom: from });
  expect(joined.status).toBe(201);
  if (to === undefined) return;
  const ended = await h.api(COORDINATOR, "PATCH", `/api/programs/${PROGRAM}/groups/${AREA}/members/${unit.slug}`, { effectiveTo: to }, { "If-Match": `"${joined.body.version}"` });
  expect(ended.status).toBe(200);
}

type Rollup = { units: { unit: { slug: string } }[]; areas: { group: { area: { code: string }; lead: { slug: string } | null } }[] };
const rollup = async (query: string) => {
  const { status, body } = await h.api<Rollup>(COORDINATOR, "GET", `/api/programs/${PROGRAM}/rollup?${query}&limit=500`);
  expect(status).toBe(200);
  return body;
};
const listed = (r: Rollup, unit: Unit) => r.units.some((u) => u.unit.slug === unit.slug);
const leadOf = (r: Rollup) => r.areas.find((a) => a.group.area.code === AREA)?.group.lead?.slug;
const row = () => page.locator("tr", { has: page.locator("td", { hasText: "和平县" }) });
/** The unit's stays in 和平县's row, the latest last. */
const stays = (unit: Unit) => row().locator(`li[data-stay^="${unit.slug}:"]`);

async function join(unitName: string, role: "member" | "lead", from: string) {
  await row().getByRole("button", { name: /和平县 加入单位/ }).click();
  await page.waitForSelector("dialog[open] #stay-unit-q");
  await page.fill("dialog[open] #stay-unit-q", unitName);
  await page.waitForSelector(`dialog[open] #stay-unit option:has-text("${unitName}")`, { state: "attached" });
  await page.selectOption("dialog[open] #stay-unit", { label: (await page.locator(`dialog[open] #stay-unit option:has-text("${unitName}")`).first().textContent())! });
  await page.selectOption("dialog[open] #stay-role", role);
  await page.fill("dialog[open] #stay-from", from);
  await page.click("dialog[open] button[type=submit]");
}

async function endStay(unitName: string, to: string) {
  await row().getByRole("button", { name: new RegExp(`调整 ${unitName} 在 .*和平县 的成员关系`) }).last().click();
  await page.waitForSelector("dialog[open] #stay-to");
  await page.fill("dialog[open] #stay-to", to);
  await page.click("dialog[open] button[type=submit]");
  await hasCount(page.locator("dialog[open]"), 0);
}

/** The program's structure screen, on the test's own page. */
async function openStructure() {
  await page.goto(`${h.base}/#/p/${PROGRAM}/structure`);
  await containsText(page.locator("[data-testid=program-term]"), "2022—2030 年");
}

beforeAll(async () => {
  h = await startWeb();
}, 60_000);
afterAll(async () => {
  await h?.close();
});

describe("a program's structure, administered in the browser", () => {
  beforeEach(async () => {
    page = await openPage(h);
    await signIn(page, h, COORDINATOR);
  });
  afterEach(async () => {
    await page?.context().close();
  });

  it("places a unit in a group from a day; its fund reaches its compliance, the rollup by area, group and unit, and the next report", async () => {
    const unit = await newUnit("界面结对单位甲");
    await openStructure();
    await join(unit.name, "member", "2026-04-01");
    await hasCount(page.locator("dialog[open]"), 0);
    await containsText(page.locator(".notice"), "已加入");
    await containsText(stays(unit).last(), "2026-04-01 — 至今");
    await shot(page, "40-structure");

    const fund = await h.api(unit.clerk, "POST", `/api/t/${unit.slug}/funds`, { kind: "allocation", source: "province", amountFen: 3_000_000_00, date: "2026-05-10", areaCode: AREA, program: PROGRAM, grassroots: true });
    expect(fund.status).toBe(201);
    const compliance = await h.api<{ programs: { program: string; results: unknown[] }[] }>(unit.clerk, "GET", `/api/t/${unit.slug}/compliance?year=2026&quarter=3`);
    expect(compliance.body.programs.find((p) => p.program === PROGRAM)?.results.length).toBeGreaterThan(0);

    // The area's page (its group with every member) and the unit's page, both as the coordinator sees them.
    await page.goto(`${h.base}/#/p/${PROGRAM}/areas/${AREA}?year=2026&quarter=3`);
    await containsText(page.locator("#main"), unit.name);
    await containsText(page.locator("#main"), "300.00");
    await page.goto(`${h.base}/#/p/${PROGRAM}/units/${unit.slug}?year=2026&quarter=3`);
    await containsText(page.locator(".page-header__title"), unit.name);
    expect(listed(await rollup("year=2026&quarter=3"), unit)).toBe(true);

    // The next program report names the unit among the program's units.
    const run = await h.api(COORDINATOR, "POST", `/api/programs/${PROGRAM}/reports/run`, { job: "quarterly", year: 2026, quarter: 3 });
    expect([200, 202]).toContain(run.status);
    await eventually(async () => {
      const reports = await h.api<{ items: { id: string; kind: string; period: string }[] }>(COORDINATOR, "GET", `/api/programs/${PROGRAM}/reports?kind=program_quarterly`);
      const report = reports.body.items.find((r) => r.period === "2026-Q3");
      expect(report).toBeDefined();
      const html = await fetch(`${h.base}/api/reports/${report!.id}?format=html`, { headers: { Authorization: `Bearer ${await tokenOf(COORDINATOR)}` } });
      expect(await html.text()).toContain(unit.name);
    }, 60_000);
  }, 120_000);

  it("ends the membership on a day: the unit leaves later periods and stays in earlier ones", async () => {
    // A member of 和平县's group from 1 April, joined through the API (the test above joins through the dialog).
    const unit = await newUnit("界面结对单位乙");
    await memberByApi(unit, "2026-04-01");
    await openStructure();
    await containsText(stays(unit).last(), "2026-04-01 — 至今");
    await endStay(unit.name, "2026-09-30");
    await containsText(stays(unit).last(), "2026-04-01 — 2026-09-30");
    expect(listed(await rollup("year=2026&quarter=3"), unit)).toBe(true);
    expect(listed(await rollup("year=2027"), unit)).toBe(false);
    expect(listed(await rollup("year=2026&quarter=1"), unit)).toBe(false);
  });

  it("moves the lead from 1 October: a second lead at once is refused, then the old lead's stay ends and the unit joins again as lead", async () => {
    // A unit that was a member from 1 April to 30 September (through the API), so it joins again as a second stay.
    const unit = await newUnit("界面结对单位丙");
    await memberByApi(unit, "2026-04-01", "2026-09-30");
    await openStructure();
    await hasCount(stays(unit), 1);
    await containsText(stays(unit).last(), "2026-04-01 — 2026-09-30");

    await join(unit.name, "lead", "2026-10-01");
    await containsText(page.locator("dialog[open]"), "已有牵头单位");
    await page.locator("dialog[open]").getByRole("button", { name: "取消" }).click();
    await hasCount(page.locator("dialog[open]"), 0);

    await endStay("省应急管理厅", "2026-09-30");
    await join("省应急管理厅", "member", "2026-10-01");
    await hasCount(page.locator("dialog[open]"), 0);
    await join(unit.name, "lead", "2026-10-01");
    await hasCount(page.locator("dialog[open]"), 0);
    await hasCount(stays(unit), 2);
    await containsText(stays(unit).last(), "牵头");
    await containsText(stays(unit).last(), "2026-10-01 — 至今");
    await shot(page, "41-structure-lead-moved");

    expect(leadOf(await rollup("year=2026&quarter=4"))).toBe(unit.slug);
    expect(leadOf(await rollup("year=2026&quarter=3"))).toBe("gd-emergency-mgmt");
    expect(leadOf(await rollup("year=2025"))).toBe("gd-emergency-mgmt");
  });
});

describe("a prefecture's counties, where the document names none", () => {
  it("shows the empty state, then the East–West coordinator's registration of 怒江州's counties", async () => {
    const other = await openPage(h);
    await signIn(other, h, ADMIN);
    await other.goto(`${h.base}/#/p/gd-east-west-2016/structure`);
    const counties = other.locator("[data-testid=counties-533300]");
    await containsText(counties, "尚未登记受援县");
    await counties.getByRole("button", { name: /为 .*怒江.* 登记受援县/ }).click();
    await other.waitForSelector('dialog[open] input[name=county][value="533323"]');
    await other.check('dialog[open] input[name=county][value="533301"]');
    await other.check('dialog[open] input[name=county][value="533323"]');
    await containsText(other.locator("dialog[open]"), "已选 2 个");
    await other.click("dialog[open] button[type=submit]");
    await hasCount(other.locator("dialog[open]"), 0);
    await containsText(counties, "受援县：泸水市、福贡县");
    const { body } = await h.api<{ items: { area: { code: string }; counties: { code: string }[] }[] }>(ADMIN, "GET", "/api/programs/gd-east-west-2016/groups");
    expect(body.items.find((g) => g.area.code === "533300")!.counties.map((c) => c.code)).toEqual(["533301", "533323"]);
    await other.context().close();
  });
});

async function tokenOf(username: string): Promise<string> {
  const res = await fetch(`${h.base}/api/auth/login`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ username, password: "duikou-demo-2026" }) });
  return ((await res.json()) as { token: string }).token;
}
