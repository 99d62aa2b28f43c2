/**
 * A tenant database: one helping unit's own ledger. Every table here belongs to that unit alone;
 * the platform database only knows where this database lives and which migration it has reached.
 *
 * Every ledger record carries the same bookkeeping columns (see `record()`): a version for
 * optimistic concurrency (ETag / If-Match), who created and last changed it, and a void mark —
 * records are never deleted, only voided with a reason. Money is integer fen (分).
 */
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/** The bookkeeping columns every ledger record has. */
function record() {
  return {
    id: text("id").primaryKey(),
    version: integer("version").notNull().default(1),
    /** Seeded demonstration data, shown with a mark and excluded from production. */
    demo: integer("demo", { mode: "boolean" }).notNull().default(false),
    createdAt: text("created_at").notNull().default(now),
    createdBy: text("created_by").notNull().default("system"),
    updatedAt: text("updated_at").notNull().default(now),
    updatedBy: text("updated_by").notNull().default("system"),
    voidedAt: text("voided_at"),
    voidedBy: text("voided_by"),
    voidReason: text("void_reason"),
  };
}

/** Facts about the database itself, so that a misrouted connection can be detected (key `unit`). */
export const tenantMeta = sqliteTable("tenant_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

/**
 * How often the ledger of each year has changed: a database trigger bumps the row of a record's year
 * (year 0 for records that belong to no single year — sub-units, pairings, projects, cadres) on
 * every insert and update, whatever code path wrote it. A figure computed from this database
 * records the versions it read, so anyone can tell later whether its inputs have changed since.
 */
export const dataVersions = sqliteTable("data_versions", {
  year: integer("year").primaryKey(),
  version: integer("version").notNull(),
});

/** Every write: who, when, which route, and the record before and after. Append-only. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull().default(now),
    actor: text("actor").notNull(),
    actorRole: text("actor_role").notNull(),
    requestId: text("request_id"),
    method: text("method").notNull(),
    route: text("route").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    action: text("action").notNull(),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
  },
  (t) => [index("audit_entity_idx").on(t.entity, t.entityId), index("audit_at_idx").on(t.at)],
);

export const SUB_UNIT_KINDS = ["town", "department", "school", "hospital", "cultural_unit", "enterprise", "other"] as const;

/** The unit's own towns/sub-districts, departments, schools, hospitals, cultural units (镇街、部门、学校、医院、文化单位). */
export const subUnits = sqliteTable(
  "sub_units",
  {
    ...record(),
    name: text("name").notNull(),
    kind: text("kind", { enum: SUB_UNIT_KINDS }).notNull(),
    /** The recipient area this sub-unit is grouped with (e.g. a Dongguan town's Shaoguan county in 十组团). */
    areaCode: text("area_code"),
    /** A slot the documents imply but do not name; the tenant fills in the real name. */
    placeholder: integer("placeholder", { mode: "boolean" }).notNull().default(false),
    note: text("note"),
  },
  // By name: an import template's dropdown lists them in name order, and an import looks names up (src/ledger/ref-names.ts).
  (t) => [index("sub_units_kind_idx").on(t.kind), index("sub_units_name_idx").on(t.name)],
);

export const PAIRING_KINDS = ["town_county", "school", "hospital", "culture", "enterprise_village", "department", "other"] as const;

/** Local pairings beneath the official group: town ↔ county (十组团), school ↔ school, hospital ↔ hospital… */
export const pairings = sqliteTable(
  "pairings",
  {
    ...record(),
    kind: text("kind", { enum: PAIRING_KINDS }).notNull(),
    /** Our side: one of the unit's sub-units (null when the unit itself is the party). */
    subUnitId: text("sub_unit_id"),
    /** The recipient side: a county, school, hospital, cultural unit or village, by name. */
    counterpart: text("counterpart").notNull(),
    areaCode: text("area_code").notNull(),
    /** The program whose official group this pairing sits beneath. */
    program: text("program"),
    startDate: text("start_date").notNull(),
    endDate: text("end_date"),
    /** 示范结对 (e.g. the 16 demonstration school pairs, one demonstration hospital per county). */
    demonstration: integer("demonstration", { mode: "boolean" }).notNull().default(false),
    note: text("note"),
  },
  (t) => [index("pairings_kind_idx").on(t.kind), index("pairings_area_idx").on(t.areaCode), index("pairings_counterpart_idx").on(t.counterpart)],
);

export const PROJECT_CATEGORIES = [
  "industry",
  "employment",
  "education",
  "health",
  "infrastructure",
  "rural_revitalisation",
  "consumption",
  "culture",
  "other",
] as const;
export const PROJECT_STATUSES = ["planned", "approved", "in_progress", "completed", "accepted"] as const;

/** The project library (项目库). */
export const projects = sqliteTable(
  "projects",
  {
    ...record(),
    title: text("title").notNull(),
    category: text("category", { enum: PROJECT_CATEGORIES }).notNull(),
    status: text("status", { enum: PROJECT_STATUSES }).notNull().default("planned"),
    areaCode: text("area_code").notNull(),
    pairingId: text("pairing_id"),
    program: text("program"),
    budgetFen: integer("budget_fen").notNull().default(0),
    beneficiaries: integer("beneficiaries").notNull().default(0),
    /** Of the beneficiaries, people lifted out of poverty (脱贫人口). */
    beneficiariesLifted: integer("beneficiaries_lifted").notNull().default(0),
    /** 向基层倾斜、向民生倾斜: counts toward the 80% rule. */
    grassroots: integer("grassroots", { mode: "boolean" }).notNull().default(false),
    startDate: text("start_date"),
    endDate: text("end_date"),
    location: text("location"),
    description: text("description"),
  },
  (t) => [
    index("projects_status_idx").on(t.status),
    index("projects_title_idx").on(t.title),
    index("projects_area_idx").on(t.areaCode),
    index("projects_start_idx").on(t.startDate),
    // Live records in the default list order: the first page and its count read only this index.
    index("projects_live_idx").on(t.createdAt, t.id).where(sql`${t.voidedAt} IS NULL`),
  ],
);

export const FUND_KINDS = ["allocation", "disbursement", "social_donation", "enterprise_investment"] as const;
export const FUND_SOURCES = ["province", "city", "town", "enterprise", "society"] as const;

/** Money flows, in integer fen. */
export const funds = sqliteTable(
  "funds",
  {
    ...record(),
    kind: text("kind", { enum: FUND_KINDS }).notNull(),
    source: text("source", { enum: FUND_SOURCES }).notNull(),
    amountFen: integer("amount_fen").notNull(),
    date: text("date").notNull(),
    areaCode: text("area_code").notNull(),
    projectId: text("project_id"),
    program: text("program"),
    grassroots: integer("grassroots", { mode: "boolean" }).notNull().default(false),
    /** A disbursement beyond its project's allocations, allowed only when marked, with a reason. */
    overrun: integer("overrun", { mode: "boolean" }).notNull().default(false),
    overrunReason: text("overrun_reason"),
    note: text("note"),
  },
  (t) => [
    index("funds_date_idx").on(t.date),
    index("funds_project_idx").on(t.projectId, t.kind),
    index("funds_area_idx").on(t.areaCode),
    index("funds_live_idx").on(t.date, t.id).where(sql`${t.voidedAt} IS NULL`),
  ],
);

export const CADRE_LEVELS = ["county_deputy", "middle_manager", "section", "other"] as const;
export const CADRE_STATUSES = ["in_post", "completed", "recalled"] as const;

/** Seconded cadres (挂职干部). Name, gender, birth date and phone are personal: only the unit's own roles see them. */
export const cadres = sqliteTable(
  "cadres",
  {
    ...record(),
    name: text("name").notNull(),
    gender: text("gender", { enum: ["male", "female"] }),
    birthDate: text("birth_date"),
    phone: text("phone"),
    sendingSubUnitId: text("sending_sub_unit_id"),
    post: text("post").notNull(),
    level: text("level", { enum: CADRE_LEVELS }).notNull(),
    hostAreaCode: text("host_area_code").notNull(),
    program: text("program"),
    startDate: text("start_date").notNull(),
    plannedEndDate: text("planned_end_date").notNull(),
    actualEndDate: text("actual_end_date"),
    status: text("status", { enum: CADRE_STATUSES }).notNull().default("in_post"),
    note: text("note"),
  },
  (t) => [index("cadres_status_idx").on(t.status), index("cadres_end_idx").on(t.plannedEndDate)],
);

export const ACTIVITY_KINDS = [
  "visit",
  "joint_meeting",
  "training",
  "exchange",
  "job_posting",
  "performance",
  "promotion_event",
  "job_fair",
  "seminar",
  "teaching_research",
  "purchase",
  "agreement",
  "plan_document",
  "other",
] as const;

export const LEADER_LEVELS = ["main", "deputy"] as const;
export const PLAN_DOCUMENTS = ["dedicated_group", "three_year_plan", "annual_plan", "annual_task_list", "completion_dates"] as const;

/**
 * The ledger (台账) of work done: one typed record per event. Which of the optional columns a kind
 * needs is checked per kind (src/ledger/resources/activities.ts); the figures rules add up are columns.
 */
export const activities = sqliteTable(
  "activities",
  {
    ...record(),
    kind: text("kind", { enum: ACTIVITY_KINDS }).notNull(),
    date: text("date").notNull(),
    title: text("title").notNull(),
    areaCode: text("area_code"),
    pairingId: text("pairing_id"),
    subUnitId: text("sub_unit_id"),
    program: text("program"),
    /** to_recipient (we go / send) or from_recipient (they come / send). */
    direction: text("direction", { enum: ["to_recipient", "from_recipient"] }),
    /** For visits: the main leader (主要负责同志) or a deputy (分管负责同志). */
    leaderLevel: text("leader_level", { enum: LEADER_LEVELS }),
    /** People taking part, or person-times (人次) for exchanges. */
    people: integer("people").notNull().default(0),
    /** A count the kind needs: job postings, performances, events. */
    quantity: integer("quantity").notNull().default(0),
    /** Training length in hours (学时). */
    hours: integer("hours").notNull().default(0),
    /** Money involved (consumption-assistance purchases), in fen. */
    amountFen: integer("amount_fen").notNull().default(0),
    /** For plan_document: which of the five haves (五有) this is. */
    documentType: text("document_type", { enum: PLAN_DOCUMENTS }),
    /** For agreement: the year the annual agreement covers. */
    agreementYear: integer("agreement_year"),
    note: text("note"),
  },
  (t) => [
    index("activities_kind_date_idx").on(t.kind, t.date),
    index("activities_date_idx").on(t.date),
    index("activities_pairing_idx").on(t.pairingId),
    index("activities_live_idx").on(t.date, t.id).where(sql`${t.voidedAt} IS NULL`),
    // Entries that name a pairing or a sub-unit, by date: the per-pair and per-town facts read only these.
    index("activities_linked_idx").on(t.date).where(sql`${t.pairingId} IS NOT NULL OR ${t.subUnitId} IS NOT NULL`),
  ],
);

/** The unit's annual targets per indicator, pre-filled from its programs' rules and editable. */
export const targets = sqliteTable(
  "targets",
  {
    ...record(),
    year: integer("year").notNull(),
    program: text("program").notNull(),
    indicator: text("indicator").notNull(),
    target: integer("target").notNull(),
    /** Where the figure came from: a rule's default, or a clerk's edit. */
    source: text("source", { enum: ["rule", "manual"] }).notNull().default("rule"),
    note: text("note"),
  },
  (t) => [uniqueIndex("targets_year_program_indicator_idx").on(t.year, t.program, t.indicator)],
);

export const SUBMISSION_STATUSES = ["draft", "submitted", "reopened"] as const;

/** The quarterly narrative to the coordinating office; locked once submitted unless a coordinator reopens it. */
export const submissions = sqliteTable(
  "submissions",
  {
    ...record(),
    year: integer("year").notNull(),
    quarter: integer("quarter").notNull(),
    program: text("program").notNull(),
    progress: text("progress").notNull().default(""),
    problems: text("problems").notNull().default(""),
    nextSteps: text("next_steps").notNull().default(""),
    status: text("status", { enum: SUBMISSION_STATUSES }).notNull().default("draft"),
    submittedAt: text("submitted_at"),
    submittedBy: text("submitted_by"),
    reopenedAt: text("reopened_at"),
    reopenedBy: text("reopened_by"),
    reopenReason: text("reopen_reason"),
  },
  (t) => [uniqueIndex("submissions_period_idx").on(t.year, t.quarter, t.program)],
);

/** Records the recipient side confirms (资金到位, a project's completion, a cadre in post) — never activities. */
export const CONFIRMABLE = ["fund", "project", "cadre"] as const;
export type Confirmable = (typeof CONFIRMABLE)[number];

/**
 * The recipient's standing on one record, as of the record version it saw: confirmed, or disputed with a
 * reason (and, for money, the amount and day it says arrived). A later version of the record — the
 * helper's correction — leaves the standing behind (`record_version` < the record's `version`): the record
 * then waits for the recipient again. One row a record, replaced at each verdict; the history is the thread.
 */
export const recipientVerdicts = sqliteTable(
  "recipient_verdicts",
  {
    entity: text("entity", { enum: CONFIRMABLE }).notNull(),
    recordId: text("record_id").notNull(),
    recordVersion: integer("record_version").notNull(),
    verdict: text("verdict", { enum: ["confirmed", "disputed"] }).notNull(),
    amountFen: integer("amount_fen"),
    date: text("date"),
    reason: text("reason"),
    areaCode: text("area_code").notNull(),
    by: text("by").notNull(),
    byName: text("by_name").notNull(),
    at: text("at").notNull().default(now),
  },
  (t) => [uniqueIndex("recipient_verdicts_record_idx").on(t.entity, t.recordId)],
);

export const THREAD_KINDS = ["confirmed", "disputed", "reply", "amended", "returned", "resubmitted", "note"] as const;

/**
 * The conversation kept with a record between its two sides and the coordinating office: the recipient's
 * confirmations and disputes (with reasons), the helper's replies and corrections, a coordinator's return
 * with its reason. Append-only; each entry names the record version it speaks of.
 */
export const recordThreads = sqliteTable(
  "record_threads",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    entity: text("entity").notNull(),
    recordId: text("record_id").notNull(),
    recordVersion: integer("record_version").notNull(),
    kind: text("kind", { enum: THREAD_KINDS }).notNull(),
    side: text("side", { enum: ["helper", "recipient", "coordinator"] }).notNull(),
    author: text("author").notNull(),
    authorName: text("author_name").notNull(),
    text: text("text").notNull(),
    amountFen: integer("amount_fen"),
    date: text("date"),
    at: text("at").notNull().default(now),
  },
  (t) => [index("record_threads_record_idx").on(t.entity, t.recordId, t.id)],
);

/**
 * Evidence kept with a record (a voucher with a disbursement, the signed annual agreement with its
 * activity, photos, the "five haves" documents, a quarter's submission): what the file is, as its bytes say
 * (src/files/sniff.ts), its name as uploaded, size and SHA-256; the bytes themselves are in the file store
 * (R2 / DATA_DIR), never here. Voided with a reason, never deleted.
 */
export const attachments = sqliteTable(
  "attachments",
  {
    id: text("id").primaryKey(),
    version: integer("version").notNull().default(1),
    entity: text("entity").notNull(),
    recordId: text("record_id").notNull(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    hasThumbnail: integer("has_thumbnail", { mode: "boolean" }).notNull().default(false),
    createdAt: text("created_at").notNull().default(now),
    createdBy: text("created_by").notNull(),
    voidedAt: text("voided_at"),
    voidedBy: text("voided_by"),
    voidReason: text("void_reason"),
  },
  (t) => [index("attachments_record_idx").on(t.entity, t.recordId)],
);
