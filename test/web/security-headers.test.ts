/**
 * The web pages carry their security headers (security finding 8) — the policy of web/public/_headers,
 * the same file Workers Static Assets serve — and the real app runs under that policy in Chromium
 * without a single violation. Unknown /api/* paths answer the API's 404 envelope, not the web page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPORT_STYLE } from "../../src/reports/render-html";
import { openPage, ROOT, signIn, startWeb, type WebHarness } from "./support/web-harness";

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
