/**
 * 2022-guangdong-old-revolutionary-areas-pairing.txt §三(二)
 * 「要提升对口支援综合效益，坚持将对口支援资金、项目的80%以上向基层倾斜、向保障民生倾斜。」
 * 80% or more of the support projects go to the grassroots and to livelihoods.
 *
 * Counts: projects started in the year up to the evaluated period's end (by start date, or by the
 * day the project was recorded when it has no start date yet); the project library is loaded whole,
 * so the rule picks the year itself. Compared exactly in integers (grassroots × 100 ≥ minPercent ×
 * total); a shortfall before the year is over warns, at year end it fails.
 */
import { z } from "zod";
import { notApplicable, shareResult } from "../progress";
import { defineRule, type Evidence, type PeriodData, type Row } from "../types";

/** The day a project counts from: its start date, or the day it was recorded. */
function projectDay(p: Row): string {
  return p.startDate ? String(p.startDate) : String(p.createdAt ?? "").slice(0, 10);
}

const inWindow = (p: Row, data: PeriodData) => {
  const day = projectDay(p);
  return day >= data.from && day <= data.to;
};

export const projectsGrassrootsShare = defineRule({
  id: "projects-grassroots-share",
  title: { zh: "对口支援项目80%以上向基层和民生倾斜", en: "80% or more of support projects go to the grassroots and livelihoods" },
  clause: "2022-guangdong-old-revolutionary-areas-pairing.txt §三(二)",
  quote: "要提升对口支援综合效益，坚持将对口支援资金、项目的80%以上向基层倾斜、向保障民生倾斜。",
  period: "year",
  programs: ["gd-old-areas"],
  params: z.object({ minPercent: z.number().int().min(0).max(100).default(80) }),
  evaluate(data, params) {
    const started = data.projects.filter((p) => inWindow(p, data));
    const total = started.length;
    if (total === 0) {
      return notApplicable("percent", "本年度尚无启动的对口支援项目，不适用。", "No support projects started this year: not applicable.");
    }
    const grassroots = started.filter((p) => p.grassroots === true).length;
    const evidence: Evidence[] = started.map((p) => ({
      entity: "project",
      id: String(p.id),
      label: `${projectDay(p)} ${String(p.title)}${p.grassroots === true ? " 基层/民生" : ""}`,
      value: p.grassroots === true ? 1 : 0,
    }));
    return shareResult(data, grassroots, total, params.minPercent, evidence, (share) => ({
      zh: `本年度启动对口支援项目 ${total} 个，其中向基层和民生倾斜 ${grassroots} 个，占 ${share}；要求不低于 ${params.minPercent}%。`,
      en: `${total} support project(s) started this year, ${grassroots} of them for the grassroots and livelihoods, ${share}; at least ${params.minPercent}% is required.`,
    }));
  },
});
