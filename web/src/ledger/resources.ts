/**
 * What the ledger screens need to know of each resource: its fields (kind, required, labels), the
 * columns its table shows, what it filters and sorts on — mirroring src/ledger/resources/*.ts.
 */
import {
  ACTIVITY_KIND,
  CADRE_LEVEL,
  CADRE_STATUS,
  DIRECTION,
  FUND_KIND,
  FUND_SOURCE,
  GENDER,
  INDICATOR_LABELS,
  LEADER_LEVEL,
  PAIRING_KIND,
  PLAN_DOCUMENT,
  PROJECT_CATEGORY,
  PROJECT_STATUS,
  SUB_UNIT_KIND,
  TARGET_SOURCE,
  type LabelMap,
} from "../labels";

export type FieldKind = "text" | "longText" | "enum" | "money" | "int" | "bool" | "date" | "area" | "ref" | "program";
export type RefPath = "sub-units" | "pairings" | "projects";

export interface FieldDef {
  key: string;
  kind: FieldKind;
  label: readonly [string, string];
  required?: boolean;
  options?: LabelMap;
  ref?: RefPath;
  /** Personal data: absent from records for roles outside the unit. */
  personal?: boolean;
  /** Hint under the input. */
  help?: readonly [string, string];
}

export interface ResourceView {
  path: "sub-units" | "pairings" | "projects" | "funds" | "cadres" | "activities" | "targets";
  label: readonly [string, string];
  fields: FieldDef[];
  columns: string[];
  /** Equality filters offered above the table (enum and bool fields). */
  filters: string[];
  sorts: string[];
  defaultSort: string;
  /** "date": the list takes year and quarter (on the resource's date); "year": a year field; null: neither. */
  period: "date" | "year" | null;
  /** Whether the list takes a `q` text search. */
  search: boolean;
  /** The field that names a record (in ref pickers and dialogs). */
  titleField: string;
}

const F = {
  text: (key: string, zh: string, en: string, required = true, extra: Partial<FieldDef> = {}): FieldDef => ({ key, kind: "text", label: [zh, en], required, ...extra }),
  long: (key: string, zh: string, en: string): FieldDef => ({ key, kind: "longText", label: [zh, en] }),
  enumOf: (key: string, options: LabelMap, zh: string, en: string, required = true): FieldDef => ({ key, kind: "enum", options, label: [zh, en], required }),
  money: (key: string, zh: string, en: string, required = false): FieldDef => ({ key, kind: "money", label: [zh, en], required }),
  int: (key: string, zh: string, en: string, required = false): FieldDef => ({ key, kind: "int", label: [zh, en], required }),
  bool: (key: string, zh: string, en: string): FieldDef => ({ key, kind: "bool", label: [zh, en] }),
  date: (key: string, zh: string, en: string, required = true): FieldDef => ({ key, kind: "date", label: [zh, en], required }),
  area: (key: string, zh: string, en: string, required = true): FieldDef => ({ key, kind: "area", label: [zh, en], required }),
  ref: (key: string, ref: RefPath, zh: string, en: string): FieldDef => ({ key, kind: "ref", ref, label: [zh, en] }),
  program: (required = false): FieldDef => ({ key: "program", kind: "program", label: ["所属帮扶工作", "Program"], required }),
};

export const SUB_UNITS: ResourceView = {
  path: "sub-units",
  label: ["下属单位", "Sub-units"],
  fields: [
    F.text("name", "名称", "Name"),
    F.enumOf("kind", SUB_UNIT_KIND, "类型", "Kind"),
    { ...F.area("areaCode", "对应受援地", "Paired area", false), help: ["十组团镇街填写对口的韶关县（市、区）", "For a 十组团 town, its paired Shaoguan county"] },
    F.bool("placeholder", "待填写", "Placeholder"),
    F.long("note", "备注", "Note"),
  ],
  columns: ["name", "kind", "areaCode", "placeholder"],
  filters: ["kind", "placeholder"],
  sorts: ["name", "kind"],
  defaultSort: "name",
  period: null,
  search: true,
  titleField: "name",
};

export const PAIRINGS: ResourceView = {
  path: "pairings",
  label: ["结对关系", "Pairings"],
  fields: [
    F.enumOf("kind", PAIRING_KIND, "结对类型", "Kind"),
    F.ref("subUnitId", "sub-units", "本方下属单位", "Our sub-unit"),
    F.text("counterpart", "受援方单位", "Counterpart"),
    F.area("areaCode", "受援地", "Recipient area"),
    F.program(),
    F.date("startDate", "开始日期", "Start date"),
    F.date("endDate", "结束日期", "End date", false),
    F.bool("demonstration", "示范结对", "Demonstration pair"),
    F.long("note", "备注", "Note"),
  ],
  columns: ["kind", "counterpart", "areaCode", "startDate", "demonstration"],
  filters: ["kind", "program", "demonstration"],
  sorts: ["startDate", "kind", "counterpart"],
  defaultSort: "-startDate",
  period: "date",
  search: true,
  titleField: "counterpart",
};

export const PROJECTS: ResourceView = {
  path: "projects",
  label: ["项目", "Projects"],
  fields: [
    F.text("title", "项目名称", "Title"),
    F.enumOf("category", PROJECT_CATEGORY, "项目类别", "Category"),
    F.area("areaCode", "受援地", "Recipient area"),
    F.ref("pairingId", "pairings", "结对关系", "Pairing"),
    F.program(),
    F.money("budgetFen", "预算", "Budget"),
    F.int("beneficiaries", "受益人数", "Beneficiaries"),
    F.int("beneficiariesLifted", "其中脱贫人口", "Of whom lifted out of poverty"),
    F.bool("grassroots", "基层/民生项目", "Grassroots/livelihood"),
    F.date("startDate", "开工日期", "Start date", false),
    F.date("endDate", "完工日期", "End date", false),
    F.text("location", "项目地点", "Location", false),
    F.long("description", "项目内容", "Description"),
  ],
  columns: ["title", "category", "status", "areaCode", "budgetFen", "startDate", "grassroots"],
  filters: ["status", "category", "program", "grassroots"],
  sorts: ["startDate", "title", "budgetFen", "status"],
  defaultSort: "-createdAt",
  period: "date",
  search: true,
  titleField: "title",
};

/** The status column is shown and filtered but changed only by the workflow buttons. */
export const PROJECT_STATUS_FIELD: FieldDef = F.enumOf("status", PROJECT_STATUS, "状态", "Status", false);

export const FUNDS: ResourceView = {
  path: "funds",
  label: ["资金", "Funds"],
  fields: [
    F.enumOf("kind", FUND_KIND, "资金类型", "Kind"),
    F.enumOf("source", FUND_SOURCE, "资金来源", "Source"),
    F.money("amountFen", "金额", "Amount", true),
    F.date("date", "日期", "Date"),
    F.area("areaCode", "受援地", "Recipient area"),
    F.ref("projectId", "projects", "项目", "Project"),
    F.program(),
    F.bool("grassroots", "用于基层/民生", "Grassroots/livelihood"),
    F.bool("overrun", "超支", "Overrun"),
    F.text("overrunReason", "超支原因", "Overrun reason", false),
    F.long("note", "备注", "Note"),
  ],
  columns: ["date", "kind", "source", "amountFen", "areaCode", "projectId", "grassroots"],
  filters: ["kind", "source", "program", "grassroots", "overrun"],
  sorts: ["date", "amountFen", "kind"],
  defaultSort: "-date",
  period: "date",
  search: true,
  titleField: "date",
};

export const CADRES: ResourceView = {
  path: "cadres",
  label: ["挂职干部", "Cadres"],
  fields: [
    { ...F.text("name", "姓名", "Name"), personal: true },
    { ...F.enumOf("gender", GENDER, "性别", "Gender", false), personal: true },
    { ...F.date("birthDate", "出生日期", "Birth date", false), personal: true },
    { ...F.text("phone", "联系电话", "Phone", false), personal: true },
    F.ref("sendingSubUnitId", "sub-units", "派出下属单位", "Sending sub-unit"),
    F.text("post", "挂任职务", "Post held"),
    F.enumOf("level", CADRE_LEVEL, "职级", "Level"),
    F.area("hostAreaCode", "挂职地", "Host area"),
    F.program(),
    F.date("startDate", "挂职开始日期", "Start date"),
    { ...F.date("plannedEndDate", "计划期满日期", "Planned end", false), help: ["留空时按所属帮扶工作的挂职期限计算", "Left empty: computed from the program's term"] },
    F.date("actualEndDate", "实际结束日期", "Actual end", false),
    F.enumOf("status", CADRE_STATUS, "状态", "Status", false),
    { ...F.long("note", "备注", "Note"), personal: true },
  ],
  columns: ["name", "post", "level", "hostAreaCode", "startDate", "plannedEndDate", "status"],
  filters: ["level", "status", "program"],
  sorts: ["startDate", "plannedEndDate", "level", "status"],
  defaultSort: "plannedEndDate",
  period: "date",
  search: true,
  titleField: "post",
};

export const ACTIVITIES: ResourceView = {
  path: "activities",
  label: ["工作台账", "Activities"],
  fields: [
    F.enumOf("kind", ACTIVITY_KIND, "事项类型", "Kind"),
    F.date("date", "日期", "Date"),
    F.text("title", "事项", "Title"),
    F.area("areaCode", "受援地", "Recipient area", false),
    F.ref("pairingId", "pairings", "结对关系", "Pairing"),
    F.ref("subUnitId", "sub-units", "下属单位", "Sub-unit"),
    F.program(),
    F.enumOf("direction", DIRECTION, "方向", "Direction", false),
    F.enumOf("leaderLevel", LEADER_LEVEL, "领导级别", "Leader level", false),
    F.int("people", "人数/人次", "People / person-times"),
    F.int("quantity", "数量（岗位数、场次）", "Quantity (postings, shows)"),
    F.int("hours", "学时", "Hours"),
    F.money("amountFen", "金额", "Amount"),
    F.enumOf("documentType", PLAN_DOCUMENT, "“五有”文件", "Five-haves document", false),
    F.int("agreementYear", "协议年度", "Agreement year"),
    F.long("note", "备注", "Note"),
  ],
  columns: ["date", "kind", "title", "areaCode", "people", "quantity", "amountFen"],
  filters: ["kind", "program", "direction", "leaderLevel"],
  sorts: ["date", "kind", "people", "amountFen"],
  defaultSort: "-date",
  period: "date",
  search: true,
  titleField: "title",
};

/**
 * The figures each kind of activity carries (src/ledger/resources/activities.ts NEEDS, and what the
 * rules count); the form shows only these, and the kind's required ones as required.
 */
export const ACTIVITY_KIND_FIELDS: Record<string, { show: string[]; required: string[] }> = {
  visit: { show: ["direction", "leaderLevel", "people"], required: ["direction", "leaderLevel"] },
  joint_meeting: { show: ["people"], required: [] },
  training: { show: ["people", "hours"], required: ["people"] },
  exchange: { show: ["direction", "leaderLevel", "people"], required: ["direction", "people"] },
  job_posting: { show: ["direction", "quantity"], required: ["direction", "quantity"] },
  performance: { show: ["direction", "quantity"], required: ["quantity"] },
  promotion_event: { show: ["quantity"], required: [] },
  job_fair: { show: ["people"], required: [] },
  seminar: { show: ["people"], required: [] },
  teaching_research: { show: ["people", "hours"], required: [] },
  purchase: { show: ["amountFen"], required: ["amountFen"] },
  agreement: { show: ["agreementYear"], required: ["agreementYear"] },
  plan_document: { show: ["documentType"], required: ["documentType"] },
  other: { show: ["direction", "people", "quantity", "amountFen"], required: [] },
};

export const ACTIVITY_FIGURES = ["direction", "leaderLevel", "people", "quantity", "hours", "amountFen", "documentType", "agreementYear"];

export const TARGETS: ResourceView = {
  path: "targets",
  label: ["年度目标", "Targets"],
  fields: [
    F.int("year", "年度", "Year", true),
    { ...F.program(true), label: ["帮扶工作", "Program"] },
    F.enumOf("indicator", INDICATOR_LABELS, "指标", "Indicator"),
    F.int("target", "目标值", "Target", true),
    F.enumOf("source", TARGET_SOURCE, "来源", "Source", false),
    F.long("note", "备注", "Note"),
  ],
  columns: ["year", "program", "indicator", "target", "source"],
  filters: ["program", "source"],
  sorts: ["year", "indicator", "program"],
  defaultSort: "indicator",
  period: "year",
  search: true,
  titleField: "indicator",
};

export const RESOURCES: ResourceView[] = [SUB_UNITS, PAIRINGS, PROJECTS, FUNDS, CADRES, ACTIVITIES, TARGETS];

export function resourceByPath(path: string | undefined): ResourceView {
  return RESOURCES.find((r) => r.path === path) ?? PROJECTS;
}

/** A field of a resource, including the projects' read-only status. */
export function fieldOf(view: ResourceView, key: string): FieldDef | undefined {
  return view.fields.find((f) => f.key === key) ?? (view.path === "projects" && key === "status" ? PROJECT_STATUS_FIELD : undefined);
}
