/**
 * Stored text is escaped wherever it becomes HTML: records whose titles, names and narratives carry
 * markup (and a unit whose very name does) go into every report issued — unit quarterly, program
 * quarterly and annual — and no report's HTML contains that markup raw; loaded in Chromium without
 * the Content-Security-Policy header (so escaping alone must hold), no dialog fires and no element
 * from the data exists. Errors that echo input are JSON, never HTML.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runJob } from "../../src/jobs/schedule";
import { launchBrowser } from "../support/browser";
import { call, makeUser, startHarness, type Harness, type TestUser } from "../support/harness";

const PROGRAM = "dongguan-shaoguan";
const SCRIPT = "<script>alert(1)</script>";
const IMG = '"><img src=x onerror=alert(1)>';
const SVG = "<svg onload=alert(1)>";
const BREAKOUT = "</td></tr></table></caption></title><script>alert(2)</script>";
const PAYLOADS = [SCRIPT, IMG, SVG, BREAKOUT];
/** What must never appear in a report's HTML: markup from the data, unescaped. */
const RAW = ["<script", "<img src=x", "<svg", "onerror=alert(1)>", "</td></tr></table></caption></title>"];

let h: Harness;
let editor: TestUser;
let admin: TestUser;
let browser: Browser;
let issued: { id: string; kind: string; program: string; unit: string | null }[];

async function post(path: string, body: unknown) {
  const res = await call(h, "POST", `/api/t/dongguan/${path}`, { token: editor.token, body });
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json();
}

beforeAll(async () => {
  h = await startHarness();
  editor = await makeUser(h, "unit_editor", { unit: "dongguan" });
  admin = await makeUser(h, "admin");
  // A unit's name is set by an administrator (POST /api/units takes any text): it heads every report.
  await h.services.platformClient.execute({ sql: "UPDATE units SET name = ? WHERE slug = 'dongguan'", args: [`东莞市${SCRIPT}`] });
  // Written behind the directory's back: drop its briefly cached unit rows (another process would
  // see the change within their few seconds' lifetime).
  await h.services.tenants.close();

  const sub = await post("sub-units", { name: `横沥镇${IMG}`, kind: "town", areaCode: "440232" });
  const pairing = await post("pairings", { kind: "school", counterpart: `乳源中学${SVG}`, areaCode: "440232", program: PROGRAM, startDate: "2024-07-01", subUnitId: sub.id });
  for (const [i, payload] of PAYLOADS.entries()) {
    const project = await post("projects", {
      title: `项目${i}${payload}`,
      category: "education",
      areaCode: "440232",
      program: PROGRAM,
      pairingId: pairing.id,
      grassroots: true,
      startDate: "2024-07-02",
      budgetFen: 1_000_000,
      location: `地点${payload}`,
      description: `内容${payload}`,
    });
    await post("funds", { kind: "allocation", source: "city", amountFen: 500_000, date: "2024-07-03", areaCode: "440232", projectId: project.id, program: PROGRAM, grassroots: true, note: `备注${payload}` });
    await post("activities", { kind: "joint_meeting", date: `2024-0${7 + (i % 3)}-1${i}`, title: `联席会议${payload}`, program: PROGRAM, note: payload });
  }
  await post("cadres", { name: `干部${SCRIPT}`, post: `副县长${IMG}`, level: "county_deputy", hostAreaCode: "440232", program: PROGRAM, startDate: "2024-01-05", note: SVG });
  const submission = await post("submissions", { year: 2024, quarter: 3, program: PROGRAM, progress: `进展${SCRIPT}`, problems: `问题${IMG}`, nextSteps: `下一步${BREAKOUT}` });
  const submitted = await call(h, "POST", `/api/t/dongguan/submissions/${submission.id}/submit`, { token: editor.token, headers: { "if-match": '"1"' } });
  expect(submitted.status).toBe(200);
  await h.services.snapshots.settled();

  expect((await runJob(h.services, "quarterly", null, "2024-10-05")).status).toBe("succeeded");
  expect((await runJob(h.services, "annual", null, "2025-01-15")).status).toBe("succeeded");
  const { rows } = await h.services.platformClient.execute("SELECT id, kind, program, unit FROM reports");
  issued = rows.map((r) => ({ id: String(r.id), kind: String(r.kind), program: String(r.program), unit: r.unit ? String(r.unit) : null }));
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await h.close();
});

async function html(id: string): Promise<string> {
  const res = await call(h, "GET", `/api/reports/${id}?format=html`, { token: admin.token });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/html");
  return res.text();
}

/** The 莞韶 program's reports: 东莞市's unit quarterly, the program quarterly and the annual assessment. */
const dongguanReports = () => issued.filter((r) => r.program === PROGRAM && (r.unit === "dongguan" || !r.unit));

describe("report HTML", () => {
  it("issues the three kinds for the program that holds the data", () => {
    expect(dongguanReports().map((r) => r.kind).sort()).toEqual(["program_annual", "program_quarterly", "unit_quarterly"]);
  });

  it("contains no markup from the data in any report issued (every unit, every program)", async () => {
    expect(issued.length).toBeGreaterThan(100);
    const leaks: string[] = [];
    for (const report of issued) {
      const page = await html(report.id);
      for (const raw of RAW) if (page.includes(raw)) leaks.push(`${report.kind} ${report.program} ${report.unit ?? ""}: ${raw}`);
    }
    expect(leaks).toEqual([]);
  });

  it("shows the data escaped, so the check above is not vacuous", async () => {
    for (const report of dongguanReports()) {
      const page = await html(report.id);
      // The unit's name heads (or ranks in) every one of them.
      expect(page, report.kind).toContain("东莞市&lt;script&gt;alert(1)&lt;/script&gt;");
    }
    const unit = await html(dongguanReports().find((r) => r.kind === "unit_quarterly")!.id);
    expect(unit).toContain("进展&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(unit).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
  });

  it.each(["unit_quarterly", "program_quarterly", "program_annual"])("%s runs no script in Chromium, even without its CSP header", async (kind) => {
    const report = dongguanReports().find((r) => r.kind === kind)!;
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    try {
      await page.setContent(await html(report.id), { waitUntil: "load" });
      await page.waitForTimeout(100);
      const dom = await page.evaluate(() => ({
        scripts: document.querySelectorAll("script").length,
        injected: document.querySelectorAll("img[src='x'], svg[onload], [onerror], [onload]").length,
        text: document.body.innerText,
      }));
      expect(dialogs).toEqual([]);
      expect(dom.scripts).toBe(0);
      expect(dom.injected).toBe(0);
      // The markup is shown as text, as the clerk typed it.
      expect(dom.text).toContain(`东莞市${SCRIPT}`);
    } finally {
      await page.close();
    }
  });

  it("the served report also forbids scripts by its Content-Security-Policy", async () => {
    const res = await call(h, "GET", `/api/reports/${dongguanReports()[0]!.id}?format=html`, { token: admin.token });
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(res.headers.get("content-security-policy")).not.toContain("script-src");
  });
});

describe("errors that echo input", () => {
  it.each([
    ["an unknown route", "GET", `/api/${encodeURIComponent(SCRIPT)}`, undefined],
    ["an unknown record id", "GET", "/api/t/dongguan/projects/abc-script-alert-1", undefined],
    ["an invalid id", "GET", `/api/t/dongguan/projects/${encodeURIComponent(IMG)}`, undefined],
    ["an unknown unit", "GET", `/api/t/${encodeURIComponent(SCRIPT)}/projects`, undefined],
    ["an unknown area code in a body", "POST", "/api/t/dongguan/activities", { kind: "joint_meeting", date: "2024-05-01", title: SCRIPT, areaCode: "999999" }],
    ["an unknown field", "POST", "/api/t/dongguan/activities", { kind: "joint_meeting", date: "2024-05-01", title: "x", [SCRIPT]: 1 }],
    ["an unknown enum value", "POST", "/api/t/dongguan/activities", { kind: SCRIPT, date: "2024-05-01", title: "x" }],
    ["an unknown program", "POST", "/api/t/dongguan/activities", { kind: "joint_meeting", date: "2024-05-01", title: "x", program: "script-alert" }],
  ] as const)("%s is answered as JSON with nosniff", async (_name, method, path, body) => {
    const res = await call(h, method, path, { token: editor.token, ...(body ? { body } : {}) });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    if (path.startsWith("/api/")) expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const text = await res.text();
    expect(() => JSON.parse(text)).not.toThrow();
  });

  it("an unknown path outside /api is JSON too", async () => {
    const res = await h.app.request(`/${encodeURIComponent(SCRIPT)}`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  });
});
