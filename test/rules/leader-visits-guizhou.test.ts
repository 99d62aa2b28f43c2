import { describe, expect, it } from "vitest";
import { leaderVisitsGuizhou } from "../../src/rules/catalog/leader-visits-guizhou";
import { evaluate, periodData, visit } from "./fixtures";

// 2022-guangdong-guizhou-pairing-opinions.txt §(十五): the paired cities' and counties' main leaders visit (互访) at least once a year.
const params = leaderVisitsGuizhou.params.parse({});
const guizhou = (over: Parameters<typeof periodData>[0] = {}) => periodData({ program: "gd-guizhou", groupAreas: [{ areaCode: "520324", role: "lead" }], ...over });

describe("leader-visits-guizhou", () => {
  it("passes with one main-leader visit from the recipient side: either direction counts", async () => {
    const result = await evaluate(leaderVisitsGuizhou, guizhou({ activities: [visit("main", "from_recipient", { areaCode: "520324" })] }), params);
    expect(result).toMatchObject({ status: "pass", actual: 1, expected: 1, target: 1, unit: "count" });
    expect(result.evidence).toHaveLength(1);
  });

  it("counts visits both ways", async () => {
    // 1 going + 1 coming = 2
    expect(await evaluate(leaderVisitsGuizhou, guizhou({ activities: [visit("main", "to_recipient", { areaCode: "520324" }), visit("main", "from_recipient", { areaCode: "520324" })] }), params)).toMatchObject({ actual: 2 });
  });

  it("fails at year end with deputies' visits only", async () => {
    const result = await evaluate(leaderVisitsGuizhou, guizhou({ activities: [visit("deputy", "to_recipient", { areaCode: "520324" }), visit("deputy", "from_recipient", { areaCode: "520324" })] }), params);
    expect(result).toMatchObject({ status: "fail", actual: 0, expected: 1 });
  });

  it("at Q1 already expects ceil(1 × 1/4) = 1: the boundary, none warns and one passes", async () => {
    expect(await evaluate(leaderVisitsGuizhou, guizhou({ quarter: 1, activities: [] }), params)).toMatchObject({ status: "warn", actual: 0, expected: 1 });
    expect(await evaluate(leaderVisitsGuizhou, guizhou({ quarter: 1, activities: [visit("main", "to_recipient", { areaCode: "520324", date: "2026-02-01" })] }), params)).toMatchObject({ status: "pass" });
  });

  it("is pro rata with a coordinator's parameter: 1 of 2 passes at Q2 (ceil(2 × 2/4) = 1), fails at year end", async () => {
    const activities = [visit("main", "to_recipient", { areaCode: "520324" })];
    expect(await evaluate(leaderVisitsGuizhou, guizhou({ quarter: 2, activities }), { perYear: 2 })).toMatchObject({ status: "pass", expected: 1, target: 2 });
    expect(await evaluate(leaderVisitsGuizhou, guizhou({ activities }), { perYear: 2 })).toMatchObject({ status: "fail", expected: 2 });
  });

  it("is not applicable to a unit with no paired area in the program", async () => {
    expect(await evaluate(leaderVisitsGuizhou, guizhou({ groupAreas: [], activities: [] }), params)).toMatchObject({ status: "not_applicable", actual: null });
  });
});
