/**
 * 2022-dongguan-shaoguan-three-year-action-plan.txt §四(九)
 * 「……每年东莞向韶关提供各类岗位信息10000个,韶关向东莞提供5000个岗位信息。」
 * Dongguan sends Shaoguan 10,000 job postings a year; Shaoguan sends Dongguan 5,000.
 *
 * Sums the quantity of job_posting activities in each direction (`to_recipient`: Dongguan → Shaoguan;
 * `from_recipient`: Shaoguan → Dongguan), dated in the year up to the evaluated quarter; pro rata.
 */
import { z } from "zod";
import { annualCount } from "../progress";
import { defineRule, type RuleInput, type RuleResult } from "../types";
import { sumQuantity } from "../events";

const DS = "2022-dongguan-shaoguan-three-year-action-plan.txt §四(九)";
const QUOTE =
  "由两市人力资源社会保障部门牵头,深化两地劳务信息交流对接,建立人力资源市场信息沟通和劳务输出合作机制,加强两地供求信息互联互通,每年东莞向韶关提供各类岗位信息10000个,韶关向东莞提供5000个岗位信息。";

function judgePostings(input: RuleInput, direction: "to_recipient" | "from_recipient", perYear: number, zh: string, en: string): RuleResult {
  return annualCount(input, sumQuantity(input, "job_posting", direction), perYear, { zh: `${zh}岗位信息`, en: `job posting(s) ${en}`, unitZh: "个" });
}

export const jobPostingsToRecipient = defineRule({
  id: "job-postings-to-recipient",
  title: (p) => ({ zh: `每年东莞向韶关提供岗位信息${p.perYear}个`, en: `Dongguan sends Shaoguan ${p.perYear} job postings a year` }),
  clause: DS,
  quote: QUOTE,
  period: "year",
  programs: ["dongguan-shaoguan"],
  params: z.object({ perYear: z.number().int().min(0).max(10_000_000).default(10_000) }),
  facts: ["activities"],
  evaluate: (input, params) => judgePostings(input, "to_recipient", params.perYear, "向受援地提供", "sent to the recipient area"),
  evidence: (input) => ({ entity: "activity", from: input.period.from, to: input.period.to, kinds: ["job_posting"], direction: "to_recipient" }),
});

export const jobPostingsFromRecipient = defineRule({
  id: "job-postings-from-recipient",
  title: (p) => ({ zh: `每年韶关向东莞提供岗位信息${p.perYear}个`, en: `Shaoguan sends Dongguan ${p.perYear} job postings a year` }),
  clause: DS,
  quote: QUOTE,
  period: "year",
  programs: ["dongguan-shaoguan"],
  params: z.object({ perYear: z.number().int().min(0).max(10_000_000).default(5_000) }),
  facts: ["activities"],
  evaluate: (input, params) => judgePostings(input, "from_recipient", params.perYear, "受援地提供", "received from the recipient area"),
  evidence: (input) => ({ entity: "activity", from: input.period.from, to: input.period.to, kinds: ["job_posting"], direction: "from_recipient" }),
});
