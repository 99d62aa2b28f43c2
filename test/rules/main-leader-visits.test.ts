import { describe, expect, it } from "vitest";
import { mainLeaderVisits } from "../../src/rules/catalog/main-leader-visits";
import { evaluate, periodData, visit } from "./fixtures";

// 2022-guangdong-old-revolutionary-areas-pairing.txt §三(一): at least 2 main-leader visits a year.
const params = mainLeaderVisits.params.parse({});

describe("main-leader-visits", () => {
  it("passes with two main-leader visits to the area in the year", async () => {
    const result = await evaluate(mainLeaderVisits, periodData({ activities: [visit("main", "to_recipient"), visit("main", "to_recipient")] }), params);
    expect(result).toMatchObject({ status: "pass", actual: 2, expected: 2, target: 2 });
    expect(result.evidence).toHaveLength(2);
  });

  it("fails at year end with one, and does not count deputies or visits from the area", async () => {
    const result = await evaluate(mainLeaderVisits, 
      periodData({ activities: [visit("main", "to_recipient"), visit("deputy", "to_recipient"), visit("main", "from_recipient")] }),
      params,
    );
    expect(result).toMatchObject({ status: "fail", actual: 1, expected: 2 });
  });

  it("is pro rata within the year: one visit by Q2 passes (ceil(2 × 2/4) = 1), none by Q2 warns", async () => {
    expect(await evaluate(mainLeaderVisits, periodData({ quarter: 2, activities: [visit("main", "to_recipient")] }), params)).toMatchObject({ status: "pass", expected: 1 });
    expect(await evaluate(mainLeaderVisits, periodData({ quarter: 2, activities: [] }), params)).toMatchObject({ status: "warn", actual: 0, expected: 1 });
  });

  it("at Q1 expects ceil(0.5) = 1 visit: the boundary", async () => {
    expect(await evaluate(mainLeaderVisits, periodData({ quarter: 1, activities: [] }), params)).toMatchObject({ status: "warn", expected: 1 });
  });

  it("takes a coordinator's parameter", async () => {
    expect(await evaluate(mainLeaderVisits, periodData({ activities: [visit("main", "to_recipient")] }), { perYear: 1 })).toMatchObject({ status: "pass", target: 1 });
  });
});
