/**
 * 2022-guangdong-guizhou-pairing-opinions.txt §(十五)
 * 「协作市、县党委或政府主要负责同志每年率队互访对接1次以上,召开联席会议1次以上」
 * The main leaders of the paired cities and counties lead a visit to the other side at least once a year.
 *
 * Counts: visit activities with leader level `main` in either direction (互访: our leader going, or
 * theirs coming) dated in the year up to the evaluated quarter. Quarterly evaluation is pro rata
 * (ceil(1 × 1/4) = 1 already by Q1). Not applicable to a unit with no recipient area in the program.
 */
import { z } from "zod";
import { annualActivityCount, notApplicable } from "../progress";
import { defineRule } from "../types";

export const leaderVisitsGuizhou = defineRule({
  id: "leader-visits-guizhou",
  title: { zh: "结对市县主要负责同志每年率队互访1次以上", en: "Main leaders of the paired cities and counties visit at least once a year" },
  clause: "2022-guangdong-guizhou-pairing-opinions.txt §(十五)",
  quote: "协作市、县党委或政府主要负责同志每年率队互访对接1次以上,召开联席会议1次以上",
  period: "year",
  programs: ["gd-guizhou"],
  params: z.object({ perYear: z.number().int().min(0).max(100).default(1) }),
  evaluate(data, params) {
    if (data.groupAreas.length === 0) {
      return notApplicable("count", "本单位在本项目中没有结对地区，不适用。", "The unit has no paired area in this program: not applicable.");
    }
    const visits = data.activities.filter((a) => a.kind === "visit" && a.leaderLevel === "main");
    return annualActivityCount(data, visits, params.perYear, { zh: "主要负责同志率队互访", en: "main-leader visit(s) either way" });
  },
});
