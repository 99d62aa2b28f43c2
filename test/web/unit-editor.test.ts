/**
 * A unit editor (demo-editor, 东莞市) in the browser: records a project, an allocation and a
 * disbursement and sees the dashboard change; writes and submits a quarterly narrative and sees it
 * locked; attaches the signed report to a quarter's submission; types a money target in 元 and sees it
 * in 万元; sees a cadre counted in post from the year the term starts; a bad amount and an empty title
 * are shown next to their fields and nothing is written.
 */
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fenToWan } from "../../web/src/format/money";
import { containsText, eventually, hasAttribute, hasCount, hasText, hasValue, isFocused } from "./support/eventually";
import { docShot, DONGGUAN_YEAR as YEAR, openPage, shot, signIn, startWeb, type WebHarness } from "./support/web-harness";

const EDITOR = "demo-editor";
const UNIT = "dongguan";
const PROGRAM = "dongguan-shaoguan";

type Page_<T> = { items: T[]; nextCursor: string | null; total: number };
type Fund = { kind: string; amountFen: number; projectId: string | null };
type RuleResult = { rule: string; actual: number | null; status: string; explanation: { zh: string } };

let h: WebHarness;
/** The test's own page, signed in as the editor (see beforeEach). */
let page: Page;

beforeAll(async () => {
  h = await startWeb();
});

afterAll(async () => {
  await h?.close();
});

/** Every fund record of the year through the API (the test's own sum, page by page). */
async function fundTotals(): Promise<{ inFen: number; disbursedFen: number }> {
  let inFen = 0;
  let disbursedFen = 0;
  let cursor: string | null = null;
  do {
    const q: string = `/api/t/${UNIT}/funds?year=${YEAR}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const { body } = await h.api<Page_<Fund>>(EDITOR, "GET", q);
    for (const f of body.items) {
      if (["allocation", "social_donation", "enterprise_investment"].includes(f.kind)) inFen += f.amountFen;
      if (f.kind === "disbursement") disbursedFen += f.amountFen;
    }
    cursor = body.nextCursor;
  } while (cursor);
  return { inFen, disbursedFen };
}

async function townRule(): Promise<RuleResult> {
  const { body } = await h.api<{ programs: { program: string; results: RuleResult[] }[] }>(EDITOR, "GET", `/api/t/${UNIT}/compliance?year=${YEAR}`);
  return body.programs.find((p) => p.program === PROGRAM)!.results.find((r) => r.rule === "town-livelihood-funds")!;
}

async function figure(name: string): Promise<string> {
  return (await page.locator(`[data-figure="${name}"] .figure__number`).textContent())!.trim();
}

async function openDashboard(): Promise<void> {
  await page.goto(`${h.base}/#/u/${UNIT}?year=${YEAR}`);
  await page.waitForSelector('[data-figure="funds-in"]');
  await page.waitForSelector(`[data-program="${PROGRAM}"] [data-rule="town-livelihood-funds"]`);
}

describe("unit editor", () => {
  beforeEach(async () => {
    page = await openPage(h);
    await signIn(page, h, EDITOR);
  });
  afterEach(async () => {
    await page?.context().close();
  });

  it("records a project, an allocation and a disbursement, and sees the dashboard change", async () => {
    await openDashboard();
    await shot(page, "01-dashboard-before");
    await docShot(page, "unit-dashboard");
    const before = { funds: await figure("funds-in"), projects: Number(await figure("projects")), rule: await townRule(), sums: await fundTotals() };
    expect(before.funds).toBe(fenToWan(before.sums.inFen));

    // A town whose livelihood funds are short this year: the project goes to its county. The town is the only one
    // of its county (a fund at a county several towns share is credited to none), whatever towns other tests import.
    const towns = (await h.api<Page_<{ name: string; areaCode: string | null }>>(EDITOR, "GET", `/api/t/${UNIT}/sub-units?kind=town&limit=50`)).body.items;
    const aloneInCounty = (t: { areaCode: string | null }) => towns.filter((o) => o.areaCode === t.areaCode).length === 1;
    const shortTown = towns.find((t) => t.areaCode && aloneInCounty(t) && before.rule.explanation.zh.split("未达到：")[1]?.includes(t.name));
    expect(shortTown, "a town below its livelihood-funds figure").toBeTruthy();
    const area = shortTown!.areaCode!;

    // The project, through the create form.
    const title = `界面测试项目 ${Date.now()}`;
    await page.goto(`${h.base}/#/u/${UNIT}/ledger/projects`);
    await page.getByRole("button", { name: "新增", exact: true }).click();
    await page.fill("#f-projects-title", title);
    await page.selectOption("#f-projects-category", "education");
    await page.selectOption("#f-projects-areaCode", area);
    await page.selectOption("#f-projects-program", PROGRAM);
    await page.fill("#f-projects-budgetFen", "2,000,000");
    await page.fill("#f-projects-startDate", `${YEAR}-01-05`);
    await page.check("#f-projects-grassroots");
    await shot(page, "02-project-form");
    await page.click("dialog[open] button[type=submit]");
    await page.getByText("已新增。").waitFor();
    await containsText(page.locator("table.table tbody"), title);
    await shot(page, "03-project-created");
    const projects = await h.api<Page_<{ id: string; budgetFen: number; status: string }>>(EDITOR, "GET", `/api/t/${UNIT}/projects?q=${encodeURIComponent(title)}`);
    expect(projects.body.total).toBe(1);
    const project = projects.body.items[0]!;
    expect(project.budgetFen).toBe(200_000_000); // 2,000,000 元 = 200,000,000 分
    expect(project.status).toBe("planned");

    // The allocation: 2,000,000.00 元 from the town, for the project (its area and program filled in from it).
    // Dated early in January so that it counts whatever quarter the test runs in.
    await page.getByRole("link", { name: "资金", exact: true }).click();
    await page.getByRole("button", { name: "新增", exact: true }).click();
    await page.selectOption("#f-funds-kind", "allocation");
    await page.selectOption("#f-funds-source", "town");
    // Typed in 元, read back in 万元 at once: "120" meant as 120万 would show 0.0120 万元.
    await page.fill("#f-funds-amountFen", "120");
    await hasText(page.locator("#f-funds-amountFen-help"), "即 120.00 元，合 0.0120 万元");
    await page.fill("#f-funds-amountFen", "2000000.00");
    await hasText(page.locator("#f-funds-amountFen-help"), "即 2,000,000.00 元，合 200.0000 万元");
    // A date typed the way clerks write it is taken and shown as YYYY-MM-DD, whatever the browser's locale.
    await page.fill("#f-funds-date", `${YEAR}年1月6日`);
    await page.locator("#f-funds-date").blur();
    await hasValue(page.locator("#f-funds-date"), `${YEAR}-01-06`);
    await page.locator(`#f-funds-projectId option[value="${project.id}"]`).waitFor({ state: "attached" });
    await page.selectOption("#f-funds-projectId", project.id);
    await hasValue(page.locator("#f-funds-areaCode"), area);
    await hasValue(page.locator("#f-funds-program"), PROGRAM);
    await page.check("#f-funds-grassroots");
    await shot(page, "04-allocation-form");
    await page.click("dialog[open] button[type=submit]");
    await page.getByText("已新增。").waitFor();

    // The disbursement: 456,789.12 元 of it.
    await page.getByRole("button", { name: "新增", exact: true }).click();
    await page.selectOption("#f-funds-kind", "disbursement");
    await page.selectOption("#f-funds-source", "town");
    await page.fill("#f-funds-amountFen", "456,789.12");
    await page.fill("#f-funds-date", `${YEAR}-01-07`);
    await page.locator(`#f-funds-projectId option[value="${project.id}"]`).waitFor({ state: "attached" });
    await page.selectOption("#f-funds-projectId", project.id);
    await page.click("dialog[open] button[type=submit]");
    await page.getByText("已新增。").waitFor();
    await shot(page, "05-funds-recorded");

    const funds = await h.api<Page_<Fund>>(EDITOR, "GET", `/api/t/${UNIT}/funds?projectId=${project.id}&sort=date`);
    expect(funds.body.items.map((f) => [f.kind, f.amountFen])).toEqual([
      ["allocation", 200_000_000], // 2,000,000.00 元
      ["disbursement", 45_678_912], // 456,789.12 元, exactly
    ]);

    // The dashboard: funds in up by exactly 200.00 万元, one more project, one more town meeting its figure.
    await openDashboard();
    const after = { sums: await fundTotals(), rule: await townRule() };
    expect(after.sums.inFen - before.sums.inFen).toBe(200_000_000);
    await hasText(page.locator('[data-figure="funds-in"] .figure__number'), fenToWan(after.sums.inFen));
    const wan = (s: string) => Math.round(Number(s.replace(/,/g, "")) * 100);
    expect(wan(await figure("funds-in")) - wan(before.funds)).toBe(20_000); // 200.00 万元, in hundredths
    await containsText(page.locator('[data-figure="funds-in"] .figure__detail'), `已拨付 ${fenToWan(after.sums.disbursedFen)} 万元`);
    expect(Number(await figure("projects"))).toBe(before.projects + 1);
    expect(after.rule.actual).toBe(before.rule.actual! + 1);
    await hasText(page.locator(`[data-program="${PROGRAM}"] [data-rule="town-livelihood-funds"] .rule__explanation`), after.rule.explanation.zh);
    await shot(page, "06-dashboard-after");
  });

  it("writes and submits the quarterly narrative and sees it locked", async () => {
    await page.goto(`${h.base}/#/u/${UNIT}/submissions?year=${YEAR}&quarter=3&program=${PROGRAM}`);
    await page.waitForSelector("#sub-progress");
    const none = await h.api<Page_<unknown>>(EDITOR, "GET", `/api/t/${UNIT}/submissions?year=${YEAR}&quarter=3&program=${PROGRAM}`);
    expect(none.body.total).toBe(0);

    // Submitting without progress: the API's error is shown under the progress field.
    await page.fill("#sub-problems", "镇街资金拨付进度不一。");
    await page.getByRole("button", { name: "提交", exact: true }).click();
    await page.getByRole("button", { name: "确认提交" }).click();
    await containsText(page.locator('[data-field="sub-progress"] .field__error'), "提交前请填写工作进展");
    await shot(page, "07-submission-needs-progress");

    await page.fill("#sub-progress", "第三季度：十组团对接有序推进，新增教育帮扶项目 1 个，安排镇街民生资金 200 万元。");
    await page.fill("#sub-nextSteps", "加快拨付进度，筹备第四季度联席会议。");
    await page.getByRole("button", { name: "保存草稿" }).click();
    await page.getByText("草稿已保存。").waitFor();
    const draft = await h.api<Page_<{ status: string; progress: string; version: number }>>(EDITOR, "GET", `/api/t/${UNIT}/submissions?year=${YEAR}&quarter=3&program=${PROGRAM}`);
    expect(draft.body.items[0]).toMatchObject({ status: "draft", progress: expect.stringContaining("十组团对接有序推进") });

    await page.getByRole("button", { name: "提交", exact: true }).click();
    await shot(page, "08-submission-confirm");
    await page.getByRole("button", { name: "确认提交" }).click();
    await page.getByText("已提交，报送内容已锁定。").waitFor();
    await containsText(page.locator(".submission__locked"), "已锁定");
    await hasAttribute(page.locator("#sub-progress"), "readonly", "");
    await hasCount(page.getByRole("button", { name: "保存草稿" }), 0);
    await shot(page, "09-submission-locked");

    const submitted = await h.api<Page_<{ id: string; status: string; version: number }>>(EDITOR, "GET", `/api/t/${UNIT}/submissions?year=${YEAR}&quarter=3&program=${PROGRAM}`);
    expect(submitted.body.items[0]!.status).toBe("submitted");
    // Locked on the server too: an edit is refused.
    const { id, version } = submitted.body.items[0]!;
    const edit = await h.api(EDITOR, "PATCH", `/api/t/${UNIT}/submissions/${id}`, { progress: "改" }, { "If-Match": `"${version}"` });
    expect(edit.status).toBe(423);
  });

  it("attaches the signed report to the quarter's submission, and sees it listed and locked with it once submitted", async () => {
    // 2023 Q2: over, inside the plan's term, and reported on by no other test of this file.
    const query = `year=2023&quarter=2&program=${PROGRAM}`;
    await page.goto(`${h.base}/#/u/${UNIT}/submissions?${query}`);
    await page.waitForSelector("#sub-progress");
    // Nothing stored yet: the files wait for the draft.
    await containsText(page.locator(".submission"), "保存草稿后可在此上传附件");
    await page.fill("#sub-progress", "第二季度：组团对接推进，签字盖章的报送材料见附件。");
    await page.getByRole("button", { name: "保存草稿" }).click();
    await page.getByText("草稿已保存。").waitFor();
    const attachments = page.getByRole("region", { name: "附件" });
    await containsText(attachments, "尚无附件");
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    await attachments.locator("input[type=file]").setInputFiles({ name: "季度报送（签字盖章）.pdf", mimeType: "application/pdf", buffer: pdf });
    await containsText(attachments.locator('li[data-attachment="季度报送（签字盖章）.pdf"]'), "PDF");
    await shot(page, "09b-submission-attachment");
    const { body } = await h.api<Page_<{ id: string; version: number }>>(EDITOR, "GET", `/api/t/${UNIT}/submissions?${query}`);
    const [submission] = body.items;
    const files = await h.api<{ items: { name: string; kind: string; size: number }[] }>(EDITOR, "GET", `/api/t/${UNIT}/submissions/${submission!.id}/attachments`);
    expect(files.body.items).toMatchObject([{ name: "季度报送（签字盖章）.pdf", kind: "pdf", size: pdf.length }]);

    // Submitted: the file stays listed, the upload is gone (the server refuses it too).
    await page.getByRole("button", { name: "提交", exact: true }).click();
    await page.getByRole("button", { name: "确认提交" }).click();
    await page.getByText("已提交，报送内容已锁定。").waitFor();
    await hasCount(attachments.locator("li[data-attachment]"), 1);
    await hasCount(attachments.locator("input[type=file]"), 0);
  });

  it("types a money target in 元 and sees it echoed in 万元, under help a clerk can read", async () => {
    await page.goto(`${h.base}/#/u/${UNIT}/ledger/targets`);
    await page.getByRole("button", { name: "新增", exact: true }).click();
    // A year no other test sets targets for (one target per year, program and indicator).
    await page.fill("#f-targets-year", "2039");
    await page.selectOption("#f-targets-program", PROGRAM);
    // A count indicator: the help, in a clerk's words — no fen, no API.
    await page.selectOption("#f-targets-indicator", "meetings.joint");
    const help = page.locator("#f-targets-target-help");
    await containsText(help, "比例填百分数整数");
    expect(await help.textContent()).not.toMatch(/以分计|接口|fen|API/);
    // A money indicator (每镇街民生帮扶资金): typed in 元, echoed at once like any amount.
    await page.selectOption("#f-targets-indicator", "funds.town_livelihood");
    await containsText(page.locator('[data-field="f-targets-target"] label'), "（元）");
    await page.fill("#f-targets-target", "1500000");
    await hasText(help, "即 1,500,000.00 元，合 150.0000 万元");
    await shot(page, "09c-money-target");
    await page.click("dialog[open] button[type=submit]");
    await page.getByText("已新增。").waitFor();
    const { body } = await h.api<Page_<{ target: number }>>(EDITOR, "GET", `/api/t/${UNIT}/targets?year=2039&indicator=funds.town_livelihood&program=${PROGRAM}`);
    expect(body.items.map((t) => t.target)).toEqual([150_000_000]); // 1,500,000 元 = 150,000,000 分, as the API keeps it
  });

  it("counts a cadre in post on the dashboard from the year the term starts, not the year before", async () => {
    const cadres = async (year: number) => {
      await page.goto(`${h.base}/#/u/${UNIT}?year=${year}`);
      // The cards are drawn only with the year's own figures, so once they name the year the count is that year's.
      await containsText(page.locator('[data-figure="funds-in"] .figure__label'), `${year}年`);
      return Number(await figure("cadres"));
    };
    const before = { 2023: await cadres(2023), 2024: await cadres(2024) };
    const created = await h.api(EDITOR, "POST", `/api/t/${UNIT}/cadres`, { name: `看板在岗测试${Date.now()}`, post: "副县长", level: "county_deputy", hostAreaCode: "440282", program: PROGRAM, startDate: "2024-03-01", plannedEndDate: "2025-02-28" });
    expect(created.status).toBe(201);
    // In post on 2024-12-31 (the 2024 dashboard's day), not yet on 2023-12-31.
    expect(await cadres(2023)).toBe(before[2023]);
    expect(await cadres(2024)).toBe(before[2024] + 1);
  });

  it("shows a bad amount and an empty title next to their fields and writes nothing", async () => {
    const before = (await h.api<Page_<unknown>>(EDITOR, "GET", `/api/t/${UNIT}/projects?limit=1`)).body.total;
    await page.goto(`${h.base}/#/u/${UNIT}/ledger/projects`);
    await page.getByRole("button", { name: "新增", exact: true }).click();
    await page.fill("#f-projects-title", "金额有误的项目");
    await page.selectOption("#f-projects-category", "health");
    await page.selectOption("#f-projects-program", PROGRAM);
    await page.fill("#f-projects-budgetFen", "12.345");
    await page.click("dialog[open] button[type=submit]");
    await hasText(page.locator('[data-field="f-projects-budgetFen"] .field__error'), "金额最多两位小数（精确到分）");
    await hasAttribute(page.locator("#f-projects-budgetFen"), "aria-invalid", "true");
    await isFocused(page.locator("#f-projects-budgetFen"));
    await shot(page, "10-bad-amount");

    // Amount fixed, title emptied: the API's answer is shown next to the title (and the area it also needs).
    await page.fill("#f-projects-budgetFen", "12.34");
    await page.fill("#f-projects-title", "");
    await page.click("dialog[open] button[type=submit]");
    await hasText(page.locator('[data-field="f-projects-title"] .field__error'), "不能为空");
    await hasText(page.locator('[data-field="f-projects-areaCode"] .field__error'), "此项为必填项");
    await hasCount(page.locator('[data-field="f-projects-budgetFen"] .field__error'), 0);
    // What the user typed is still there.
    await hasValue(page.locator("#f-projects-budgetFen"), "12.34");
    await hasValue(page.locator("#f-projects-category"), "health");
    await shot(page, "11-empty-title");

    const after = (await h.api<Page_<unknown>>(EDITOR, "GET", `/api/t/${UNIT}/projects?limit=1`)).body.total;
    expect(after).toBe(before);
    // Cancelled, so that leaving the screen next does not ask about the unsaved input.
    await page.locator("dialog[open]").getByRole("button", { name: "取消" }).click();
    await hasCount(page.locator("dialog[open]"), 0);
  });

  it("imports a spreadsheet with bad rows: every bad cell listed by row and column, nothing written; exports with the filters", async () => {
    const before = (await h.api<Page_<unknown>>(EDITOR, "GET", `/api/t/${UNIT}/sub-units?limit=1`)).body.total;
    await page.goto(`${h.base}/#/u/${UNIT}/ledger/sub-units`);
    await page.getByRole("button", { name: "导入", exact: true }).click();
    const csv = "名称,类型,对应受援地代码\n测试镇街甲,镇街,440203\n测试镇街乙,不存在,999999\n";
    // Choosing the file previews it: the bad cells by row and column, nothing written.
    await page.setInputFiles("#import-file", { name: "sub-units.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await containsText(page.getByTestId("import-counts"), "有误 1 行");
    const rows = page.getByTestId("import-problems").locator("tbody tr");
    await hasCount(rows, 2);
    await containsText(rows.nth(0), "3");
    await containsText(rows.nth(0), "类型");
    await containsText(rows.nth(1), "行政区划代码不存在：999999");
    await shot(page, "12-import-errors");
    expect((await h.api<Page_<unknown>>(EDITOR, "GET", `/api/t/${UNIT}/sub-units?limit=1`)).body.total).toBe(before);
    await page.locator("dialog[open]").getByRole("button", { name: "取消" }).click();

    // Export what the filters show (towns only), as CSV with the bearer token.
    await page.selectOption("#filter-sub-units-kind", "town");
    await page.waitForURL(/kind=town/);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "导出 CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/下属单位.*\.csv$/);
    const text = await new Promise<string>((resolve, reject) => {
      void download.createReadStream().then((stream) => {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
        stream.on("error", reject);
      });
    });
    const towns = (await h.api<Page_<unknown>>(EDITOR, "GET", `/api/t/${UNIT}/sub-units?kind=town&limit=1`)).body.total;
    expect(text.trim().split(/\r?\n/).length).toBe(towns + 1); // header + one line per town
  });

  it("imports the same file twice without doubling: the second preview marks the repeated row, and skipping it leaves nothing to add", async () => {
    await page.goto(`${h.base}/#/u/${UNIT}/ledger/sub-units`);
    const count = async () => (await h.api<Page_<unknown>>(EDITOR, "GET", `/api/t/${UNIT}/sub-units?limit=1`)).body.total;
    const csv = "名称,类型,对应受援地代码\n重复导入测试镇,镇街,440203\n";
    const importOnce = async () => {
      await page.getByRole("button", { name: "导入", exact: true }).click();
      await page.setInputFiles("#import-file", { name: "towns.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    };
    const before = await count();
    await importOnce();
    await containsText(page.getByTestId("import-counts"), "将新增 1 条");
    await page.getByRole("button", { name: "确认导入" }).click();
    await page.locator("dialog[open]").waitFor({ state: "detached" });
    expect(await count()).toBe(before + 1);
    await importOnce();
    await containsText(page.getByTestId("import-counts"), "重复 1 行");
    await containsText(page.getByTestId("import-counts"), "将新增 0 条");
    await hasAttribute(page.locator('dialog[open] tr[data-row="2"]'), "data-status", "repeated");
    await shot(page, "13-import-repeated");
    // Skipping the repeat (the default) leaves nothing to add; importing it again is a choice to make.
    const confirm = page.getByRole("button", { name: "确认导入" });
    expect(await confirm.isDisabled()).toBe(true);
    await containsText(page.locator("dialog[open]"), "没有要新增的记录。");
    await page.getByLabel("仍全部导入").check();
    await eventually(async () => expect(await confirm.isDisabled()).toBe(false));
    await page.locator("dialog[open]").getByRole("button", { name: "取消" }).click();
    expect(await count()).toBe(before + 1);
  });
});
