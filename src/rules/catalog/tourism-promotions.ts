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
import { annualStatus } from "../progress";
import { defineRule, type Evidence, type Row } from "../types";

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
    const evidence: Evidence[] = promotions.map((a) => ({ entity: "activity", id: String(a.id), label: `${String(a.date)} ${String(a.title)}`, value: events(a) }));
    const actual = promotions.reduce((sum, a) => sum + events(a), 0);
    const { status, expected } = annualStatus(actual, params.perYear, data);
    return {
      status,
      actual,
      expected,
      target: params.perYear,
      unit: "count",
      explanation: {
        zh: `本年度举办主题旅游推介会 ${actual} 次；全年要求不少于 ${params.perYear} 次，截至本期应达 ${expected} 次。`,
        en: `${actual} tourism promotion event(s) this year; at least ${params.perYear} a year are required, ${expected} by this period.`,
      },
      evidence,
    };
  },
});
