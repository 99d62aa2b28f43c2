/**
 * Browser tests' harness: the real Node server (src/node.ts main(), serving web/dist) over fresh
 * databases with the demo accounts and demo ledger, Debian's Chromium driven by playwright-core,
 * a signed-in API client to check what the UI wrote, and screenshots under test-artifacts/web/.
 */
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { demoYear } from "../../../src/seed/demo-ledger";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Dialog, type Page } from "playwright-core";
import { main } from "../../../src/node";
import { closeServices } from "../../../src/node-services";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const ARTIFACTS = join(ROOT, "test-artifacts", "web");
export const DOCS_SCREENSHOTS = join(ROOT, "docs", "screenshots");
export const DEMO_PASSWORD = "duikou-demo-2026";

const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export interface WebHarness {
  base: string;
  browser: Browser;
  /** A signed-in API call (JSON); returns status and body. */
  api<T = unknown>(username: string, method: string, path: string, body?: unknown, extraHeaders?: Record<string, string>): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

/**
 * Starts the server on a free port over a temporary data folder, and the browser.
 * @example const h = await startWeb(); const page = await openPage(h); await signIn(page, h, "demo-editor")
 */
export async function startWeb(): Promise<WebHarness> {
  if (!existsSync(join(ROOT, "web", "dist", "index.html"))) throw new Error("web/dist is missing: run `npm run build:web` before the browser tests");
  mkdirSync(ARTIFACTS, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), "duikou-web-"));
  const { server, services } = await main({
    DUIKOU_ENV: "test",
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    JWT_SECRET: "web-test-secret-that-is-long-enough-0123456789",
    DEMO_USERS: "true",
    DEMO_LEDGER: "true",
    LOG_LEVEL: "warn",
  });
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once("listening", () => resolve())));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });
  const tokens = new Map<string, string>();

  async function token(username: string): Promise<string> {
    const known = tokens.get(username);
    if (known) return known;
    const res = await fetch(`${base}/api/auth/login`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
    const value = ((await res.json()) as { token: string }).token;
    tokens.set(username, value);
    return value;
  }

  return {
    base,
    browser,
    async api<T>(username: string, method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}) {
      const headers: Record<string, string> = { Authorization: `Bearer ${await token(username)}`, ...extraHeaders };
      if (body !== undefined) headers["Content-Type"] = "application/json";
      const res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
    },
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await closeServices(services);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Uncaught exceptions of the pages this file opened since the last test ended. */
const pageErrors: string[] = [];

// An exception a screen throws is a defect even when what the test looks at still shows: it fails
// the test it happened in (registered here, so every browser test file has it).
afterEach(() => {
  const thrown = pageErrors.splice(0);
  expect(thrown, "uncaught exceptions in the page").toEqual([]);
});

/** A fresh page (its own storage) at the given size and browser locale; an uncaught exception in it fails the test. */
export async function openPage(h: WebHarness, size: { width: number; height: number } = { width: 1366, height: 768 }, locale = "zh-CN"): Promise<Page> {
  const context = await h.browser.newContext({ viewport: size, locale, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on("pageerror", (e) => {
    console.error(`[browser] ${e.stack ?? e.message}`);
    pageErrors.push(e.message);
  });
  return page;
}

/**
 * Answers every dialog the page opens (confirm, beforeunload) as `answer` says — dismissed, so the
 * user stays, unless a test sets "accept" — recording each as "type: message".
 */
export function browserDialogs(page: Page): { answer: "accept" | "dismiss"; seen: string[] } {
  const state = { answer: "dismiss" as "accept" | "dismiss", seen: [] as string[] };
  page.on("dialog", (d: Dialog) => {
    state.seen.push(`${d.type()}: ${d.message()}`);
    void (state.answer === "accept" ? d.accept() : d.dismiss());
  });
  return state;
}

/** Signs in through the login form and waits for the home screen. */
export async function signIn(page: Page, h: WebHarness, username: string): Promise<void> {
  await page.goto(`${h.base}/#/login`);
  await page.fill("#login-username", username);
  await page.fill("#login-password", DEMO_PASSWORD);
  await page.click("form button[type=submit]");
  await page.waitForSelector(".app__main");
}

/** Saves a viewport screenshot to test-artifacts/web/<name>.png. */
export async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });
}

/**
 * Saves a viewport screenshot for the README: to docs/screenshots/<name>.png when
 * UPDATE_SCREENSHOTS=1 (so an ordinary test run leaves the work tree clean), else among the artifacts.
 */
export async function docShot(page: Page, name: string): Promise<void> {
  const folder = process.env.UPDATE_SCREENSHOTS === "1" ? DOCS_SCREENSHOTS : ARTIFACTS;
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: join(folder, `${name}.png`) });
}

/** This year, as the UI's defaults see it. */
export const YEAR = new Date().getFullYear();

/** The year 东莞市's Dongguan–Shaoguan demo work is dated in (the plan's last year once it has ended). */
export const DONGGUAN_YEAR = demoYear("dongguan-shaoguan", YEAR);

/**
 * One harness for a test file: started before its tests, closed after them.
 * @example const web = webHarness(); it("…", async () => { const page = await openPage(web()); })
 */
export function webHarness(): () => WebHarness {
  let h: WebHarness | undefined;
  beforeAll(async () => {
    h = await startWeb();
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });
  return () => h!;
}
