import { describe, expect, it } from "vitest";
import { projectsGrassrootsShare } from "../../src/rules/catalog/projects-grassroots-share";
import { evaluate, periodData, project } from "./fixtures";

// 2022-guangdong-old-revolutionary-areas-pairing.txt §三(二): 80% or more of support projects to the grassroots and livelihoods.
const params = projectsGrassrootsShare.params.parse({});
const grassroots = (n: number) => Array.from({ length: n }, () => project({ grassroots: true }));
const other = (n: number) => Array.from({ length: n }, () => project({ grassroots: false }));

describe("projects-grassroots-share", () => {
  it("passes at 90% of the projects started this year", async () => {
    const result = await evaluate(projectsGrassrootsShare, periodData({ projects: [...grassroots(9), ...other(1)] }), params);
    // 9 / 10 = 90%
    expect(result).toMatchObject({ status: "pass", actual: 90, expected: 80, target: 80, unit: "percent" });
    expect(result.evidence).toHaveLength(10);
  });

  it("counts only projects started in the year to the period's end, by start date or else by the day recorded", async () => {
    const data = periodData({
      projects: [
        ...grassroots(3),
        project({ grassroots: true, startDate: null, createdAt: "2026-02-10T08:00:00.000Z" }),
        project({ grassroots: false, startDate: "2025-06-01" }),
        project({ grassroots: false, startDate: null, createdAt: "2025-12-31T23:00:00.000Z" }),
        ...other(1),
      ],
    });
    // in the year: 3 + 1 (recorded 2026-02-10) grassroots, 1 other → 4 / 5 = 80%; the two 2025 projects are left out
    expect(await evaluate(projectsGrassrootsShare, data, params)).toMatchObject({ status: "pass", actual: 80 });
  });

  it("fails at year end at 50%", async () => {
    // 2 / 4 = 50%
    expect(await evaluate(projectsGrassrootsShare, periodData({ projects: [...grassroots(2), ...other(2)] }), params)).toMatchObject({ status: "fail", actual: 50 });
  });

  it("is exact at the boundary: 8 of 10 (80.00%) passes, 7,999 of 10,000 (79.99%) does not", async () => {
    expect(await evaluate(projectsGrassrootsShare, periodData({ projects: [...grassroots(8), ...other(2)] }), params)).toMatchObject({ status: "pass", actual: 80 });
    // 7,999 × 100 = 799,900 < 80 × 10,000 = 800,000; floor(79.99) = 79
    const below = await evaluate(projectsGrassrootsShare, periodData({ projects: [...grassroots(7_999), ...other(2_001)] }), params);
    expect(below).toMatchObject({ status: "fail", actual: 79 });
    expect(below.explanation.zh).toContain("79.99%");
  });

  it("is not applicable when no project started this year", async () => {
    expect(await evaluate(projectsGrassrootsShare, periodData({ projects: [project({ startDate: "2025-03-01" })] }), params)).toMatchObject({
      status: "not_applicable",
      actual: null,
    });
  });

  it("warns on a shortfall before the year is over, leaving out projects starting after the quarter", async () => {
    const data = periodData({
      quarter: 2,
      projects: [...grassroots(3), ...other(1), project({ grassroots: true, startDate: "2026-09-01" })],
    });
    // Q2 ends 2026-06-30: 3 / 4 = 75% < 80% → warn; the September project does not count yet
    expect(await evaluate(projectsGrassrootsShare, data, params)).toMatchObject({ status: "warn", actual: 75, expected: 80 });
  });
});
