import { describe, expect, it } from "vitest";
import { jointMeetingsDongguan, jointMeetingsGuizhou } from "../../src/rules/catalog/joint-meetings";
import { evaluate, activity, periodData } from "./fixtures";

// 2022-guangdong-guizhou-pairing-opinions.txt §(十五): at least 1 joint meeting a year.
// 2022-dongguan-shaoguan-three-year-action-plan.txt §五(一): at least 2 dedicated joint meetings a year.
const meeting = () => activity("joint_meeting");
const meetings = (n: number) => Array.from({ length: n }, meeting);

describe("joint-meetings-guizhou", () => {
  const params = jointMeetingsGuizhou.params.parse({});
  const guizhou = (over: Parameters<typeof periodData>[0] = {}) => periodData({ program: "gd-guizhou", groupAreas: [{ areaCode: "520324", role: "lead" }], ...over });

  it("passes with one joint meeting", async () => {
    const result = await evaluate(jointMeetingsGuizhou, guizhou({ activities: [meeting()] }), params);
    expect(result).toMatchObject({ status: "pass", actual: 1, expected: 1, target: 1, unit: "count" });
    expect(result.evidence).toHaveLength(1);
  });

  it("fails at year end with none; other activities do not count", async () => {
    expect(await evaluate(jointMeetingsGuizhou, guizhou({ activities: [activity("seminar"), activity("visit")] }), params)).toMatchObject({ status: "fail", actual: 0, expected: 1 });
  });

  it("warns at Q1 with none: ceil(1 × 1/4) = 1 is due", async () => {
    expect(await evaluate(jointMeetingsGuizhou, guizhou({ quarter: 1, activities: [] }), params)).toMatchObject({ status: "warn", expected: 1 });
  });

  it("is not applicable to a unit with no paired area in the program", async () => {
    expect(await evaluate(jointMeetingsGuizhou, guizhou({ groupAreas: [] }), params)).toMatchObject({ status: "not_applicable" });
  });
});

describe("joint-meetings-dongguan", () => {
  const params = jointMeetingsDongguan.params.parse({});
  const dongguan = (over: Parameters<typeof periodData>[0] = {}) => periodData({ program: "dongguan-shaoguan", groupAreas: [{ areaCode: "440232", role: "lead" }], ...over });

  it("passes with two joint meetings: the boundary", async () => {
    expect(await evaluate(jointMeetingsDongguan, dongguan({ activities: meetings(2) }), params)).toMatchObject({ status: "pass", actual: 2, expected: 2, target: 2 });
  });

  it("fails at year end with one", async () => {
    expect(await evaluate(jointMeetingsDongguan, dongguan({ activities: meetings(1) }), params)).toMatchObject({ status: "fail", actual: 1, expected: 2 });
  });

  it("is pro rata: one passes at Q2 (ceil(2 × 2/4) = 1), one warns at Q3 (ceil(2 × 3/4) = 2)", async () => {
    expect(await evaluate(jointMeetingsDongguan, dongguan({ quarter: 2, activities: meetings(1) }), params)).toMatchObject({ status: "pass", expected: 1 });
    expect(await evaluate(jointMeetingsDongguan, dongguan({ quarter: 3, activities: meetings(1) }), params)).toMatchObject({ status: "warn", expected: 2 });
  });

  it("is not applicable to a unit with no paired area in the program", async () => {
    expect(await evaluate(jointMeetingsDongguan, dongguan({ groupAreas: [] }), params)).toMatchObject({ status: "not_applicable" });
  });

  it("takes a coordinator's parameter", async () => {
    expect(await evaluate(jointMeetingsDongguan, dongguan({ activities: meetings(2) }), { perYear: 3 })).toMatchObject({ status: "fail", target: 3 });
  });
});
