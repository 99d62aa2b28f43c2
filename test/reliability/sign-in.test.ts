/**
 * Sign-in under attack (security findings 3, 4 and 11): parallel guesses cannot pass the lock, a
 * spray over many accounts is stopped per client, an attacker cannot lock the real user out, the
 * throttle table stays bounded, and passwords follow the policy with self-service change.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../src/auth/password";
import { dictionary } from "@zxcvbn-ts/language-common";
import { passwordProblems } from "../../src/auth/password-policy";
import { beginAttempt, clientKey } from "../../src/auth/throttle";
import { commonPasswords, users } from "../../db/platform/schema";
import { COMMON_PASSWORD_COUNT } from "../../src/seed/seed";
import { startHarness as freshHarness } from "../support/harness";
import { call, makeUser, startHarness, uid, type Harness } from "../support/harness";
import { eq, sql } from "drizzle-orm";

let h: Harness;
const PASSWORD = "静水流深-梧桐细雨-2026";

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** A user with a real password hash. */
async function account(): Promise<string> {
  const user = await makeUser(h, "unit_editor", { unit: "dongguan" });
  await h.services.platform.update(users).set({ passwordHash: await hashPassword(PASSWORD) }).where(eq(users.id, user.id));
  return user.username;
}

/** A sign-in from a given peer address, as the Node adapter would report it. */
function login(username: string, password: string, from = "198.51.100.7", device?: string) {
  return h.app.request(
    "/api/auth/login",
    { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password, ...(device ? { device } : {}) }) },
    { incoming: { socket: { remoteAddress: from } } },
  );
}

describe("the lock is atomic", () => {
  it("of 25 simultaneous guesses with the right password among the last, at most 5 passwords are checked and the right one is refused", async () => {
    const username = await account();
    const guesses = Array.from({ length: 25 }, (_, i) => (i === 20 ? PASSWORD : `wrong-guess-${i}-abcdefgh`));
    const answers = await Promise.all(guesses.map((p) => login(username, p, "203.0.113.9")));
    const statuses = answers.map((r) => r.status);
    expect(statuses[20], statuses.join(",")).toBe(429);
    expect(statuses.filter((s) => s === 200)).toHaveLength(0);
    // 4 free attempts answer 401; the 5th causes the lock (429); the other 20 are refused unchecked.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(4);
    expect(answers[20]!.headers.get("retry-after")).toMatch(/^\d+$/);
  });
});

describe("per client and per account", () => {
  it("a client spraying one guess over many accounts is stopped after 30 failures, while another client signs in", async () => {
    const spray = Array.from({ length: 35 }, () => uid("nobody").toLowerCase());
    const statuses: number[] = [];
    for (const name of spray) statuses.push((await login(name, "Password123!", "192.0.2.50")).status);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
    const username = await account();
    expect((await login(username, PASSWORD, "192.0.2.51")).status).toBe(200);
  });

  it("an attacker who locks an account from one place does not lock its user out from another", async () => {
    const username = await account();
    for (let i = 0; i < 8; i++) await login(username, `bad-${i}-xxxxxxxx`, "198.51.100.66");
    expect((await login(username, PASSWORD, "198.51.100.66")).status).toBe(429);
    expect((await login(username, PASSWORD, "198.51.100.20")).status).toBe(200);
  });

  it("guessing from many places locks the account for unknown devices, but its user's known device still signs in", async () => {
    const username = await account();
    const first = await login(username, PASSWORD, "10.1.0.1");
    const { device } = await first.json();
    expect(device).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    for (let i = 0; i < 101; i++) await login(username, `bad-${i}-xxxxxxxx`, `10.2.${Math.floor(i / 4)}.${i % 4}`);
    expect((await login(username, PASSWORD, "10.3.0.1")).status).toBe(429);
    expect((await login(username, PASSWORD, "10.3.0.2", device)).status).toBe(200);
    // A mark is bound to its account: another account's mark is no exemption.
    const other = await account();
    expect((await login(other, PASSWORD, "10.3.0.3", device)).status).toBe(200);
  }, 30_000);

  it("counts IPv6 clients by their /64 and IPv4-mapped addresses as IPv4", () => {
    expect(clientKey("2001:db8:1:2:aaaa::1")).toBe(clientKey("2001:db8:1:2:bbbb:cccc:dddd:eeee"));
    expect(clientKey("2001:db8:1:2::1")).not.toBe(clientKey("2001:db8:1:3::1"));
    expect(clientKey("::ffff:192.0.2.1")).toBe("192.0.2.1");
  });

  it("keeps the throttle table bounded: rows past their window are purged as new attempts arrive", async () => {
    const t0 = Date.parse("2026-01-01T00:00:00Z");
    for (let i = 0; i < 60; i++) await beginAttempt(h.services.platformClient, { username: `ghost-${i}`, client: `172.16.0.${i}`, device: null }, t0);
    const rows = async () => Number((await h.services.platformClient.execute("SELECT count(*) AS n FROM login_throttle WHERE last_at <= ?", [t0])).rows[0]!.n);
    const before = await rows();
    expect(before).toBeGreaterThanOrEqual(180);
    for (let i = 0; i < 10; i++) await beginAttempt(h.services.platformClient, { username: "later", client: "172.17.0.1", device: null }, t0 + 2 * 3600_000);
    expect(await rows()).toBe(0);
  });
});

describe("passwords (OWASP ASVS 2.1)", () => {
  it.each([
    ["ten spaces", "          "],
    ["a repeated letter", "aaaaaaaaaaaaaa"],
    ["a common password", "password1234"],
    ["a keyboard walk", "1qaz2wsx3edc"],
    ["the username itself", "@username"],
  ])("refuses %s", async (_label, candidate) => {
    const username = "zhang.wei";
    const problems = await passwordProblems(h.services.platform, candidate.replace("@username", "zhang.wei2026"), [username, "张伟"]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/^密码/);
  });

  it("checks against the maintained list's most common passwords, seeded in rank order", async () => {
    const rows = await h.services.platform.select().from(commonPasswords).orderBy(commonPasswords.rank);
    expect(rows.map((r) => r.word)).toEqual(dictionary["passwords-common"].slice(0, COMMON_PASSWORD_COUNT));
    expect(rows[0]).toEqual({ rank: 1, word: "123456" });
  });

  it("accepts no password while the dictionary is missing (503), rather than pass common ones", async () => {
    const bare = await freshHarness({}, { seed: false });
    try {
      await expect(passwordProblems(bare.services.platform, "correct horse battery staple", [])).rejects.toMatchObject({ code: "UNAVAILABLE" });
    } finally {
      bare.close();
    }
  });

  it("accepts a long, unusual phrase with no composition rules, and any script", async () => {
    expect(await passwordProblems(h.services.platform, "correct horse battery staple", ["zhang.wei"])).toEqual([]);
    expect(await passwordProblems(h.services.platform, PASSWORD, ["zhang.wei"])).toEqual([]);
  });

  it("an admin cannot set a guessable password (400, nothing written)", async () => {
    const admin = await makeUser(h, "admin");
    const body = { username: uid("weak").toLowerCase(), displayName: "弱密码", password: "aaaaaaaaaaaa", role: "unit_editor", unit: "dongguan" };
    const res = await call(h, "POST", "/api/users", { token: admin.token, body });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details[0].path).toBe("body.password");
    expect(await h.services.platform.select().from(users).where(eq(users.username, body.username))).toHaveLength(0);
  });

  it("a user changes their own password: the old one is required, other sessions end, this one continues", async () => {
    const username = await account();
    const one = (await (await login(username, PASSWORD, "10.9.0.1")).json()).token;
    const two = (await (await login(username, PASSWORD, "10.9.0.2")).json()).token;
    const wrong = await call(h, "POST", "/api/me/password", { token: one, body: { currentPassword: "not-it", newPassword: "雁过留声-春江水暖-2027" } });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.details[0].path).toBe("body.currentPassword");
    const weak = await call(h, "POST", "/api/me/password", { token: one, body: { currentPassword: PASSWORD, newPassword: "qwertyuiop12" } });
    expect(weak.status).toBe(400);
    const changed = await call(h, "POST", "/api/me/password", { token: one, body: { currentPassword: PASSWORD, newPassword: "雁过留声-春江水暖-2027" } });
    expect(changed.status, await changed.clone().text()).toBe(200);
    const fresh = (await changed.json()).token;
    expect((await call(h, "GET", "/api/me", { token: fresh })).status).toBe(200);
    expect((await call(h, "GET", "/api/me", { token: one })).status).toBe(401);
    expect((await call(h, "GET", "/api/me", { token: two })).status).toBe(401);
    expect((await login(username, PASSWORD, "10.9.0.3")).status).toBe(401);
    expect((await login(username, "雁过留声-春江水暖-2027", "10.9.0.3")).status).toBe(200);
    const audit = await h.services.platformClient.execute("SELECT after FROM platform_audit WHERE action = 'change_password' ORDER BY id DESC LIMIT 1");
    expect(String(audit.rows[0]!.after)).not.toContain("雁过留声");
  });
});

describe("tokens follow the directory (finding 1)", () => {
  it("a change made in the database by any path ends the user's sessions; a rename alone does not", async () => {
    const username = await account();
    const token = (await (await login(username, PASSWORD, "10.8.0.1")).json()).token;
    await h.services.platform.update(users).set({ displayName: "改了名字" }).where(eq(users.username, username));
    expect((await call(h, "GET", "/api/me", { token })).status).toBe(200);
    await h.services.platform.update(users).set({ unit: "gd-org-dept" }).where(eq(users.username, username));
    const res = await call(h, "GET", "/api/t/dongguan/projects", { token });
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toContain("重新登录");
  });

  it("a disabled user is told the account is disabled, not that the session expired", async () => {
    const username = await account();
    const token = (await (await login(username, PASSWORD, "10.8.0.2")).json()).token;
    await h.services.platform.update(users).set({ disabled: sql`1` }).where(eq(users.username, username));
    const res = await call(h, "GET", "/api/me", { token });
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toContain("停用");
  });
});
