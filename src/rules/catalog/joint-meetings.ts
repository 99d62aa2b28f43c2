/**
 * Joint meetings (联席会议), as two documents ask for them:
 *
 * 2022-guangdong-guizhou-pairing-opinions.txt §(十五)
 * 「协作市、县党委或政府主要负责同志每年率队互访对接1次以上,召开联席会议1次以上」
 * The paired cities and counties hold at least one joint meeting a year.
 *
 * 2022-dongguan-shaoguan-three-year-action-plan.txt §五(一)
 * 「两市各级各部门要切实把思想和行动统一到省、市关于对口帮扶工作的决策部署上来，把落实各行动计划作为重点工作，
 * 切实抓紧抓实，各对口部门要建立专门对接工作小组，加强组织协调，完善工作机制，每年召开不少于2次的专门联席会议，
 * 形成齐抓共管、协同推进的工作格局。」
 * The paired departments hold at least two dedicated joint meetings a year.
 *
 * Counts: activities of kind `joint_meeting` dated in the year up to the evaluated quarter, for the
 * unit as a whole. Quarterly evaluation is pro rata. Not applicable to a unit with no recipient area
 * in the program.
 */
import { z } from "zod";
import { annualActivityCount, notApplicable } from "../progress";
import { defineRule, type PeriodData, type RuleResult } from "../types";

const params = (perYear: number) => z.object({ perYear: z.number().int().min(0).max(100).default(perYear) });

/** Joint meetings held this year against `perYear`. */
function jointMeetings(data: PeriodData, perYear: number): RuleResult {
  if (data.groupAreas.length === 0) {
    return notApplicable("count", "本单位在本项目中没有结对地区，不适用。", "The unit has no paired area in this program: not applicable.");
  }
  const meetings = data.activities.filter((a) => a.kind === "joint_meeting");
  return annualActivityCount(data, meetings, perYear, { zh: "召开联席会议", en: "joint meeting(s)" });
}

export const jointMeetingsGuizhou = defineRule({
  id: "joint-meetings-guizhou",
  title: { zh: "结对市县每年召开联席会议1次以上", en: "Paired cities and counties hold at least one joint meeting a year" },
  clause: "2022-guangdong-guizhou-pairing-opinions.txt §(十五)",
  quote: "协作市、县党委或政府主要负责同志每年率队互访对接1次以上,召开联席会议1次以上",
  period: "year",
  programs: ["gd-guizhou"],
  params: params(1),
  evaluate: (data, p) => jointMeetings(data, p.perYear),
});

export const jointMeetingsDongguan = defineRule({
  id: "joint-meetings-dongguan",
  title: { zh: "各对口部门每年召开不少于2次专门联席会议", en: "Paired departments hold at least two joint meetings a year" },
  clause: "2022-dongguan-shaoguan-three-year-action-plan.txt §五(一)",
  quote:
    "两市各级各部门要切实把思想和行动统一到省、市关于对口帮扶工作的决策部署上来，把落实各行动计划作为重点工作，切实抓紧抓实，各对口部门要建立专门对接工作小组，加强组织协调，完善工作机制，每年召开不少于2次的专门联席会议，形成齐抓共管、协同推进的工作格局。",
  period: "year",
  programs: ["dongguan-shaoguan"],
  params: params(2),
  evaluate: (data, p) => jointMeetings(data, p.perYear),
});
