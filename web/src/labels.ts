/**
 * Chinese and English labels of the API's enum values, duplicated from src/ledger/resources/*.ts and
 * src/rules/indicators.ts (the web build does not import server code). Each entry is [zh, en].
 */
import { pick } from "./i18n";

export type LabelMap = Record<string, readonly [string, string]>;

export const SUB_UNIT_KIND: LabelMap = {
  town: ["镇街", "Town"],
  department: ["部门", "Department"],
  school: ["学校", "School"],
  hospital: ["医院", "Hospital"],
  cultural_unit: ["文化单位", "Cultural unit"],
  enterprise: ["企业", "Enterprise"],
  other: ["其他", "Other"],
};

export const PAIRING_KIND: LabelMap = {
  town_county: ["镇街—县（组团）", "Town–county (group)"],
  school: ["学校结对", "School pair"],
  hospital: ["医院结对", "Hospital pair"],
  culture: ["文化单位结对", "Cultural pair"],
  enterprise_village: ["企业—村结对", "Enterprise–village"],
  department: ["部门结对", "Department pair"],
  other: ["其他", "Other"],
};

export const PROJECT_CATEGORY: LabelMap = {
  industry: ["产业合作", "Industry"],
  employment: ["劳务协作与就业", "Labour & employment"],
  education: ["教育", "Education"],
  health: ["医疗卫生", "Health"],
  infrastructure: ["基础设施", "Infrastructure"],
  rural_revitalisation: ["乡村振兴", "Rural revitalisation"],
  consumption: ["消费帮扶", "Consumption support"],
  culture: ["文化", "Culture"],
  other: ["其他", "Other"],
};

export const PROJECT_STATUS: LabelMap = {
  planned: ["计划", "Planned"],
  approved: ["已立项", "Approved"],
  in_progress: ["实施中", "In progress"],
  completed: ["已完工", "Completed"],
  accepted: ["已验收", "Accepted"],
};

/** The one step each project status may take (src/ledger/resources/projects.ts NEXT_STATUS). */
export const NEXT_PROJECT_STATUS: Record<string, string | undefined> = { planned: "approved", approved: "in_progress", in_progress: "completed", completed: "accepted" };

export const FUND_KIND: LabelMap = {
  allocation: ["安排（拨入）", "Allocation"],
  disbursement: ["拨付（支出）", "Disbursement"],
  social_donation: ["社会捐赠", "Social donation"],
  enterprise_investment: ["企业投资", "Enterprise investment"],
};

export const FUND_SOURCE: LabelMap = {
  province: ["省级", "Province"],
  city: ["市级", "City"],
  town: ["镇街", "Town"],
  enterprise: ["企业", "Enterprise"],
  society: ["社会", "Society"],
};

export const CADRE_LEVEL: LabelMap = {
  county_deputy: ["县处级副职", "County deputy"],
  middle_manager: ["中层管理人员", "Middle manager"],
  section: ["科级", "Section level"],
  other: ["其他", "Other"],
};

export const CADRE_STATUS: LabelMap = { in_post: ["在岗", "In post"], completed: ["期满", "Completed"], recalled: ["提前召回", "Recalled"] };

export const GENDER: LabelMap = { male: ["男", "Male"], female: ["女", "Female"] };

export const ACTIVITY_KIND: LabelMap = {
  visit: ["互访调研", "Visit"],
  joint_meeting: ["联席会议", "Joint meeting"],
  training: ["培训", "Training"],
  exchange: ["人员交流", "Staff exchange"],
  job_posting: ["岗位信息推送", "Job postings"],
  performance: ["文艺演出", "Performance"],
  promotion_event: ["旅游推介活动", "Tourism promotion"],
  job_fair: ["人力资源供需对接会", "Supply-demand job fair"],
  seminar: ["专题座谈/学术讲座", "Seminar / lecture"],
  teaching_research: ["教研活动", "Teaching research"],
  purchase: ["消费帮扶采购", "Consumption purchase"],
  agreement: ["签署年度协作协议", "Annual agreement"],
  plan_document: ["“五有”文件", "Five-haves document"],
  other: ["其他", "Other"],
};

export const DIRECTION: LabelMap = { to_recipient: ["我方赴/送受援地", "To the recipient"], from_recipient: ["受援地来/送我方", "From the recipient"] };
export const LEADER_LEVEL: LabelMap = { main: ["主要负责同志", "Main leader"], deputy: ["分管负责同志", "Deputy leader"] };
export const PLAN_DOCUMENT: LabelMap = {
  dedicated_group: ["专责小组", "Dedicated group"],
  three_year_plan: ["三年规划", "Three-year plan"],
  annual_plan: ["年度计划", "Annual plan"],
  annual_task_list: ["年度任务清单", "Annual task list"],
  completion_dates: ["完成时限", "Completion dates"],
};

export const TARGET_SOURCE: LabelMap = { rule: ["政策文件", "Policy document"], manual: ["本单位调整", "Set by the unit"] };
export const SUBMISSION_STATUS: LabelMap = { draft: ["草稿", "Draft"], submitted: ["已提交", "Submitted"], reopened: ["已退回修改", "Reopened"] };

export const UNIT_KIND: LabelMap = {
  city: ["地级市", "City"],
  provincial_organ: ["省直单位", "Provincial organ"],
  state_enterprise: ["省属国企", "Provincial state enterprise"],
  central_enterprise: ["中央企业", "Central state enterprise"],
  // 新华社 and the academies as well as the central units in Guangdong (中央驻粤机构).
  central_unit: ["中央单位", "Central unit"],
  ministry: ["部委", "Ministry"],
  special_zone: ["特别合作区", "Special zone"],
  other: ["其他", "Other"],
};

/** The recipient's standing on a record (GET /api/recipient/claims, …/thread). */
export const STANDING: LabelMap = { unconfirmed: ["待确认", "Not yet confirmed"], confirmed: ["已确认", "Confirmed"], disputed: ["有异议", "Disputed"], amended: ["已更正待确认", "Corrected, to confirm"] };
export const THREAD_KIND: LabelMap = {
  confirmed: ["确认", "Confirmed"],
  disputed: ["异议", "Disputed"],
  reply: ["留言", "Message"],
  amended: ["已更正", "Corrected"],
  returned: ["退回", "Returned"],
  resubmitted: ["重新报送", "Resubmitted"],
  note: ["备注", "Note"],
};
export const THREAD_SIDE: LabelMap = { helper: ["帮扶方", "Helper"], recipient: ["受援地", "Recipient"], coordinator: ["牵头部门", "Coordinating office"] };
export const NOTICE_KIND: LabelMap = { ...THREAD_KIND, remind: ["催报", "Reminder"], deadline: ["临近期限", "Deadline"], issued: ["报告已生成", "Report issued"] };

/** How the document has a recipient area helped (groups.basis). */
export const GROUP_BASIS: LabelMap = { pairing: ["结对帮扶", "Pairing"], support: ["对口支援", "Paired support"], funds: ["资金支持", "Funds only"] };

export const ROLE: LabelMap = {
  admin: ["平台管理员", "Administrator"],
  coordinator: ["牵头部门", "Coordinator"],
  recipient: ["受援地用户", "Recipient"],
  unit_admin: ["单位管理员", "Unit administrator"],
  unit_editor: ["填报员", "Editor"],
  viewer: ["查阅", "Viewer"],
};

export const AUDIT_ACTION: LabelMap = {
  create: ["新增", "created"],
  update: ["修改", "updated"],
  void: ["作废", "voided"],
  import: ["导入", "imported"],
  submit: ["提交", "submitted"],
  reopen: ["退回", "reopened"],
  prefill: ["预填", "pre-filled"],
};

export const ENTITY: LabelMap = {
  sub_unit: ["下属单位", "sub-unit"],
  pairing: ["结对关系", "pairing"],
  project: ["项目", "project"],
  fund: ["资金", "fund"],
  cadre: ["挂职干部", "cadre"],
  activity: ["工作台账", "activity"],
  target: ["年度目标", "target"],
  submission: ["季度报送", "submission"],
};

export const REPORT_KIND: LabelMap = {
  unit_quarterly: ["单位季度报告", "Unit quarterly report"],
  program_quarterly: ["季度汇总报告", "Program quarterly report"],
  program_annual: ["年度考核报告", "Annual assessment"],
};

export type IndicatorUnit = "count" | "percent" | "fen" | "person_times";

/** src/rules/indicators.ts: key → unit and label (the first program's label where a key repeats). */
export const INDICATOR: Record<string, { unit: IndicatorUnit; label: readonly [string, string] }> = {
  "visits.main_leader": { unit: "count", label: ["主要负责同志赴受援地调研次数", "Main-leader visits to the recipient area"] },
  "funds.grassroots_share": { unit: "percent", label: ["资金向基层和民生倾斜比例", "Share of funds for grassroots/livelihoods"] },
  "projects.grassroots_share": { unit: "percent", label: ["项目向基层和民生倾斜比例", "Share of projects for grassroots/livelihoods"] },
  "meetings.joint": { unit: "count", label: ["联席会议次数", "Joint meetings"] },
  "funds.town_livelihood": { unit: "fen", label: ["每镇街民生帮扶资金", "Livelihood funds per town"] },
  "hospital.contacts": { unit: "count", label: ["每对结对医院对接次数", "Contacts per hospital pair"] },
  "hospital.seminars": { unit: "count", label: ["每对结对医院专题座谈/讲座次数", "Seminars per hospital pair"] },
  "hospital.exchanges": { unit: "person_times", label: ["每对结对医院人员交流人次", "Staff exchanges per hospital pair"] },
  "school.leader_exchanges": { unit: "count", label: ["每对结对学校每方派出领导挂职/跟岗人数", "Leaders exchanged each way per school pair"] },
  "school.teaching_research": { unit: "count", label: ["每对结对学校教研活动次数", "Teaching-research events per school pair"] },
  "culture.books": { unit: "fen", label: ["每个结对文化单位书房扶持资金", "Book funds per paired cultural unit"] },
  performances: { unit: "count", label: ["韶关文化团队来莞演出场次", "Performances by Shaoguan troupes in Dongguan"] },
  "jobs.to_recipient": { unit: "count", label: ["向韶关推送就业岗位数", "Job postings sent to Shaoguan"] },
  "jobs.from_recipient": { unit: "count", label: ["韶关向东莞推送岗位数", "Job postings from Shaoguan"] },
  "tourism.promotions": { unit: "count", label: ["旅游推介活动次数", "Tourism promotion events"] },
  "plan.five_haves": { unit: "count", label: ["“五有”文件齐备项数", "Five-haves documents in place"] },
  "submissions.quarterly": { unit: "count", label: ["按季度报送次数", "Quarterly submissions"] },
  "funds.fiscal_per_county": { unit: "fen", label: ["每县财政援助资金", "Fiscal assistance per county"] },
  "visits.leader": { unit: "count", label: ["结对市县主要负责同志互访次数", "Leader visits"] },
  "agreement.annual": { unit: "count", label: ["签署年度协作协议", "Annual collaboration agreement signed"] },
};

export const INDICATOR_LABELS: LabelMap = Object.fromEntries(Object.entries(INDICATOR).map(([k, v]) => [k, v.label]));

/** The label of a value in the current language, or the value itself when unknown. */
export function label(map: LabelMap, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  const pair = map[String(value)];
  return pair ? pick(pair) : String(value);
}

/** Rule parameters by name (the API's params schema carries no titles): [zh, en]. */
export const RULE_PARAM: LabelMap = {
  confirmedOnly: ["只计受援地确认到位的资金", "Count only money the recipient confirmed"],
  requireSignedCopy: ["须附签字盖章件方可计入", "Counts only with the signed copy attached"],
  perYear: ["每年不少于（次）", "At least, per year"],
  minPercent: ["最低比例（%）", "Minimum share (%)"],
  minFen: ["最低金额", "Minimum amount"],
  perCountyFen: ["每县每年金额", "Amount per county a year"],
  personTimesPerYear: ["每年人次", "Person-times a year"],
  perDirection: ["每方不少于（人）", "At least, each way"],
  dueDays: ["季度结束后第几天截止", "Due on day … after the quarter"],
  warnDays: ["提前预警天数", "Warn … days ahead"],
  provinceShare: ["省级分担比例（%）", "Province share (%)"],
  tolerancePercent: ["允许偏差（百分点）", "Tolerance (points)"],
};
