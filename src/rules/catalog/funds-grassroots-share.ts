/**
 * 2022-guangdong-old-revolutionary-areas-pairing.txt §三(二)
 * 「要提升对口支援综合效益，坚持将对口支援资金、项目的80%以上向基层倾斜、向保障民生倾斜。」
 * 80% or more of the support funds go to the grassroots and to livelihoods.
 *
 * Counts: fund records of kind allocation, social_donation and enterprise_investment (money put in)
 * dated in the year up to the evaluated quarter; disbursements are the same money moving on and are
 * not added. The share is compared exactly in integers (grassroots × 100 ≥ minPercent × total). A share
 * has no pro-rata figure: a shortfall before the year is over warns, at year end it fails.
 */
import { z } from "zod";
import { notApplicable, shareResult, yuan } from "../progress";
import { defineRule, type Evidence } from "../types";

const SUPPORT_KINDS = ["allocation", "social_donation", "enterprise_investment"];

export const fundsGrassrootsShare = defineRule({
  id: "funds-grassroots-share",
  title: { zh: "对口支援资金80%以上向基层和民生倾斜", en: "80% or more of support funds go to the grassroots and livelihoods" },
  clause: "2022-guangdong-old-revolutionary-areas-pairing.txt §三(二)",
  quote: "要提升对口支援综合效益，坚持将对口支援资金、项目的80%以上向基层倾斜、向保障民生倾斜。",
  period: "year",
  programs: ["gd-old-areas"],
  params: z.object({ minPercent: z.number().int().min(0).max(100).default(80) }),
  evaluate(data, params) {
    const support = data.funds.filter((f) => SUPPORT_KINDS.includes(String(f.kind)));
    const total = support.reduce((sum, f) => sum + Number(f.amountFen), 0);
    if (total === 0) {
      return notApplicable("percent", "本年度尚无对口支援资金投入记录，不适用。", "No support funds recorded this year: not applicable.");
    }
    const grassroots = support.filter((f) => f.grassroots === true).reduce((sum, f) => sum + Number(f.amountFen), 0);
    const evidence: Evidence[] = support.map((f) => ({
      entity: "fund",
      id: String(f.id),
      label: `${String(f.date)} ${String(f.kind)} ${String(f.areaCode)}${f.grassroots === true ? " 基层/民生" : ""}`,
      value: Number(f.amountFen),
    }));
    return shareResult(data, grassroots, total, params.minPercent, evidence, (share) => ({
      zh: `本年度对口支援资金 ${yuan(total)} 元，其中向基层和民生倾斜 ${yuan(grassroots)} 元，占 ${share}；要求不低于 ${params.minPercent}%。`,
      en: `Support funds this year: ${yuan(total)} yuan, of which ${yuan(grassroots)} yuan to the grassroots and livelihoods, ${share}; at least ${params.minPercent}% is required.`,
    }));
  },
});
