/**
 * Chinese and English labels of the API's enum values, each entry [zh, en]: the ledger's choices
 * as the server declares them (generated from the OpenAPI document into ledger/resources.gen.ts),
 * the other enums' names from the server's src/labels.ts, and the rule parameters' names.
 */
import { SERVER_RESOURCES } from "./ledger/resources.gen";
import { pick } from "./i18n";

export type LabelMap = Readonly<Record<string, readonly [string, string]>>;

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

// The rest are the server's own names (src/labels.ts), which its validation messages use too.
export {
  AUDIT_ACTION_NAMES as AUDIT_ACTION,
  ENTITY_NAMES as ENTITY,
  GROUP_BASIS_NAMES as GROUP_BASIS,
  MEMBER_ROLE_NAMES as MEMBER_ROLE,
  NOTICE_KIND_NAMES as NOTICE_KIND,
  REPORT_KIND_NAMES as REPORT_KIND,
  ROLE_NAMES as ROLE,
  STANDING_NAMES as STANDING,
  THREAD_KIND_NAMES as THREAD_KIND,
  THREAD_SIDE_NAMES as THREAD_SIDE,
  UNIT_KIND_NAMES as UNIT_KIND,
} from "../../src/labels";

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
