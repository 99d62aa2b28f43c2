/**
 * 2022-dongguan-shaoguan-three-year-action-plan.txt §四(十)
 * 「加大韶关旅游营销力度，积极利用微信平台、微博等新媒体推介韶关，东莞市每年协助韶关市举办2次以上主题旅游推介会。」
 * Dongguan helps Shaoguan hold at least 2 themed tourism promotion events a year.
 *
 * Counts the promotion_event activities dated in the year up to the evaluated quarter: an entry with a
 * quantity above 1 stands for that many events, any other entry for one. Quarterly evaluation is pro
 * rata (1 by the end of Q2).
 */
import { z } from "zod";
import { annualActivityCount } from "../progress";
import { defineRule, type Row } from "../types";

/** Events one entry stands for. */
const events = (a: Row) => Math.max(1, Number(a.quantity ?? 0));

export const tourismPromotions = defineRule({
  id: "tourism-promotions",
  title: { zh: "每年协助举办2次以上主题旅游推介会", en: "At least 2 tourism promotion events a year" },
  clause: "2022-dongguan-shaoguan-three-year-action-plan.txt §四(十)",
  quote: "加大韶关旅游营销力度，积极利用微信平台、微博等新媒体推介韶关，东莞市每年协助韶关市举办2次以上主题旅游推介会。",
  period: "year",
  programs: ["dongguan-shaoguan"],
  params: z.object({ perYear: z.number().int().min(0).max(100).default(2) }),
  evaluate(data, params) {
    const promotions = data.activities.filter((a) => a.kind === "promotion_event");
    return annualActivityCount(data, promotions, params.perYear, { zh: "举办主题旅游推介会", en: "tourism promotion event(s)" }, events);
  },
});
