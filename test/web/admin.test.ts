/**
 * The platform administrator (demo-admin) in the browser: opens 用户管理, creates a unit editor for
 * 东莞市 — a too-short password is shown next to the password field and nothing is created, then a
 * valid one is — signs out, and the new user signs in to 东莞市's dashboard. Then edits a unit editor with
 * If-Match (a user of its own, made through the API): a change saved elsewhere first is reported and
 * reloaded, and a disabled user cannot sign in. Each test has a page of its own.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { containsText, eventually, hasAttribute, hasCount, hasText, hasValue } from "./support/eventually";
import { openPage, shot, signIn, startWeb, type WebHarness } from "./support/web-harness";

const ADMIN = "demo-admin";
const UNIT = "dongguan";
const USERNAME = `web-editor-${Date.now().toString(36)}`;
const DISPLAY_NAME = "界面测试填报员";
const PASSWORD = "dongguan-editor-2026";

type UserRow = { id: string; username: string; displayName: string; role: string; unit: string | null; programs: string[]; disabled: boolean; version: number };

let h: WebHarness;

beforeAll(async () => {
  h = await startWeb();
});

afterAll(async () => {
  await h?.close();
});

async function findUser(username = USERNAME): Promise<UserRow[]> {
  const { status, body } = await h.api<{ items: UserRow[] }>(ADMIN, "GET", `/api/users?q=${encodeURIComponent(username)}`);
  expect(status).toBe(200);
  return body.items.filter((u) => u.username === username);
}

async function signInAs(page: Page, username: string, password: string): Promise<void> {
  await page.goto(`${h.base}/#/login`);
  await page.fill("#login-username", username);
  await page.fill("#login-password", password);
  await page.click("form button[type=submit]");
}

describe("admin", () => {
  it("creates a unit placed in a group: a second lead is refused next to the group, then it joins as member", async () => {
    const page = await openPage(h);
    await signIn(page, h, ADMIN);
    await page.waitForURL(/#\/admin\/units/);
    const slug = `web-unit-${Date.now().toString(36)}`;
    await page.getByRole("button", { name: "新建单位", exact: true }).click();
    await page.waitForSelector("dialog[open] #unit-slug");
    await page.fill("dialog[open] #unit-slug", slug);
    await page.fill("dialog[open] #unit-name", "界面新建单位");
    await page.selectOption("dialog[open] #unit-program", "gd-old-areas");
    await page.waitForSelector('dialog[open] #unit-group option[value="440282"]', { state: "attached" });
    await page.selectOption("dialog[open] #unit-group", "440282");
    await page.selectOption("dialog[open] #unit-role", "lead");
    await page.click("dialog[open] button[type=submit]");
    // 南雄 already has its lead: the error stands next to the group, and no unit is created.
    await containsText(page.locator("dialog[open] .field__error"), "牵头单位");
    expect((await h.api(ADMIN, "GET", `/api/t/${slug}`)).status).toBe(404);
    await page.selectOption("dialog[open] #unit-role", "member");
    await page.click("dialog[open] button[type=submit]");
    await hasCount(page.locator("dialog[open]"), 0);
    const { body } = await h.api<{ items: { area: { code: string }; members: { slug: string; role: string }[] }[] }>(ADMIN, "GET", "/api/programs/gd-old-areas/groups");
    expect(body.items.find((g) => g.area.code === "440282")!.members.find((m) => m.slug === slug)).toMatchObject({ role: "member" });
    await page.context().close();
  });

  it("creates a unit editor for 东莞市 (a short password refused next to its field), who then signs in to the unit", async () => {
    const page = await openPage(h);
    await signIn(page, h, ADMIN);
    await page.waitForURL(/#\/admin\/units/);
    await page.locator(".sidenav").getByRole("link", { name: "用户管理", exact: true }).click();
    await page.waitForURL(/#\/admin\/users/);
    await hasText(page.locator(".page-header__title"), "用户管理");
    await hasAttribute(page.locator(".sidenav").getByRole("link", { name: "用户管理", exact: true }), "aria-current", "page");
    await containsText(page.locator("table.table tbody"), ADMIN);
    await shot(page, "30-users");

    // The role filter narrows the list to editors (demo-editor among them, demo-admin not).
    await page.selectOption("#users-role", "unit_editor");
    await eventually(async () => {
      const text = (await page.locator("table.table tbody").textContent()) ?? "";
      expect(text).toContain("demo-editor");
      expect(text).not.toContain(ADMIN);
    });
    await page.selectOption("#users-role", "");

    // The form: a unit role shows the unit picker and no programs; a coordinator the programs and no unit.
    await page.getByRole("button", { name: "新建用户", exact: true }).click();
    await page.waitForSelector("dialog[open] #user-username");
    await page.selectOption("#user-role", "coordinator");
    await hasCount(page.locator("dialog[open] #user-unit"), 0);
    await hasCount(page.locator("dialog[open] #user-programs input[type=checkbox]").first(), 1);
    await page.selectOption("#user-role", "unit_editor");
    await hasCount(page.locator("dialog[open] #user-programs"), 0);

    await page.fill("#user-username", USERNAME);
    await page.fill("#user-displayName", DISPLAY_NAME);
    await page.fill("#user-password", "short-pw");
    await page.fill("#user-unit-q", "东莞");
    // The search narrows the picker's options to 东莞市 alone (after the placeholder).
    await hasCount(page.locator("#user-unit option"), 2);
    await hasText(page.locator("#user-unit option").nth(1), "东莞市（dongguan）");
    await page.selectOption("#user-unit", UNIT);
    await page.click("dialog[open] button[type=submit]");

    // The API's 400: shown under the password field (and only there); the form keeps what was typed.
    await hasText(page.locator('[data-field="user-password"] .field__error'), "密码至少 12 个字符");
    await hasAttribute(page.locator("#user-password"), "aria-invalid", "true");
    await hasAttribute(page.locator("#user-password"), "aria-describedby", "user-password-help user-password-error");
    await hasCount(page.locator("dialog[open] .field__error"), 1);
    await hasValue(page.locator("#user-username"), USERNAME);
    await hasValue(page.locator("#user-unit"), UNIT);
    await shot(page, "31-user-short-password");
    expect(await findUser()).toEqual([]);

    await page.fill("#user-password", PASSWORD);
    await page.click("dialog[open] button[type=submit]");
    await page.getByText(`已创建用户“${DISPLAY_NAME}”。`).waitFor();
    await hasCount(page.locator("dialog[open]"), 0);
    await containsText(page.locator("table.table tbody"), USERNAME);
    await shot(page, "32-user-created");

    const [created] = await findUser();
    expect(created).toMatchObject({ username: USERNAME, displayName: DISPLAY_NAME, role: "unit_editor", unit: UNIT, programs: [], disabled: false });
    expect(created).not.toHaveProperty("passwordHash");

    // Filtered by the unit, the new editor is listed with 东莞市 and the editor badge.
    await page.selectOption("#users-unit", UNIT);
    const row = page.locator("table.table tbody tr", { hasText: USERNAME });
    await containsText(row, "东莞市");
    await containsText(row.locator(".tag").first(), "填报员");

    // Sign out; the new user signs in and lands on 东莞市's dashboard.
    await page.getByRole("button", { name: "退出登录" }).click();
    await page.waitForURL(/#\/login/);
    await signInAs(page, USERNAME, PASSWORD);
    await page.waitForURL(new RegExp(`#/u/${UNIT}$`));
    await hasText(page.locator(".page-header__title"), "工作台");
    await hasText(page.locator(".page-header__subtitle"), "东莞市");
    await hasText(page.locator(".topbar__user-name"), DISPLAY_NAME);
    await hasCount(page.locator(".sidenav").getByRole("link", { name: "用户管理" }), 0);
    await page.waitForSelector('[data-figure="funds-in"]');
    await shot(page, "33-new-user-dashboard");
    await page.getByRole("button", { name: "退出登录" }).click();
    await page.waitForURL(/#\/login/);
    await page.context().close();
  });

  it("edits the user with If-Match: a change saved elsewhere first is reported, and a disabled user cannot sign in", async () => {
    // A unit editor of 东莞市 of this test's own (the test above makes one through the form).
    const username = `web-edited-${Date.now().toString(36)}`;
    const made = await h.api(ADMIN, "POST", "/api/users", { username, displayName: DISPLAY_NAME, password: PASSWORD, role: "unit_editor", unit: UNIT });
    expect(made.status).toBe(201);
    const page = await openPage(h);
    await signIn(page, h, ADMIN);
    await page.goto(`${h.base}/#/admin/users`);
    await page.fill("#users-q", username);
    await page.press("#users-q", "Enter");
    await hasCount(page.locator("table.table tbody tr"), 1);
    await page.getByRole("button", { name: `修改 ${username}` }).click();
    await hasValue(page.locator("dialog[open] #user-displayName"), DISPLAY_NAME);
    await hasValue(page.locator("#user-unit"), UNIT);

    // Someone else renames the user while the dialog is open: saving is refused (412) and the latest shown.
    const [stored] = await findUser(username);
    const other = await h.api<UserRow>(ADMIN, "PATCH", `/api/users/${stored!.id}`, { displayName: "别处改的名字" }, { "If-Match": `"${stored!.version}"` });
    expect(other.status).toBe(200);
    await page.fill("#user-displayName", "界面改的名字");
    await page.check("#user-disabled");
    await page.click("dialog[open] button[type=submit]");
    await containsText(page.locator("#user-form-general"), "已被他人修改");
    await hasValue(page.locator("#user-displayName"), "别处改的名字");
    expect((await findUser(username))[0]).toMatchObject({ displayName: "别处改的名字", disabled: false });
    await shot(page, "34-user-stale");

    // Saved again over the latest version: disabled.
    await page.check("#user-disabled");
    await page.click("dialog[open] button[type=submit]");
    await page.getByText("已保存用户“别处改的名字”。").waitFor();
    await hasText(page.locator("table.table tbody tr", { hasText: username }).locator(".tag--danger"), "已停用");
    expect((await findUser(username))[0]).toMatchObject({ disabled: true, unit: UNIT, role: "unit_editor" });
    await shot(page, "35-user-disabled");

    // The disabled user cannot sign in.
    await page.getByRole("button", { name: "退出登录" }).click();
    await page.waitForURL(/#\/login/);
    await signInAs(page, username, PASSWORD);
    await page.locator("#login-error").waitFor();
    expect(page.url()).toContain("#/login");
    await page.context().close();
  });
});
