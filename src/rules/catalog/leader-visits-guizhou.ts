/**
 * 2022-guangdong-guizhou-pairing-opinions.txt §(十五)
 * 「协作市、县党委或政府主要负责同志每年率队互访对接1次以上,召开联席会议1次以上」
 * The main leaders of paired cities and counties visit each other at least once a year.
 *
 * Counts: visits with leader level `main` in either direction (互访) that name one of the unit's
 * recipient areas in the program, dated in the year up to the evaluated quarter.
 */
import { z } from "zod";
import { annualCount, areaPrefixes, inAreas, noGroupArea, sum, toDate } from "../progress";
import { defineRule } from "../types";

export const leaderVisitsGuizhou = defineRule({
  id: "leader-visits-guizhou",
  title: (p) => ({ zh: `结对市县主要负责同志每年率队互访${p.perYear}次以上`, en: `Main leaders of the paired cities and counties visit at least ${p.perYear} time(s) a year` }),
  clause: "2022-guangdong-guizhou-pairing-opinions.txt §(十五)",
  quote: "协作市、县党委或政府主要负责同志每年率队互访对接1次以上,召开联席会议1次以上",
  period: "year",
  programs: ["gd-guizhou"],
  params: z.object({ perYear: z.number().int().min(0).max(100).default(1) }),
  facts: ["placeActivities"],
  evaluate(input, params) {
    if (input.groupAreas.length === 0) return noGroupArea();
    const visits = toDate(input.facts.placeActivities, input).filter((a) => a.kind === "visit" && a.leaderLevel === "main" && inAreas(a.areaCode, input.groupAreas));
    return annualCount(input, sum(visits, (a) => a.count), params.perYear, { zh: "主要负责同志率队互访", en: "main-leader visit(s) either way" });
  },
  evidence: (input) => ({ entity: "activity", from: input.period.from, to: input.period.to, kinds: ["visit"], leaderLevel: "main", areaPrefixes: areaPrefixes(input.groupAreas) }),
});
