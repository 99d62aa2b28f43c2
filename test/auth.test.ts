import { SignJWT, UnsecuredJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../src/seed/demo-users";
import { hashPassword, verifyPassword } from "../src/auth/password";
import { call, startHarness, TEST_SECRET, type Harness } from "./support/harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function login(username: string, password: string) {
  return call(h, "POST", "/api/auth/login", { body: { username, password } });
}

describe("passwords", () => {
  it("hashes with PBKDF2-SHA-256 and verifies only the right password", async () => {
    const stored = await hashPassword("正确的密码 correct horse");
    expect(stored).toMatch(/^pbkdf2-sha256\$100000\$/);
    expect(await verifyPassword("正确的密码 correct horse", stored)).toBe(true);
    expect(await verifyPassword("wrong", stored)).toBe(false);
    expect(await verifyPassword("x", "not-a-hash")).toBe(false);
  });
});

describe("POST /api/auth/login", () => {
  it("signs in a demo coordinator and returns a token with its programs", async () => {
    const res = await login("demo-coordinator", DEMO_PASSWORD);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.user).toMatchObject({ username: "demo-coordinator", role: "coordinator", unit: null });
    expect(body.user.programs).toEqual(["dongguan-shaoguan", "gd-old-areas"]);
    const me = await call(h, "GET", "/api/me", { token: body.token });
    expect(me.status).toBe(200);
    expect((await me.json()).programs.map((p: { slug: string }) => p.slug).sort()).toEqual(["dongguan-shaoguan", "gd-old-areas"]);
  });

  it("answers 401 with a Chinese message for a wrong password, and the same for an unknown user", async () => {
    const wrong = await login("demo-editor", "nope");
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error).toMatchObject({ code: "UNAUTHORIZED", message: "用户名或密码不正确。" });
    const unknown = await login("nobody-here", "nope");
    expect(unknown.status).toBe(401);
  });

  it("answers 400 with field paths for a malformed body and writes nothing", async () => {
    const res = await call(h, "POST", "/api/auth/login", { body: { username: "", password: 12 } });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.details.map((d: { path: string }) => d.path).sort()).toEqual(["body.password", "body.username"]);
  });

  it("slows down repeated failures: the 5th consecutive failure locks the account with 429 and Retry-After", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await login("demo-viewer", `bad-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    // Even the right password waits until the lock ends.
    const locked = await login("demo-viewer", DEMO_PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await locked.json()).error.code).toBe("TOO_MANY_REQUESTS");
  });
});

describe("token attacks are refused with 401", () => {
  const claims = { username: "demo-admin", name: "x", role: "admin", unit: null, programs: [], ver: 1 };
  const sign = (secret: string, edit: (j: SignJWT) => SignJWT = (j) => j) =>
    edit(new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setSubject("user-demo-admin").setJti(crypto.randomUUID()).setIssuer("duikou").setAudience("duikou-api").setIssuedAt().setExpirationTime("1h")).sign(
      new TextEncoder().encode(secret),
    );

  it("accepts a correctly signed token (control)", async () => {
    expect((await call(h, "GET", "/api/me", { token: await sign(TEST_SECRET) })).status).toBe(200);
  });

  it.each([
    ["alg none", async () => new UnsecuredJWT(claims).setSubject("user-demo-admin").setIssuer("duikou").setAudience("duikou-api").setIssuedAt().setExpirationTime("1h").encode()],
    ["wrong key", async () => sign("another-secret-that-is-long-enough-0123456789abcdef")],
    ["expired", async () => sign(TEST_SECRET, (j) => j.setIssuedAt(Math.floor(Date.now() / 1000) - 7200).setExpirationTime(Math.floor(Date.now() / 1000) - 3600))],
    ["wrong issuer", async () => sign(TEST_SECRET, (j) => j.setIssuer("someone-else"))],
    ["wrong audience", async () => sign(TEST_SECRET, (j) => j.setAudience("other-api"))],
    [
      "tampered claims",
      async () => {
        const [head, , sig] = (await sign(TEST_SECRET)).split(".");
        const payload = btoa(JSON.stringify({ ...claims, role: "admin", unit: "dongguan", sub: "x" })).replace(/=+$/, "");
        return `${head}.${payload}.${sig}`;
      },
    ],
    ["garbage", async () => "not.a.token"],
  ])("%s", async (_name, make) => {
    const res = await call(h, "GET", "/api/me", { token: await make() });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("UNAUTHORIZED");
  });

  it("refuses a request without a token", async () => {
    const res = await call(h, "GET", "/api/programs");
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain("Bearer");
  });
});
