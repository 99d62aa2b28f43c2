/**
 * The names people read for the API's enum values outside the ledger's fields (whose choices carry
 * their labels in src/ledger/resources): roles, kinds of unit, a group's basis, a membership's role,
 * the recipient's standing, a thread's entries, notices, audit actions, record kinds and report
 * kinds — each [zh, en]. One source for the server's validation messages (src/choices.ts) and the
 * web's screens (web/src/labels.ts re-exports these). Typed against the value lists where the API
 * keeps one, so a value added there without its name does not compile.
 */
import type { ROLES, REPORT_KINDS } from "../db/platform/schema";
import type { THREAD_KINDS } from "../db/tenant/schema";
import type { UNIT_KINDS } from "./routes/units/schemas";

export type Names = readonly [zh: string, en: string];
export type LabelMap = Readonly<Record<string, Names>>;

export const ROLE_NAMES: Readonly<Record<(typeof ROLES)[number], Names>> = {
  admin: ["平台管理员", "Administrator"],
  coordinator: ["牵头部门", "Coordinator"],
  recipient: ["受援地用户", "Recipient"],
  unit_admin: ["单位管理员", "Unit administrator"],
  unit_editor: ["填报员", "Editor"],
  viewer: ["查阅", "Viewer"],
};

export const UNIT_KIND_NAMES: Readonly<Record<(typeof UNIT_KINDS)[number], Names>> = {
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

/** How the document has a recipient area helped (groups.basis). */
export const GROUP_BASES = ["pairing", "support", "funds"] as const;
export const GROUP_BASIS_NAMES: Readonly<Record<(typeof GROUP_BASES)[number], Names>> = { pairing: ["结对帮扶", "Pairing"], support: ["对口支援", "Paired support"], funds: ["资金支持", "Funds only"] };

/** A unit's role in a group. */
export const MEMBER_ROLES = ["lead", "member"] as const;
export const MEMBER_ROLE_NAMES: Readonly<Record<(typeof MEMBER_ROLES)[number], Names>> = { lead: ["牵头", "Lead"], member: ["成员", "Member"] };

/** The recipient's standing on a record (GET /api/recipient/claims, …/thread). */
export const STANDING_NAMES: LabelMap = { unconfirmed: ["待确认", "Not yet confirmed"], confirmed: ["已确认", "Confirmed"], disputed: ["有异议", "Disputed"], amended: ["已更正待确认", "Corrected, to confirm"] };

export const THREAD_KIND_NAMES: Readonly<Record<(typeof THREAD_KINDS)[number], Names>> = {
  confirmed: ["确认", "Confirmed"],
  disputed: ["异议", "Disputed"],
  reply: ["留言", "Message"],
  amended: ["已更正", "Corrected"],
  returned: ["退回", "Returned"],
  resubmitted: ["重新报送", "Resubmitted"],
  note: ["备注", "Note"],
};
export const THREAD_SIDE_NAMES: LabelMap = { helper: ["帮扶方", "Helper"], recipient: ["受援地", "Recipient"], coordinator: ["牵头部门", "Coordinating office"] };
export const NOTICE_KIND_NAMES: LabelMap = { ...THREAD_KIND_NAMES, remind: ["催报", "Reminder"], deadline: ["临近期限", "Deadline"], issued: ["报告已生成", "Report issued"] };

export const AUDIT_ACTION_NAMES: LabelMap = {
  create: ["新增", "created"],
  update: ["修改", "updated"],
  void: ["作废", "voided"],
  import: ["导入", "imported"],
  submit: ["提交", "submitted"],
  reopen: ["退回", "reopened"],
  prefill: ["预填", "pre-filled"],
};

export const ENTITY_NAMES: LabelMap = {
  sub_unit: ["下属单位", "sub-unit"],
  pairing: ["结对关系", "pairing"],
  project: ["项目", "project"],
  fund: ["资金", "fund"],
  cadre: ["挂职干部", "cadre"],
  activity: ["工作台账", "activity"],
  target: ["年度目标", "target"],
  submission: ["季度报送", "submission"],
};

export const REPORT_KIND_NAMES: Readonly<Record<(typeof REPORT_KINDS)[number], Names>> = {
  unit_quarterly: ["单位季度报告", "Unit quarterly report"],
  program_quarterly: ["季度汇总报告", "Program quarterly report"],
  program_annual: ["年度考核报告", "Annual assessment"],
};

/** The bilingual message for a value outside a choice, by the choices' names (src/validation.ts picks the reader's side). */
export function choiceMessage(zh: readonly string[], en: readonly string[]): string {
  return `应为以下之一：${zh.join("、")} | Must be one of: ${en.join(", ")}`;
}
