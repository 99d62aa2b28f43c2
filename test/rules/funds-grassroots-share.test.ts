import { describe, expect, it } from "vitest";
import { fundsGrassrootsShare } from "../../src/rules/catalog/funds-grassroots-share";
import { evaluate, fund, periodData } from "./fixtures";

// 2022-guangdong-old-revolutionary-areas-pairing.txt §三(二): 80% or more of support funds to the grassroots and livelihoods.
const params = fundsGrassrootsShare.params.parse({});

describe("funds-grassroots-share", () => {
  it("passes at 90%, counting allocations, donations and enterprise investment but not disbursements", async () => {
    const result = await evaluate(fundsGrassrootsShare, 
      periodData({
        funds: [
          fund("allocation", 500_000, { grassroots: true }),
          fund("social_donation", 250_000, { grassroots: true }),
          fund("enterprise_investment", 150_000, { grassroots: true }),
          fund("allocation", 100_000),
          fund("disbursement", 5_000_000),
        ],
      }),
      params,
    );
    // (500,000 + 250,000 + 150,000) / (900,000 + 100,000) = 90%; the 5,000,000 disbursement is not added.
    expect(result).toMatchObject({ status: "pass", actual: 90, expected: 80, target: 80, unit: "percent" });
    expect(result.evidence).toHaveLength(4);
    expect(result.explanation.zh).toContain("10,000.00 元");
  });

  it("fails at year end at 50%", async () => {
    const result = await evaluate(fundsGrassrootsShare, periodData({ funds: [fund("allocation", 100, { grassroots: true }), fund("allocation", 100)] }), params);
    // 100 / 200 = 50% < 80%
    expect(result).toMatchObject({ status: "fail", actual: 50, expected: 80 });
  });

  it("is exact at the boundary: 80.00% passes, 79.99% does not", async () => {
    // 8,000 / 10,000 = 80.00%: 8,000 × 100 = 800,000 ≥ 80 × 10,000 = 800,000
    const at = await evaluate(fundsGrassrootsShare, periodData({ funds: [fund("allocation", 8_000, { grassroots: true }), fund("allocation", 2_000)] }), params);
    expect(at).toMatchObject({ status: "pass", actual: 80 });
    expect(at.explanation.en).toContain("80.00%");
    // 7,999 / 10,000 = 79.99%: 799,900 < 800,000; the whole percent shown is floor(79.99) = 79
    const below = await evaluate(fundsGrassrootsShare, periodData({ funds: [fund("allocation", 7_999, { grassroots: true }), fund("allocation", 2_001)] }), params);
    expect(below).toMatchObject({ status: "fail", actual: 79 });
    expect(below.explanation.en).toContain("79.99%");
  });

  it("is not applicable with no money put in (disbursements alone are not support funds)", async () => {
    expect(await evaluate(fundsGrassrootsShare, periodData({ funds: [] }), params)).toMatchObject({ status: "not_applicable", actual: null, expected: null });
    expect(await evaluate(fundsGrassrootsShare, periodData({ funds: [fund("disbursement", 1_000, { grassroots: true })] }), params)).toMatchObject({ status: "not_applicable" });
  });

  it("warns on a shortfall before the year is over (a share has no pro rata: 80% at every quarter)", async () => {
    const data = periodData({ quarter: 2, funds: [fund("allocation", 700, { grassroots: true }), fund("allocation", 300)] });
    // 700 / 1,000 = 70% < 80% at Q2
    expect(await evaluate(fundsGrassrootsShare, data, params)).toMatchObject({ status: "warn", actual: 70, expected: 80 });
  });

  it("takes a coordinator's parameter", async () => {
    // 70% against a minimum of 70%
    expect(await evaluate(fundsGrassrootsShare, periodData({ funds: [fund("allocation", 700, { grassroots: true }), fund("allocation", 300)] }), { minPercent: 70 })).toMatchObject({
      status: "pass",
      target: 70,
    });
  });
});
