import { describe, expect, it } from "vitest";
import { jointMeetingsDongguan, jointMeetingsGuizhou } from "../../src/rules/catalog/joint-meetings";
import { activity, periodData } from "./fixtures";

// 2022-guangdong-guizhou-pairing-opinions.txt §(十五): at least 1 joint meeting a year.
// 2022-dongguan-shaoguan-three-year-action-plan.txt §五(一): at least 2 dedicated joint meetings a year.
const meeting = () => activity("joint_meeting");
const meetings = (n: number) => Array.from({ length: n }, meeting);

describe("joint-meetings-guizhou", () => {
  const params = jointMeetingsGuizhou.params.parse({});
  const guizhou = (over: Parameters<typeof periodData>[0] = {}) => periodData({ program: "gd-guizhou", groupAreas: [{ areaCode: "520324", role: "lead" }], ...over });

  it("passes with one joint meeting", () => {
    const result = jointMeetingsGuizhou.evaluate(guizhou({ activities: [meeting()] }), params);
    expect(result).toMatchObject({ status: "pass", actual: 1, expected: 1, target: 1, unit: "count" });
    expect(result.evidence).toHaveLength(1);
  });

  it("fails at year end with none; other activities do not count", () => {
    expect(jointMeetingsGuizhou.evaluate(guizhou({ activities: [activity("seminar"), activity("visit")] }), params)).toMatchObject({ status: "fail", actual: 0, expected: 1 });
  });

  it("warns at Q1 with none: ceil(1 × 1/4) = 1 is due", () => {
    expect(jointMeetingsGuizhou.evaluate(guizhou({ quarter: 1, activities: [] }), params)).toMatchObject({ status: "warn", expected: 1 });
  });

  it("is not applicable to a unit with no paired area in the program", () => {
    expect(jointMeetingsGuizhou.evaluate(guizhou({ groupAreas: [] }), params)).toMatchObject({ status: "not_applicable" });
  });
});

describe("joint-meetings-dongguan", () => {
  const params = jointMeetingsDongguan.params.parse({});
  const dongguan = (over: Parameters<typeof periodData>[0] = {}) => periodData({ program: "dongguan-shaoguan", groupAreas: [{ areaCode: "440232", role: "lead" }], ...over });

  it("passes with two joint meetings: the boundary", () => {
    expect(jointMeetingsDongguan.evaluate(dongguan({ activities: meetings(2) }), params)).toMatchObject({ status: "pass", actual: 2, expected: 2, target: 2 });
  });

  it("fails at year end with one", () => {
    expect(jointMeetingsDongguan.evaluate(dongguan({ activities: meetings(1) }), params)).toMatchObject({ status: "fail", actual: 1, expected: 2 });
  });

  it("is pro rata: one passes at Q2 (ceil(2 × 2/4) = 1), one warns at Q3 (ceil(2 × 3/4) = 2)", () => {
    expect(jointMeetingsDongguan.evaluate(dongguan({ quarter: 2, activities: meetings(1) }), params)).toMatchObject({ status: "pass", expected: 1 });
    expect(jointMeetingsDongguan.evaluate(dongguan({ quarter: 3, activities: meetings(1) }), params)).toMatchObject({ status: "warn", expected: 2 });
  });

  it("is not applicable to a unit with no paired area in the program", () => {
    expect(jointMeetingsDongguan.evaluate(dongguan({ groupAreas: [] }), params)).toMatchObject({ status: "not_applicable" });
  });

  it("takes a coordinator's parameter", () => {
    expect(jointMeetingsDongguan.evaluate(dongguan({ activities: meetings(2) }), { perYear: 3 })).toMatchObject({ status: "fail", target: 3 });
  });
});
