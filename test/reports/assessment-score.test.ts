/**
 * The annual assessment's score (src/reports/assessment.ts), computed by hand: each indicator is scaled
 * to the best unit's figure (100), a dimension is its indicators' weighted mean, the total the
 * dimensions' weighted sum (weights in percent), rounded to one decimal; equal totals share a rank.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_WEIGHTS, score, weightsSchema } from "../../src/reports/assessment";

// Only four indicators have figures; every other one is 0 for everyone (and scores 0, never NaN).
const units: { unit: string; name: string; values: Record<string, number> }[] = [
  { unit: "a", name: "甲", values: { funds_in: 1000, grassroots_funds: 0, cadres: 2 } },
  { unit: "b", name: "乙", values: { funds_in: 500, grassroots_funds: 500 } },
  { unit: "c", name: "丙", values: { cadres: 2 } },
  { unit: "d", name: "丁", values: { cadres: 2 } },
];

describe("score()", () => {
  it("scales, weighs and ranks as computed by hand with the default weights (20% a dimension, indicators equal)", () => {
    const scored = score(units, DEFAULT_WEIGHTS);
    // 资金支持: 甲 (100 + 0 + 0) / 3 = 33.3; 乙 (50 + 100 + 0) / 3 = 50.0. 人才支援: 甲, 丙, 丁 (100 + 0 + 0) / 3 = 33.3.
    // Totals: 甲 20% × 33.33 + 20% × 33.33 = 13.3; 乙 20% × 50 = 10.0; 丙 and 丁 20% × 33.33 = 6.7 (a shared rank 3).
    expect(scored.map((s) => [s.unit, s.total, s.rank])).toEqual([
      ["a", 13.3, 1],
      ["b", 10, 2],
      ["c", 6.7, 3],
      ["d", 6.7, 3],
    ]);
    expect(scored[0]!.dimensions).toEqual({ poverty: 0, labour: 0, industry: 0, talent: 33.3, funds: 33.3 });
    expect(scored[1]!.dimensions.funds).toBe(50);
  });

  it("follows the weights kept with the report: dimensions in percent, indicators relative within theirs", () => {
    const weights = weightsSchema.parse({ dimensions: { poverty: 0, labour: 0, industry: 0, talent: 40, funds: 60 }, indicators: { ...DEFAULT_WEIGHTS.indicators, funds_in: 2 } });
    const scored = score(units, weights);
    // 资金支持 with 投入资金 counted twice: 甲 (2 × 100 + 0 + 0) / 4 = 50; 乙 (2 × 50 + 100 + 0) / 4 = 50.
    // Totals: 甲 60% × 50 + 40% × 33.33 = 43.3; 乙 60% × 50 = 30.0; 丙, 丁 40% × 33.33 = 13.3.
    expect(scored.map((s) => [s.unit, s.total, s.rank])).toEqual([
      ["a", 43.3, 1],
      ["b", 30, 2],
      ["c", 13.3, 3],
      ["d", 13.3, 3],
    ]);
    expect(() => weightsSchema.parse({ dimensions: { poverty: 50, labour: 0, industry: 0, talent: 0, funds: 0 } })).toThrow(/权重之和应为 100/);
  });
});
