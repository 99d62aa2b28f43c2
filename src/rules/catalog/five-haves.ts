/**
 * 2022-dongguan-shaoguan-three-year-action-plan.txt §五(二)
 * 「两市各级各部门要制定切实可行的工作任务和实施的时间节点，要做到“五有”，即有专门对接小组、有三年总体工作方案、有年度执行方案、
 *  有年度工作任务清单、有实施完成时间。」
 * Every department has the five haves: a dedicated group, a three-year plan, an annual plan, an annual
 * task list and completion dates.
 *
 * Looks for plan_document activities by document type. The group and the three-year plan last beyond a
 * year, so any entry dated up to the period's end counts; the annual plan, task list and completion
 * dates must be dated in the evaluated year. Period data only carries the year's activities, so in
 * practice a group or three-year plan recorded in an earlier year is not seen: it has to be recorded
 * again (or confirmed) each year. All five pass; a gap warns while the year runs and fails at its end.
 */
import { z } from "zod";
import { yearIsOver } from "../progress";
import { defineRule, type Evidence } from "../types";

/** The five haves in the clause's order; `lasting` ones are not renewed each year. */
const FIVE_HAVES = [
  { type: "dedicated_group", lasting: true, zh: "有专门对接小组", en: "a dedicated group" },
  { type: "three_year_plan", lasting: true, zh: "有三年总体工作方案", en: "a three-year plan" },
  { type: "annual_plan", lasting: false, zh: "有年度执行方案", en: "an annual plan" },
  { type: "annual_task_list", lasting: false, zh: "有年度工作任务清单", en: "an annual task list" },
  { type: "completion_dates", lasting: false, zh: "有实施完成时间", en: "completion dates" },
] as const;

export const fiveHaves = defineRule({
  id: "five-haves",
  title: { zh: "做到“五有”", en: "The five haves are in place" },
  clause: "2022-dongguan-shaoguan-three-year-action-plan.txt §五(二)",
  quote: "两市各级各部门要制定切实可行的工作任务和实施的时间节点，要做到“五有”，即有专门对接小组、有三年总体工作方案、有年度执行方案、有年度工作任务清单、有实施完成时间。",
  period: "year",
  programs: ["dongguan-shaoguan"],
  params: z.object({}),
  evaluate(data) {
    const documents = data.activities.filter((a) => a.kind === "plan_document" && String(a.date) <= data.to);
    const evidence: Evidence[] = [];
    const missing: (typeof FIVE_HAVES)[number][] = [];
    for (const have of FIVE_HAVES) {
      const found = documents.filter((a) => a.documentType === have.type && (have.lasting || String(a.date).startsWith(`${data.year}-`)));
      for (const a of found) evidence.push({ entity: "activity", id: String(a.id), label: `${String(a.date)} ${String(a.title)}` });
      if (found.length === 0) missing.push(have);
    }
    const actual = FIVE_HAVES.length - missing.length;
    return {
      status: missing.length === 0 ? "pass" : yearIsOver(data) ? "fail" : "warn",
      actual,
      expected: FIVE_HAVES.length,
      target: FIVE_HAVES.length,
      unit: "count",
      explanation: {
        zh: `“五有”已具备 ${actual} 项（共 ${FIVE_HAVES.length} 项）` + (missing.length > 0 ? `；尚缺：${missing.map((m) => m.zh).join("、")}。` : "。"),
        en: `${actual} of the ${FIVE_HAVES.length} haves are in place` + (missing.length > 0 ? `; missing: ${missing.map((m) => m.en).join(", ")}.` : "."),
      },
      evidence,
    };
  },
});
