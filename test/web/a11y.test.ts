/**
 * Accessibility in Chromium: axe-core (WCAG 2.1 A/AA and best practice) over every screen of the app,
 * each as a role that sees it, with its dialogs open — no serious or critical violation anywhere, at
 * desktop size and, for the main screens, at a phone's 390 × 844. One page per role, moving by hash;
 * a failure lists each offending node as `rule (impact) target — what to fix`, by screen.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe";
import { eventually } from "./support/eventually";
import { DEMO_PASSWORD, DONGGUAN_YEAR, openPage, signIn, webHarness } from "./support/web-harness";

const web = webHarness();
const PHONE = { width: 390, height: 844 };
const PROGRAM = "dongguan-shaoguan";
const RECIPIENT = `a11y-nanxiong-${Date.now().toString(36)}`;
const LEDGER = ["sub-units", "pairings", "projects", "funds", "cadres", "activities", "targets"];

/** A screen: where it is, and (optionally) what to do there before checking, e.g. open a dialog. */
interface Screen {
  name: string;
  hash: string;
  /** Waited for before checking (beyond the loading states being gone). */
  ready?: string;
  /** Run after the screen is ready; the check then covers what it opened. */
  open?: (page: Page) => Promise<void>;
}

/** Waits until no loading state, busy region or unready chart is left on the screen. */
async function settled(page: Page, ready?: string): Promise<void> {
  await page.waitForSelector(".app__main h1, .login");
  if (ready) await page.waitForSelector(ready);
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() => !document.querySelector('.state--loading, [aria-busy="true"], .chart:not([data-ready="true"])'));
  await page.waitForTimeout(150); // the dialog's and charts' entry transitions
}

/** Clicks the (first) button named so — in Chinese or English, whichever the page shows — and waits for its dialog. */
const openDialog = (name: RegExp, within = "body") => async (page: Page) => {
  await page.locator(within).getByRole("button", { name }).first().click();
  await page.locator("dialog[open]").waitFor();
};

/**
 * A modal's keyboard contract: focus starts inside it and Tab never reaches the page behind (the
 * browser's own chrome, seen as <body>, is allowed); Escape closes it and focus returns to its opener.
 */
async function keyboardInDialog(page: Page, name: string): Promise<void> {
  const where = () => page.evaluate(() => (document.activeElement?.closest("dialog[open]") ? "dialog" : document.activeElement === document.body ? "body" : (document.activeElement?.outerHTML.slice(0, 120) ?? "none")));
  expect(await where(), `${name}: focus on opening`).toBe("dialog");
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press("Tab");
    expect(["dialog", "body"], `${name}: Tab ${i + 1} left the dialog`).toContain(await where());
  }
  await page.keyboard.press("Escape");
  await page.locator("dialog[open]").waitFor({ state: "detached" });
  await eventually(async () => expect(await page.evaluate(() => document.activeElement?.tagName), `${name}: focus back on the opener`).toBe("BUTTON"), 2_000);
}

/** Visits each screen on one signed-in page; returns each screen's blocking violations (empty ones left out). */
async function check(page: Page, screens: Screen[], suffix = ""): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const s of screens) {
    await page.goto(`${web().base}/${s.hash}`);
    await settled(page, s.ready);
    if (s.open) {
      await s.open(page);
      await settled(page);
    }
    const violations = await axeViolations(page);
    if (violations.length) found[s.name + suffix] = violations;
    if (await page.locator("dialog[open]").count()) await keyboardInDialog(page, s.name + suffix);
  }
  return found;
}

/** Signs in (unless `username` is null) on a fresh page, in zh-CN or switched to English, at the size given, and checks the screens. */
async function asRole(username: string | null, screens: Screen[], { size, english }: { size?: { width: number; height: number }; english?: boolean } = {}): Promise<Record<string, string[]>> {
  const page = await openPage(web(), size);
  try {
    if (username) await signIn(page, web(), username);
    else await page.goto(`${web().base}/#/login`);
    if (english) await page.getByRole("button", { name: /Switch to English/ }).click();
    return await check(page, screens, `${size ? ` @${size.width}×${size.height}` : ""}${english ? " (en)" : ""}`);
  } finally {
    await page.context().close();
  }
}

const editorScreens: Screen[] = [
  { name: "unit dashboard", hash: `#/u/dongguan?year=${DONGGUAN_YEAR}`, ready: ".progress" },
  ...LEDGER.map((r) => ({ name: `ledger ${r}`, hash: `#/u/dongguan/ledger/${r}` })),
  { name: "record form (new project)", hash: "#/u/dongguan/ledger/projects", open: openDialog(/^(新增|New)$/, ".panel__head") },
  { name: "import dialog", hash: "#/u/dongguan/ledger/funds", open: openDialog(/^(导入|Import)$/) },
  { name: "record thread", hash: "#/u/dongguan/ledger/funds", ready: "tbody tr", open: openDialog(/^(往来与附件|Thread & files)/, "tbody") },
  { name: "submissions", hash: "#/u/dongguan/submissions" },
  { name: "unit reports", hash: "#/u/dongguan/reports" },
  { name: "audit", hash: "#/u/dongguan/audit" },
  { name: "quick activity: kinds", hash: "#/u/dongguan/quick", ready: "button[data-kind]" },
  { name: "quick activity: form", hash: "#/u/dongguan/quick", ready: "button[data-kind]", open: (page) => page.click("button[data-kind=visit]") },
  { name: "inbox (one unread)", hash: "#/inbox", ready: ".topbar__badge" },
  { name: "change password", hash: "#/u/dongguan", open: openDialog(/^(修改密码|Change password)$/, ".topbar") },
];

const coordinatorScreens: Screen[] = [
  { name: "rollup (with annual ranking)", hash: `#/p/${PROGRAM}/rollup?year=${DONGGUAN_YEAR}`, ready: "#annual-ranking" },
  { name: "area drill", hash: `#/p/${PROGRAM}/areas/440282?year=${DONGGUAN_YEAR}` },
  { name: "unit drill", hash: `#/p/${PROGRAM}/units/dongguan?year=${DONGGUAN_YEAR}` },
  { name: "rules and rule editor", hash: `#/p/${PROGRAM}/rules`, ready: "ul.rules, form" },
  { name: "program reports", hash: `#/p/${PROGRAM}/reports` },
  { name: "structure", hash: `#/p/${PROGRAM}/structure` },
  { name: "structure: new group", hash: `#/p/${PROGRAM}/structure`, open: openDialog(/^(新增受援地|Add a recipient area)$/) },
  { name: "coordinator inbox", hash: "#/inbox" },
];

const adminScreens: Screen[] = [
  { name: "admin units", hash: "#/admin/units", ready: "table" },
  { name: "admin: new unit", hash: "#/admin/units", open: openDialog(/^(新建单位|New unit)$/) },
  { name: "admin users", hash: "#/admin/users", ready: "table" },
  { name: "admin: new user", hash: "#/admin/users", open: openDialog(/^(新建用户|New user)$/) },
  { name: "admin programs", hash: "#/admin/programs" },
  { name: "admin unit settings", hash: "#/u/dongguan/settings" },
];

const unitAdminScreens: Screen[] = [
  { name: "unit settings", hash: "#/u/dongguan/settings" },
  { name: "unit's users", hash: "#/admin/users", ready: "table" },
];

const recipientScreens: Screen[] = [
  { name: "recipient claims", hash: "#/recipient?year=2024", ready: "tbody tr" },
  { name: "recipient: dispute", hash: "#/recipient?year=2024", ready: "tbody tr", open: openDialog(/^(提出异议|Dispute)/, "tbody") },
  { name: "area helpers", hash: "#/areas/440282?year=2024" },
];

/** The screens of `list` with these names, in that order. */
function named(list: Screen[], ...names: string[]): Screen[] {
  return names.map((n) => list.find((s) => s.name === n) ?? expect.fail(`no screen named ${n}`));
}

beforeAll(async () => {
  const h = web();
  // A recipient for 南雄市 with one claim to answer and one disputed (an unread message in 东莞市's inbox),
  // and an issued annual assessment (the rollup's ranking card).
  expect((await h.api("demo-admin", "POST", "/api/users", { username: RECIPIENT, displayName: "南雄市对口帮扶联络员", password: DEMO_PASSWORD, role: "recipient", areaCode: "440282" })).status).toBe(201);
  const fund = (amountFen: number) => h.api<{ id: string }>("demo-editor", "POST", "/api/t/dongguan/funds", { kind: "disbursement", source: "city", amountFen, date: "2024-05-06", areaCode: "440282", program: PROGRAM });
  expect((await fund(1_000_000_00)).status).toBe(201);
  const disputed = await fund(500_000_00);
  expect(disputed.status).toBe(201);
  const verdict = await h.api(RECIPIENT, "POST", `/api/recipient/claims/dongguan/fund/${disputed.body.id}/verdict`, { verdict: "disputed", reason: "实际到账40万元", amountFen: 400_000_00 }, { "If-Match": '"1"' });
  expect(verdict.status).toBe(200);
  expect((await h.api("demo-coordinator", "POST", `/api/programs/${PROGRAM}/reports/run`, { job: "annual", year: DONGGUAN_YEAR })).status).toBe(200);
}, 120_000);

describe("no serious or critical axe violation", () => {
  it("on the sign-in screen", async () => {
    expect(await asRole(null, [{ name: "login", hash: "#/login" }])).toEqual({});
    expect(await asRole(null, [{ name: "login", hash: "#/login" }], { size: PHONE })).toEqual({});
    expect(await asRole(null, [{ name: "login", hash: "#/login" }], { english: true })).toEqual({});
  });

  it("on a unit editor's screens and dialogs", async () => {
    expect(await asRole("demo-editor", editorScreens)).toEqual({});
  }, 120_000);

  it("on a viewer's unit screens", async () => {
    expect(await asRole("demo-viewer", [{ name: "viewer home", hash: "#/" }, { name: "viewer ledger", hash: "#/u/gd-org-dept/ledger/projects" }])).toEqual({});
  });

  it("on a coordinator's program screens", async () => {
    expect(await asRole("demo-coordinator", coordinatorScreens)).toEqual({});
  }, 120_000);

  it("on the platform admin's and a unit admin's screens", async () => {
    expect({ ...(await asRole("demo-admin", adminScreens)), ...(await asRole("demo-unit-admin", unitAdminScreens)) }).toEqual({});
  }, 120_000);

  it("on a recipient's screens", async () => {
    expect(await asRole(RECIPIENT, recipientScreens)).toEqual({});
  });

  it("on the main screens at a phone's size", async () => {
    const found = {
      ...(await asRole("demo-editor", named(editorScreens, "unit dashboard", "ledger projects", "record form (new project)", "quick activity: kinds", "quick activity: form"), { size: PHONE })),
      ...(await asRole("demo-coordinator", named(coordinatorScreens, "rollup (with annual ranking)", "unit drill"), { size: PHONE })),
      ...(await asRole(RECIPIENT, named(recipientScreens, "recipient claims"), { size: PHONE })),
    };
    expect(found).toEqual({});
  }, 120_000);

  // English names differ from the Chinese ones (a button's label must still contain its visible words).
  it("on the main screens and dialogs in English", async () => {
    const found = {
      ...(await asRole("demo-editor", named(editorScreens, "unit dashboard", "ledger funds", "record form (new project)", "import dialog", "record thread", "change password"), { english: true })),
      ...(await asRole("demo-coordinator", named(coordinatorScreens, "rollup (with annual ranking)", "rules and rule editor", "structure", "structure: new group"), { english: true })),
      ...(await asRole("demo-admin", named(adminScreens, "admin units", "admin: new user"), { english: true })),
      ...(await asRole(RECIPIENT, named(recipientScreens, "recipient claims", "recipient: dispute"), { english: true })),
    };
    expect(found).toEqual({});
  }, 120_000);
});
