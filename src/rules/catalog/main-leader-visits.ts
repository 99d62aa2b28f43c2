/**
 * 2022-guangdong-old-revolutionary-areas-pairing.txt §三(一)
 * 「各对口支援单位主要负责同志每年赴受援地衔接工作、调研指导不少于2次。」
 * The main leader of every supporting unit goes to the recipient area at least twice a year.
 *
 * Counts: visit activities with leader level `main` and direction `to_recipient` dated in the year
 * up to the evaluated quarter. Quarterly evaluation is pro rata (1 by the end of Q2).
 */
import { z } from "zod";
import { annualActivityCount } from "../progress";
import { defineRule } from "../types";

export const mainLeaderVisits = defineRule({
  id: "main-leader-visits",
  title: { zh: "主要负责同志每年赴受援地不少于2次", en: "Main leader visits the recipient area at least twice a year" },
  clause: "2022-guangdong-old-revolutionary-areas-pairing.txt §三(一)",
  quote: "各对口支援单位主要负责同志每年赴受援地衔接工作、调研指导不少于2次。",
  period: "year",
  programs: ["gd-old-areas"],
  params: z.object({ perYear: z.number().int().min(0).max(100).default(2) }),
  evaluate(data, params) {
    const visits = data.activities.filter((a) => a.kind === "visit" && a.leaderLevel === "main" && a.direction === "to_recipient");
    return annualActivityCount(data, visits, params.perYear, { zh: "主要负责同志赴受援地", en: "main-leader visit(s)" });
  },
});
