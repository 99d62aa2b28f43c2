/**
 * 2022-guangdong-old-revolutionary-areas-pairing.txt §二(二)
 * 「每一批干部挂职时间原则上为3年，相关待遇保障参照省驻镇帮镇扶村标准落实。」
 * 2022-dongguan-shaoguan-three-year-action-plan.txt §二(三)
 * 「由两市组织部门牵头，将莞韶对接纳入韶关市干部培训的总体安排，结合各部门和各组结对情况，每年在韶关市直部门和各县（市、区）中
 *  选派部分年轻、有冲劲、有发展潜力的干部，到东莞市部分镇（街道）、市直单位及产业园区挂职学习，时间一年。」
 * A seconded cadre serves a fixed term (3 years for a batch to the old revolutionary areas, one year
 * between Dongguan and Shaoguan), so each term has to end, and the next batch be arranged, on time.
 *
 * Looks at the cadres in post and their planned end date: past it (before the judging day) they are
 * overdue and the rule fails; ending on or within `warnDays` days after the judging day, the rule warns
 * that a rotation is due. Terms themselves are as recorded; the rule does not check their length.
 * Evidence names the post and host area, never the cadre: names are personal data.
 */
import { z } from "zod";
import { notApplicable } from "../progress";
import { defineRule, type Evidence, type Row } from "../types";

/** `date` (YYYY-MM-DD) plus `days`, in UTC. */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export const cadreTerms = defineRule({
  id: "cadre-terms",
  title: { zh: "挂职干部按期满期轮换", en: "Seconded cadres' terms end on time" },
  clause: "2022-guangdong-old-revolutionary-areas-pairing.txt §二(二); 2022-dongguan-shaoguan-three-year-action-plan.txt §二(三)",
  quote:
    "每一批干部挂职时间原则上为3年，相关待遇保障参照省驻镇帮镇扶村标准落实。 / 由两市组织部门牵头，将莞韶对接纳入韶关市干部培训的总体安排，结合各部门和各组结对情况，每年在韶关市直部门和各县（市、区）中选派部分年轻、有冲劲、有发展潜力的干部，到东莞市部分镇（街道）、市直单位及产业园区挂职学习，时间一年。",
  period: "term",
  programs: ["gd-old-areas", "dongguan-shaoguan"],
  params: z.object({ warnDays: z.number().int().min(0).max(730).default(90) }),
  evaluate(data, params) {
    const inPost = data.cadres.filter((c) => c.status === "in_post");
    if (inPost.length === 0) return notApplicable("cadres", "目前没有在岗挂职干部。", "No seconded cadre is in post.");
    const horizon = addDays(data.asOf, params.warnDays);
    const label = (c: Row) => `${String(c.post)} ${String(c.hostAreaCode)} 计划期满 ${String(c.plannedEndDate)}`;
    const overdue = inPost.filter((c) => String(c.plannedEndDate) < data.asOf);
    const ending = inPost.filter((c) => String(c.plannedEndDate) >= data.asOf && String(c.plannedEndDate) <= horizon);
    const evidence: Evidence[] = [...overdue, ...ending].map((c) => ({ entity: "cadre", id: String(c.id), label: label(c) }));
    const actual = inPost.length - overdue.length - ending.length;
    const list = (cs: Row[]) => cs.map((c) => `${String(c.post)}（${String(c.plannedEndDate)}）`).join("、");
    const listEn = (cs: Row[]) => cs.map((c) => `${String(c.post)} (${String(c.plannedEndDate)})`).join(", ");
    return {
      status: overdue.length > 0 ? "fail" : ending.length > 0 ? "warn" : "pass",
      actual,
      expected: inPost.length,
      target: inPost.length,
      unit: "cadres",
      explanation: {
        zh:
          `在岗挂职干部 ${inPost.length} 名，其中 ${actual} 名挂职期限正常` +
          (overdue.length > 0 ? `；已过计划期满日仍在岗 ${overdue.length} 名：${list(overdue)}` : "") +
          (ending.length > 0 ? `；${params.warnDays} 天内（${horizon} 前）期满 ${ending.length} 名，请安排轮换：${list(ending)}` : "") +
          "。",
        en:
          `${actual} of ${inPost.length} cadre(s) in post are within their term` +
          (overdue.length > 0 ? `; ${overdue.length} still in post past the planned end: ${listEn(overdue)}` : "") +
          (ending.length > 0 ? `; ${ending.length} ending within ${params.warnDays} days (by ${horizon}), arrange the rotation: ${listEn(ending)}` : "") +
          ".",
      },
      evidence,
    };
  },
});
