import { describe, expect, it } from "vitest";
import { fiveHaves } from "../../src/rules/catalog/five-haves";
import { evaluate, activity, periodData } from "./fixtures";

// 2022-dongguan-shaoguan-three-year-action-plan.txt §五(二): the five haves — a dedicated group, a three-year plan,
// an annual plan, an annual task list, completion dates.
const params = fiveHaves.params.parse({});
const doc = (documentType: string, date = "2026-02-01") => activity("plan_document", { documentType, date });
const ALL = ["dedicated_group", "three_year_plan", "annual_plan", "annual_task_list", "completion_dates"];

describe("five-haves", () => {
  it("passes with all five", async () => {
    const result = await evaluate(fiveHaves, periodData({ activities: ALL.map((t) => doc(t)) }), params);
    expect(result).toMatchObject({ status: "pass", actual: 5, expected: 5, target: 5, unit: "count" });
    expect(result.evidence).toHaveLength(5);
  });

  it("fails at year end with three, listing the missing ones", async () => {
    const result = await evaluate(fiveHaves, periodData({ activities: [doc("dedicated_group"), doc("three_year_plan"), doc("annual_plan"), activity("other")] }), params);
    // 5 − 2 missing = 3
    expect(result).toMatchObject({ status: "fail", actual: 3, expected: 5 });
    expect(result.explanation.zh).toBe("“五有”已具备 3 项（共 5 项）；尚缺：有年度工作任务清单、有实施完成时间。");
    expect(result.explanation.en).toBe("3 of the 5 haves are in place; missing: an annual task list, completion dates.");
  });

  it("accepts the group and three-year plan from an earlier year, but not last year's annual documents", async () => {
    const activities = [doc("dedicated_group", "2024-03-01"), doc("three_year_plan", "2025-01-10"), doc("annual_plan", "2025-12-20"), doc("annual_task_list"), doc("completion_dates")];
    const result = await evaluate(fiveHaves, periodData({ activities }), params);
    // the 2025 annual plan does not cover 2026 → 4 of 5
    expect(result).toMatchObject({ status: "fail", actual: 4 });
    expect(result.explanation.en).toContain("missing: an annual plan");
  });

  it("warns before year end when one is missing", async () => {
    const result = await evaluate(fiveHaves, periodData({ quarter: 2, asOf: "2026-06-30", activities: ALL.slice(0, 4).map((t) => doc(t)) }), params);
    expect(result).toMatchObject({ status: "warn", actual: 4, expected: 5 });
  });
});
