/**
 * 2022-dongguan-shaoguan-three-year-action-plan.txt §三(四)
 * 「深化学校结对帮扶，支持并推动东莞韶关 70 对学校（其中基础教育 60 对学校，职业教育 10 对学校）“一对一”结对帮扶，集中优势资源打造 16 对示范结对学校」
 * 2022-dongguan-shaoguan-three-year-action-plan.txt §三(五)
 * 「在韶关市各县（市、区）重点打造1所具有结对帮扶示范效应的医院」
 * Goals for the plan's term: 70 school pairs, 16 of them demonstration pairs; one demonstration
 * hospital in every county.
 *
 * School pairs: pairings of kind `school` in force on the judging day, and of those the ones marked
 * demonstration (示范结对). The split into 60 basic and 10 vocational pairs is not recorded, so it is
 * not checked. The goal is the city's (东莞市 records the pairs of its towns and schools), so it binds
 * the units in `units`. Hospitals: for each of the unit's recipient counties in the program, a
 * hospital pairing marked demonstration in force in that county. Both are goals of the term: short
 * of them warns while the term runs and fails once its last year is over.
 */
import { z } from "zod";
import { pairsInForce } from "../pairs";
import { noGroupArea, notApplicable } from "../progress";
import { areaName, defineRule, type RuleInput } from "../types";

const DS = "2022-dongguan-shaoguan-three-year-action-plan.txt";

/** A term goal falls short: warn until the term's last year is over. */
const shortOfTermGoal = (input: RuleInput) => (input.period.yearOver && input.period.year >= input.term.endYear ? "fail" : "warn");

export const schoolPairCount = defineRule({
  id: "school-pair-count",
  title: (p) => ({ zh: `推动${p.pairs}对学校结对帮扶，打造${p.demonstration}对示范结对学校`, en: `${p.pairs} school pairs, ${p.demonstration} of them demonstration pairs` }),
  clause: `${DS} §三(四)`,
  quote: "深化学校结对帮扶，支持并推动东莞韶关 70 对学校（其中基础教育 60 对学校，职业教育 10 对学校）“一对一”结对帮扶，集中优势资源打造 16 对示范结对学校",
  period: "term",
  programs: ["dongguan-shaoguan"],
  params: z.object({ pairs: z.number().int().min(0).max(10_000).default(70), demonstration: z.number().int().min(0).max(10_000).default(16), units: z.array(z.string()).default(["dongguan"]) }),
  facts: ["pairings"],
  evaluate(input, params) {
    if (!params.units.includes(input.unit.slug)) return notApplicable("pairs", "学校结对总量目标由东莞市统一登记核查，本单位不适用。", "The school-pair goal is the city's and is judged for 东莞市: not applicable.");
    const schools = pairsInForce(input, "school");
    const demonstration = schools.filter((p) => p.demonstration).length;
    const met = schools.length >= params.pairs && demonstration >= params.demonstration;
    return {
      status: met ? "pass" : shortOfTermGoal(input),
      actual: schools.length,
      expected: params.pairs,
      target: params.pairs,
      unit: "pairs",
      explanation: {
        zh: `在期内学校结对 ${schools.length} 对（目标 ${params.pairs} 对），其中示范结对 ${demonstration} 对（目标 ${params.demonstration} 对）；基础教育与职业教育的划分未登记，不核查。`,
        en: `${schools.length} school pairs in force (goal ${params.pairs}), ${demonstration} demonstration pairs (goal ${params.demonstration}); the basic / vocational split is not recorded and not checked.`,
      },
    };
  },
  evidence: (input) => ({ entity: "pairing", kinds: ["school"], inPostOn: input.period.asOf }),
});

export const demonstrationHospitals = defineRule({
  id: "demonstration-hospitals",
  title: () => ({ zh: "各县（市、区）重点打造1所结对帮扶示范医院", en: "One demonstration hospital pair in every county" }),
  clause: `${DS} §三(五)`,
  quote: "在韶关市各县（市、区）重点打造1所具有结对帮扶示范效应的医院",
  period: "term",
  programs: ["dongguan-shaoguan"],
  params: z.object({}),
  facts: ["pairings"],
  evaluate(input) {
    const counties = input.groupAreas.filter((g) => !g.areaCode.endsWith("00"));
    if (counties.length === 0) return input.groupAreas.length === 0 ? noGroupArea("pairs") : notApplicable("pairs", "本单位的结对地区不是县级，不适用。", "The unit's paired areas are not counties: not applicable.");
    const hospitals = pairsInForce(input, "hospital").filter((p) => p.demonstration);
    const missing = counties.filter((c) => !hospitals.some((h) => h.areaCode === c.areaCode));
    const actual = counties.length - missing.length;
    return {
      status: missing.length === 0 ? "pass" : shortOfTermGoal(input),
      actual,
      expected: counties.length,
      target: counties.length,
      unit: "pairs",
      explanation: {
        zh: `${counties.length} 个对口县（市、区）中 ${actual} 个已有结对帮扶示范医院` + (missing.length ? `；尚无：${missing.map((m) => areaName(input, m.areaCode)).join("、")}。` : "。"),
        en: `${actual} of ${counties.length} paired counties have a demonstration hospital pair` + (missing.length ? `; none yet in ${missing.map((m) => areaName(input, m.areaCode)).join(", ")}.` : "."),
      },
    };
  },
  evidence: (input) => ({ entity: "pairing", kinds: ["hospital"], inPostOn: input.period.asOf }),
});
