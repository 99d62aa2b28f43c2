/**
 * 2022-dongguan-shaoguan-three-year-action-plan.txt §四(十)
 * 「加大韶关旅游营销力度，积极利用微信平台、微博等新媒体推介韶关，东莞市每年协助韶关市举办2次以上主题旅游推介会。」
 * Dongguan helps Shaoguan hold at least 2 themed tourism promotion events a year.
 *
 * Counts the promotion_event activities dated in the year up to the evaluated quarter: an entry with
 * a quantity above 1 stands for that many events, any other entry for one. Pro rata (1 by Q2's end).
 */
import { z } from "zod";
import { annualCount } from "../progress";
import { countEvents } from "../events";
import { defineRule } from "../types";

export const tourismPromotions = defineRule({
  id: "tourism-promotions",
  title: (p) => ({ zh: `每年协助举办${p.perYear}次以上主题旅游推介会`, en: `At least ${p.perYear} tourism promotion events a year` }),
  clause: "2022-dongguan-shaoguan-three-year-action-plan.txt §四(十)",
  quote: "加大韶关旅游营销力度，积极利用微信平台、微博等新媒体推介韶关，东莞市每年协助韶关市举办2次以上主题旅游推介会。",
  period: "year",
  programs: ["dongguan-shaoguan"],
  params: z.object({ perYear: z.number().int().min(0).max(100).default(2) }),
  facts: ["activities"],
  evaluate(input, params) {
    return annualCount(input, countEvents(input, "promotion_event"), params.perYear, { zh: "举办主题旅游推介会", en: "tourism promotion event(s)" });
  },
  evidence: (input) => ({ entity: "activity", from: input.period.from, to: input.period.to, kinds: ["promotion_event"] }),
});
