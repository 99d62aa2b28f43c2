/**
 * The defects found when the first version was tried against the documents (issue "Figures you can
 * trust"), each as the rule now reads its clause. Every case failed before the figures pipeline.
 */
import { describe, expect, it } from "vitest";
import { cadreTerms } from "../../src/rules/catalog/cadre-terms";
import { fiveHaves } from "../../src/rules/catalog/five-haves";
import { hospitalContacts } from "../../src/rules/catalog/hospital-pairs";
import { jointMeetingsDongguan } from "../../src/rules/catalog/joint-meetings";
import { mainLeaderVisits } from "../../src/rules/catalog/main-leader-visits";
import { activity, cadre, evaluate, pairing, periodData, visit } from "./fixtures";

describe("what counts, as the documents say", () => {
  it("a main-leader visit counts only in the unit's own recipient area (§三(一) 赴受援地)", async () => {
    const params = mainLeaderVisits.params.parse({});
    // group area 440282 南雄; one visit there, one to 440232 乳源 (another unit's county)
    const result = await evaluate(mainLeaderVisits, periodData({ activities: [visit("main", "to_recipient"), visit("main", "to_recipient", { areaCode: "440232" })] }), params);
    expect(result).toMatchObject({ actual: 1, status: "fail" });
    expect(result.evidence).toHaveLength(1);
  });

  it("a pairing is not judged before it starts, and one that starts mid-year owes its part from its start quarter", async () => {
    const params = hospitalContacts.params.parse({});
    const future = pairing("hospital", { startDate: "2027-03-01" });
    expect(await evaluate(hospitalContacts, periodData({ pairings: [future] }), params)).toMatchObject({ status: "not_applicable" });
    // Started 2026-07-01 (Q3): owes ceil(2 × 2/4) = 1 contact by year end, not 2.
    const late = pairing("hospital", { startDate: "2026-07-01" });
    const one = activity("visit", { pairingId: late.id, date: "2026-09-01" });
    expect(await evaluate(hospitalContacts, periodData({ pairings: [late], activities: [one] }), params)).toMatchObject({ status: "pass", actual: 1 });
  });

  it("a cadre who starts in 2026 is not in post in 2024", async () => {
    const params = cadreTerms.params.parse({});
    const later = cadre({ startDate: "2026-03-01", plannedEndDate: "2027-02-28" });
    expect(await evaluate(cadreTerms, periodData({ year: 2024, cadres: [later] }), params)).toMatchObject({ status: "not_applicable" });
  });

  it("a year under way is not failed in Q4: on 2026-12-01 a missing visit warns", async () => {
    const params = mainLeaderVisits.params.parse({});
    expect(await evaluate(mainLeaderVisits, periodData({ quarter: 4, today: "2026-12-01" }), params)).toMatchObject({ status: "warn", expected: 2 });
    expect(await evaluate(mainLeaderVisits, periodData({ quarter: 4, today: "2027-01-01" }), params)).toMatchObject({ status: "fail" });
  });

  it("Dongguan's joint meetings are held by each paired department (§五(一) 各对口部门)", async () => {
    const params = jointMeetingsDongguan.params.parse({});
    const health = pairing("department", { counterpart: "韶关市卫生健康局" });
    const education = pairing("department", { counterpart: "韶关市教育局" });
    const meetings = [activity("joint_meeting", { pairingId: health.id, date: "2026-03-01" }), activity("joint_meeting", { pairingId: health.id, date: "2026-09-01" }), activity("joint_meeting", { pairingId: education.id, date: "2026-06-01" })];
    // health 2 ≥ 2, education 1 < 2 → 1 of 2 departments at year end; the unit's 3 meetings in total would have passed
    const result = await evaluate(jointMeetingsDongguan, periodData({ program: "dongguan-shaoguan", groupAreas: [{ areaCode: "440232", role: "lead" }], pairings: [health, education], activities: meetings }), params);
    expect(result).toMatchObject({ status: "fail", actual: 1, expected: 2, unit: "pairs" });
    expect(result.explanation.zh).toContain("韶关市教育局 1 次");
  });

  it("the dedicated group and the three-year plan are not re-recorded every year (§五(二)), but must be of the plan's term", async () => {
    const docs = (year: number) => ["dedicated_group", "three_year_plan"].map((documentType) => activity("plan_document", { documentType, date: `${year}-02-01` }));
    const annual = ["annual_plan", "annual_task_list", "completion_dates"].map((documentType) => activity("plan_document", { documentType, date: "2024-02-01" }));
    const ds = { program: "dongguan-shaoguan", year: 2024, term: { startYear: 2022, endYear: 2024 } };
    expect(await evaluate(fiveHaves, periodData({ ...ds, activities: [...docs(2022), ...annual] }), {})).toMatchObject({ status: "pass", actual: 5 });
    // From before the term (2021): they do not count
    expect(await evaluate(fiveHaves, periodData({ ...ds, activities: [...docs(2021), ...annual] }), {})).toMatchObject({ status: "fail", actual: 3 });
  });

  it("a quarter's window ends at its end: a November record is not in 2026-Q3", async () => {
    const november = visit("main", "to_recipient", { date: "2026-11-10" });
    expect(await evaluate(mainLeaderVisits, periodData({ quarter: 3, today: "2026-12-01", activities: [november] }), { perYear: 1 })).toMatchObject({ actual: 0 });
    expect(await evaluate(mainLeaderVisits, periodData({ quarter: 4, today: "2026-12-01", activities: [november] }), { perYear: 1 })).toMatchObject({ actual: 1 });
  });
});
