/**
 * A coordinator (demo-coordinator) in the browser: the dongguan-shaoguan rollup lists 东莞市, the unit
 * drill-down opens, and its quarterly report opens (issued first through the UI when none exists);
 * a rule parameter is changed with If-Match.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { containsText, eventually, hasCount, hasText } from "./support/eventually";
import { docShot, DONGGUAN_YEAR, openPage, shot, signIn, startWeb, YEAR, type WebHarness } from "./support/web-harness";

const COORDINATOR = "demo-coordinator";
const PROGRAM = "dongguan-shaoguan";

/**
 * The last quarter of the plan that has ended (its reports can be issued; the demo ledger submits Q1 and Q2
 * of its year only). Once the plan (2022–2024) is over, that is its last quarter.
 */
function lastEndedQuarter(now = new Date()): { year: number; quarter: number } {
  if (DONGGUAN_YEAR < YEAR) return { year: DONGGUAN_YEAR, quarter: 4 };
  const current = Math.floor(now.getMonth() / 3) + 1;
  return current === 1 ? { year: YEAR - 1, quarter: 4 } : { year: YEAR, quarter: current - 1 };
}
const PERIOD = lastEndedQuarter();
const NOT_SUBMITTED = PERIOD.year < DONGGUAN_YEAR || PERIOD.quarter > 2;

let h: WebHarness;

beforeAll(async () => {
  h = await startWeb();
});

/** A page of the test's own, signed in as the coordinator (at the coordinator's home, the program's rollup). */
async function coordinatorPage(): Promise<Page> {
  const page = await openPage(h);
  await signIn(page, h, COORDINATOR);
  return page;
}

afterAll(async () => {
  await h?.close();
});

describe("sign-in", () => {
  it("says a wrong password in the chosen language, and after five failures shows the wait", async () => {
    const login = await openPage(h);
    await login.goto(`${h.base}/#/login`);
    await login.getByRole("button", { name: "English" }).click();
    await hasText(login.locator("label[for=login-username]"), "Username");
    await login.fill("#login-username", "web-test-nobody");
    await login.fill("#login-password", "wrong-password");
    await login.click("form button[type=submit]");
    // The API's own message, in English because the UI sends Accept-Language: en.
    await hasText(login.locator("#login-error"), "Wrong username or password.");
    for (let i = 2; i <= 5; i++) {
      await login.click("form button[type=submit]");
      await login.waitForTimeout(i < 5 ? 300 : 0);
    }
    await containsText(login.locator("#login-wait"), "Try again in");
    expect(await login.locator("form button[type=submit]").isDisabled()).toBe(true);
    await shot(login, "19-login-locked");
    await login.context().close();
  });
});

describe("coordinator", () => {
  it("opens a year never computed: the units show stale at once, then fresh when their background refresh has run (the screen asks again)", async () => {
    const own = await openPage(h);
    await signIn(own, h, COORDINATOR);
    const year = YEAR + 2; // within the old-areas program's term (2026–2030), never judged by anyone yet
    await own.goto(`${h.base}/#/p/gd-old-areas/rollup?year=${year}`);
    const card = own.locator('[data-figure="units"]');
    // The first answer came before any refresh ran: every unit stale.
    await containsText(card, "个单位数据未及时更新");
    await eventually(async () => expect(((await card.textContent()) ?? "").trim()).toContain("各单位数据均为最新"), 60_000);
    // The laggards are grouped by requirement and result: one line each, not one per unit.
    const rollup = await h.api<{ lagging: { rule: string; status: string; count: number }[] }>(COORDINATOR, "GET", `/api/programs/gd-old-areas/rollup?year=${year}`);
    const pairs = new Set(rollup.body.lagging.map((g) => `${g.rule}/${g.status}`));
    expect(pairs.size).toBe(rollup.body.lagging.length);
    expect(rollup.body.lagging.reduce((n, g) => n + g.count, 0)).toBeGreaterThan(pairs.size);
    await hasCount(own.locator('[data-list="lagging"] > li'), pairs.size);
    await own.context().close();
  }, 90_000);

  it("sees 东莞市 in the dongguan-shaoguan rollup, drills into it and opens its report", async () => {
    const page = await coordinatorPage();
    await page.waitForURL(/#\/p\/dongguan-shaoguan\/rollup/);
    await page.selectOption("#pick-year", String(PERIOD.year));
    await page.selectOption("#pick-quarter", String(PERIOD.quarter));
    await page.waitForURL(new RegExp(`year=${PERIOD.year}&quarter=${PERIOD.quarter}`));

    type Rollup = { units: { unit: { slug: string }; freshness: { stale: boolean } }[]; notSubmitted: string[] };
    // The rollup names who has not submitted from the stored judgements: wait until 东莞市's is current (under a
    // loaded machine its background judgement may still be running), then it must say exactly that.
    let rollup!: { status: number; body: Rollup };
    await eventually(async () => {
      rollup = await h.api<Rollup>(COORDINATOR, "GET", `/api/programs/${PROGRAM}/rollup?year=${PERIOD.year}&quarter=${PERIOD.quarter}`);
      expect(rollup.status).toBe(200);
      expect(rollup.body.units.find((u) => u.unit.slug === "dongguan")?.freshness.stale).toBe(false);
    }, 30_000);
    expect(rollup.body.units.map((u) => u.unit.slug)).toContain("dongguan");
    expect(rollup.body.notSubmitted.includes("dongguan")).toBe(NOT_SUBMITTED);

    const unitsTable = page.locator('section[aria-labelledby="table-units"] table');
    await containsText(unitsTable.locator("tbody tr").first(), "东莞市");
    if (NOT_SUBMITTED) {
      await containsText(page.locator('[data-list="not-submitted"]'), "东莞市");
      await containsText(unitsTable.locator("tbody tr").first(), "未报送");
    }
    await hasCount(page.locator('.chart[data-ready="true"]'), 3); // funds by area, rule results, the map
    await page.waitForTimeout(500); // the charts' entry animation
    await shot(page, "20-rollup");
    await docShot(page, "coordinator-rollup");
    await shot(page, "21-rollup-full", true);

    // Drill down to the unit.
    await unitsTable.getByRole("link", { name: "东莞市" }).click();
    await page.waitForURL(/#\/p\/dongguan-shaoguan\/units\/dongguan/);
    await hasText(page.locator("h1"), "东莞市");
    const drill = await h.api<{ summary: { rules: unknown[]; activities: Record<string, { count: number }> } }>(COORDINATOR, "GET", `/api/programs/${PROGRAM}/rollup/units/dongguan?year=${PERIOD.year}&quarter=${PERIOD.quarter}`);
    await hasCount(page.locator("ul.rules > li.rule"), drill.body.summary.rules.length);
    // The activity card names the three kinds with most records, most first (it showed the first three).
    const shown = ((await page.locator('[data-figure="drill-activities"] .figure__detail').textContent()) ?? "").match(/\d+(?= ·|$)/g)?.map(Number) ?? [];
    const top = Object.values(drill.body.summary.activities).map((a) => a.count).sort((a, b) => b - a).slice(0, 3);
    expect(top.length).toBeGreaterThan(1);
    expect(shown).toEqual(top);
    await shot(page, "22-unit-drill");

    // Its report: the reports API lists the unit's reports; when there are none, the coordinator issues the quarter's.
    const reportsCard = page.locator('section[aria-labelledby="drill-reports"]');
    const listed = await h.api<{ items: { id: string; kind: string }[] }>(COORDINATOR, "GET", "/api/t/dongguan/reports");
    if (listed.status === 404) {
      // The reports API is not deployed in this build: the card says so instead of failing.
      await containsText(reportsCard, "报告功能尚未开放");
      console.warn("[web test] reports API answered 404: report step checked as an empty state only");
      return;
    }
    expect(listed.status).toBe(200);
    if (!listed.body.items.some((r) => r.kind === "unit_quarterly")) {
      await page.getByRole("link", { name: "报告与考核" }).click();
      await page.selectOption("#run-job", "quarterly");
      await page.selectOption("#run-year", String(PERIOD.year));
      await page.selectOption("#run-quarter", String(PERIOD.quarter));
      await page.getByRole("button", { name: "生成报告" }).click();
      await containsText(page.locator(".notice--success"), "已生成");
      await shot(page, "23-reports-issued");
      await page.goBack();
      await page.waitForURL(/units\/dongguan/);
    }
    const reports = await h.api<{ items: { id: string; kind: string; title: string }[] }>(COORDINATOR, "GET", "/api/t/dongguan/reports?kind=unit_quarterly");
    const report = reports.body.items[0]!;
    expect(report).toBeTruthy();
    const item = reportsCard.locator(`[data-report="${report.id}"]`);
    await containsText(item, report.title);
    await item.getByRole("button", { name: "查看" }).click();
    const frame = page.frameLocator("iframe.report-frame");
    await eventually(async () => expect(await frame.locator("body").textContent()).toContain("东莞市"), 15_000);
    await shot(page, "24-report-open");

    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("dialog[open]").getByRole("button", { name: "关闭" }).click().then(() => item.getByRole("button", { name: "XLSX" }).click())]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    await page.context().close();
  });

  it("is told when a period's reports exist already, and issues new versions when asked to", async () => {
    const page = await coordinatorPage();
    await page.goto(`${h.base}/#/p/${PROGRAM}/reports`);
    await page.selectOption("#run-job", "quarterly");
    await page.selectOption("#run-year", String(PERIOD.year));
    await page.selectOption("#run-quarter", String(PERIOD.quarter));
    await page.getByRole("button", { name: "生成报告" }).click(); // makes sure they exist
    await page.getByRole("button", { name: "生成报告" }).click();
    await containsText(page.locator(".notice--info"), "均已存在");
    await page.check("#run-reissue");
    await page.getByRole("button", { name: "生成报告" }).click();
    await containsText(page.locator(".notice--success"), "份新报告");
    await page.context().close();
  });

  it("changes a rule parameter (PUT with If-Match) and sees the new version", async () => {
    type Rules = { items: { id: string; version: number; params: { perYear?: number } }[] };
    const rule = async () => (await h.api<Rules>(COORDINATOR, "GET", `/api/programs/${PROGRAM}/rules`)).body.items.find((r) => r.id === "joint-meetings-dongguan")!;
    // The version it starts from, read here rather than assumed (the seed's is 1).
    const before = await rule();
    const page = await coordinatorPage();
    await page.goto(`${h.base}/#/p/${PROGRAM}/rules`);
    const input = page.locator("#rule-joint-meetings-dongguan-perYear");
    await input.waitFor();
    await input.fill("3");
    const card = page.locator("li.rule-config", { has: input });
    await card.getByRole("button", { name: "保存" }).click();
    await containsText(card, `已保存（第 ${before.version + 1} 版）`);
    await shot(page, "25-rule-saved");
    expect(await rule()).toMatchObject({ version: before.version + 1, params: { perYear: 3 } });

    // A value the rule refuses comes back next to its input.
    await input.fill("1000");
    await card.getByRole("button", { name: "保存" }).click();
    await containsText(card.locator('[data-field="rule-joint-meetings-dongguan-perYear"] .field__error'), "100");
    await page.context().close();
  });

  it("opens 南雄's page from the program's area drill-down: every program that supports it, each with its helpers", async () => {
    const year = 2024; // both of 南雄's programs in term
    const page = await coordinatorPage();
    await page.goto(`${h.base}/#/p/gd-old-areas/areas/440282?year=${year}`);
    await page.locator('[data-link="area-helpers"]').click();
    await page.waitForURL(/#\/areas\/440282/);
    await hasText(page.locator("h1"), "广东省韶关市南雄市");
    const api = await h.api<{ programs: { program: string; groups: { helpers: unknown[] }[] }[] }>(COORDINATOR, "GET", `/api/areas/440282/helpers?year=${year}`);
    expect(api.body.programs.length).toBeGreaterThanOrEqual(2);
    await hasCount(page.locator("section[data-program]"), api.body.programs.length);
    for (const p of api.body.programs) {
      await hasCount(page.locator(`section[data-program="${p.program}"] tbody tr`), p.groups.reduce((n, g) => n + g.helpers.length, 0));
    }
    await shot(page, "26-area-helpers");
    await page.context().close();
  });
});
