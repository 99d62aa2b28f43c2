/**
 * 2022-dongguan-shaoguan-three-year-action-plan.txt §四(九)
 * 「“十组团”相应镇(街)和县(市、区)每年召开人力资源供需对接会,共同推进合作双方优质人力资源对接。」
 * Each town–county group of the 十组团 holds a human-resources supply-demand fair every year.
 *
 * Per town (a sub-unit of kind `town` with its county): job_fair activities dated in the year up to the
 * evaluated quarter that name the town (its sub-unit), or that name no town but the town's county when
 * it is that county's only town. One a year: a town without one warns until the year is over and then
 * fails (ceil(1 × quarter/4) = 1 at every quarter).
 */
import { z } from "zod";
import { expectedByNow, sum, toDate } from "../progress";
import { creditedTown, judgeTowns } from "../towns";
import { defineRule } from "../types";

export const supplyDemandFairs = defineRule({
  id: "supply-demand-fairs",
  title: (p) => ({ zh: `“十组团”镇街与县（市、区）每年召开人力资源供需对接会${p.perYear}次以上`, en: `Each town–county group holds ${p.perYear} supply-demand job fair(s) a year` }),
  clause: "2022-dongguan-shaoguan-three-year-action-plan.txt §四(九)",
  quote: "“十组团”相应镇(街)和县(市、区)每年召开人力资源供需对接会,共同推进合作双方优质人力资源对接。",
  period: "year",
  programs: ["dongguan-shaoguan"],
  params: z.object({ perYear: z.number().int().min(0).max(100).default(1) }),
  facts: ["towns", "placeActivities"],
  evaluate(input, params) {
    const towns = input.facts.towns;
    const fairs = toDate(input.facts.placeActivities, input).filter((a) => a.kind === "job_fair");
    const held = (townId: string) => sum(fairs.filter((a) => creditedTown(towns, a.subUnitId, a.areaCode)?.id === townId), (a) => a.count);
    const due = expectedByNow(params.perYear, input);
    return judgeTowns(
      input,
      (town) => held(town.id) >= due,
      (kept, total, behind) => ({
        zh: `${total} 个镇街中 ${kept} 个本年度已与对口县召开人力资源供需对接会（每年不少于 ${params.perYear} 次）` + (behind.length ? `；尚未召开：${behind.map((t) => t.name).join("、")}。` : "。"),
        en: `${kept} of ${total} town(s) held a supply-demand job fair with their county this year (at least ${params.perYear} a year)` + (behind.length ? `; not yet: ${behind.map((t) => t.name).join(", ")}.` : "."),
      }),
    );
  },
  evidence: (input) => ({ entity: "activity", from: input.period.from, to: input.period.to, kinds: ["job_fair"] }),
});
