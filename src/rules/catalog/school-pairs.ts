/**
 * 2022-dongguan-shaoguan-three-year-action-plan.txt §三(四)
 * 「结对学校间每年各安排 1 名学校领导班子成员或中层干部到对方学校挂职锻炼或跟岗学习。」
 * 「开展教学教研指导帮扶，通过线上线下方式，开展两地市、县（镇街、园区）或学校的区域教研联动、专题讲座、专题研训活动，
 *  以及信息化教学资源共建共享，对教育教学、课题研究和信息化教学改革作具体业务指导，营造浓厚的教研氛围，每年不少于 5 次，
 *  每年的教研活动均应实现各学科全覆盖。」
 * Each school of a pair sends at least one leader or middle manager to the other school a year; each
 * pair holds at least 5 teaching-research events a year.
 *
 * Per pairing of kind `school`, looks at the activities carrying its id, dated in the year up to the
 * evaluated quarter. Leader exchanges are exchanges with a leader level, counted in people (an entry
 * counts at least one) in each direction: `to_recipient` (our leader goes) and `from_recipient`
 * (theirs comes); both directions must keep up. Teaching research counts teaching_research activities;
 * the subjects they cover are not recorded, so full subject coverage is not checked. Each pair is
 * held to the pro-rata figure (ceil(target × quarter/4)); the rule passes when every pair keeps up,
 * and otherwise warns while the year runs and fails at its end. Actual and expected count pairs.
 */
import { z } from "zod";
import { activityEvidence, judgePairs } from "../pairs";
import { expectedByNow } from "../progress";
import { defineRule, type Row } from "../types";

const NO_SCHOOLS = { zh: "本单位没有结对学校。", en: "The unit has no school pairs." };

const DS = "2022-dongguan-shaoguan-three-year-action-plan.txt §三(四)";

/** People an exchange entry stands for: its person count, at least one. */
const leaders = (a: Row) => Math.max(1, Number(a.people ?? 0));

export const schoolLeaderExchanges = defineRule({
  id: "school-leader-exchanges",
  title: { zh: "结对学校间每年各安排1名领导班子成员或中层干部挂职跟岗", en: "Each school of a pair sends a leader to the other at least once a year" },
  clause: DS,
  quote: "结对学校间每年各安排 1 名学校领导班子成员或中层干部到对方学校挂职锻炼或跟岗学习。",
  period: "year",
  programs: ["dongguan-shaoguan"],
  params: z.object({ perDirection: z.number().int().min(0).max(100).default(1) }),
  evaluate(data, params) {
    const due = expectedByNow(params.perDirection, data);
    return judgePairs(
      data,
      "school",
      NO_SCHOOLS,
      (pairing, activities) => {
        const counted = activities.filter((a) => a.kind === "exchange" && a.leaderLevel != null && (a.direction === "to_recipient" || a.direction === "from_recipient"));
        const sent = counted.filter((a) => a.direction === "to_recipient").reduce((sum, a) => sum + leaders(a), 0);
        const received = counted.filter((a) => a.direction === "from_recipient").reduce((sum, a) => sum + leaders(a), 0);
        const counterpart = String(pairing.counterpart);
        return {
          ok: sent >= due && received >= due,
          value: sent + received,
          evidence: counted.map((a) => activityEvidence(a, leaders(a))),
          behind: { zh: `${counterpart} 我方派出 ${sent} 名、对方派来 ${received} 名`, en: `${counterpart} (sent ${sent}, received ${received})` },
        };
      },
      (kept, total, behind) => ({
        zh:
          `结对学校 ${total} 对，其中 ${kept} 对双方挂职跟岗的领导班子成员或中层干部均达到截至本期应有的 ${due} 名（全年每方不少于 ${params.perDirection} 名）` +
          (behind.length > 0 ? `；未达到：${behind.map((b) => b.zh).join("；")}。` : "。"),
        en:
          `${kept} of ${total} school pair(s) exchanged the ${due} leader(s) each way due by this period (at least ${params.perDirection} each way a year)` +
          (behind.length > 0 ? `; behind: ${behind.map((b) => b.en).join(", ")}.` : "."),
      }),
    );
  },
});

export const schoolTeachingResearch = defineRule({
  id: "school-teaching-research",
  title: { zh: "结对学校每年开展教研活动不少于5次", en: "Each school pair holds at least 5 teaching-research events a year" },
  clause: DS,
  quote:
    "开展教学教研指导帮扶，通过线上线下方式，开展两地市、县（镇街、园区）或学校的区域教研联动、专题讲座、专题研训活动，以及信息化教学资源共建共享，对教育教学、课题研究和信息化教学改革作具体业务指导，营造浓厚的教研氛围，每年不少于 5 次，每年的教研活动均应实现各学科全覆盖。",
  period: "year",
  programs: ["dongguan-shaoguan"],
  params: z.object({ perYear: z.number().int().min(0).max(100).default(5) }),
  evaluate(data, params) {
    const due = expectedByNow(params.perYear, data);
    return judgePairs(
      data,
      "school",
      NO_SCHOOLS,
      (pairing, activities) => {
        const counted = activities.filter((a) => a.kind === "teaching_research");
        const counterpart = String(pairing.counterpart);
        return {
          ok: counted.length >= due,
          value: counted.length,
          evidence: counted.map((a) => activityEvidence(a, 1)),
          behind: { zh: `${counterpart} ${counted.length} 次`, en: `${counterpart} (${counted.length})` },
        };
      },
      (kept, total, behind) => ({
        zh:
          `结对学校 ${total} 对，其中 ${kept} 对教研活动达到截至本期应有的 ${due} 次（全年每对不少于 ${params.perYear} 次）` +
          (behind.length > 0 ? `；未达到：${behind.map((b) => b.zh).join("、")}。` : "。"),
        en:
          `${kept} of ${total} school pair(s) held the ${due} teaching-research event(s) due by this period (at least ${params.perYear} a year per pair)` +
          (behind.length > 0 ? `; behind: ${behind.map((b) => b.en).join(", ")}.` : "."),
      }),
    );
  },
});
