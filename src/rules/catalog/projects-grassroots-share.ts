/**
 * 2022-guangdong-old-revolutionary-areas-pairing.txt §三(二)
 * 「要提升对口支援综合效益，坚持将对口支援资金、项目的80%以上向基层倾斜、向保障民生倾斜。」
 * At least 80% of support projects go to the grassroots and to livelihoods.
 *
 * Counts the projects that start (start date, else the day recorded) in the year up to the evaluated
 * quarter; the share is those marked grassroots of all of them. Exact integer comparison; below the
 * share warns while the year runs and fails once it is over; no project yet is not applicable.
 */
import { z } from "zod";
import { notApplicable, shareResult, sum, toDate } from "../progress";
import { defineRule } from "../types";

export const projectsGrassrootsShare = defineRule({
  id: "projects-grassroots-share",
  title: (p) => ({ zh: `对口支援项目${p.minPercent}%以上向基层和民生倾斜`, en: `${p.minPercent}% or more of support projects go to the grassroots and livelihoods` }),
  clause: "2022-guangdong-old-revolutionary-areas-pairing.txt §三(二)",
  quote: "要提升对口支援综合效益，坚持将对口支援资金、项目的80%以上向基层倾斜、向保障民生倾斜。",
  period: "year",
  programs: ["gd-old-areas"],
  params: z.object({ minPercent: z.number().int().min(0).max(100).default(80) }),
  facts: ["projectAreas"],
  evaluate(input, params) {
    const projects = toDate(input.facts.projectAreas, input);
    const total = sum(projects, (p) => p.count);
    if (total === 0) return notApplicable("percent", "本年度尚无启动的对口支援项目，不适用。", "No support projects started this year: not applicable.");
    const grassroots = sum(projects, (p) => p.grassroots);
    return shareResult(input, grassroots, total, params.minPercent, (share) => ({
      zh: `本年度启动项目 ${total} 个，其中向基层和民生倾斜 ${grassroots} 个，占 ${share}；要求不低于 ${params.minPercent}%。`,
      en: `${grassroots} of ${total} project(s) started this year go to the grassroots and livelihoods (${share}); at least ${params.minPercent}% is required.`,
    }));
  },
  evidence: (input) => ({ entity: "project", from: input.period.from, to: input.period.to }),
});
