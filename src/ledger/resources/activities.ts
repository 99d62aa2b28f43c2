/**
 * 工作台账: one typed record per event of work done. Each kind needs its own figures, as the
 * documents count them: visits by leader level (2022-guangdong-old-revolutionary-areas-pairing.txt §三(一);
 * 2022-guangdong-guizhou-pairing-opinions.txt §(十五)), staff exchanges in person-times and job postings
 * by direction (2022-dongguan-shaoguan-three-year-action-plan.txt §三(五), §四(九)), purchases in fen,
 * the annual agreement by year (2022-guangdong-guizhou-pairing-opinions.txt §(十九)) and the five
 * haves (五有) by document (2022-dongguan-shaoguan-three-year-action-plan.txt §五(二)).
 */
import { ACTIVITY_KINDS, activities, LEADER_LEVELS, PLAN_DOCUMENTS } from "../../../db/tenant/schema";
import type { ErrorDetail } from "../../errors";
import { f } from "../fields";
import { defineResource, type Row } from "../resource";

export const ACTIVITY_KIND_LABELS = {
  visit: "互访调研",
  joint_meeting: "联席会议",
  training: "培训",
  exchange: "人员交流",
  job_posting: "岗位信息推送",
  performance: "文艺演出",
  promotion_event: "旅游推介活动",
  job_fair: "人力资源供需对接会",
  seminar: "专题座谈/学术讲座",
  teaching_research: "教研活动",
  purchase: "消费帮扶采购",
  agreement: "签署年度协作协议",
  plan_document: "“五有”文件",
  other: "其他",
} as const;
export const ACTIVITY_KIND_LABELS_EN: Record<keyof typeof ACTIVITY_KIND_LABELS, string> = { visit: "Visit", joint_meeting: "Joint meeting", training: "Training", exchange: "Staff exchange", job_posting: "Job postings", performance: "Performance", promotion_event: "Tourism promotion", job_fair: "Supply-demand job fair", seminar: "Seminar / lecture", teaching_research: "Teaching research", purchase: "Consumption purchase", agreement: "Annual agreement", plan_document: "Five-haves document", other: "Other" };

export const DIRECTION_LABELS = { to_recipient: "我方赴/送受援地", from_recipient: "受援地来/送我方" } as const;
export const DIRECTION_LABELS_EN: Record<keyof typeof DIRECTION_LABELS, string> = { to_recipient: "To the recipient", from_recipient: "From the recipient" };
export const LEADER_LEVEL_LABELS = { main: "主要负责同志", deputy: "分管负责同志" } as const;
export const LEADER_LEVEL_LABELS_EN: Record<keyof typeof LEADER_LEVEL_LABELS, string> = { main: "Main leader", deputy: "Deputy leader" };
export const PLAN_DOCUMENT_LABELS = {
  dedicated_group: "专责小组",
  three_year_plan: "三年规划",
  annual_plan: "年度计划",
  annual_task_list: "年度任务清单",
  completion_dates: "完成时限",
} as const;
export const PLAN_DOCUMENT_LABELS_EN: Record<keyof typeof PLAN_DOCUMENT_LABELS, string> = { dedicated_group: "Dedicated group", three_year_plan: "Three-year plan", annual_plan: "Annual plan", annual_task_list: "Annual task list", completion_dates: "Completion dates" };

type Need = { field: string; message: string; ok: (r: Row) => boolean };
const positive = (key: string) => (r: Row) => Number(r[key] ?? 0) > 0;
const present = (key: string) => (r: Row) => r[key] !== null && r[key] !== undefined;

/** What each kind must carry. */
const NEEDS: Partial<Record<(typeof ACTIVITY_KINDS)[number], Need[]>> = {
  visit: [
    { field: "leaderLevel", ok: present("leaderLevel"), message: "互访须注明领导级别 | A visit needs the leader level" },
    { field: "direction", ok: present("direction"), message: "互访须注明方向 | A visit needs its direction" },
  ],
  training: [{ field: "people", ok: positive("people"), message: "培训须填写人数 | A training needs the number of people" }],
  exchange: [
    { field: "people", ok: positive("people"), message: "人员交流须填写人次 | An exchange needs the person-times" },
    { field: "direction", ok: present("direction"), message: "人员交流须注明方向 | An exchange needs its direction" },
  ],
  job_posting: [
    { field: "quantity", ok: positive("quantity"), message: "须填写推送岗位数 | Give the number of job postings" },
    { field: "direction", ok: present("direction"), message: "须注明岗位推送方向 | Give the direction of the postings" },
  ],
  performance: [{ field: "quantity", ok: positive("quantity"), message: "须填写演出场次 | Give the number of performances" }],
  purchase: [{ field: "amountFen", ok: positive("amountFen"), message: "消费帮扶采购须填写金额 | A purchase needs its amount" }],
  agreement: [{ field: "agreementYear", ok: present("agreementYear"), message: "须填写协议年度 | Give the year the agreement covers" }],
  plan_document: [{ field: "documentType", ok: present("documentType"), message: "须注明是哪一项“五有”文件 | Say which of the five haves this is" }],
};

/**
 * The figures each kind carries, as a form shows them (a visit's leader level, a purchase's amount);
 * a figure a kind does not carry is cleared on a change of kind. The required ones are NEEDS'.
 */
const KIND_FIGURES: Record<(typeof ACTIVITY_KINDS)[number], readonly string[]> = {
  visit: ["direction", "leaderLevel", "people"],
  joint_meeting: ["people"],
  training: ["people", "hours"],
  exchange: ["direction", "leaderLevel", "people"],
  job_posting: ["direction", "quantity"],
  performance: ["direction", "quantity"],
  promotion_event: ["quantity"],
  job_fair: ["people"],
  seminar: ["people"],
  teaching_research: ["people", "hours"],
  purchase: ["amountFen"],
  agreement: ["agreementYear"],
  plan_document: ["documentType"],
  other: ["direction", "people", "quantity", "amountFen"],
};

export const activitiesResource = defineResource({
  path: "activities",
  entity: "activity",
  label: { zh: "工作台账", en: "activities" },
  table: activities,
  fields: {
    kind: f.enumOf(ACTIVITY_KINDS, ACTIVITY_KIND_LABELS, "事项类型", "Kind", { en: ACTIVITY_KIND_LABELS_EN }),
    date: f.date("日期", "Date"),
    title: f.text("事项", "Title", 200),
    areaCode: f.area("受援地代码", "Recipient area code", { required: false }),
    pairingId: f.ref("pairings", "结对关系编号", "Pairing id"),
    subUnitId: f.ref("sub_units", "下属单位编号", "Sub-unit id"),
    program: f.program(),
    direction: f.enumOf(["to_recipient", "from_recipient"] as const, DIRECTION_LABELS, "方向", "Direction", { required: false, en: DIRECTION_LABELS_EN }),
    leaderLevel: f.enumOf(LEADER_LEVELS, LEADER_LEVEL_LABELS, "领导级别", "Leader level", { required: false, en: LEADER_LEVEL_LABELS_EN }),
    people: f.int("人数/人次", "People / person-times", { required: false }),
    quantity: f.int("数量（岗位数、场次）", "Quantity", { required: false }),
    hours: f.int("学时", "Hours", { required: false, max: 10_000 }),
    amountFen: f.money("金额（元）", "Amount (yuan)", { required: false }),
    documentType: f.enumOf(PLAN_DOCUMENTS, PLAN_DOCUMENT_LABELS, "“五有”文件", "Five-haves document", { required: false, en: PLAN_DOCUMENT_LABELS_EN }),
    agreementYear: f.int("协议年度", "Agreement year", { required: false, min: 2000, max: 2100 }),
    note: f.longText("备注", "Note"),
  },
  dateField: "date",
  filters: ["kind", "areaCode", "pairingId", "subUnitId", "program", "direction", "leaderLevel"],
  search: ["title", "note"],
  sorts: ["date", "kind", "people", "amountFen"],
  defaultSort: "-date",
  titleField: "title",
  kindFields: {
    field: "kind",
    show: KIND_FIGURES,
    required: Object.fromEntries(Object.entries(NEEDS).map(([kind, needs]) => [kind, needs.map((n) => n.field)])),
  },
  refine: (r): ErrorDetail[] =>
    (NEEDS[r.kind as keyof typeof NEEDS] ?? []).filter((need) => !need.ok(r)).map((need) => ({ path: need.field, message: need.message })),
});
