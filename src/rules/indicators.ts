/**
 * The annual indicators the policy documents set, per program. They pre-fill a unit's targets
 * (editable per unit and year). Where a rule checks the figure, the indicator names that rule's
 * parameter and its target is the parameter as the program sets it — never a copy that could
 * disagree with the rule; the rest carry the document's fixed figure. Integers only: percentages as
 * whole percent, money as fen, else counts.
 */
import { ruleById } from "./catalog";
import { paramsFor, type ConfiguredRule } from "./rule-sets";

export type IndicatorUnit = "count" | "percent" | "fen" | "person_times";

export interface Indicator {
  key: string;
  program: string;
  label: { zh: string; en: string };
  unit: IndicatorUnit;
  /** The rule parameter that holds the figure, when a rule checks it. */
  param?: { rule: string; key: string };
  /** The figure the document asks for in a year, when no rule parameter holds it. */
  target?: number;
  /** File and section of the clause. */
  clause: string;
}

const OLD = "2022-guangdong-old-revolutionary-areas-pairing.txt";
const DS = "2022-dongguan-shaoguan-three-year-action-plan.txt";
const EW = "2016-guangdong-east-west-poverty-collaboration.txt";
const GZ = "2022-guangdong-guizhou-pairing-opinions.txt";

export const INDICATORS: readonly Indicator[] = [
  { key: "visits.main_leader", program: "gd-old-areas", unit: "count", param: { rule: "main-leader-visits", key: "perYear" }, clause: `${OLD} §三(一)`, label: { zh: "主要负责同志赴受援地调研次数", en: "Main-leader visits to the recipient area" } },
  { key: "funds.grassroots_share", program: "gd-old-areas", unit: "percent", param: { rule: "funds-grassroots-share", key: "minPercent" }, clause: `${OLD} §三(二)`, label: { zh: "资金向基层和民生倾斜比例", en: "Share of funds for grassroots/livelihoods" } },
  { key: "projects.grassroots_share", program: "gd-old-areas", unit: "percent", param: { rule: "projects-grassroots-share", key: "minPercent" }, clause: `${OLD} §三(二)`, label: { zh: "项目向基层和民生倾斜比例", en: "Share of projects for grassroots/livelihoods" } },

  { key: "meetings.joint", program: "dongguan-shaoguan", unit: "count", param: { rule: "joint-meetings-dongguan", key: "perYear" }, clause: `${DS} §五(一)`, label: { zh: "联席会议次数", en: "Joint meetings" } },
  { key: "funds.town_livelihood", program: "dongguan-shaoguan", unit: "fen", param: { rule: "town-livelihood-funds", key: "minFen" }, clause: `${DS} §五(四)`, label: { zh: "每镇街民生帮扶资金", en: "Livelihood funds per town" } },
  { key: "hospital.contacts", program: "dongguan-shaoguan", unit: "count", param: { rule: "hospital-contacts", key: "perYear" }, clause: `${DS} §三(五)`, label: { zh: "每对结对医院对接次数", en: "Contacts per hospital pair" } },
  { key: "hospital.seminars", program: "dongguan-shaoguan", unit: "count", param: { rule: "hospital-seminars", key: "perYear" }, clause: `${DS} §三(五)`, label: { zh: "每对结对医院专题座谈/讲座次数", en: "Seminars per hospital pair" } },
  { key: "hospital.exchanges", program: "dongguan-shaoguan", unit: "person_times", param: { rule: "hospital-exchanges", key: "personTimesPerYear" }, clause: `${DS} §三(五)`, label: { zh: "每对结对医院人员交流人次", en: "Staff exchanges per hospital pair (person-times)" } },
  { key: "school.leader_exchanges", program: "dongguan-shaoguan", unit: "count", param: { rule: "school-leader-exchanges", key: "perDirection" }, clause: `${DS} §三(四)`, label: { zh: "每对结对学校每方派出领导挂职/跟岗人数", en: "Leaders exchanged each way per school pair" } },
  { key: "school.teaching_research", program: "dongguan-shaoguan", unit: "count", param: { rule: "school-teaching-research", key: "perYear" }, clause: `${DS} §三(四)`, label: { zh: "每对结对学校教研活动次数", en: "Teaching-research events per school pair" } },
  { key: "culture.books", program: "dongguan-shaoguan", unit: "fen", param: { rule: "culture-books", key: "minFen" }, clause: `${DS} §三(六)`, label: { zh: "每个结对文化单位书房扶持资金", en: "Book funds per paired cultural unit" } },
  { key: "performances", program: "dongguan-shaoguan", unit: "count", param: { rule: "performances", key: "perYear" }, clause: `${DS} §三(六)`, label: { zh: "韶关文化团队来莞演出场次", en: "Performances by Shaoguan troupes in Dongguan" } },
  { key: "jobs.to_recipient", program: "dongguan-shaoguan", unit: "count", param: { rule: "job-postings-to-recipient", key: "perYear" }, clause: `${DS} §四(九)`, label: { zh: "向韶关推送就业岗位数", en: "Job postings sent to Shaoguan" } },
  { key: "jobs.from_recipient", program: "dongguan-shaoguan", unit: "count", param: { rule: "job-postings-from-recipient", key: "perYear" }, clause: `${DS} §四(九)`, label: { zh: "韶关向东莞推送岗位数", en: "Job postings from Shaoguan" } },
  { key: "tourism.promotions", program: "dongguan-shaoguan", unit: "count", param: { rule: "tourism-promotions", key: "perYear" }, clause: `${DS} §四(十)`, label: { zh: "旅游推介活动次数", en: "Tourism promotion events" } },
  { key: "plan.five_haves", program: "dongguan-shaoguan", unit: "count", target: 5, clause: `${DS} §五(二)`, label: { zh: "“五有”文件齐备项数", en: "Five-haves documents in place" } },
  { key: "submissions.quarterly", program: "dongguan-shaoguan", unit: "count", target: 4, clause: `${DS} §五(四)`, label: { zh: "按季度报送次数", en: "Quarterly submissions" } },

  { key: "funds.fiscal_per_county", program: "gd-east-west-2016", unit: "fen", param: { rule: "fiscal-per-county", key: "perCountyFen" }, clause: `${EW} §10`, label: { zh: "每县财政援助资金", en: "Fiscal assistance per county" } },

  { key: "visits.leader", program: "gd-guizhou", unit: "count", param: { rule: "leader-visits-guizhou", key: "perYear" }, clause: `${GZ} §(十五)`, label: { zh: "结对市县主要负责同志互访次数", en: "Leader visits" } },
  { key: "meetings.joint", program: "gd-guizhou", unit: "count", param: { rule: "joint-meetings-guizhou", key: "perYear" }, clause: `${GZ} §(十五)`, label: { zh: "联席会议次数", en: "Joint meetings" } },
  { key: "agreement.annual", program: "gd-guizhou", unit: "count", target: 1, clause: `${GZ} §(十九)`, label: { zh: "签署年度协作协议", en: "Annual collaboration agreement signed" } },
];

export const INDICATOR_KEYS = [...new Set(INDICATORS.map((i) => i.key))] as [string, ...string[]];

/** An indicator's figure for a program: its rule's parameter as the program sets it, else the document's figure. */
export function indicatorTarget(indicator: Indicator, rules: readonly ConfiguredRule[]): number {
  if (!indicator.param) return indicator.target!;
  const rule = ruleById(indicator.param.rule)!;
  return Number((paramsFor(rules, rule) as Record<string, unknown>)[indicator.param.key]);
}

/** The indicators of the given programs. */
export function indicatorsFor(programs: readonly string[]): Indicator[] {
  return INDICATORS.filter((i) => programs.includes(i.program));
}
