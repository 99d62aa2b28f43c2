/**
 * 2022-dongguan-shaoguan-three-year-action-plan.txt §三(六)
 * 「共同策划两市互展互演以及文化志愿活动，每年统筹安排 30 场韶关文化团队到东莞专场演出。」
 * Every year 30 performances by Shaoguan troupes are arranged in Dongguan.
 *
 * Counts performance activities with direction `from_recipient` (a Shaoguan troupe comes to
 * Dongguan), dated in the year up to the evaluated quarter: an entry with a quantity above 1 stands
 * for that many performances, any other for one. Pro rata (15 by the end of Q2).
 */
import { z } from "zod";
import { annualCount } from "../progress";
import { defineRule } from "../types";
import { countEvents } from "../events";

export const performances = defineRule({
  id: "performances",
  title: (p) => ({ zh: `每年安排${p.perYear}场韶关文化团队到东莞专场演出`, en: `${p.perYear} performances by Shaoguan troupes in Dongguan a year` }),
  clause: "2022-dongguan-shaoguan-three-year-action-plan.txt §三(六)",
  quote: "共同策划两市互展互演以及文化志愿活动，每年统筹安排 30 场韶关文化团队到东莞专场演出。",
  period: "year",
  programs: ["dongguan-shaoguan"],
  params: z.object({ perYear: z.number().int().min(0).max(10_000).default(30) }),
  facts: ["activities"],
  evaluate: (input, params) => annualCount(input, countEvents(input, "performance", "from_recipient"), params.perYear, { zh: "韶关文化团队来莞专场演出", en: "performance(s) by Shaoguan troupes in Dongguan", unitZh: "场" }),
  evidence: (input) => ({ entity: "activity", from: input.period.from, to: input.period.to, kinds: ["performance"], direction: "from_recipient" }),
});
