import { describe, expect, it } from "vitest";
import { tourismPromotions } from "../../src/rules/catalog/tourism-promotions";
import { evaluate, activity, periodData } from "./fixtures";

// 2022-dongguan-shaoguan-three-year-action-plan.txt §四(十): at least 2 themed tourism promotion events a year.
const params = tourismPromotions.params.parse({});
const promotion = (quantity = 0) => activity("promotion_event", { quantity });

describe("tourism-promotions", () => {
  it("passes with two events, an entry without a quantity counting one", async () => {
    const result = await evaluate(tourismPromotions, periodData({ activities: [promotion(), promotion(1), activity("performance", { quantity: 5 })] }), params);
    // max(1, 0) + max(1, 1) = 2; the performances are another kind
    expect(result).toMatchObject({ status: "pass", actual: 2, expected: 2, target: 2 });
    expect(result.evidence).toHaveLength(2);
  });

  it("counts an entry's quantity when above one", async () => {
    const result = await evaluate(tourismPromotions, periodData({ activities: [promotion(3)] }), params);
    expect(result).toMatchObject({ status: "pass", actual: 3 });
    expect(result.evidence[0]).toMatchObject({ value: 3 });
  });

  it("fails at year end with one", async () => {
    expect(await evaluate(tourismPromotions, periodData({ activities: [promotion()] }), params)).toMatchObject({ status: "fail", actual: 1, expected: 2 });
  });

  it("is pro rata: one by Q2 passes (ceil(2 × 2/4) = 1), none by Q1 warns (ceil(0.5) = 1)", async () => {
    expect(await evaluate(tourismPromotions, periodData({ quarter: 2, activities: [promotion()] }), params)).toMatchObject({ status: "pass", expected: 1 });
    expect(await evaluate(tourismPromotions, periodData({ quarter: 1 }), params)).toMatchObject({ status: "warn", actual: 0, expected: 1 });
  });
});
