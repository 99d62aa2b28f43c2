/**
 * 2022-dongguan-shaoguan-three-year-action-plan.txt §五(四)
 * 「各组团要发挥“1+N+1”帮扶机制作用，统筹各种优势资源条件，积极开展帮扶活动，每季度向莞韶指挥部报告全面帮扶工作落实情况。」
 * Every group reports its progress to the command office every quarter.
 *
 * A quarter's report is due `dueDays` days after the quarter ends (by default Q1 on 04-05, Q4 on 01-05
 * of the next year). For every quarter of the year whose due date has come by the judging day (and,
 * when a quarter is evaluated, up to that quarter), a submission of that year, quarter and program with
 * status `submitted` must exist; drafts and reopened reports do not count. Submitted after the due date
 * (by the UTC date of `submittedAt`) warns; missing fails; nothing due yet is not applicable.
 */
import { z } from "zod";
import { notApplicable } from "../progress";
import { defineRule, type Evidence } from "../types";

/** The due date of a quarter's report: `dueDays` days after the quarter's last day, YYYY-MM-DD (UTC). */
function dueDate(year: number, quarter: number, dueDays: number): string {
  // Day 0 of the month after the quarter is the quarter's last day; day n is n days after it.
  return new Date(Date.UTC(year, quarter * 3, dueDays)).toISOString().slice(0, 10);
}

export const quarterlySubmission = defineRule({
  id: "quarterly-submission",
  title: { zh: "每季度向莞韶指挥部报告工作落实情况", en: "A progress report to the command office every quarter" },
  clause: "2022-dongguan-shaoguan-three-year-action-plan.txt §五(四)",
  quote: "各组团要发挥“1+N+1”帮扶机制作用，统筹各种优势资源条件，积极开展帮扶活动，每季度向莞韶指挥部报告全面帮扶工作落实情况。",
  period: "quarter",
  programs: ["dongguan-shaoguan"],
  params: z.object({ dueDays: z.number().int().min(0).max(90).default(5) }),
  evaluate(data, params) {
    const quarters = [1, 2, 3, 4]
      .filter((q) => data.quarter === null || q <= data.quarter)
      .map((q) => ({ q, due: dueDate(data.year, q, params.dueDays) }))
      .filter(({ due }) => due <= data.today);
    if (quarters.length === 0) {
      return notApplicable("count", `截至 ${data.today} 尚无到期的季度报告。`, `No quarterly report is due by ${data.today}.`);
    }
    const evidence: Evidence[] = [];
    const late: { zh: string; en: string }[] = [];
    const missing: { zh: string; en: string }[] = [];
    for (const { q, due } of quarters) {
      const report = data.submissions.find(
        (s) => Number(s.year) === data.year && Number(s.quarter) === q && s.program === data.program && s.status === "submitted",
      );
      if (!report) {
        missing.push({ zh: `第${q}季度（应于 ${due} 前）`, en: `Q${q} (due ${due})` });
        continue;
      }
      const on = String(report.submittedAt ?? "").slice(0, 10);
      const onTime = on !== "" && on <= due;
      evidence.push({ entity: "submission", id: String(report.id), label: `${data.year} Q${q} ${on}`, value: onTime ? 1 : 0 });
      if (!onTime) late.push({ zh: `第${q}季度（${on}，应于 ${due} 前）`, en: `Q${q} (${on}, due ${due})` });
    }
    const actual = quarters.length - late.length - missing.length;
    return {
      status: missing.length > 0 ? "fail" : late.length > 0 ? "warn" : "pass",
      actual,
      expected: quarters.length,
      target: 4,
      unit: "count",
      explanation: {
        zh:
          `截至 ${data.today} 应报送季度报告 ${quarters.length} 份，按期报送 ${actual} 份` +
          (late.length > 0 ? `；逾期报送：${late.map((l) => l.zh).join("、")}` : "") +
          (missing.length > 0 ? `；未报送：${missing.map((m) => m.zh).join("、")}` : "") +
          "。",
        en:
          `${actual} of ${quarters.length} quarterly report(s) due by ${data.today} were submitted on time` +
          (late.length > 0 ? `; late: ${late.map((l) => l.en).join(", ")}` : "") +
          (missing.length > 0 ? `; missing: ${missing.map((m) => m.en).join(", ")}` : "") +
          ".",
      },
      evidence,
    };
  },
});
