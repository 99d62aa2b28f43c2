/**
 * 2022-dongguan-shaoguan-three-year-action-plan.txt §三(四)
 * 「结对学校间每年各安排 1 名学校领导班子成员或中层干部到对方学校挂职锻炼或跟岗学习。」
 * 「……营造浓厚的教研氛围，每年不少于 5 次，每年的教研活动均应实现各学科全覆盖。」
 * Each school of a pair sends at least one leader or middle manager to the other school a year; each
 * pair holds at least 5 teaching-research events a year.
 *
 * Per pairing of kind `school` in force, the activities carrying its id dated in the year up to the
 * evaluated quarter. Leader exchanges are exchanges with a leader level, counted in people (an entry
 * counts at least one) in each direction — `to_recipient` (our leader goes) and `from_recipient`
 * (theirs comes); both directions must keep up. Teaching research counts teaching_research
 * activities; the subjects they cover are not recorded, so full subject coverage is not checked.
 * Each pair is held to its pro-rata figure (from its start quarter when it started this year).
 */
import { z } from "zod";
import { dueForPair, judgePairs, pairActivities } from "../pairs";
import { expectedByNow, sum } from "../progress";
import { defineRule } from "../types";

const NO_SCHOOLS = { zh: "本单位没有在期内的结对学校。", en: "The unit has no school pairs in force." };
const DS = "2022-dongguan-shaoguan-three-year-action-plan.txt §三(四)";

export const schoolLeaderExchanges = defineRule({
  id: "school-leader-exchanges",
  title: (p) => ({ zh: `结对学校间每年各安排${p.perDirection}名领导班子成员或中层干部挂职跟岗`, en: `Each school of a pair sends ${p.perDirection} leader(s) to the other a year` }),
  clause: DS,
  quote: "结对学校间每年各安排 1 名学校领导班子成员或中层干部到对方学校挂职锻炼或跟岗学习。",
  period: "year",
  programs: ["dongguan-shaoguan"],
  params: z.object({ perDirection: z.number().int().min(0).max(100).default(1) }),
  facts: ["pairings", "pairActivities"],
  evaluate(input, params) {
    return judgePairs(
      input,
      "school",
      NO_SCHOOLS,
      (pairing) => {
        const exchanges = pairActivities(input, pairing.id).filter((a) => a.kind === "exchange" && a.leader);
        const leaders = (direction: string) => sum(exchanges.filter((a) => a.direction === direction), (a) => a.persons);
        const sent = leaders("to_recipient");
        const received = leaders("from_recipient");
        const due = dueForPair(params.perDirection, pairing, input);
        return { ok: sent >= due && received >= due, behind: { zh: `${pairing.counterpart} 我方派出 ${sent} 名、对方派来 ${received} 名`, en: `${pairing.counterpart} (sent ${sent}, received ${received})` } };
      },
      (kept, total, behind) => ({
        zh: `结对学校 ${total} 对，其中 ${kept} 对双方挂职跟岗的领导班子成员或中层干部均达到截至本期应有的 ${expectedByNow(params.perDirection, input)} 名（全年每方不少于 ${params.perDirection} 名）` + (behind.length > 0 ? `；未达到：${behind.map((b) => b.zh).join("；")}。` : "。"),
        en: `${kept} of ${total} school pair(s) exchanged the ${expectedByNow(params.perDirection, input)} leader(s) due by this period (at least ${params.perDirection} each way a year)` + (behind.length > 0 ? `; behind: ${behind.map((b) => b.en).join(", ")}.` : "."),
      }),
    );
  },
  evidence: (input) => ({ entity: "activity", from: input.period.from, to: input.period.to, kinds: ["exchange"], pairingKinds: ["school"] }),
});

export const schoolTeachingResearch = defineRule({
  id: "school-teaching-research",
  title: (p) => ({ zh: `结对学校每年开展教研活动不少于${p.perYear}次`, en: `Each school pair holds at least ${p.perYear} teaching-research events a year` }),
  clause: DS,
  quote:
    "开展教学教研指导帮扶，通过线上线下方式，开展两地市、县（镇街、园区）或学校的区域教研联动、专题讲座、专题研训活动，以及信息化教学资源共建共享，对教育教学、课题研究和信息化教学改革作具体业务指导，营造浓厚的教研氛围，每年不少于 5 次，每年的教研活动均应实现各学科全覆盖。",
  period: "year",
  programs: ["dongguan-shaoguan"],
  params: z.object({ perYear: z.number().int().min(0).max(100).default(5) }),
  facts: ["pairings", "pairActivities"],
  evaluate(input, params) {
    return judgePairs(
      input,
      "school",
      NO_SCHOOLS,
      (pairing) => {
        const held = sum(pairActivities(input, pairing.id).filter((a) => a.kind === "teaching_research"), (a) => a.count);
        const due = dueForPair(params.perYear, pairing, input);
        return { ok: held >= due, behind: { zh: `${pairing.counterpart} ${held} 次`, en: `${pairing.counterpart} (${held})` } };
      },
      (kept, total, behind) => ({
        zh: `结对学校 ${total} 对，其中 ${kept} 对教研活动达到截至本期应有的 ${expectedByNow(params.perYear, input)} 次（全年每对不少于 ${params.perYear} 次）` + (behind.length > 0 ? `；未达到：${behind.map((b) => b.zh).join("、")}。` : "。"),
        en: `${kept} of ${total} school pair(s) held the ${expectedByNow(params.perYear, input)} teaching-research event(s) due by this period (at least ${params.perYear} a year per pair)` + (behind.length > 0 ? `; behind: ${behind.map((b) => b.en).join(", ")}.` : "."),
      }),
    );
  },
  evidence: (input) => ({ entity: "activity", from: input.period.from, to: input.period.to, kinds: ["teaching_research"], pairingKinds: ["school"] }),
});
