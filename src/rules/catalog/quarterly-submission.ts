/**
 * 2022-dongguan-shaoguan-three-year-action-plan.txt §五(四)
 * 「各组团要发挥“1+N+1”帮扶机制作用，统筹各种优势资源条件，积极开展帮扶活动，每季度向莞韶指挥部报告全面帮扶工作落实情况。」
 * Every group reports its progress to the command office every quarter.
 *
 * A quarter's report is due `dueDays` days after the quarter ends (by default Q1 on 04-05, Q4 on
 * 01-05 of the next year). For every quarter of the year up to the evaluated one whose due day has
 * passed by today (or that was submitted already), a submitted report of that quarter and program
 * must exist: submitted after the due day warns; missing fails; nothing due yet is not applicable.
 * `remindDays` is how long before the due day the deadline alert opens.
 */
import { z } from "zod";
import { submissionStanding } from "../../figures/submissions";
import { lastQuarter, type Quarter } from "../../periods/period";
import { notApplicable } from "../progress";
import { defineRule, type RuleInput } from "../types";

type Params = { dueDays: number; remindDays: number };

/** The standing of every quarter up to the evaluated one that is due or already submitted. */
export function quarterStandings(input: RuleInput, params: Params) {
  const quarters = ([1, 2, 3, 4] as Quarter[]).filter((q) => q <= lastQuarter(input.period));
  return quarters
    .map((q) => submissionStanding(input.facts.submissions, input.period.year, q, params.dueDays, input.period.today))
    .filter((s) => s.state !== "not_due");
}

export const quarterlySubmission = defineRule({
  id: "quarterly-submission",
  title: (p) => ({ zh: `每季度向莞韶指挥部报告工作落实情况（季度结束后${p.dueDays}日内）`, en: `A progress report to the command office every quarter (within ${p.dueDays} days of its end)` }),
  clause: "2022-dongguan-shaoguan-three-year-action-plan.txt §五(四)",
  quote: "各组团要发挥“1+N+1”帮扶机制作用，统筹各种优势资源条件，积极开展帮扶活动，每季度向莞韶指挥部报告全面帮扶工作落实情况。",
  period: "quarter",
  programs: ["dongguan-shaoguan"],
  params: z.object({ dueDays: z.number().int().min(0).max(90).default(5), remindDays: z.number().int().min(0).max(90).default(10) }),
  facts: ["submissions"],
  evaluate(input, params) {
    const standings = quarterStandings(input, params);
    const { today } = input.period;
    if (standings.length === 0) return notApplicable("count", `截至 ${today} 尚无到期的季度报告。`, `No quarterly report is due by ${today}.`);
    const late = standings.filter((s) => s.state === "late");
    const missing = standings.filter((s) => s.state === "missing");
    const actual = standings.length - late.length - missing.length;
    return {
      status: missing.length > 0 ? "fail" : late.length > 0 ? "warn" : "pass",
      actual,
      expected: standings.length,
      target: 4,
      unit: "count",
      explanation: {
        zh:
          `截至 ${today} 应报送季度报告 ${standings.length} 份，按期报送 ${actual} 份` +
          (late.length > 0 ? `；逾期报送：${late.map((l) => `第${l.quarter}季度（${l.submittedOn}，应于 ${l.due} 前）`).join("、")}` : "") +
          (missing.length > 0 ? `；未报送：${missing.map((m) => `第${m.quarter}季度（应于 ${m.due} 前）`).join("、")}` : "") +
          "。",
        en:
          `${actual} of ${standings.length} quarterly report(s) due by ${today} were submitted on time` +
          (late.length > 0 ? `; late: ${late.map((l) => `Q${l.quarter} (${l.submittedOn}, due ${l.due})`).join(", ")}` : "") +
          (missing.length > 0 ? `; missing: ${missing.map((m) => `Q${m.quarter} (due ${m.due})`).join(", ")}` : "") +
          ".",
      },
    };
  },
  evidence: (input) => ({ entity: "submission", year: input.period.year }),
});
