/**
 * A report in every format: the HTML printed by a real Chromium to PDF and PNG, the XLSX and DOCX
 * opened with reader libraries — each carrying the figures recorded.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import mammoth from "mammoth";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runJob } from "../../src/jobs/schedule";
import { XLSX } from "../support/sheetjs";
import { launchBrowser } from "../support/browser";
import { call, makeUser, startHarness, type Harness, type TestUser } from "../support/harness";

const ARTIFACTS = "test-artifacts/reports";
let h: Harness;
let editor: TestUser;
let reportId: string;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  h = await startHarness();
  editor = await makeUser(h, "unit_editor", { unit: "dongguan" });
  const program = "dongguan-shaoguan";
  const project = await (
    await call(h, "POST", "/api/t/dongguan/projects", {
      token: editor.token,
      body: { title: '新丰县<img src=x onerror="alert(1)">学校', category: "education", areaCode: "440233", program, grassroots: true, startDate: "2024-07-02", budgetFen: 123_456_789 },
    })
  ).json();
  // 1,234,567.89 元 = 123.46 万元
  await call(h, "POST", "/api/t/dongguan/funds", { token: editor.token, body: { kind: "allocation", source: "city", amountFen: 123_456_789, date: "2024-07-03", areaCode: "440233", projectId: project.id, program, grassroots: true } });
  await runJob(h.services, "quarterly", null, "2024-10-05");
  const list = await (await call(h, "GET", "/api/t/dongguan/reports?kind=unit_quarterly&period=2024-Q3", { token: editor.token })).json();
  reportId = list.items.find((i: { program: string }) => i.program === program).id;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await h.close();
});

async function fetchReport(format: string) {
  const res = await call(h, "GET", `/api/t/dongguan/reports/${reportId}?format=${format}`, { token: editor.token });
  expect(res.status).toBe(200);
  return res;
}

describe("HTML", () => {
  it("renders in Chromium to a PDF and a PNG, with the amount in 万元 and the title escaped", async () => {
    const res = await fetchReport("html");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    const page = await browser.newPage({ viewport: { width: 900, height: 1300 } });
    let dialogs = 0;
    page.on("dialog", (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.setContent(html, { waitUntil: "load" });
    const text = await page.locator("body").innerText();
    expect(text).toContain("东莞市2024年第三季度对口帮扶工作进展报告");
    expect(text).toContain("123.46");
    // What a reader sees names things: no area codes, no catalog file names, no section marks, no 分.
    expect(text).toContain("广东省韶关市新丰县");
    expect(text).toContain("《东莞韶关继续推进全面帮扶共建三年行动方案（2022—2024年）》（莞韶指〔2022〕1号）");
    expect(text).not.toMatch(/(?<![0-9a-f])\d{6}(?![0-9a-f])|\.txt|§|（分）/);
    expect(dialogs).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/unit-quarterly.png`, fullPage: false });
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    writeFileSync(`${ARTIFACTS}/unit-quarterly.pdf`, pdf);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(20_000);
    await page.close();
  });
});

describe("XLSX", () => {
  it("opens with SheetJS: one sheet per table, amounts in 万元", async () => {
    const bytes = new Uint8Array(await (await fetchReport("xlsx")).arrayBuffer());
    const book = XLSX.read(bytes, { type: "array" });
    expect(book.SheetNames[0]).toBe("报告");
    expect(book.SheetNames).toContain("资金情况（万元）");
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets["资金情况（万元）"]!, { header: 1 });
    expect(rows[0]).toEqual(["项目", "本季度", "本年累计"]);
    // 123,456,789 fen = 123.456789 万元 (kept to 4 decimals in the sheet)
    expect(rows[1]).toEqual(["安排（拨入）资金", 123.4568, 123.4568]);
  });
});

describe("DOCX", () => {
  it("opens with mammoth, with the title, sections, the figure and the escaped title", async () => {
    const bytes = Buffer.from(await (await fetchReport("docx")).arrayBuffer());
    writeFileSync(`${ARTIFACTS}/unit-quarterly.docx`, bytes);
    const { value: text, messages } = await mammoth.extractRawText({ buffer: bytes });
    expect(messages.filter((m) => m.type === "error")).toEqual([]);
    expect(text).toContain("东莞市2024年第三季度对口帮扶工作进展报告");
    expect(text).toContain("一、总体情况");
    expect(text).toContain("123.46");
    expect(text).toContain('新丰县<img src=x onerror="alert(1)">学校');
    const { value: html } = await mammoth.convertToHtml({ buffer: bytes });
    expect(html).toContain("<table>");
  });
});
