/**
 * 2022-guangdong-old-revolutionary-areas-pairing.txt §二(二)
 * 「每一批干部挂职时间原则上为3年，相关待遇保障参照省驻镇帮镇扶村标准落实。」
 * 2022-dongguan-shaoguan-three-year-action-plan.txt §二(三)
 * 「由两市组织部门牵头，将莞韶对接纳入韶关市干部培训的总体安排，结合各部门和各组结对情况，每年在韶关市直部门和各县（市、区）中
 *  选派部分年轻、有冲劲、有发展潜力的干部，到东莞市部分镇（街道）、市直单位及产业园区挂职学习，时间一年。」
 * A seconded cadre serves a fixed term (3 years for a batch to the old revolutionary areas, one year
 * between Dongguan and Shaoguan), so each term has to end, and the next batch be arranged, on time.
 *
 * Looks at the cadres in post on the judging day (started by then, not yet left) and their planned
 * end: past it they are overdue and the rule fails; ending within `warnDays` days after the judging
 * day, the rule warns that a rotation is due. Only counts leave the tenant: the explanation names
 * posts' planned end dates and host areas, never a cadre.
 */
import { z } from "zod";
import { inPostOn, termState } from "../../figures/cadres";
import { addDays } from "../../periods/period";
import { notApplicable, sum } from "../progress";
import { areaName, defineRule } from "../types";

export const cadreTerms = defineRule({
  id: "cadre-terms",
  title: (p) => ({ zh: `挂职干部按期满期轮换（期满前${p.warnDays}日提示）`, en: `Seconded cadres' terms end on time (reminded ${p.warnDays} days ahead)` }),
  clause: "2022-guangdong-old-revolutionary-areas-pairing.txt §二(二); 2022-dongguan-shaoguan-three-year-action-plan.txt §二(三)",
  quote:
    "每一批干部挂职时间原则上为3年，相关待遇保障参照省驻镇帮镇扶村标准落实。 / 由两市组织部门牵头，将莞韶对接纳入韶关市干部培训的总体安排，结合各部门和各组结对情况，每年在韶关市直部门和各县（市、区）中选派部分年轻、有冲劲、有发展潜力的干部，到东莞市部分镇（街道）、市直单位及产业园区挂职学习，时间一年。",
  period: "term",
  programs: ["gd-old-areas", "dongguan-shaoguan"],
  params: z.object({ warnDays: z.number().int().min(0).max(730).default(90) }),
  facts: ["cadres"],
  evaluate(input, params) {
    const day = input.period.asOf;
    const inPost = input.facts.cadres.filter((c) => inPostOn(c, day));
    const total = sum(inPost, (c) => c.count);
    if (total === 0) return notApplicable("cadres", `${day} 没有在岗挂职干部。`, `No seconded cadre is in post on ${day}.`);
    const overdue = inPost.filter((c) => termState(c, day, params.warnDays) === "overdue");
    const ending = inPost.filter((c) => termState(c, day, params.warnDays) === "ending");
    const actual = total - sum(overdue, (c) => c.count) - sum(ending, (c) => c.count);
    const horizon = addDays(day, params.warnDays);
    const n = (cs: typeof inPost) => sum(cs, (c) => c.count);
    // By host area and planned end, never by person: names stay in the tenant.
    const list = (cs: typeof inPost) => cs.map((c) => `${areaName(input, c.hostAreaCode)} ${c.count} 名（${c.plannedEndDate}）`).join("、");
    const listEn = (cs: typeof inPost) => cs.map((c) => `${c.count} in ${areaName(input, c.hostAreaCode)} (${c.plannedEndDate})`).join(", ");
    return {
      status: overdue.length > 0 ? "fail" : ending.length > 0 ? "warn" : "pass",
      actual,
      expected: total,
      target: total,
      unit: "cadres",
      explanation: {
        zh:
          `在岗挂职干部 ${total} 名，其中 ${actual} 名挂职期限正常` +
          (overdue.length > 0 ? `；已过计划期满日仍在岗 ${n(overdue)} 名：${list(overdue)}` : "") +
          (ending.length > 0 ? `；${params.warnDays} 天内（${horizon} 前）期满 ${n(ending)} 名，请安排轮换：${list(ending)}` : "") +
          "。",
        en:
          `${actual} of ${total} cadre(s) in post are within their term` +
          (overdue.length > 0 ? `; ${n(overdue)} still in post past the planned end: ${listEn(overdue)}` : "") +
          (ending.length > 0 ? `; ${n(ending)} ending within ${params.warnDays} days (by ${horizon}), arrange the rotation: ${listEn(ending)}` : "") +
          ".",
      },
    };
  },
  // The cadres behind the figure: in post on the judging day and ending within warnDays (or overdue).
  evidence: (input, params) => ({ entity: "cadre", inPostOn: input.period.asOf, endsBy: addDays(input.period.asOf, params.warnDays) }),
});
