/**
 * The platform database: the directory every tenant shares — programs, recipient areas, groups,
 * units (= tenants) and users — plus what the platform itself must remember across isolates
 * (login throttling, job runs, its own audit trail).
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/** A paired-assistance program, one per policy document (对口支援 / 对口帮扶 / 东西部协作). */
export const programs = sqliteTable("programs", {
  slug: text("slug").primaryKey(),
  name: text("name").notNull(),
  nameEn: text("name_en").notNull(),
  document: text("document").notNull(),
  docNumber: text("doc_number").notNull(),
  startYear: integer("start_year").notNull(),
  endYear: integer("end_year").notNull(),
  coordinator: text("coordinator").notNull(),
  cadreTermMonths: integer("cadre_term_months"),
  /** Bumped with every change to the program's rule set: judgements record the version they used. */
  rulesVersion: integer("rules_version").notNull().default(1),
  /** Bumped by trigger with every change to the program's groups or memberships: judgements record the version they used. */
  structureVersion: integer("structure_version").notNull().default(1),
  /** For If-Match on changes to the program's own fields (name, document, term, office). */
  version: integer("version").notNull().default(1),
  createdAt: text("created_at").notNull().default(now),
});

/** GB/T 2260 administrative divisions: level 1 province, 2 prefecture, 3 county. */
export const areas = sqliteTable(
  "areas",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    parentCode: text("parent_code"),
    level: integer("level").notNull(),
    /**
     * An area the code list lacks (新疆生产建设兵团第三师): its code is ours, stable, and never one
     * GB/T 2260 uses (the 兵团's 66, as the statistical yearbooks number it).
     */
    special: integer("special", { mode: "boolean" }).notNull().default(false),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("areas_parent_idx").on(t.parentCode)],
);

/** A helping unit, and so a tenant: its ledger lives in its own database. */
export const units = sqliteTable("units", {
  slug: text("slug").primaryKey(),
  name: text("name").notNull(),
  kind: text("kind").notNull(),
  /** Where the tenant database lives (a file: path on Node, a libsql:// URL on the edge). */
  dbLocation: text("db_location").notNull(),
  /** The tenant migration the database has reached; 0 before its first migration. */
  schemaVersion: integer("schema_version").notNull().default(0),
  status: text("status", { enum: ["provisioning", "active", "failed"] }).notNull().default("provisioning"),
  demo: integer("demo", { mode: "boolean" }).notNull().default(false),
  version: integer("version").notNull().default(1),
  /**
   * The last fault of its database (src/tenants/faults.ts: a code, never the driver's text) and
   * when it was met; cleared by the next success. Health counts these; the rollup marks them stale.
   */
  faultCode: text("fault_code"),
  faultAt: text("fault_at"),
  createdAt: text("created_at").notNull().default(now),
  updatedAt: text("updated_at").notNull().default(now),
});

/** A group (帮扶集团 / 组团): the units that support one recipient area within one program. */
export const groups = sqliteTable(
  "groups",
  {
    id: text("id").primaryKey(),
    program: text("program").notNull().references(() => programs.slug),
    areaCode: text("area_code").notNull().references(() => areas.code),
    clause: text("clause").notNull(),
    /**
     * How the document says the area is helped: 结对帮扶 (a pairing, the default), 对口支援 (甘孜, 林芝,
     * 喀什, 兵团第三师 in the 2016 document: "继续按对口支援方式实施") or 资金支持 (funds only: 昌都).
     * Rules that bind pairings (the 2016 §10 money per county) read it.
     */
    basis: text("basis", { enum: ["pairing", "support", "funds"] }).notNull().default("pairing"),
    version: integer("version").notNull().default(1),
  },
  (t) => [uniqueIndex("groups_program_area_idx").on(t.program, t.areaCode)],
);

/**
 * The counties registered for a prefecture's group: the 2016 document funds "52个贫困县…共53个县" in its 7
 * prefectures without naming them (§10), so the coordinator registers them, and each registered county is
 * judged. Part of the structure: a change bumps the program's structure version (trigger).
 */
export const groupCounties = sqliteTable(
  "group_counties",
  {
    groupId: text("group_id").notNull().references(() => groups.id),
    areaCode: text("area_code").notNull().references(() => areas.code),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.areaCode] })],
);

/** Membership of a unit in a group, lead (牵头单位) or member (成员单位), in the document's order. */
export const groupMembers = sqliteTable(
  "group_members",
  {
    /** A unit may leave a group and join it again later: each stay is its own row, never overlapping. */
    id: integer("id").primaryKey({ autoIncrement: true }),
    groupId: text("group_id").notNull().references(() => groups.id),
    unit: text("unit").notNull().references(() => units.slug),
    role: text("role", { enum: ["lead", "member"] }).notNull(),
    position: integer("position").notNull(),
    /**
     * The days the membership is in force (YYYY-MM-DD, inclusive; null: since the program began / still).
     * A figure counts the memberships in force during its period (src/figures/in-force.ts).
     */
    effectiveFrom: text("effective_from"),
    effectiveTo: text("effective_to"),
    /** For If-Match on changes to the membership. */
    version: integer("version").notNull().default(1),
  },
  (t) => [index("group_members_group_idx").on(t.groupId, t.unit), index("group_members_unit_idx").on(t.unit)],
);

/**
 * A unit that takes part in a program without a pairing: the Gannan document's 牵头部门 (国家发展改革委、
 * 中央组织部, "不安排具体对口支援关系"). It records its own work in the program and is counted in the
 * rollup by unit, with no recipient area of its own.
 */
export const programParticipants = sqliteTable(
  "program_participants",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    program: text("program").notNull().references(() => programs.slug),
    unit: text("unit").notNull().references(() => units.slug),
    role: text("role", { enum: ["coordinating"] }).notNull().default("coordinating"),
    effectiveFrom: text("effective_from"),
    effectiveTo: text("effective_to"),
    clause: text("clause").notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("program_participants_program_idx").on(t.program, t.unit), index("program_participants_unit_idx").on(t.unit)],
);

/**
 * `recipient`: a user of a recipient area (受援地 — a county, or a prefecture for its counties) who sees what
 * every helper of every program records for the area, and confirms or disputes it.
 */
export const ROLES = ["admin", "coordinator", "unit_admin", "unit_editor", "viewer", "recipient"] as const;
export type Role = (typeof ROLES)[number];

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  username: text("username").notNull().unique(),
  displayName: text("display_name").notNull(),
  passwordHash: text("password_hash").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  /** The one unit of a unit_admin / unit_editor / viewer; null for admin and coordinator. */
  unit: text("unit").references(() => units.slug),
  /** The recipient area of a `recipient` (a county, or a prefecture with its counties); null otherwise. */
  areaCode: text("area_code").references(() => areas.code),
  /** Seeded demonstration account: production refuses to start while one exists. */
  demo: integer("demo", { mode: "boolean" }).notNull().default(false),
  disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
  /** For If-Match on updates by an administrator. */
  version: integer("version").notNull().default(1),
  /**
   * What a token was issued against: triggers bump it whenever the role, unit, password, disabled
   * flag or coordinated programs change, and a token that carries an older value is refused.
   */
  authVersion: integer("auth_version").notNull().default(1),
  createdAt: text("created_at").notNull().default(now),
  /** Null until first changed (SQLite cannot add a column whose default is an expression). */
  updatedAt: text("updated_at"),
});

/** The programs a coordinator coordinates (and so may read across their units). */
export const userPrograms = sqliteTable(
  "user_programs",
  {
    userId: text("user_id").notNull().references(() => users.id),
    program: text("program").notNull().references(() => programs.slug),
  },
  (t) => [primaryKey({ columns: [t.userId, t.program] })],
);

/**
 * Sign-in attempts counted per key — an account from one client, a client, an account from
 * everywhere (src/auth/throttle.ts) — in the platform database, so every isolate and process
 * counts together. Times are epoch milliseconds; rows past their window are purged as others arrive.
 */
export const loginThrottle = sqliteTable(
  "login_throttle",
  {
    key: text("key").primaryKey(),
    failures: integer("failures").notNull(),
    lastAt: integer("last_at").notNull(),
    lockedUntil: integer("locked_until").notNull().default(0),
  },
  (t) => [index("login_throttle_last_idx").on(t.lastAt)],
);

/**
 * Sessions signed out before their token expired (POST /api/auth/logout): a token whose id (jti) is
 * here is refused, so a copied token or cookie ends with the sign-out, and the account's other
 * sessions go on. Expiry in epoch seconds, as the token's; rows past it are purged at later sign-outs.
 */
export const endedSessions = sqliteTable(
  "ended_sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("ended_sessions_expiry_idx").on(t.expiresAt)],
);

/** Every run of a scheduled job, with the outcome per unit. */
export const jobRuns = sqliteTable(
  "job_runs",
  {
    id: text("id").primaryKey(),
    job: text("job").notNull(),
    cron: text("cron"),
    startedAt: text("started_at").notNull(),
    finishedAt: text("finished_at"),
    status: text("status", { enum: ["running", "succeeded", "partial", "failed"] }).notNull(),
    outcome: text("outcome", { mode: "json" }),
    /**
     * Targets (units, programs) the run sent messages for, and how many have recorded an outcome:
     * each outcome adds one in the batch that records it, so completion is one comparison, never a
     * count over the run's targets.
     */
    expected: integer("expected").notNull().default(0),
    done: integer("done").notNull().default(0),
    failed: integer("failed").notNull().default(0),
  },
  (t) => [index("job_runs_job_idx").on(t.job, t.startedAt)],
);

/** Writes to the platform directory itself (units, users), with before/after. */
export const platformAudit = sqliteTable(
  "platform_audit",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull().default(now),
    actor: text("actor").notNull(),
    requestId: text("request_id"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
  },
  (t) => [index("platform_audit_entity_idx").on(t.entity, t.entityId)],
);

/**
 * A program's rule set: which rules apply and with which parameters. Seeded from each rule's
 * default programs and parameters; a coordinator changes it (audited), and evaluations from then
 * on use it. Reports store the parameters they used, so a later change never rewrites them.
 */
export const programRules = sqliteTable(
  "program_rules",
  {
    program: text("program").notNull().references(() => programs.slug),
    rule: text("rule").notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    params: text("params", { mode: "json" }).notNull(),
    version: integer("version").notNull().default(1),
    updatedAt: text("updated_at").notNull().default(now),
    updatedBy: text("updated_by").notNull().default("system"),
  },
  (t) => [primaryKey({ columns: [t.program, t.rule] })],
);

/**
 * Per-unit, per-program, per-year facts: the SQL aggregates of the unit's ledger (counts and sums by
 * kind, quarter, area, pairing… — never personal data) from which every figure of that year is
 * judged. The rollup reads these instead of every tenant's records. Each row records the tenant's
 * data versions it was computed from (`versions`), so it is stale as soon as `unit_data_versions`
 * holds a newer one; a failed refresh keeps the last good facts and records the error.
 */
export const unitFacts = sqliteTable(
  "unit_facts",
  {
    unit: text("unit").notNull().references(() => units.slug),
    program: text("program").notNull().references(() => programs.slug),
    year: integer("year").notNull(),
    /** The facts' shape (FACTS_VERSION when computed); an older shape is recomputed. */
    shape: integer("shape").notNull(),
    facts: text("facts", { mode: "json" }),
    /** The tenant's data versions read with the facts: { "0": v, "2026": v }. */
    versions: text("versions", { mode: "json" }).$type<Record<string, number>>().notNull(),
    computedAt: text("computed_at"),
    error: text("error"),
    errorAt: text("error_at"),
  },
  (t) => [primaryKey({ columns: [t.unit, t.program, t.year] }), index("unit_facts_program_year_idx").on(t.program, t.year)],
);

/**
 * The platform's copy of each tenant's data versions (tenant table `data_versions`), advanced after
 * every write to the unit: how a reader knows, without opening the tenant, that facts are stale.
 */
export const unitDataVersions = sqliteTable(
  "unit_data_versions",
  {
    unit: text("unit").notNull().references(() => units.slug),
    year: integer("year").notNull(),
    version: integer("version").notNull(),
  },
  (t) => [primaryKey({ columns: [t.unit, t.year] })],
);

export const REPORT_KINDS = ["unit_quarterly", "program_quarterly", "program_annual"] as const;

/**
 * Issued reports, frozen: the document as issued, the parameters and figures it used, and a hash of
 * its content. Re-issuing adds a version; no row is ever rewritten.
 */
export const reports = sqliteTable(
  "reports",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: REPORT_KINDS }).notNull(),
    program: text("program").notNull().references(() => programs.slug),
    /** The unit a unit report is about; empty for program reports. */
    unit: text("unit").notNull().default(""),
    /** "2026-Q3" or "2026". */
    period: text("period").notNull(),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    issuedAt: text("issued_at").notNull(),
    issuedBy: text("issued_by").notNull(),
    /** Rule parameters and assessment weights in force when issued. */
    params: text("params", { mode: "json" }).notNull(),
    /** The report document and the figures behind it. */
    content: text("content", { mode: "json" }).notNull(),
    contentHash: text("content_hash").notNull(),
    demo: integer("demo", { mode: "boolean" }).notNull().default(false),
    runId: text("run_id"),
  },
  (t) => [
    uniqueIndex("reports_identity_idx").on(t.kind, t.program, t.unit, t.period, t.version),
    index("reports_unit_idx").on(t.unit, t.issuedAt),
    index("reports_program_idx").on(t.program, t.issuedAt),
  ],
);

/** The outcome of each unit (or program) a fanned-out job run handled. */
export const jobTargets = sqliteTable(
  "job_targets",
  {
    runId: text("run_id").notNull(),
    target: text("target").notNull(),
    ok: integer("ok", { mode: "boolean" }).notNull(),
    detail: text("detail"),
    at: text("at").notNull(),
    /** Later retries of a failed report target by the daily job, for the run's own period. */
    retries: integer("retries").notNull().default(0),
    /** The daily job stopped retrying (and raised an alert). */
    givenUp: integer("given_up", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.runId, t.target] }), index("job_targets_failed_idx").on(t.ok, t.givenUp)],
);

/** Deadline alerts recorded by the daily job: a quarterly submission due or late, a cadre's term ending or overdue. */
export const alerts = sqliteTable(
  "alerts",
  {
    id: text("id").primaryKey(),
    unit: text("unit").notNull().references(() => units.slug),
    program: text("program"),
    kind: text("kind", { enum: ["submission_due", "submission_late", "cadre_term_ending", "cadre_term_overdue", "report_failed"] }).notNull(),
    /** What it is about: "2026-Q3" for a submission, a cadre record id for a term. */
    subject: text("subject").notNull(),
    dueDate: text("due_date").notNull(),
    firstSeenAt: text("first_seen_at").notNull(),
    lastSeenAt: text("last_seen_at").notNull(),
    resolvedAt: text("resolved_at"),
  },
  (t) => [uniqueIndex("alerts_identity_idx").on(t.unit, t.kind, t.subject), index("alerts_unit_idx").on(t.unit, t.resolvedAt)],
);

/**
 * Weights of the annual assessment's five dimensions and their indicators, per program
 * (2016-guangdong-east-west-poverty-collaboration.txt §14). Tuned by the coordinator; a report keeps the weights it used.
 */
export const assessmentWeights = sqliteTable("assessment_weights", {
  program: text("program").primaryKey().references(() => programs.slug),
  weights: text("weights", { mode: "json" }).notNull(),
  version: integer("version").notNull().default(1),
  updatedAt: text("updated_at").notNull().default(now),
  updatedBy: text("updated_by").notNull().default("system"),
});

/**
 * Each unit's judgement for a program and period (src/figures/judgements.ts): made by the one judging
 * function from the unit's stored facts, with the inputs it used, so that readers across units — the
 * rollup, the program reports — add up stored rows in SQL instead of judging every unit on read.
 * The scalar columns are what is summed, sorted and tabled; `row` is the unit's rollup row as listed.
 */
export const unitJudgements = sqliteTable(
  "unit_judgements",
  {
    unit: text("unit").notNull().references(() => units.slug),
    program: text("program").notNull().references(() => programs.slug),
    /** The period's key: "2026" or "2026Q3". */
    period: text("period").notNull(),
    year: integer("year").notNull(),
    /** The judging day and the inputs besides the facts: any that differs makes the row stale. */
    day: text("day").notNull(),
    rulesVersion: integer("rules_version").notNull(),
    term: text("term").notNull(),
    /** The program's structure version and the unit's groups in it, as judged. */
    structureVersion: integer("structure_version").notNull(),
    memberships: text("memberships").notNull(),
    catalog: integer("catalog").notNull(),
    factsComputedAt: text("facts_computed_at"),
    judgedAt: text("judged_at").notNull(),
    inFen: integer("in_fen").notNull(),
    disbursedFen: integer("disbursed_fen").notNull(),
    projects: integer("projects").notNull(),
    cadresInPost: integer("cadres_in_post").notNull(),
    pass: integer("pass").notNull(),
    warn: integer("warn").notNull(),
    fail: integer("fail").notNull(),
    notApplicable: integer("not_applicable").notNull(),
    excelling: integer("excelling", { mode: "boolean" }).notNull(),
    notSubmitted: integer("not_submitted", { mode: "boolean" }).notNull(),
    submittedLate: integer("submitted_late", { mode: "boolean" }).notNull(),
    /** The year-to-period summary without its areas (those are rows of unit_judgement_areas): summed by json_tree. */
    summary: text("summary", { mode: "json" }).notNull(),
    /** The assessment's indicator values (src/reports/assessment.ts). */
    indicators: text("indicators", { mode: "json" }).$type<Record<string, number>>().notNull(),
    /** The rules failing or lagging: [{ rule, status }]. */
    lagging: text("lagging", { mode: "json" }).$type<{ rule: string; status: string }[]>().notNull(),
    row: text("row", { mode: "json" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.unit, t.program, t.period] }), index("unit_judgements_program_period_idx").on(t.program, t.period)],
);

/** A judgement's sums per recipient area (the summary's byArea), for the rollup's per-area sums in SQL. */
export const unitJudgementAreas = sqliteTable(
  "unit_judgement_areas",
  {
    unit: text("unit").notNull().references(() => units.slug),
    program: text("program").notNull().references(() => programs.slug),
    period: text("period").notNull(),
    areaCode: text("area_code").notNull(),
    inFen: integer("in_fen").notNull(),
    allocatedFen: integer("allocated_fen").notNull(),
    disbursedFen: integer("disbursed_fen").notNull(),
    /** Of it, what the recipient confirmed arrived. */
    confirmedFen: integer("confirmed_fen").notNull().default(0),
    grassrootsInFen: integer("grassroots_in_fen").notNull(),
    projects: integer("projects").notNull(),
    grassrootsProjects: integer("grassroots_projects").notNull(),
    budgetFen: integer("budget_fen").notNull(),
    cadresInPost: integer("cadres_in_post").notNull(),
  },
  (t) => [primaryKey({ columns: [t.unit, t.program, t.period, t.areaCode] }), index("unit_judgement_areas_program_period_idx").on(t.program, t.period)],
);

/** When a program's judgements for a period were last queued, so repeated reads do not queue them again. */
export const judgementRequests = sqliteTable(
  "judgement_requests",
  {
    program: text("program").notNull().references(() => programs.slug),
    period: text("period").notNull(),
    /** What was asked for: the day and the versions of the rule set, structure and term. */
    inputs: text("inputs").notNull(),
    units: integer("units").notNull(),
    requestedAt: text("requested_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.program, t.period] })],
);

/**
 * The most common passwords, by rank (1 = most common), for the password policy's dictionary: reference
 * data seeded like the areas (src/seed), read once per process, so the Worker carries no word list.
 */
export const commonPasswords = sqliteTable("common_passwords", {
  rank: integer("rank").primaryKey(),
  word: text("word").notNull(),
});

/**
 * The in-app inbox: what a side must know — a dispute for the helper, a correction or an answer for the
 * recipient, a returned record or submission, a reminder to report (催报). Addressed to an audience, not a
 * user: a unit's staff, a recipient area's users (a prefecture's users see their counties'), a program's
 * coordinators; each user's reads are kept apart (`notification_reads`).
 */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    audienceKind: text("audience_kind", { enum: ["unit", "area", "program"] }).notNull(),
    audience: text("audience").notNull(),
    kind: text("kind", { enum: ["disputed", "confirmed", "reply", "amended", "returned", "resubmitted", "remind", "deadline", "issued"] }).notNull(),
    textZh: text("text_zh").notNull(),
    textEn: text("text_en").notNull(),
    /** The web link (hash route) to the thing concerned. */
    link: text("link").notNull(),
    at: text("at").notNull().default(now),
  },
  (t) => [index("notifications_audience_idx").on(t.audienceKind, t.audience, t.id)],
);

export const notificationReads = sqliteTable(
  "notification_reads",
  {
    userId: text("user_id").notNull().references(() => users.id),
    notificationId: integer("notification_id").notNull().references(() => notifications.id),
    at: text("at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.userId, t.notificationId] })],
);

/**
 * Outgoing webhooks: a unit's or a program's notices also posted to a WeCom (企业微信) or DingTalk group robot —
 * signed (DingTalk's 加签; an `X-Duikou-Signature` HMAC for WeCom and other receivers) and retried through the
 * job queue. The URL's host must be one the deployment allows (the two robots, and WEBHOOK_EXTRA_HOSTS). The
 * secret is never shown again once saved.
 */
export const webhooks = sqliteTable(
  "webhooks",
  {
    id: text("id").primaryKey(),
    audienceKind: text("audience_kind", { enum: ["unit", "program"] }).notNull(),
    audience: text("audience").notNull(),
    format: text("format", { enum: ["wecom", "dingtalk"] }).notNull(),
    url: text("url").notNull(),
    secret: text("secret"),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    version: integer("version").notNull().default(1),
    createdAt: text("created_at").notNull().default(now),
    createdBy: text("created_by").notNull(),
    /** The last delivery's outcome, for the settings screen. */
    lastStatus: text("last_status"),
    lastAt: text("last_at"),
  },
  (t) => [index("webhooks_audience_idx").on(t.audienceKind, t.audience)],
);

/** One notice to one webhook: attempts, outcome and the receiver's answer (no secret, no body kept). */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    webhookId: text("webhook_id").notNull().references(() => webhooks.id),
    notificationId: integer("notification_id"),
    status: text("status", { enum: ["pending", "delivered", "failed"] }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: text("created_at").notNull().default(now),
    deliveredAt: text("delivered_at"),
  },
  (t) => [index("webhook_deliveries_webhook_idx").on(t.webhookId, t.id)],
);
