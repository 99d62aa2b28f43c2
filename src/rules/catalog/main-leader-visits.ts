/**
 * 2022-guangdong-old-revolutionary-areas-pairing.txt §三(一)
 * 「各对口支援单位主要负责同志每年赴受援地衔接工作、调研指导不少于2次。」
 * The main leader of every supporting unit goes to the recipient area at least twice a year.
 *
 * Counts: visits with leader level `main` and direction `to_recipient` to one of the unit's own
 * recipient areas in the program (a visit to another county does not count), dated in the year up to
 * the evaluated quarter. Quarterly evaluation is pro rata (1 by the end of Q2).
 */
import { z } from "zod";
import { annualCount, areaPrefixes, inAreas, noGroupArea, sum, toDate } from "../progress";
import { defineRule, type RuleInput } from "../types";

/** Main-leader visits to one of the unit's recipient areas, by the judging day. */
const visits = (input: RuleInput) =>
  toDate(input.facts.placeActivities, input).filter((a) => a.kind === "visit" && a.leaderLevel === "main" && a.direction === "to_recipient" && inAreas(a.areaCode, input.groupAreas));

export const mainLeaderVisits = defineRule({
  id: "main-leader-visits",
  title: (p) => ({ zh: `主要负责同志每年赴受援地不少于${p.perYear}次`, en: `Main leader visits the recipient area at least ${p.perYear} times a year` }),
  clause: "2022-guangdong-old-revolutionary-areas-pairing.txt §三(一)",
  quote: "各对口支援单位主要负责同志每年赴受援地衔接工作、调研指导不少于2次。",
  period: "year",
  programs: ["gd-old-areas"],
  params: z.object({ perYear: z.number().int().min(0).max(100).default(2) }),
  facts: ["placeActivities"],
  evaluate(input, params) {
    if (input.groupAreas.length === 0) return noGroupArea();
    return annualCount(input, sum(visits(input), (a) => a.count), params.perYear, { zh: "主要负责同志赴受援地", en: "main-leader visit(s) to the recipient area" });
  },
  evidence: (input) => ({ entity: "activity", from: input.period.from, to: input.period.to, kinds: ["visit"], leaderLevel: "main", direction: "to_recipient", areaPrefixes: areaPrefixes(input.groupAreas) }),
});
