import { describe, expect, it } from "vitest";
import { jobPostingsFromRecipient, jobPostingsToRecipient } from "../../src/rules/catalog/job-postings";
import { evaluate, activity, periodData } from "./fixtures";

// 2022-dongguan-shaoguan-three-year-action-plan.txt §四(九): Dongguan sends Shaoguan 10,000 job postings a year,
// Shaoguan sends Dongguan 5,000.
const toParams = jobPostingsToRecipient.params.parse({});
const fromParams = jobPostingsFromRecipient.params.parse({});
const postings = (direction: "to_recipient" | "from_recipient", quantity: number) => activity("job_posting", { direction, quantity });

describe("job-postings-to-recipient", () => {
  it("passes at exactly 10,000 postings sent, not counting those received", async () => {
    const result = await evaluate(jobPostingsToRecipient, periodData({ activities: [postings("to_recipient", 6_000), postings("to_recipient", 4_000), postings("from_recipient", 3_000)] }), toParams);
    // 6,000 + 4,000 = 10,000
    expect(result).toMatchObject({ status: "pass", actual: 10_000, expected: 10_000, target: 10_000, unit: "count" });
    expect(result.evidence.map((e) => e.value)).toEqual([6_000, 4_000]);
  });

  it("fails at year end at 9,999", async () => {
    expect(await evaluate(jobPostingsToRecipient, periodData({ activities: [postings("to_recipient", 9_999)] }), toParams)).toMatchObject({ status: "fail", actual: 9_999, expected: 10_000 });
  });

  it("is pro rata: 5,000 due by Q2 (10,000 × 2/4), 2,500 by Q1", async () => {
    expect(await evaluate(jobPostingsToRecipient, periodData({ quarter: 2, activities: [postings("to_recipient", 5_000)] }), toParams)).toMatchObject({ status: "pass", expected: 5_000 });
    const q1 = await evaluate(jobPostingsToRecipient, periodData({ quarter: 1, activities: [{ ...postings("to_recipient", 2_499), date: "2026-02-01" }] }), toParams);
    expect(q1).toMatchObject({ status: "warn", actual: 2_499, expected: 2_500 });
    expect(q1.explanation.zh).toBe("本年度向受援地提供岗位信息 2499 个；全年要求不少于 10000 个，截至本期应达 2500 个。");
  });
});

describe("job-postings-from-recipient", () => {
  it("passes at exactly 5,000 postings received, not counting those sent", async () => {
    const result = await evaluate(jobPostingsFromRecipient, periodData({ activities: [postings("from_recipient", 5_000), postings("to_recipient", 10_000)] }), fromParams);
    expect(result).toMatchObject({ status: "pass", actual: 5_000, expected: 5_000, target: 5_000 });
  });

  it("fails at year end at 4,999, and with none", async () => {
    expect(await evaluate(jobPostingsFromRecipient, periodData({ activities: [postings("from_recipient", 4_999)] }), fromParams)).toMatchObject({ status: "fail", actual: 4_999 });
    expect(await evaluate(jobPostingsFromRecipient, periodData(), fromParams)).toMatchObject({ status: "fail", actual: 0, evidence: [] });
  });

  it("is pro rata: 3,750 due by Q3 (5,000 × 3/4); 3,749 warns", async () => {
    expect(await evaluate(jobPostingsFromRecipient, periodData({ quarter: 3, activities: [postings("from_recipient", 3_749)] }), fromParams)).toMatchObject({ status: "warn", expected: 3_750 });
  });
});
