/**
 * The web's cookie session: sign-in with `cookie: true` sets an HttpOnly, SameSite=Strict cookie for
 * /api that lives as long as the token; the cookie authenticates reads; an unsafe method riding on
 * the cookie from another origin is refused with the envelope before anything is written; sign-out
 * clears it; bearer tokens work as before, with or without a cookie beside them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../src/seed/demo-users";
import { SESSION_COOKIE } from "../src/auth/session-cookie";
import { diff, isErrorEnvelope, operations, platformCounts, tenantCounts } from "./reliability/helpers";
import { call, startHarness, type Harness } from "./support/harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** In-process requests are to http://localhost: this is our own origin, the other one a stranger's. */
const OWN = "http://localhost";
const FOREIGN = "https://evil.example";
const FUND = { kind: "social_donation", source: "society", amountFen: 100, date: "2024-03-15", areaCode: "440232" };

/** Signs in as the web does (cookie: true, from our own origin); returns the response and its cookie's attributes. */
async function webLogin(username: string, url = "/api/auth/login") {
  const res = await h.app.request(url, {
    method: "POST",
    headers: { "content-type": "application/json", origin: new URL(url, OWN).origin },
    body: JSON.stringify({ username, password: DEMO_PASSWORD, cookie: true }),
  });
  const setCookie = res.headers.get("set-cookie") ?? "";
  const [pair = "", ...attributes] = setCookie.split(";").map((s) => s.trim());
  const [name, value = ""] = pair.split("=");
  return { res, name, value, attributes: attributes.map((a) => a.toLowerCase()), setCookie };
}

const withCookie = (value: string, headers: Record<string, string> = {}) => ({ cookie: `${SESSION_COOKIE}=${value}`, ...headers });

describe("signing in with cookie: true", () => {
  it("sets an HttpOnly, SameSite=Strict cookie for /api with the token's lifetime, and leaves the token out of the answer", async () => {
    const { res, name, value, attributes } = await webLogin("demo-editor");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.user).toMatchObject({ username: "demo-editor", role: "unit_editor", unit: "dongguan" });
    expect(body).not.toHaveProperty("token");
    expect(name).toBe(SESSION_COOKIE);
    expect(value.split(".")).toHaveLength(3); // a JWT
    expect(attributes).toEqual(expect.arrayContaining(["httponly", "samesite=strict", "path=/api", `max-age=${h.services.config.jwt.ttlSeconds}`]));
    // Plain http (a developer's machine): not Secure, or the browser would drop it.
    expect(attributes).not.toContain("secure");
    // The expiry in the answer is the token's, ttl seconds from now (within a few seconds).
    expect(Math.abs(Date.parse(body.expiresAt) - (Date.now() + h.services.config.jwt.ttlSeconds * 1000))).toBeLessThan(5_000);
  });

  it("marks the cookie Secure when the request came over https", async () => {
    const { res, attributes } = await webLogin("demo-viewer", "https://duikou.example/api/auth/login");
    expect(res.status).toBe(200);
    expect(attributes).toContain("secure");
  });

  it("believes a proxy's X-Forwarded-Proto only when the operator trusts the proxy (TRUST_PROXY)", async () => {
    const forwarded = (app: Harness["app"]) =>
      app.request("/api/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json", origin: OWN, "x-forwarded-proto": "https" },
        body: JSON.stringify({ username: "demo-unit-admin", password: DEMO_PASSWORD, cookie: true }),
      });
    expect((await forwarded(h.app)).headers.get("set-cookie")?.toLowerCase()).not.toContain("secure");
    const proxied = await startHarness({ TRUST_PROXY: "true" });
    try {
      expect((await forwarded(proxied.app)).headers.get("set-cookie")?.toLowerCase()).toContain("; secure");
    } finally {
      proxied.close();
    }
  });

  it("is refused (403, envelope, no cookie) when another site's page asks for it", async () => {
    const res = await h.app.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json", origin: FOREIGN },
      body: JSON.stringify({ username: "demo-editor", password: DEMO_PASSWORD, cookie: true }),
    });
    expect(res.status).toBe(403);
    expect(isErrorEnvelope(await res.json())).toBe(true);
    expect(res.headers.get("set-cookie")).toBeNull();
  });
});

describe("the cookie authenticates", () => {
  it("a GET with no Authorization header, and an unsafe method from our own origin", async () => {
    const { value } = await webLogin("demo-editor");
    const me = await h.app.request("/api/me", { headers: withCookie(value) });
    expect(me.status).toBe(200);
    expect((await me.json()).user.username).toBe("demo-editor");

    const before = await tenantCounts(h, "dongguan");
    const created = await h.app.request("/api/t/dongguan/funds", { method: "POST", headers: withCookie(value, { "content-type": "application/json", origin: OWN }), body: JSON.stringify(FUND) });
    expect(created.status, await created.clone().text()).toBe(201);
    // Sec-Fetch-Site, when the browser sends it, is its own verdict (it holds behind a proxy that rewrites Host).
    const fetched = await h.app.request("/api/t/dongguan/funds", { method: "POST", headers: withCookie(value, { "content-type": "application/json", "sec-fetch-site": "same-origin" }), body: JSON.stringify(FUND) });
    expect(fetched.status).toBe(201);
    // One fund and its audit row each.
    expect(diff(before, await tenantCounts(h, "dongguan"))).toEqual({ funds: 2, "funds.versions": 2, audit_log: 2 });
  });

  it("not a cookie that is no token of ours: 401 saying the token is invalid", async () => {
    const res = await h.app.request("/api/me", { headers: withCookie("not.a.token") });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });
});

describe("cross-site request forgery", () => {
  it("a write with the cookie from a foreign Origin, a cross-site fetch or no origin at all is refused 403 with the envelope, and nothing is written", async () => {
    const { value } = await webLogin("demo-editor");
    const before = await tenantCounts(h, "dongguan");
    const attempts: Record<string, string>[] = [{ origin: FOREIGN }, { "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site", origin: "https://other.localhost" }, { origin: "null" }, {}];
    for (const headers of attempts) {
      const res = await h.app.request("/api/t/dongguan/funds", { method: "POST", headers: withCookie(value, { "content-type": "application/json", ...headers }), body: JSON.stringify(FUND) });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      const body = await res.json();
      expect(isErrorEnvelope(body)).toBe(true);
      expect(body.error).toMatchObject({ code: "FORBIDDEN", message: "该请求不是从本系统的页面发出的，已拒绝。请在本系统中操作。" });
    }
    // A form post (text/plain, the classic forgery) is refused the same way.
    const form = await h.app.request("/api/t/dongguan/funds", { method: "POST", headers: withCookie(value, { "content-type": "text/plain", origin: FOREIGN }), body: JSON.stringify(FUND) });
    expect(form.status).toBe(403);
    expect(diff(before, await tenantCounts(h, "dongguan"))).toEqual({});
  });

  it("every unsafe operation of the OpenAPI document refuses a foreign Origin riding on an admin's cookie, and the platform and the unit are unchanged", async () => {
    const { value } = await webLogin("demo-admin");
    const unsafe = (await operations(h)).filter((o) => o.method !== "GET");
    expect(unsafe.length).toBeGreaterThanOrEqual(40);
    const before = { platform: await platformCounts(h), dongguan: await tenantCounts(h, "dongguan") };
    for (const op of unsafe) {
      const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => ({ unit: "dongguan", program: "dongguan-shaoguan", code: "440232" })[name] ?? "x");
      const res = await h.app.request(url, {
        method: op.method,
        headers: withCookie(value, { origin: FOREIGN, "if-match": '"1"', ...(op.jsonBody ? { "content-type": "application/json" } : {}) }),
        ...(op.jsonBody ? { body: "{}" } : {}),
      });
      expect(res.status, `${op.method} ${op.path}`).toBe(403);
      expect(isErrorEnvelope(await res.json()), `${op.method} ${op.path}`).toBe(true);
    }
    expect(diff(before.platform, await platformCounts(h))).toEqual({});
    expect(diff(before.dongguan, await tenantCounts(h, "dongguan"))).toEqual({});
  });
});

describe("POST /api/auth/logout", () => {
  it("clears the cookie (same path, expired at once); a browser without it is signed out", async () => {
    const { value } = await webLogin("demo-editor");
    const res = await h.app.request("/api/auth/logout", { method: "POST", headers: withCookie(value, { origin: OWN }) });
    expect(res.status).toBe(204);
    const cleared = (res.headers.get("set-cookie") ?? "").toLowerCase();
    expect(cleared).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
    expect(cleared).toContain("max-age=0");
    expect(cleared).toContain("path=/api");
    expect((await h.app.request("/api/me")).status).toBe(401);
  });

  it("ends that session on the server: a copy of its cookie or token is refused, with why; the account's other sessions go on", async () => {
    const signedOut = await webLogin("demo-editor");
    const other = await webLogin("demo-editor");
    expect((await h.app.request("/api/me", { headers: withCookie(signedOut.value) })).status).toBe(200);
    expect((await h.app.request("/api/auth/logout", { method: "POST", headers: withCookie(signedOut.value, { origin: OWN }) })).status).toBe(204);
    // Someone who copied the cookie before the sign-out, replaying it as a cookie or as a bearer token.
    const replayed = await h.app.request("/api/me", { headers: withCookie(signedOut.value) });
    expect(replayed.status).toBe(401);
    expect((await replayed.json()).error.message).toBe("该会话已退出登录，请重新登录。");
    expect((await call(h, "GET", "/api/me", { token: signedOut.value })).status).toBe(401);
    expect((await call(h, "POST", "/api/t/dongguan/funds", { token: signedOut.value, body: FUND })).status).toBe(401);
    expect((await h.app.request("/api/me", { headers: withCookie(other.value) })).status).toBe(200);
    // Signing out again with the ended session is harmless (clears the cookie, records nothing twice).
    expect((await h.app.request("/api/auth/logout", { method: "POST", headers: withCookie(signedOut.value, { origin: OWN }) })).status).toBe(204);
  });

  it("ends a bearer token's session too (an API client signing out)", async () => {
    const login = await call(h, "POST", "/api/auth/login", { body: { username: "demo-viewer", password: DEMO_PASSWORD } });
    const { token } = await login.json();
    expect((await call(h, "GET", "/api/me", { token })).status).toBe(200);
    expect((await call(h, "POST", "/api/auth/logout", { token })).status).toBe(204);
    expect((await call(h, "GET", "/api/me", { token })).status).toBe(401);
  });

  it("purges sessions signed out whose tokens have expired, as later sign-outs come", async () => {
    await h.services.platformClient.execute("INSERT INTO ended_sessions (id, user_id, expires_at) VALUES ('long-expired', 'user-demo-editor', 1000)");
    const { value } = await webLogin("demo-editor");
    expect((await h.app.request("/api/auth/logout", { method: "POST", headers: withCookie(value, { origin: OWN }) })).status).toBe(204);
    const { rows } = await h.services.platformClient.execute("SELECT count(*) AS n FROM ended_sessions WHERE id = 'long-expired'");
    expect(Number(rows[0]!.n)).toBe(0);
  });

  it("is itself refused from another site (a forged sign-out)", async () => {
    const { value } = await webLogin("demo-editor");
    const res = await h.app.request("/api/auth/logout", { method: "POST", headers: withCookie(value, { origin: FOREIGN }) });
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
  });
});

describe("changing one's password in the cookie session", () => {
  it("re-issues the cookie (the old one is refused at once) and keeps the token out of the answer", async () => {
    // A user of its own, so the demo accounts keep their password for the other tests.
    const username = `cookie-pw-${process.pid}`;
    const admin = await webLogin("demo-admin");
    const created = await h.app.request("/api/users", {
      method: "POST",
      headers: withCookie(admin.value, { "content-type": "application/json", origin: OWN }),
      body: JSON.stringify({ username, displayName: "改密测试", password: "一条足够长的测试口令-甲乙丙丁", role: "viewer", unit: "dongguan" }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const login = await h.app.request("/api/auth/login", { method: "POST", headers: { "content-type": "application/json", origin: OWN }, body: JSON.stringify({ username, password: "一条足够长的测试口令-甲乙丙丁", cookie: true }) });
    const old = (login.headers.get("set-cookie") ?? "").split(";")[0]!.split("=")[1]!;
    const res = await h.app.request("/api/me/password", {
      method: "POST",
      headers: withCookie(old, { "content-type": "application/json", origin: OWN }),
      body: JSON.stringify({ currentPassword: "一条足够长的测试口令-甲乙丙丁", newPassword: "静水流深-梧桐细雨-换过的口令" }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).not.toHaveProperty("token");
    const fresh = (res.headers.get("set-cookie") ?? "").split(";")[0]!.split("=")[1]!;
    expect(fresh).not.toBe(old);
    expect((await h.app.request("/api/me", { headers: withCookie(fresh) })).status).toBe(200);
    const stale = await h.app.request("/api/me", { headers: withCookie(old) });
    expect(stale.status).toBe(401);
    expect((await stale.json()).error.message).toBe("您的账号权限或密码已变更，请重新登录。");
  });
});

describe("bearer tokens are unchanged", () => {
  it("sign-in without the flag answers the token and sets no cookie; the token works with no Origin", async () => {
    const res = await call(h, "POST", "/api/auth/login", { body: { username: "demo-editor", password: DEMO_PASSWORD } });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toBeNull();
    const { token } = await res.json();
    expect((await call(h, "GET", "/api/me", { token })).status).toBe(200);
    expect((await call(h, "POST", "/api/t/dongguan/funds", { token, body: FUND })).status).toBe(201);
  });

  it("the Authorization header wins over a cookie beside it: a bad header is 401 even with a good cookie, a good one is not held to the Origin", async () => {
    const { value } = await webLogin("demo-editor");
    const { token } = await (await call(h, "POST", "/api/auth/login", { body: { username: "demo-editor", password: DEMO_PASSWORD } })).json();
    expect((await call(h, "GET", "/api/me", { headers: withCookie(value, { authorization: "Bearer nope" }) })).status).toBe(401);
    expect((await call(h, "POST", "/api/t/dongguan/funds", { token, body: FUND, headers: withCookie(value, { origin: FOREIGN }) })).status).toBe(201);
  });
});
