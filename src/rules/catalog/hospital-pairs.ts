/**
 * 2022-dongguan-shaoguan-three-year-action-plan.txt §三(五)
 * 「原则上双方结对医疗机构每年对接不少于2次,每年组织双方结对医院院长或名医专家开展不少于1次专题帮扶座谈会、教学活动或学术讲座等交流活动。」
 * 「原则上每年每对结对医疗机构间人员交流不得少于20人次。」
 * Each hospital pair has at least 2 contacts and 1 seminar a year, and 20 person-times of exchange.
 *
 * Per pairing of kind `hospital` in force, the activities carrying its id dated in the year up to the
 * evaluated quarter: contacts are visits, joint meetings, seminars, exchanges and trainings; seminars
 * are seminars; exchanges add up the person-times (`people`) of exchange entries. Each pair is held
 * to its pro-rata figure (from its start quarter when it started this year).
 */
import { z } from "zod";
import type { PairActivityFact } from "../../figures/facts";
import { dueForPair, judgePairs, pairActivities } from "../pairs";
import { expectedByNow, sum } from "../progress";
import { defineRule, type RuleInput, type RuleResult } from "../types";

const DS = "2022-dongguan-shaoguan-three-year-action-plan.txt §三(五)";
const CONTACTS_QUOTE = "原则上双方结对医疗机构每年对接不少于2次,每年组织双方结对医院院长或名医专家开展不少于1次专题帮扶座谈会、教学活动或学术讲座等交流活动。";
const CONTACT_KINDS: readonly PairActivityFact["kind"][] = ["visit", "joint_meeting", "seminar", "exchange", "training"];

/** What one rule adds up per pair, and how its figure reads. */
interface Measure {
  kinds: readonly PairActivityFact["kind"][];
  figure: (a: PairActivityFact) => number;
  zh: { what: string; unit: string };
  en: { what: string };
}

function judgeHospitalPairs(input: RuleInput, target: number, m: Measure): RuleResult {
  return judgePairs(
    input,
    "hospital",
    { zh: "本单位没有在期内的结对医疗机构。", en: "The unit has no hospital pairs in force." },
    (pairing) => {
      const value = sum(pairActivities(input, pairing.id).filter((a) => m.kinds.includes(a.kind)), m.figure);
      const due = dueForPair(target, pairing, input);
      return { ok: value >= due, behind: { zh: `${pairing.counterpart} ${value} ${m.zh.unit}`, en: `${pairing.counterpart} (${value})` } };
    },
    (kept, total, behind) => ({
      zh: `结对医疗机构 ${total} 对，其中 ${kept} 对${m.zh.what}达到截至本期应有的 ${expectedByNow(target, input)} ${m.zh.unit}（全年每对不少于 ${target} ${m.zh.unit}）` + (behind.length > 0 ? `；未达到：${behind.map((b) => b.zh).join("、")}。` : "。"),
      en: `${kept} of ${total} hospital pair(s) reached the ${expectedByNow(target, input)} ${m.en.what} due by this period (at least ${target} a year per pair)` + (behind.length > 0 ? `; behind: ${behind.map((b) => b.en).join(", ")}.` : "."),
    }),
  );
}

const evidence = (kinds: readonly string[]) => (input: RuleInput) => ({ entity: "activity" as const, from: input.period.from, to: input.period.to, kinds, pairingKinds: ["hospital"] });

export const hospitalContacts = defineRule({
  id: "hospital-contacts",
  title: (p) => ({ zh: `结对医疗机构每年对接不少于${p.perYear}次`, en: `Each hospital pair has at least ${p.perYear} contacts a year` }),
  clause: DS,
  quote: CONTACTS_QUOTE,
  period: "year",
  programs: ["dongguan-shaoguan"],
  params: z.object({ perYear: z.number().int().min(0).max(100).default(2) }),
  facts: ["pairings", "pairActivities"],
  evaluate: (input, params) => judgeHospitalPairs(input, params.perYear, { kinds: CONTACT_KINDS, figure: (a) => a.count, zh: { what: "对接", unit: "次" }, en: { what: "contact(s)" } }),
  evidence: evidence(CONTACT_KINDS),
});

export const hospitalSeminars = defineRule({
  id: "hospital-seminars",
  title: (p) => ({ zh: `结对医院每年开展不少于${p.perYear}次专题座谈会或学术讲座`, en: `Each hospital pair holds at least ${p.perYear} seminar(s) a year` }),
  clause: DS,
  quote: CONTACTS_QUOTE,
  period: "year",
  programs: ["dongguan-shaoguan"],
  params: z.object({ perYear: z.number().int().min(0).max(100).default(1) }),
  facts: ["pairings", "pairActivities"],
  evaluate: (input, params) => judgeHospitalPairs(input, params.perYear, { kinds: ["seminar"], figure: (a) => a.count, zh: { what: "专题座谈会、教学活动或学术讲座", unit: "次" }, en: { what: "seminar(s)" } }),
  evidence: evidence(["seminar"]),
});

export const hospitalExchanges = defineRule({
  id: "hospital-exchanges",
  title: (p) => ({ zh: `每对结对医疗机构每年人员交流不少于${p.personTimesPerYear}人次`, en: `At least ${p.personTimesPerYear} person-times of staff exchange per hospital pair a year` }),
  clause: DS,
  quote: "原则上每年每对结对医疗机构间人员交流不得少于20人次。",
  period: "year",
  programs: ["dongguan-shaoguan"],
  params: z.object({ personTimesPerYear: z.number().int().min(0).max(10_000).default(20) }),
  facts: ["pairings", "pairActivities"],
  evaluate: (input, params) => judgeHospitalPairs(input, params.personTimesPerYear, { kinds: ["exchange"], figure: (a) => a.people, zh: { what: "人员交流", unit: "人次" }, en: { what: "person-time(s) of staff exchange" } }),
  evidence: evidence(["exchange"]),
});
