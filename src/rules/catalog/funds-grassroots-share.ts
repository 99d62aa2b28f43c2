/**
 * 2022-guangdong-old-revolutionary-areas-pairing.txt §三(二)
 * 「要提升对口支援综合效益，坚持将对口支援资金、项目的80%以上向基层倾斜、向保障民生倾斜。」
 * At least 80% of support funds go to the grassroots and to livelihoods.
 *
 * Counts money put in (allocations, social donations, enterprise investment) dated in the year up to
 * the evaluated quarter; the share is the part marked grassroots (基层/民生) of the whole, compared
 * exactly in integers. Below the share warns while the year runs and fails once it is over; no money
 * yet is not applicable.
 */
import { z } from "zod";
import { notApplicable, shareResult, sum, toDate, yuan } from "../progress";
import { defineRule } from "../types";

export const fundsGrassrootsShare = defineRule({
  id: "funds-grassroots-share",
  title: (p) => ({ zh: `对口支援资金${p.minPercent}%以上向基层和民生倾斜`, en: `${p.minPercent}% or more of support funds go to the grassroots and livelihoods` }),
  clause: "2022-guangdong-old-revolutionary-areas-pairing.txt §三(二)",
  quote: "要提升对口支援综合效益，坚持将对口支援资金、项目的80%以上向基层倾斜、向保障民生倾斜。",
  period: "year",
  programs: ["gd-old-areas"],
  params: z.object({ minPercent: z.number().int().min(0).max(100).default(80) }),
  facts: ["fundAreas"],
  evaluate(input, params) {
    const funds = toDate(input.facts.fundAreas, input);
    const total = sum(funds, (f) => f.inFen);
    if (total === 0) return notApplicable("percent", "本年度尚无对口支援资金投入记录，不适用。", "No support funds recorded this year: not applicable.");
    const grassroots = sum(funds, (f) => f.grassrootsInFen);
    return shareResult(input, grassroots, total, params.minPercent, (share) => ({
      zh: `本年度投入资金 ${yuan(total)} 元，其中向基层和民生倾斜 ${yuan(grassroots)} 元，占 ${share}；要求不低于 ${params.minPercent}%。`,
      en: `${yuan(grassroots)} of ${yuan(total)} yuan this year went to the grassroots and livelihoods (${share}); at least ${params.minPercent}% is required.`,
    }));
  },
  evidence: (input) => ({ entity: "fund", from: input.period.from, to: input.period.to, kinds: ["allocation", "social_donation", "enterprise_investment"] }),
});
