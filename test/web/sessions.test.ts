/**
 * Sessions and links, in real Chromium: the session is an HttpOnly cookie every tab of the browser
 * shares (page scripts cannot read it); a pasted deep link survives the sign-in it needs; typed input
 * is not lost silently to back, a link, a reload or closing the tab.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { containsText, hasCount, hasValue } from "./support/eventually";
import { browserDialogs, DEMO_PASSWORD, DONGGUAN_YEAR as YEAR, openPage, shot, signIn, webHarness } from "./support/web-harness";

const web = webHarness();
const PROGRAM = "dongguan-shaoguan";

async function fillLogin(page: Page, username: string) {
  await page.fill("#login-username", username);
  await page.fill("#login-password", DEMO_PASSWORD);
  await page.click("form button[type=submit]");
}

describe("the cookie session", () => {
  it("is HttpOnly, shared by a second tab (already signed in), and gone for every tab after signing out", async () => {
    const page = await openPage(web());
    await signIn(page, web(), "demo-editor");
    const [cookie] = await page.context().cookies();
    expect(cookie).toMatchObject({ name: "duikou_session", httpOnly: true, sameSite: "Strict", path: "/api" });
    // Page scripts see neither the cookie nor a copy of the token.
    const visible = await page.evaluate(() => ({ cookie: document.cookie, session: JSON.stringify({ ...sessionStorage }), local: JSON.stringify({ ...localStorage }) }));
    for (const where of Object.values(visible)) expect(where).not.toContain(cookie!.value);

    // A second tab of the same browser opens a screen directly, already signed in.
    const second = await page.context().newPage();
    await second.goto(`${web().base}/#/u/dongguan/ledger/funds`);
    await second.waitForSelector(".app__main");
    await containsText(second.locator(".topbar__user-name"), "东莞市填报员");
    await hasCount(second.locator("#login-username"), 0);
    await shot(second, "90-second-tab-signed-in");

    // Signing out in the first tab clears the cookie: the second tab's next load is at the sign-in screen.
    await page.getByRole("button", { name: "退出登录" }).click();
    await page.waitForSelector("#login-username");
    expect(await page.context().cookies()).toEqual([]);
    await second.reload();
    await second.waitForSelector("#login-username");
    // Nothing to explain to someone who signed out.
    await hasCount(second.locator(".notice--warn"), 0);
    await page.context().close();
  }, 60_000);
});

describe("a session the server no longer accepts", () => {
  it("signs the web out with the server's reason, and signing in again returns to the screen it was on", async () => {
    // A clerk of its own, so the demo accounts stay as they are for the other tests.
    const username = `web-sess-${Date.now().toString(36)}`;
    const password = "一条足够长的网页会话口令-甲乙丙丁";
    const created = await web().api<{ id: string; version: number }>("demo-admin", "POST", "/api/users", { username, displayName: "会话测试填报员", password, role: "unit_editor", unit: "dongguan" });
    expect(created.status).toBe(201);
    const page = await openPage(web());
    await page.goto(`${web().base}/#/login`);
    await page.fill("#login-username", username);
    await page.fill("#login-password", password);
    await page.click("form button[type=submit]");
    await page.waitForSelector(".app__main");
    await page.goto(`${web().base}/#/u/dongguan/ledger/projects`);
    await page.waitForSelector("table.table");

    // An administrator changes the clerk's role: the next request is refused and the web says why.
    const role = await web().api("demo-admin", "PATCH", `/api/users/${created.body.id}`, { role: "viewer" }, { "If-Match": `"${created.body.version}"` });
    expect(role.status).toBe(200);
    await page.getByRole("link", { name: "资金", exact: true }).click();
    await page.waitForSelector("#login-username");
    await containsText(page.locator(".notice--warn"), "您的账号权限或密码已变更，请重新登录。");
    expect(page.url()).toContain("#/login?next=");
    await page.fill("#login-username", username);
    await page.fill("#login-password", password);
    await page.click("form button[type=submit]");
    await page.waitForURL(`${web().base}/#/u/dongguan/ledger/funds`);

    // Disabled: a reload (the start-up check) is refused and says so.
    const current = await web().api<{ version: number }>("demo-admin", "GET", `/api/users/${created.body.id}`);
    const disabled = await web().api("demo-admin", "PATCH", `/api/users/${created.body.id}`, { disabled: true }, { "If-Match": `"${current.body.version}"` });
    expect(disabled.status).toBe(200);
    await page.reload();
    await page.waitForSelector("#login-username");
    await containsText(page.locator(".notice--warn"), "该账号已被停用，请联系管理员。");
    await shot(page, "93-signed-out-disabled");
    await page.context().close();
  }, 60_000);
});

describe("a pasted deep link", () => {
  it("goes to the sign-in screen and, signed in, lands on that exact screen", async () => {
    const page = await openPage(web());
    const link = `#/u/dongguan/ledger/funds?year=${YEAR}`;
    await page.goto(`${web().base}/${link}`);
    await page.waitForSelector("#login-username");
    expect(page.url()).toContain("#/login?next=");
    await hasCount(page.locator(".notice--warn"), 0);
    // Reloading the sign-in screen keeps where it returns to.
    const login = page.url();
    await page.reload();
    await page.waitForSelector("#login-username");
    expect(page.url()).toBe(login);
    await fillLogin(page, "demo-editor");
    await page.waitForURL(`${web().base}/${link}`);
    await containsText(page.locator(".tabs__tab[aria-current=page]"), "资金");
    await hasValue(page.locator("#filter-funds-year"), String(YEAR));
    await page.waitForSelector("table.table");
    await shot(page, "91-deep-link-landed");
    await page.context().close();
  }, 60_000);

  it("never returns to anything but the app's own screens", async () => {
    for (const next of ["//evil.example/x", "https://evil.example", "/login", "/\\evil.example"]) {
      const page = await openPage(web());
      await page.goto(`${web().base}/#/login?next=${encodeURIComponent(next)}`);
      await fillLogin(page, "demo-editor");
      await page.waitForURL(`${web().base}/#/u/dongguan`);
      expect(new URL(page.url()).origin).toBe(web().base);
      await page.context().close();
    }
  }, 60_000);
});

describe("unsaved input", () => {
  it("in a ledger form: back asks first; staying keeps the typed text; after cancelling or saving nothing asks", async () => {
    const page = await openPage(web());
    const answers = browserDialogs(page);
    await signIn(page, web(), "demo-editor");
    await page.goto(`${web().base}/#/u/dongguan/ledger/projects`);
    await page.waitForSelector("table.table");
    await page.getByRole("button", { name: "新增", exact: true }).click();
    // An untouched form is not "unsaved": back would not ask. Typed text is.
    await page.click("#f-projects-title");
    await page.keyboard.type("尚未保存的项目");

    await page.goBack();
    await expect.poll(() => answers.seen.length).toBe(1);
    await containsText(page.locator("dialog[open]"), "新增");
    expect(answers.seen).toEqual(["confirm: 有尚未保存的修改，离开后将丢失。确定要离开吗？"]);
    expect(page.url()).toContain("#/u/dongguan/ledger/projects");
    await hasValue(page.locator("#f-projects-title"), "尚未保存的项目");
    await shot(page, "92-unsaved-stayed");

    // Reloading or closing the tab asks the browser's own question; dismissed, the page and the text stay.
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => answers.seen.length).toBe(2);
    expect(answers.seen[1]).toMatch(/^beforeunload/);
    expect(page.isClosed()).toBe(false);
    await hasValue(page.locator("#f-projects-title"), "尚未保存的项目");

    // Cancelled: the form is gone and leaving asks nothing.
    await page.locator("dialog[open]").getByRole("button", { name: "取消" }).click();
    await hasCount(page.locator("dialog[open]"), 0);
    await page.getByRole("link", { name: "资金", exact: true }).click();
    await page.waitForURL(/ledger\/funds/);
    expect(answers.seen).toHaveLength(2);

    // Saved: the same.
    await page.getByRole("button", { name: "新增", exact: true }).click();
    await page.selectOption("#f-funds-kind", "social_donation");
    await page.selectOption("#f-funds-source", "society");
    await page.fill("#f-funds-amountFen", "100");
    const area = await page.locator("#f-funds-areaCode option").nth(1).getAttribute("value");
    await page.selectOption("#f-funds-areaCode", area!);
    await page.selectOption("#f-funds-program", PROGRAM);
    await page.click("dialog[open] button[type=submit]");
    await page.getByText("已新增。").waitFor();
    await page.goBack();
    await page.waitForURL(/ledger\/projects/);
    expect(answers.seen).toHaveLength(2);

    // Accepting leaves, and the input with it.
    await page.getByRole("button", { name: "新增", exact: true }).click();
    await page.click("#f-projects-title");
    await page.keyboard.type("这次放弃");
    answers.answer = "accept";
    await page.goBack();
    // The address changes first; the question follows from the hashchange.
    await expect.poll(() => answers.seen.length).toBe(3);
    await page.waitForURL(/#\/u\/dongguan$/);
    await hasCount(page.locator("dialog[open]"), 0);
    await page.context().close();
  }, 90_000);

  it("in the quarterly narrative (a page, not a dialog): a link in the navigation asks first", async () => {
    const page = await openPage(web());
    const answers = browserDialogs(page);
    await signIn(page, web(), "demo-editor");
    await page.goto(`${web().base}/#/u/dongguan/submissions?year=${YEAR}&quarter=3&program=${PROGRAM}`);
    await page.waitForSelector("#sub-progress");
    await page.click("#sub-progress");
    await page.keyboard.type("第三季度进展，尚未保存。");
    await page.locator(".sidenav").getByRole("link", { name: "工作台账", exact: true }).click();
    await expect.poll(() => answers.seen.length).toBe(1);
    expect(answers.seen[0]).toContain("有尚未保存的修改");
    expect(page.url()).toContain("#/u/dongguan/submissions");
    await hasValue(page.locator("#sub-progress"), "第三季度进展，尚未保存。");
    // Saved as a draft, the same link goes without asking.
    await page.getByRole("button", { name: "保存草稿" }).click();
    await page.getByText("草稿已保存。").waitFor();
    await page.locator(".sidenav").getByRole("link", { name: "工作台账", exact: true }).click();
    await page.waitForURL(/#\/u\/dongguan\/ledger/);
    expect(answers.seen).toHaveLength(1);
    await page.context().close();
  }, 60_000);
});
