/**
 * 2022-dongguan-shaoguan-three-year-action-plan.txt §四(九)
 * 「由两市人力资源社会保障部门牵头,深化两地劳务信息交流对接,建立人力资源市场信息沟通和劳务输出合作机制,加强两地供求信息互联互通,
 *  每年东莞向韶关提供各类岗位信息10000个,韶关向东莞提供5000个岗位信息。」
 * Each year Dongguan sends Shaoguan 10,000 job postings and Shaoguan sends Dongguan 5,000.
 *
 * Adds up `quantity` of the job_posting activities dated in the year up to the evaluated quarter, by
 * direction: `to_recipient` (we send to Shaoguan) and `from_recipient` (Shaoguan sends to us).
 * Quarterly evaluation is pro rata (5,000 and 2,500 by the end of Q2).
 */
import { z } from "zod";
import { annualActivityCount } from "../progress";
import { defineRule, type PeriodData, type RuleResult } from "../types";

const DS = "2022-dongguan-shaoguan-three-year-action-plan.txt §四(九)";
const QUOTE =
  "由两市人力资源社会保障部门牵头,深化两地劳务信息交流对接,建立人力资源市场信息沟通和劳务输出合作机制,加强两地供求信息互联互通,每年东莞向韶关提供各类岗位信息10000个,韶关向东莞提供5000个岗位信息。";

/** Job postings in one direction against a yearly figure; `zh`/`en` say who sends to whom. */
function judgePostings(data: PeriodData, direction: "to_recipient" | "from_recipient", perYear: number, zh: string, en: string): RuleResult {
  const postings = data.activities.filter((a) => a.kind === "job_posting" && a.direction === direction);
  return annualActivityCount(data, postings, perYear, { zh: `${zh}岗位信息`, en: `job posting(s) ${en}`, unitZh: "个" }, (a) => Number(a.quantity ?? 0));
}

export const jobPostingsToRecipient = defineRule({
  id: "job-postings-to-recipient",
  title: { zh: "每年东莞向韶关提供岗位信息10000个", en: "Dongguan sends Shaoguan 10,000 job postings a year" },
  clause: DS,
  quote: QUOTE,
  period: "year",
  programs: ["dongguan-shaoguan"],
  params: z.object({ perYear: z.number().int().min(0).max(10_000_000).default(10_000) }),
  evaluate(data, params) {
    return judgePostings(data, "to_recipient", params.perYear, "向受援地提供", "sent to the recipient area");
  },
});

export const jobPostingsFromRecipient = defineRule({
  id: "job-postings-from-recipient",
  title: { zh: "每年韶关向东莞提供岗位信息5000个", en: "Shaoguan sends Dongguan 5,000 job postings a year" },
  clause: DS,
  quote: QUOTE,
  period: "year",
  programs: ["dongguan-shaoguan"],
  params: z.object({ perYear: z.number().int().min(0).max(10_000_000).default(5_000) }),
  evaluate(data, params) {
    return judgePostings(data, "from_recipient", params.perYear, "受援地提供", "received from the recipient area");
  },
});
