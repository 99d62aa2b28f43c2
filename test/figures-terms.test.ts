/**
 * Figures follow the documents' own terms and deadlines, the same way in the rule, the rollup and the
 * program report: the Dongguan–Shaoguan plan runs 2022–2024 (莞韶指〔2022〕1号), and a quarter's
 * report is due 5 days after the quarter ends (§五(四)).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportDocument } from "../src/reports/document";
import { issueReport } from "../src/reports/issue";
import { call, makeUser, startHarness, type Harness, type TestUser } from "./support/harness";

const PROGRAM = "dongguan-shaoguan";
let h: Harness;
let editor: TestUser;
let coordinator: TestUser;

beforeAll(async () => {
  h = await startHarness();
  editor = await makeUser(h, "unit_editor", { unit: "dongguan" });
  coordinator = await makeUser(h, "coordinator", { programs: [PROGRAM] });
}, 120_000);
afterAll(() => h.close());

describe("a program's term", () => {
  it("judges no rule and issues no report for a year outside it, saying why", async () => {
    const compliance = await (await call(h, "GET", "/api/t/dongguan/compliance?year=2026&quarter=3", { token: editor.token })).json();
    const plan = compliance.programs.find((p: { program: string }) => p.program === PROGRAM);
    expect(plan.inTerm).toBe(false);
    expect(plan.results.every((r: { status: string }) => r.status === "not_applicable")).toBe(true);
    expect(plan.results[0].explanation.zh).toContain("2022—2024");

    const run = await call(h, "POST", `/api/programs/${PROGRAM}/reports/run`, { token: coordinator.token, body: { job: "quarterly", year: 2026, quarter: 3 } });
    expect(run.status).toBe(422);
    const { error } = await run.json();
    expect(error.code).toBe("UNPROCESSABLE");
    expect(error.message).toContain("2022—2024");
  });
});

describe("a late quarterly submission", () => {
  it("is late in the rule, listed late (not missing) in the rollup, and named in the program report", async () => {
    // 2024 Q3 was due on 2024-10-05; submitted today (after that day) it is late.
    const draft = await (await call(h, "POST", "/api/t/dongguan/submissions", { token: editor.token, body: { year: 2024, quarter: 3, program: PROGRAM, progress: "第三季度进展" } })).json();
    expect((await call(h, "POST", `/api/t/dongguan/submissions/${draft.id}/submit`, { token: editor.token, headers: { "if-match": `"${draft.version}"` } })).status).toBe(200);

    const compliance = await (await call(h, "GET", "/api/t/dongguan/compliance?year=2024&quarter=3", { token: editor.token })).json();
    const rule = compliance.programs.find((p: { program: string }) => p.program === PROGRAM).results.find((r: { rule: string }) => r.rule === "quarterly-submission");
    // Q1 and Q2 were never submitted (missing → fail), Q3 late
    expect(rule).toMatchObject({ status: "fail", actual: 0, expected: 3 });
    expect(rule.explanation.zh).toContain("逾期报送：第3季度");

    const rollup = await (await call(h, "GET", `/api/programs/${PROGRAM}/rollup?year=2024&quarter=3`, { token: coordinator.token })).json();
    expect(rollup.submittedLate).toEqual(["dongguan"]);
    expect(rollup.notSubmitted).not.toContain("dongguan");

    const report = (await issueReport(h.services, { kind: "program_quarterly", program: PROGRAM, period: { year: 2024, quarter: 3 }, actor: "test" })).report.content as { document: ReportDocument };
    const text = report.document.sections.flatMap((s) => s.paragraphs).join("\n");
    // 东莞市 is the program's one unit: all submitted, one of them late — never "on time"
    expect(text).toContain("各单位均已提交第三季度报送，其中逾期提交：东莞市。");
    expect(text).not.toContain("按期提交");
  });
});
