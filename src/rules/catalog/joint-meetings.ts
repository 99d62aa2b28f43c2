/**
 * 2022-guangdong-guizhou-pairing-opinions.txt §(十五)
 * 「协作市、县党委或政府主要负责同志每年率队互访对接1次以上,召开联席会议1次以上」
 * 2022-dongguan-shaoguan-three-year-action-plan.txt §五(一)
 * 「……各对口部门要建立专门对接工作小组，加强组织协调，完善工作机制，每年召开不少于2次的专门联席会议……」
 *
 * Guangdong–Guizhou: joint meetings that name one of the unit's recipient areas (or no area — a
 * meeting of the pair itself), dated in the year up to the evaluated quarter, pro rata.
 *
 * Dongguan–Shaoguan: the clause binds each paired department (对口部门). Each pairing of kind
 * `department` in force is held to the figure with the joint meetings that name it (or its
 * department, the sub-unit); a unit that records no department pairings is one department itself
 * and is held to the figure with all its joint meetings.
 */
import { z } from "zod";
import { dueForPair, judgePairs } from "../pairs";
import { annualCount, inAreas, noGroupArea, sum, toDate } from "../progress";
import { defineRule } from "../types";

const params = (perYear: number) => z.object({ perYear: z.number().int().min(0).max(100).default(perYear) });

export const jointMeetingsGuizhou = defineRule({
  id: "joint-meetings-guizhou",
  title: (p) => ({ zh: `结对市县每年召开联席会议${p.perYear}次以上`, en: `Paired cities and counties hold at least ${p.perYear} joint meeting(s) a year` }),
  clause: "2022-guangdong-guizhou-pairing-opinions.txt §(十五)",
  quote: "协作市、县党委或政府主要负责同志每年率队互访对接1次以上,召开联席会议1次以上",
  period: "year",
  programs: ["gd-guizhou"],
  params: params(1),
  facts: ["placeActivities"],
  evaluate(input, p) {
    if (input.groupAreas.length === 0) return noGroupArea();
    const meetings = toDate(input.facts.placeActivities, input).filter((a) => a.kind === "joint_meeting" && (a.areaCode === null || inAreas(a.areaCode, input.groupAreas)));
    return annualCount(input, sum(meetings, (a) => a.count), p.perYear, { zh: "召开联席会议", en: "joint meeting(s)" });
  },
  evidence: (input) => ({ entity: "activity", from: input.period.from, to: input.period.to, kinds: ["joint_meeting"] }),
});

export const jointMeetingsDongguan = defineRule({
  id: "joint-meetings-dongguan",
  title: (p) => ({ zh: `各对口部门每年召开不少于${p.perYear}次专门联席会议`, en: `Each paired department holds at least ${p.perYear} joint meetings a year` }),
  clause: "2022-dongguan-shaoguan-three-year-action-plan.txt §五(一)",
  quote:
    "两市各级各部门要切实把思想和行动统一到省、市关于对口帮扶工作的决策部署上来，把落实各行动计划作为重点工作，切实抓紧抓实，各对口部门要建立专门对接工作小组，加强组织协调，完善工作机制，每年召开不少于2次的专门联席会议，形成齐抓共管、协同推进的工作格局。",
  period: "year",
  programs: ["dongguan-shaoguan"],
  params: params(2),
  facts: ["activities", "pairActivities", "pairings"],
  evaluate(input, p) {
    if (input.groupAreas.length === 0) return noGroupArea();
    const departments = input.facts.pairings.filter((x) => x.kind === "department");
    if (departments.length === 0) {
      const meetings = toDate(input.facts.activities, input).filter((a) => a.kind === "joint_meeting");
      return annualCount(input, sum(meetings, (a) => a.count), p.perYear, { zh: "召开专门联席会议（本单位未登记对口部门结对，按本单位整体计）", en: "joint meeting(s) (no department pairings recorded: the unit as a whole)" });
    }
    const meetings = toDate(input.facts.pairActivities, input).filter((a) => a.kind === "joint_meeting");
    return judgePairs(
      input,
      "department",
      { zh: "本单位没有在期内的对口部门结对。", en: "No department pairing is in force." },
      (pairing) => {
        const held = sum(meetings.filter((a) => a.pairingId === pairing.id || (pairing.subUnitId !== null && a.subUnitId === pairing.subUnitId)), (a) => a.count);
        const due = dueForPair(p.perYear, pairing, input);
        return { ok: held >= due, behind: { zh: `${pairing.counterpart} ${held} 次（应达 ${due} 次）`, en: `${pairing.counterpart} (${held} of ${due})` } };
      },
      (kept, total, behind) => ({
        zh: `对口部门结对 ${total} 个，其中 ${kept} 个专门联席会议达到截至本期应有的次数（全年每个不少于 ${p.perYear} 次）` + (behind.length ? `；未达到：${behind.map((b) => b.zh).join("、")}。` : "。"),
        en: `${kept} of ${total} paired department(s) held the joint meetings due by this period (at least ${p.perYear} a year each)` + (behind.length ? `; behind: ${behind.map((b) => b.en).join(", ")}.` : "."),
      }),
    );
  },
  evidence: (input) => ({ entity: "activity", from: input.period.from, to: input.period.to, kinds: ["joint_meeting"] }),
});
