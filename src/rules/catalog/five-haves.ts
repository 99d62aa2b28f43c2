/**
 * 2022-dongguan-shaoguan-three-year-action-plan.txt §五(二)
 * 「两市各级各部门要制定切实可行的工作任务和实施的时间节点，要做到“五有”，即有专门对接小组、有三年总体工作方案、
 *  有年度执行方案、有年度工作任务清单、有实施完成时间。」
 * The five haves: a dedicated group, a three-year plan, an annual plan, an annual task list, completion dates.
 *
 * Counts plan_document activities by document type. The dedicated group and the three-year plan
 * last: one recorded in any year of the program's term up to the evaluated period counts (they are
 * not re-recorded every year). The other three are annual: one dated in the evaluated year counts.
 * A missing document warns while the year runs and fails once it is over.
 */
import { z } from "zod";
import { behindStatus } from "../progress";
import { defineRule } from "../types";

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
  title: () => ({ zh: "做到“五有”", en: "The five haves are in place" }),
  clause: "2022-dongguan-shaoguan-three-year-action-plan.txt §五(二)",
  quote: "两市各级各部门要制定切实可行的工作任务和实施的时间节点，要做到“五有”，即有专门对接小组、有三年总体工作方案、有年度执行方案、有年度工作任务清单、有实施完成时间。",
  period: "year",
  programs: ["dongguan-shaoguan"],
  params: z.object({}),
  facts: ["planDocuments"],
  evaluate(input) {
    const { year } = input.period;
    const missing = FIVE_HAVES.filter(
      (have) => !input.facts.planDocuments.some((d) => d.documentType === have.type && d.count > 0 && (have.lasting ? d.year >= input.term.startYear && d.year <= year : d.year === year)),
    );
    const actual = FIVE_HAVES.length - missing.length;
    return {
      status: missing.length === 0 ? "pass" : behindStatus(input),
      actual,
      expected: FIVE_HAVES.length,
      target: FIVE_HAVES.length,
      unit: "count",
      explanation: {
        zh: `“五有”已具备 ${actual} 项（共 ${FIVE_HAVES.length} 项）` + (missing.length > 0 ? `；尚缺：${missing.map((m) => m.zh).join("、")}。` : "。"),
        en: `${actual} of the ${FIVE_HAVES.length} haves are in place` + (missing.length > 0 ? `; missing: ${missing.map((m) => m.en).join(", ")}.` : "."),
      },
    };
  },
  evidence: (input) => ({ entity: "activity", from: `${input.term.startYear}-01-01`, to: input.period.to, kinds: ["plan_document"] }),
});
