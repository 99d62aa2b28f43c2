import { describe, expect, it } from "vitest";
import { performances } from "../../src/rules/catalog/performances";
import { supplyDemandFairs } from "../../src/rules/catalog/supply-demand-fairs";
import { demonstrationHospitals, schoolPairCount } from "../../src/rules/catalog/term-goals";
import { activity, evaluate, pairing, periodData, subUnit } from "./fixtures";

const ds = (over: Parameters<typeof periodData>[0] = {}) => periodData({ program: "dongguan-shaoguan", term: { startYear: 2022, endYear: 2024 }, year: 2024, ...over });
const at = (date: string) => ({ date });

describe("performances (§三(六): 30 by Shaoguan troupes in Dongguan a year)", () => {
  const params = performances.params.parse({});
  it("counts performances from the recipient side by their quantity; ours to Shaoguan do not count", async () => {
    const shows = [activity("performance", { direction: "from_recipient", quantity: 20, ...at("2024-03-01") }), activity("performance", { direction: "from_recipient", quantity: 10, ...at("2024-09-01") }), activity("performance", { direction: "to_recipient", quantity: 50, ...at("2024-05-01") })];
    // 20 + 10 = 30 ≥ 30 → pass; the 50 going the other way are not Shaoguan troupes in Dongguan
    expect(await evaluate(performances, ds({ activities: shows }), params)).toMatchObject({ status: "pass", actual: 30, target: 30 });
  });
  it("is pro rata: by Q2 15 are due (30 × 2/4), 14 warn", async () => {
    const shows = [activity("performance", { direction: "from_recipient", quantity: 14, ...at("2024-04-01") })];
    expect(await evaluate(performances, ds({ quarter: 2, activities: shows }), params)).toMatchObject({ status: "warn", actual: 14, expected: 15 });
  });
});

describe("supply-demand-fairs (§四(九): one per town–county group a year)", () => {
  const params = supplyDemandFairs.params.parse({});
  it("credits a fair to the town it names, or to the county's only town; not to a town sharing its county", async () => {
    const shilong = subUnit({ name: "石龙镇", areaCode: "440232" });
    const humen = subUnit({ name: "虎门镇", areaCode: "440282" });
    const changan = subUnit({ name: "长安镇", areaCode: "440282" });
    const fairs = [
      activity("job_fair", { areaCode: "440232", ...at("2024-05-01") }), // 乳源's only town: 石龙
      activity("job_fair", { areaCode: "440282", ...at("2024-05-02") }), // 南雄 is shared: credited to neither
      activity("job_fair", { areaCode: "440282", subUnitId: humen.id, ...at("2024-05-03") }), // names 虎门
    ];
    const result = await evaluate(supplyDemandFairs, ds({ subUnits: [shilong, humen, changan], activities: fairs }), params);
    // 石龙 1, 虎门 1, 长安 0 → 2 of 3 at year end → fail
    expect(result).toMatchObject({ status: "fail", actual: 2, expected: 3 });
    expect(result.explanation.zh).toContain("尚未召开：长安镇");
    expect(result.evidence).toHaveLength(3);
  });
  it("is not applicable without towns", async () => {
    expect(await evaluate(supplyDemandFairs, ds(), params)).toMatchObject({ status: "not_applicable" });
  });
});

describe("term goals (§三(四) 70 school pairs / 16 demonstration, §三(五) a demonstration hospital per county)", () => {
  it("counts the city's school pairs in force and its demonstration pairs; warns during the term, fails after it", async () => {
    const params = { ...schoolPairCount.params.parse({}), pairs: 3, demonstration: 1 };
    const unit = { slug: "dongguan" };
    const since = { startDate: "2023-01-01" };
    const pairs = [pairing("school", { ...since, demonstration: true }), pairing("school", since), pairing("school", { startDate: "2025-01-01" })];
    // In force on 2024-12-31: two (the third starts in 2025) → short of 3
    const during = await evaluate(schoolPairCount, { ...ds({ pairings: pairs, today: "2024-12-31" }) }, params, unit);
    expect(during).toMatchObject({ status: "warn", actual: 2, expected: 3 });
    const after = await evaluate(schoolPairCount, ds({ pairings: pairs }), params, unit);
    expect(after).toMatchObject({ status: "fail", actual: 2 });
    expect(await evaluate(schoolPairCount, ds({ pairings: pairs }), params)).toMatchObject({ status: "not_applicable" });
  });
  it("wants a demonstration hospital pair in each of the unit's counties", async () => {
    const params = demonstrationHospitals.params.parse({});
    const areas = [{ areaCode: "440232", role: "lead" as const }, { areaCode: "440282", role: "lead" as const }];
    const hospitals = [pairing("hospital", { areaCode: "440232", startDate: "2023-01-01", demonstration: true }), pairing("hospital", { areaCode: "440282", startDate: "2023-01-01" })];
    // 乳源 has one; 南雄's pair is not a demonstration one → 1 of 2, after the plan's last year → fail
    const result = await evaluate(demonstrationHospitals, ds({ groupAreas: areas, pairings: hospitals }), params);
    expect(result).toMatchObject({ status: "fail", actual: 1, expected: 2 });
    expect(result.explanation.zh).toContain("尚无：440282");
  });
});
