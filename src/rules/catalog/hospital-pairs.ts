/**
 * 2022-dongguan-shaoguan-three-year-action-plan.txt §三(五)
 * 「原则上双方结对医疗机构每年对接不少于2次,每年组织双方结对医院院长或名医专家开展不少于1次专题帮扶座谈会、教学活动或学术讲座等交流活动。」
 * 「原则上每年每对结对医疗机构间人员交流不得少于20人次。」
 * Every hospital pair has at least 2 contacts a year, at least 1 seminar (or teaching event, or lecture)
 * a year, and at least 20 person-times of staff exchange a year.
 *
 * Per pairing of kind `hospital`, adds up the activities carrying its id, dated in the year up to the
 * evaluated quarter: contacts are visits, joint meetings, seminars, exchanges and trainings (one each);
 * seminars are seminars (one each); exchanges add up their person-times. Each pair is held to the
 * pro-rata figure (ceil(target × quarter/4)); the rule passes when every pair keeps up, and otherwise
 * warns while the year runs and fails at its end. Actual and expected count pairs.
 */
import { z } from "zod";
import { activityEvidence, judgePairs } from "../pairs";
import { expectedByNow } from "../progress";
import { defineRule, type PeriodData, type Row, type RuleResult } from "../types";

const DS = "2022-dongguan-shaoguan-three-year-action-plan.txt §三(五)";
const CONTACTS_QUOTE = "原则上双方结对医疗机构每年对接不少于2次,每年组织双方结对医院院长或名医专家开展不少于1次专题帮扶座谈会、教学活动或学术讲座等交流活动。";
const CONTACT_KINDS: readonly unknown[] = ["visit", "joint_meeting", "seminar", "exchange", "training"];

/** What one rule adds up per pair, and how its figure reads. */
interface Measure {
  counts: (a: Row) => boolean;
  /** The figure one activity contributes: 1, or its person-times. */
  weight: (a: Row) => number;
  zh: { what: string; unit: string };
  en: { what: string };
}

/** Holds every hospital pair to the pro-rata figure of `target`; lists by counterpart the pairs behind. */
function judgeHospitalPairs(data: PeriodData, target: number, m: Measure): RuleResult {
  const due = expectedByNow(target, data);
  return judgePairs(
    data,
    "hospital",
    { zh: "本单位没有结对医疗机构。", en: "The unit has no hospital pairs." },
    (pairing, activities) => {
      const counted = activities.filter(m.counts);
      const value = counted.reduce((sum, a) => sum + m.weight(a), 0);
      const counterpart = String(pairing.counterpart);
      return {
        ok: value >= due,
        value,
        evidence: counted.map((a) => activityEvidence(a, m.weight(a))),
        behind: { zh: `${counterpart} ${value} ${m.zh.unit}`, en: `${counterpart} (${value})` },
      };
    },
    (kept, total, behind) => ({
      zh:
        `结对医疗机构 ${total} 对，其中 ${kept} 对${m.zh.what}达到截至本期应有的 ${due} ${m.zh.unit}（全年每对不少于 ${target} ${m.zh.unit}）` +
        (behind.length > 0 ? `；未达到：${behind.map((b) => b.zh).join("、")}。` : "。"),
      en:
        `${kept} of ${total} hospital pair(s) reached the ${due} ${m.en.what} due by this period (at least ${target} a year per pair)` +
        (behind.length > 0 ? `; behind: ${behind.map((b) => b.en).join(", ")}.` : "."),
    }),
  );
}

export const hospitalContacts = defineRule({
  id: "hospital-contacts",
  title: { zh: "结对医疗机构每年对接不少于2次", en: "Each hospital pair has at least 2 contacts a year" },
  clause: DS,
  quote: CONTACTS_QUOTE,
  period: "year",
  programs: ["dongguan-shaoguan"],
  params: z.object({ perYear: z.number().int().min(0).max(100).default(2) }),
  evaluate(data, params) {
    return judgeHospitalPairs(data, params.perYear, {
      counts: (a) => CONTACT_KINDS.includes(a.kind),
      weight: () => 1,
      zh: { what: "对接", unit: "次" },
      en: { what: "contact(s)" },
    });
  },
});

export const hospitalSeminars = defineRule({
  id: "hospital-seminars",
  title: { zh: "结对医院每年开展不少于1次专题座谈会或学术讲座", en: "Each hospital pair holds at least 1 seminar a year" },
  clause: DS,
  quote: CONTACTS_QUOTE,
  period: "year",
  programs: ["dongguan-shaoguan"],
  params: z.object({ perYear: z.number().int().min(0).max(100).default(1) }),
  evaluate(data, params) {
    return judgeHospitalPairs(data, params.perYear, {
      counts: (a) => a.kind === "seminar",
      weight: () => 1,
      zh: { what: "专题座谈会、教学活动或学术讲座", unit: "次" },
      en: { what: "seminar(s)" },
    });
  },
});

export const hospitalExchanges = defineRule({
  id: "hospital-exchanges",
  title: { zh: "每对结对医疗机构每年人员交流不少于20人次", en: "At least 20 person-times of staff exchange per hospital pair a year" },
  clause: DS,
  quote: "原则上每年每对结对医疗机构间人员交流不得少于20人次。",
  period: "year",
  programs: ["dongguan-shaoguan"],
  params: z.object({ personTimesPerYear: z.number().int().min(0).max(10_000).default(20) }),
  evaluate(data, params) {
    return judgeHospitalPairs(data, params.personTimesPerYear, {
      counts: (a) => a.kind === "exchange",
      weight: (a) => Number(a.people ?? 0),
      zh: { what: "人员交流", unit: "人次" },
      en: { what: "person-time(s) of staff exchange" },
    });
  },
});
