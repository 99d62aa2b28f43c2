import { describe, expect, it } from "vitest";
import { quarterlySubmission } from "../../src/rules/catalog/quarterly-submission";
import type { Scenario } from "./fixtures";
import { evaluate, periodData, submission } from "./fixtures";

// 2022-dongguan-shaoguan-three-year-action-plan.txt §五(四): every group reports to the command office every quarter.
// Due 5 days after the quarter ends: Q1 2026-04-05, Q2 2026-07-05, Q3 2026-10-05, Q4 2027-01-05.
const params = quarterlySubmission.params.parse({});
// Judged on 2026-12-31 unless a test says otherwise: Q4 is not due until 2027-01-05.
const ds = (over: Partial<Scenario> = {}) => periodData({ program: "dongguan-shaoguan", asOf: "2026-12-31", ...over });
const sent = (quarter: number, day: string, over: Record<string, unknown> = {}) => submission(quarter, { submittedAt: `${day}T09:00:00.000Z`, ...over });

describe("quarterly-submission", () => {
  it("passes at year end with Q1–Q3 on time; Q4 is not due until 2027-01-05", async () => {
    const result = await evaluate(quarterlySubmission, 
      ds({ submissions: [sent(1, "2026-04-03"), sent(2, "2026-07-05"), sent(3, "2026-10-02")] }),
      params,
    );
    // due by 2026-12-31: Q1, Q2, Q3; Q2 submitted on its due day is on time
    expect(result).toMatchObject({ status: "pass", actual: 3, expected: 3, target: 4, unit: "count" });
    expect(result.evidence.map((e) => e.label)).toEqual(["2026年第1季度 已提交", "2026年第2季度 已提交", "2026年第3季度 已提交"]);
  });

  it("warns when a report came late", async () => {
    const result = await evaluate(quarterlySubmission, ds({ submissions: [sent(1, "2026-04-03"), sent(2, "2026-07-06"), sent(3, "2026-10-02")] }), params);
    // Q2 on 2026-07-06 > 2026-07-05 → 2 of 3 on time
    expect(result).toMatchObject({ status: "warn", actual: 2, expected: 3 });
    expect(result.explanation.zh).toContain("逾期报送：第2季度（2026-07-06，应于 2026-07-05 前）");
    expect(result.evidence[1]).toMatchObject({ entity: "submission" });
  });

  it("fails when a due report is missing; drafts, reopened reports, other programs and other years do not count", async () => {
    const result = await evaluate(quarterlySubmission, 
      ds({
        submissions: [
          sent(1, "2026-04-03", { status: "reopened" }),
          sent(2, "2026-07-01", { program: "gd-old-areas" }),
          sent(3, "2025-10-01", { year: 2025 }),
          submission(3, { status: "draft", submittedAt: null }),
        ],
      }),
      params,
    );
    // none of the four is a submitted 2026 dongguan-shaoguan report → 0 of 3
    expect(result).toMatchObject({ status: "fail", actual: 0, expected: 3 });
    // evidence lists the unit's submission records of the year for this program (drafts included, with their status)
    expect(result.evidence.every((e) => e.entity === "submission")).toBe(true);
    expect(result.explanation.en).toContain("missing: Q1 (due 2026-04-05), Q2 (due 2026-07-05), Q3 (due 2026-10-05)");
  });

  it("fails on a missing report even when another is late", async () => {
    const result = await evaluate(quarterlySubmission, ds({ quarter: 3, asOf: "2026-09-30", submissions: [sent(1, "2026-04-09")] }), params);
    // Q1 late, Q2 missing; Q3 not due (2026-10-05 > 2026-09-30) → 0 of 2
    expect(result).toMatchObject({ status: "fail", actual: 0, expected: 2 });
  });

  it("counts a report due on the judging day, and only up to the evaluated quarter", async () => {
    // Q1 evaluated on 2026-04-05: Q1 is due that day; Q2 is beyond the evaluated quarter
    expect(await evaluate(quarterlySubmission, ds({ quarter: 1, asOf: "2026-04-05", submissions: [sent(1, "2026-04-05")] }), params)).toMatchObject({ status: "pass", actual: 1, expected: 1 });
    expect(await evaluate(quarterlySubmission, ds({ quarter: 1, asOf: "2026-08-01", submissions: [sent(1, "2026-04-05")] }), params)).toMatchObject({ expected: 1 });
  });

  it("puts Q4's due date in the next year, and takes a coordinator's dueDays", async () => {
    const all = [sent(1, "2026-04-01"), sent(2, "2026-07-01"), sent(3, "2026-10-01"), sent(4, "2027-01-05")];
    expect(await evaluate(quarterlySubmission, ds({ asOf: "2027-01-05", submissions: all }), params)).toMatchObject({ status: "pass", actual: 4, expected: 4 });
    // dueDays 0: Q1 is due on 2026-03-31, so a report on 2026-04-01 is late
    expect(await evaluate(quarterlySubmission, ds({ quarter: 1, asOf: "2026-03-31", submissions: [sent(1, "2026-04-01")] }), { dueDays: 0 })).toMatchObject({ status: "warn", actual: 0, expected: 1 });
  });

  it("is not applicable before the first report is due", async () => {
    // Q1 ends 2026-03-31; its report is due 2026-04-05
    const result = await evaluate(quarterlySubmission, ds({ quarter: 1, asOf: "2026-03-31" }), params);
    expect(result).toMatchObject({ status: "not_applicable", actual: null, expected: null });
    expect(await evaluate(quarterlySubmission, ds({ quarter: 1, asOf: "2026-04-04" }), params)).toMatchObject({ status: "not_applicable" });
  });
});
