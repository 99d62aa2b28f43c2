import { describe, expect, it } from "vitest";
import { cadreTerms } from "../../src/rules/catalog/cadre-terms";
import { evaluate, cadre, periodData } from "./fixtures";

// 2022-guangdong-old-revolutionary-areas-pairing.txt §二(二): a batch of cadres serves 3 years;
// 2022-dongguan-shaoguan-three-year-action-plan.txt §二(三): a secondment lasts one year.
// Judged on 2026-12-31; 90 days later is 2027-03-31 (31 in January + 28 in February + 31 in March = 90).
const params = cadreTerms.params.parse({});

describe("cadre-terms", () => {
  it("passes when every cadre in post ends more than 90 days ahead", async () => {
    const result = await evaluate(cadreTerms, periodData({ cadres: [cadre({ plannedEndDate: "2027-12-20" }), cadre({ plannedEndDate: "2027-04-01" })] }), params);
    // 2027-04-01 is 91 days after 2026-12-31
    expect(result).toMatchObject({ status: "pass", actual: 2, expected: 2, target: 2, unit: "cadres", evidence: [] });
  });

  it("warns for a term ending exactly 90 days after the judging day, and for one ending that day", async () => {
    const ending = cadre({ plannedEndDate: "2027-03-31" });
    const result = await evaluate(cadreTerms, periodData({ cadres: [ending, cadre()] }), params);
    expect(result).toMatchObject({ status: "warn", actual: 1, expected: 2 });
    // Evidence: the cadres behind the figure, by post and term, never by name.
    expect(result.evidence).toEqual([{ entity: "cadre", id: ending.id, date: "2027-03-31", label: "副县长（挂职） 440282 2024-12-20—2027-03-31", value: null }]);
    expect(result.explanation.zh).toContain("90 天内（2027-03-31 前）期满 1 名，请安排轮换");
    expect(await evaluate(cadreTerms, periodData({ cadres: [cadre({ plannedEndDate: "2026-12-31" })] }), params)).toMatchObject({ status: "warn", actual: 0 });
  });

  it("fails when a cadre is still in post after the planned end, listing overdue and ending terms", async () => {
    const overdue = cadre({ plannedEndDate: "2026-12-30", post: "县长助理（挂职）" });
    const ending = cadre({ plannedEndDate: "2027-01-15" });
    const result = await evaluate(cadreTerms, periodData({ cadres: [overdue, ending, cadre()] }), params);
    // 1 overdue + 1 ending of 3 in post → 1 in order
    expect(result).toMatchObject({ status: "fail", actual: 1, expected: 3 });
    expect(result.evidence.map((e) => e.id)).toEqual([overdue.id, ending.id]);
    expect(result.explanation.en).toContain("1 still in post past the planned end: 1 in 440282 (2026-12-30)");
  });

  it("names the host area in its text when the judge knows the name (the rollup and reports do)", async () => {
    const data = { ...periodData({ cadres: [cadre({ plannedEndDate: "2026-12-30" })] }), areaNames: new Map([["440282", { fullName: "广东省韶关市南雄市" }]]) };
    const result = await evaluate(cadreTerms, data, params);
    expect(result.explanation.zh).toContain("广东省韶关市南雄市 1 名（2026-12-30）");
    expect(result.explanation.zh).not.toContain("440282");
    // Its evidence too, as the 核查依据 list shows it.
    expect(result.evidence.map((e) => e.label)).toEqual([expect.stringContaining("副县长（挂职） 广东省韶关市南雄市 ")]);
  });

  it("never puts a cadre's name in the evidence", async () => {
    const result = await evaluate(cadreTerms, periodData({ cadres: [cadre({ name: "张三", plannedEndDate: "2026-06-30" })] }), params);
    expect(JSON.stringify(result)).not.toContain("张三");
  });

  it("counts days in UTC across a leap February, with a coordinator's warnDays", async () => {
    // 2028-02-01 + 30 days = 2028-03-02 (29 days in February 2028)
    const data = (plannedEndDate: string) => periodData({ year: 2028, asOf: "2028-02-01", cadres: [cadre({ plannedEndDate })] });
    expect(await evaluate(cadreTerms, data("2028-03-02"), { warnDays: 30 })).toMatchObject({ status: "warn" });
    expect(await evaluate(cadreTerms, data("2028-03-03"), { warnDays: 30 })).toMatchObject({ status: "pass" });
  });

  it("is not applicable when no cadre is in post", async () => {
    const result = await evaluate(cadreTerms, periodData({ cadres: [cadre({ status: "completed", plannedEndDate: "2025-12-20" }), cadre({ status: "recalled" })] }), params);
    expect(result).toMatchObject({ status: "not_applicable", actual: null, unit: "cadres" });
  });
});
