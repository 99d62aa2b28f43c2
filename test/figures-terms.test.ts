/**
 * Figures follow the documents' own terms and deadlines, the same way in the rule, the rollup and the
 * program report: the Dongguan–Shaoguan plan runs 2022–2024 (莞韶指〔2022〕1号), and a quarter's
 * report is due 5 days after the quarter ends (§五(四)); a cadre counts as in post in a year's figures only if
 * in post on the year's last day (the summary's asOf).
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

describe("a cadre's term in the unit's summary", () => {
  type CadreFigures = { asOf: string; summary: { cadres: { inPost: number; byLevel: Record<string, number> }; byArea: Record<string, { cadresInPost: number } | undefined> } };
  const figures = async (year: number) => {
    const { asOf, summary } = (await (await call(h, "GET", `/api/t/dongguan/summary?year=${year}&program=${PROGRAM}`, { token: editor.token })).json()) as CadreFigures;
    return { asOf, inPost: summary.cadres.inPost, deputies: summary.cadres.byLevel.county_deputy ?? 0, inNanxiong: summary.byArea["440282"]?.cadresInPost ?? 0 };
  };

  it("is not in post in the year before the term starts, and is in the year it starts", async () => {
    // Both years inside the plan's 2022–2024 term; other tests add cadres too, so the figures are compared before and after.
    const before = { 2023: await figures(2023), 2024: await figures(2024) };
    expect([before[2023].asOf, before[2024].asOf]).toEqual(["2023-12-31", "2024-12-31"]);
    const cadre = await call(h, "POST", "/api/t/dongguan/cadres", {
      token: editor.token,
      body: { name: `在岗统计测试${Date.now()}`, post: "副县长", level: "county_deputy", hostAreaCode: "440282", program: PROGRAM, startDate: "2024-03-01", plannedEndDate: "2025-02-28" },
    });
    expect(cadre.status).toBe(201);
    // 2023-12-31 is before 2024-03-01: not in post. 2024-12-31 is inside 2024-03-01…2025-02-28: in post, one more everywhere it is counted.
    expect(await figures(2023)).toEqual(before[2023]);
    const after = await figures(2024);
    expect(after).toEqual({ asOf: "2024-12-31", inPost: before[2024].inPost + 1, deputies: before[2024].deputies + 1, inNanxiong: before[2024].inNanxiong + 1 });
  });
});
