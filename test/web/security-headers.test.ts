/**
 * The web pages carry their security headers (security finding 8) — the policy of web/public/_headers,
 * the same file Workers Static Assets serve — and the real app runs under that policy in Chromium
 * without a single violation. Unknown /api/* paths answer the API's 404 envelope, not the web page.
 * Changing one's own password: a guessable one is refused next to its field, and the user's other
 * session is signed out and told why.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPORT_STYLE } from "../../src/reports/render-html";
import { DEMO_PASSWORD, openPage, ROOT, signIn, startWeb, type WebHarness } from "./support/web-harness";

let h: WebHarness;
beforeAll(async () => {
  h = await startWeb();
}, 120_000);
afterAll(() => h?.close());

describe("web pages", () => {
  it("allows exactly one inline style: the report stylesheet, by its current hash", () => {
    const hash = createHash("sha256").update(REPORT_STYLE, "utf8").digest("base64");
    const policy = readFileSync(join(ROOT, "web", "public", "_headers"), "utf8");
    expect(policy).toContain(`style-src 'self' 'sha256-${hash}'`);
    expect(policy).not.toContain("unsafe-inline");
  });

  it("the page, its assets and a deep link all carry CSP, frame protection and nosniff", async () => {
    const page = await fetch(`${h.base}/`);
    const html = await page.text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    for (const path of ["/", asset!, "/u/dongguan/ledger"]) {
      const res = await fetch(`${h.base}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
      expect(res.headers.get("content-security-policy"), path).toContain("script-src 'self'");
      expect(res.headers.get("x-frame-options"), path).toBe("DENY");
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
    }
  });

  it("an unknown API path is a 404 JSON error, for GET as for any other method", async () => {
    for (const method of ["GET", "POST", "DELETE"]) {
      const res = await fetch(`${h.base}/api/no-such-thing/here`, { method });
      expect(res.status, method).toBe(404);
      expect(res.headers.get("content-type")).toContain("application/json");
      const body = await res.json();
      expect(body.error.code).toBe("NOT_FOUND");
    }
  });

  it("signing in, the dashboard, the ledger and the rollup's charts run without a policy violation", async () => {
    const page = await openPage(h);
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await signIn(page, h, "demo-editor");
    await page.waitForSelector('[data-figure="funds-in"]');
    await page.goto(`${h.base}/#/u/dongguan/ledger/projects`);
    await page.waitForSelector("table.table");
    await page.goto(`${h.base}/#/u/dongguan/ledger/funds`);
    await page.waitForSelector("table.table");
    await page.context().close();
    // The coordinator's rollup draws its ECharts canvases under the same policy.
    const coordinator = await openPage(h);
    coordinator.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await signIn(coordinator, h, "demo-coordinator");
    await coordinator.waitForSelector("canvas");
    expect(violations).toEqual([]);
    await coordinator.context().close();
  }, 60_000);
});

describe("changing one's own password", () => {
  it("refuses a guessable one next to its field, accepts a phrase, and another session is signed out with the reason", async () => {
    const mine = await openPage(h);
    const other = await openPage(h);
    await signIn(mine, h, "demo-viewer");
    await signIn(other, h, "demo-viewer");
    await mine.getByRole("button", { name: "修改密码", exact: true }).click();
    await mine.waitForSelector("dialog[open] #pw-current");
    await mine.fill("#pw-current", DEMO_PASSWORD);
    await mine.fill("#pw-new", "qwertyuiop12");
    await mine.fill("#pw-repeat", "qwertyuiop12");
    await mine.click("dialog[open] button[type=submit]");
    await mine.waitForSelector('[data-field="pw-new"] .field__error');
    expect(await mine.locator('[data-field="pw-new"] .field__error').textContent()).toContain("太容易被猜到");
    await mine.fill("#pw-new", "静水流深-梧桐细雨-2026");
    await mine.fill("#pw-repeat", "静水流深-梧桐细雨-2026");
    await mine.click("dialog[open] button[type=submit]");
    await mine.getByText("密码已修改").waitFor();
    // This tab goes on with its fresh token…
    await mine.getByRole("button", { name: "关闭", exact: true }).first().click();
    await mine.reload();
    await mine.waitForSelector(".app__main");
    // …the other one is signed out at its next request, and told why.
    await other.reload();
    await other.waitForSelector("#login-username");
    expect(await other.locator(".notice--warn").textContent()).toContain("密码已变更");
    await mine.context().close();
    await other.context().close();
  }, 60_000);
});
