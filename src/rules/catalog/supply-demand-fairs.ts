/**
 * 2022-dongguan-shaoguan-three-year-action-plan.txt §四(九)
 * 「“十组团”相应镇(街)和县(市、区)每年召开人力资源供需对接会,共同推进合作双方优质人力资源对接。」
 * Each town–county group of the 十组团 holds a human-resources supply-demand fair every year.
 *
 * Per town (a sub-unit of kind `town` with its county): job_fair activities that name the town (its
 * sub-unit), or — when no sub-unit is named — that name the town's county, where that county has
 * only this one town; dated in the year up to the evaluated quarter. One a year: a town without one
 * warns until the year is over and then fails (ceil(1 × quarter/4) = 1 at every quarter).
 */
import { z } from "zod";
import { behindStatus, expectedByNow, notApplicable, sum, toDate } from "../progress";
import { defineRule } from "../types";

export const supplyDemandFairs = defineRule({
  id: "supply-demand-fairs",
  title: (p) => ({ zh: `“十组团”镇街与县（市、区）每年召开人力资源供需对接会${p.perYear}次以上`, en: `Each town–county group holds ${p.perYear} supply-demand job fair(s) a year` }),
  clause: "2022-dongguan-shaoguan-three-year-action-plan.txt §四(九)",
  quote: "“十组团”相应镇(街)和县(市、区)每年召开人力资源供需对接会,共同推进合作双方优质人力资源对接。",
  period: "year",
  programs: ["dongguan-shaoguan"],
  params: z.object({ perYear: z.number().int().min(0).max(100).default(1) }),
  facts: ["towns", "pairActivities", "placeActivities"],
  evaluate(input, params) {
    const towns = input.facts.towns;
    if (towns.length === 0) return notApplicable("count", "本单位没有登记对口帮扶镇街，不适用。", "The unit has no paired towns recorded: not applicable.");
    const named = toDate(input.facts.pairActivities, input).filter((a) => a.kind === "job_fair" && a.subUnitId !== null);
    const byCounty = toDate(input.facts.placeActivities, input).filter((a) => a.kind === "job_fair");
    const due = expectedByNow(params.perYear, input);
    const held = (town: (typeof towns)[number]) => {
      const own = sum(named.filter((a) => a.subUnitId === town.id), (a) => a.count);
      const alone = towns.filter((t) => t.areaCode === town.areaCode).length === 1;
      // Fairs naming the county but no town: credited to the town only when it is the county's one town.
      const county = alone ? sum(byCounty.filter((a) => a.areaCode === town.areaCode), (a) => a.count) - sum(named.filter((a) => a.subUnitId === town.id), (a) => a.count) : 0;
      return own + Math.max(0, county);
    };
    const behind = towns.filter((t) => held(t) < due);
    const actual = towns.length - behind.length;
    return {
      status: behind.length === 0 ? "pass" : behindStatus(input),
      actual,
      expected: towns.length,
      target: towns.length,
      unit: "count",
      explanation: {
        zh: `${towns.length} 个镇街中 ${actual} 个本年度已与对口县召开人力资源供需对接会（每年不少于 ${params.perYear} 次）` + (behind.length ? `；尚未召开：${behind.map((t) => t.name).join("、")}。` : "。"),
        en: `${actual} of ${towns.length} town(s) held a supply-demand job fair with their county this year (at least ${params.perYear} a year)` + (behind.length ? `; not yet: ${behind.map((t) => t.name).join(", ")}.` : "."),
      },
    };
  },
  evidence: (input) => ({ entity: "activity", from: input.period.from, to: input.period.to, kinds: ["job_fair"] }),
});
