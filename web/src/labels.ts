/**
 * Chinese and English labels of the API's enum values. The ledger's choices are the server's own
 * (generated from the OpenAPI document into ledger/resources.gen.ts); the rest label values the
 * screens show beside them, each entry [zh, en].
 */
import { SERVER_RESOURCES } from "./ledger/resources.gen";
import { pick } from "./i18n";

export type LabelMap = Record<string, readonly [string, string]>;

/** A ledger field's choices by name, as the server declares them. */
function choicesOf<R extends keyof typeof SERVER_RESOURCES>(resource: R, key: string): LabelMap {
  const field = (SERVER_RESOURCES[resource].fields as readonly { key: string; options?: readonly { value: string; label: readonly [string, string] }[] }[]).find((f) => f.key === key);
  if (!field?.options) throw new Error(`${resource}.${key} has no choices`);
  return Object.fromEntries(field.options.map((o) => [o.value, o.label]));
}

export const SUB_UNIT_KIND = choicesOf("sub-units", "kind");

export const PAIRING_KIND = choicesOf("pairings", "kind");

export const PROJECT_CATEGORY = choicesOf("projects", "category");

export const PROJECT_STATUS = choicesOf("projects", "status");

export const FUND_KIND = choicesOf("funds", "kind");

export const FUND_SOURCE = choicesOf("funds", "source");

export const CADRE_LEVEL = choicesOf("cadres", "level");

export const CADRE_STATUS = choicesOf("cadres", "status");

export const GENDER = choicesOf("cadres", "gender");

export const ACTIVITY_KIND = choicesOf("activities", "kind");

export const DIRECTION = choicesOf("activities", "direction");
export const LEADER_LEVEL = choicesOf("activities", "leaderLevel");
export const PLAN_DOCUMENT = choicesOf("activities", "documentType");

export const TARGET_SOURCE = choicesOf("targets", "source");
export const SUBMISSION_STATUS = choicesOf("submissions", "status");

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

/** The annual indicators' names, as the targets resource declares them (src/rules/indicators.ts). */
export const INDICATOR_LABELS = choicesOf("targets", "indicator");

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
