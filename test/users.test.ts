import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformAudit } from "../db/platform/schema";
import { call, makeUser, startHarness, uid, type Harness, type TestUser } from "./support/harness";

let h: Harness;
let admin: TestUser;
beforeAll(async () => {
  h = await startHarness();
  admin = await makeUser(h, "admin");
});
afterAll(() => h.close());

const login = (username: string, password: string) => call(h, "POST", "/api/auth/login", { body: { username, password } });

describe("users and roles", () => {
  it("creates a unit editor who can sign in and work in that unit only, audited without the password", async () => {
    const username = uid("clerk").toLowerCase();
    const res = await call(h, "POST", "/api/users", { token: admin.token, body: { username, displayName: "东莞填报员", password: "a-long-password", role: "unit_editor", unit: "dongguan" } });
    expect(res.status).toBe(201);
    const user = await res.json();
    expect(user).toMatchObject({ username, role: "unit_editor", unit: "dongguan", programs: [], disabled: false, version: 1 });
    expect(JSON.stringify(user)).not.toContain("pbkdf2");
    const signedIn = await login(username, "a-long-password");
    expect(signedIn.status).toBe(200);
    const token = (await signedIn.json()).token;
    expect((await call(h, "GET", "/api/t/dongguan", { token })).status).toBe(200);
    expect((await call(h, "GET", "/api/t/gd-org-dept", { token })).status).toBe(403);
    const audit = await h.services.platform.select().from(platformAudit).where(eq(platformAudit.entityId, user.id));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0])).not.toContain("a-long-password");
  });

  it.each([
    ["a short password", { password: "short" }, "body.password"],
    ["a unit role without a unit", { role: "viewer", unit: undefined }, "body.unit"],
    ["a coordinator without programs", { role: "coordinator", unit: undefined }, "body.programs"],
    ["an unknown unit", { unit: "no-such-unit" }, "body.unit"],
    ["an unknown program", { role: "coordinator", unit: undefined, programs: ["no-such"] }, "body.programs"],
  ])("refuses %s with 400 and creates nothing", async (_name, change, path) => {
    const body = { username: uid("bad").toLowerCase(), displayName: "x", password: "a-long-password", role: "unit_editor", unit: "dongguan", ...change };
    const res = await call(h, "POST", "/api/users", { token: admin.token, body });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details.map((d: { path: string }) => d.path)).toContain(path);
    const list = await (await call(h, "GET", `/api/users?q=${body.username}`, { token: admin.token })).json();
    expect(list.items).toEqual([]);
  });

  it("names the roles, the kinds of unit and a membership's roles as people know them when a value is wrong, in either language", async () => {
    const body = { username: uid("bad").toLowerCase(), displayName: "x", password: "a-long-password", role: "clerk", unit: "dongguan" };
    const zh = (await (await call(h, "POST", "/api/users", { token: admin.token, body })).json()).error.details;
    expect(zh).toEqual([expect.objectContaining({ path: "body.role", message: "应为以下之一：平台管理员、牵头部门、单位管理员、填报员、查阅、受援地用户" })]);
    const en = (await (await call(h, "POST", "/api/users", { token: admin.token, body, headers: { "accept-language": "en" } })).json()).error.details;
    expect(en[0].message).toBe("Must be one of: Administrator, Coordinator, Unit administrator, Editor, Viewer, Recipient");
    const unit = await call(h, "POST", "/api/units", { token: admin.token, body: { slug: uid("u").toLowerCase(), name: "测试单位", kind: "town", groups: [{ program: "gd-old-areas", areaCode: "440282", role: "boss" }] } });
    expect(unit.status).toBe(400);
    const messages = (await unit.json()).error.details.map((d: { message: string }) => d.message).join(" / ");
    expect(messages).toContain("应为以下之一：地级市、省直单位、省属国企");
    expect(messages).toContain("应为以下之一：牵头、成员");
    expect(messages).not.toMatch(/city|provincial_organ|lead|member/);
  });

  it("refuses a username in use with 409", async () => {
    const res = await call(h, "POST", "/api/users", { token: admin.token, body: { username: "demo-editor", displayName: "x", password: "a-long-password", role: "unit_editor", unit: "dongguan" } });
    expect(res.status).toBe(409);
  });

  it("turns a viewer into a coordinator with If-Match, and a stale version gets 412", async () => {
    const created = await (await call(h, "POST", "/api/users", { token: admin.token, body: { username: uid("v").toLowerCase(), displayName: "查看员", password: "a-long-password", role: "viewer", unit: "gd-org-dept" } })).json();
    const changed = await call(h, "PATCH", `/api/users/${created.id}`, { token: admin.token, body: { role: "coordinator", programs: ["gd-old-areas"] }, headers: { "if-match": '"1"' } });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ role: "coordinator", unit: null, programs: ["gd-old-areas"], version: 2 });
    const stale = await call(h, "PATCH", `/api/users/${created.id}`, { token: admin.token, body: { displayName: "x" }, headers: { "if-match": '"1"' } });
    expect(stale.status).toBe(412);
    expect((await (await call(h, "GET", `/api/users/${created.id}`, { token: admin.token })).json()).displayName).toBe("查看员");
  });

  it("signs a disabled user out at once: their still-valid token gets 401", async () => {
    const username = uid("leaver").toLowerCase();
    const created = await (await call(h, "POST", "/api/users", { token: admin.token, body: { username, displayName: "离职人员", password: "a-long-password", role: "unit_editor", unit: "dongguan" } })).json();
    const token = (await (await login(username, "a-long-password")).json()).token;
    expect((await call(h, "GET", "/api/me", { token })).status).toBe(200);
    expect((await call(h, "PATCH", `/api/users/${created.id}`, { token: admin.token, body: { disabled: true }, headers: { "if-match": '"1"' } })).status).toBe(200);
    expect((await call(h, "GET", "/api/t/dongguan", { token })).status).toBe(401);
    expect((await login(username, "a-long-password")).status).toBe(401);
  });

  it("is for admins only", async () => {
    const editor = await makeUser(h, "unit_editor", { unit: "dongguan" });
    expect((await call(h, "GET", "/api/users", { token: editor.token })).status).toBe(403);
    expect((await call(h, "POST", "/api/users", { token: editor.token, body: {} })).status).toBe(403);
  });

  it("a unit admin manages its own unit's staff only: lists, creates and disables them, and nothing beyond", async () => {
    const unitAdmin = await makeUser(h, "unit_admin", { unit: "dongguan" });
    const own = await call(h, "POST", "/api/users", { token: unitAdmin.token, body: { username: `dg-clerk-${Date.now().toString(36)}`, displayName: "东莞新填报员", password: "dongguan-clerk-2026-ok", role: "unit_editor" } });
    expect(own.status).toBe(201);
    const clerk = await own.json();
    expect(clerk).toMatchObject({ role: "unit_editor", unit: "dongguan" });
    const list = await (await call(h, "GET", "/api/users?limit=200", { token: unitAdmin.token })).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((u: { unit: string | null }) => u.unit === "dongguan")).toBe(true);
    // Not another unit's, not a platform role.
    const body = { username: `x-${Date.now().toString(36)}`, displayName: "越权", password: "another-long-pass-2026" };
    expect((await call(h, "POST", "/api/users", { token: unitAdmin.token, body: { ...body, role: "unit_editor", unit: "gd-org-dept" } })).status).toBe(403);
    expect((await call(h, "POST", "/api/users", { token: unitAdmin.token, body: { ...body, role: "coordinator", programs: ["dongguan-shaoguan"] } })).status).toBe(403);
    expect((await call(h, "POST", "/api/users", { token: unitAdmin.token, body: { ...body, role: "admin" } })).status).toBe(403);
    const stranger = await makeUser(h, "unit_editor", { unit: "gd-org-dept" });
    expect((await call(h, "GET", `/api/users/${stranger.id}`, { token: unitAdmin.token })).status).toBe(404);
    expect((await call(h, "PATCH", `/api/users/${stranger.id}`, { token: unitAdmin.token, body: { disabled: true }, headers: { "if-match": '"1"' } })).status).toBe(404);
    expect((await call(h, "PATCH", `/api/users/${clerk.id}`, { token: unitAdmin.token, body: { role: "coordinator", programs: ["dongguan-shaoguan"] }, headers: { "if-match": '"1"' } })).status).toBe(403);
    expect((await call(h, "PATCH", `/api/users/${clerk.id}`, { token: unitAdmin.token, body: { unit: "gd-org-dept" }, headers: { "if-match": '"1"' } })).status).toBe(403);
    const disabled = await call(h, "PATCH", `/api/users/${clerk.id}`, { token: unitAdmin.token, body: { disabled: true }, headers: { "if-match": '"1"' } });
    expect(disabled.status).toBe(200);
    expect(await disabled.json()).toMatchObject({ disabled: true, unit: "dongguan" });
  });
});
