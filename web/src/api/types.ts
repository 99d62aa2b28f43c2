/** The shapes of the API answers the UI reads (see /api/openapi.json). */

export type Role = "admin" | "coordinator" | "unit_admin" | "unit_editor" | "viewer" | "recipient";

export interface User {
  id: string;
  username: string;
  name: string;
  role: Role;
  unit: string | null;
  programs: string[];
  /** A recipient user's area. */
  area?: string | null;
}

export interface Me {
  user: User;
  unit: { slug: string; name: string; kind: string } | null;
  programs: { slug: string; name: string }[];
}

export interface Area {
  code: string;
  name: string;
  fullName?: string;
  parentCode?: string | null;
  level: number;
}

export interface Group {
  id: string;
  program: string;
  area: Area & { fullName: string };
  clause: string;
  lead: { slug: string; name: string } | null;
  members: { slug: string; name: string; role: "lead" | "member" }[];
}

export interface Tenant {
  slug: string;
  name: string;
  kind: string;
  demo: boolean;
  access: { write: boolean; personal: boolean };
  programs: { slug: string; name: string; groups: Group[] }[];
  counts: { subUnits: number; placeholders: number };
}

/** A ledger record: bookkeeping fields plus the resource's own. */
export type LedgerRecord = Record<string, unknown> & {
  id: string;
  version: number;
  demo: boolean;
  createdAt: string;
  updatedAt: string;
  voidedAt: string | null;
  voidReason: string | null;
};

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}

export type RuleStatus = "pass" | "warn" | "fail" | "not_applicable";
export type RuleUnit = "count" | "percent" | "fen" | "person_times" | "pairs" | "cadres";

export interface RuleResult {
  rule: string;
  title: { zh: string; en: string };
  clause?: string;
  /** The clause's sentence(s) the rule encodes, verbatim. */
  quote?: string;
  status: RuleStatus;
  actual: number | null;
  expected: number | null;
  target: number | null;
  unit: RuleUnit;
  explanation: { zh: string; en: string };
}

/** One record behind a rule (GET …/compliance/{program}/{rule}/evidence); `reasons` when it does not count. */
export interface EvidenceItem {
  entity: "activity" | "fund" | "project" | "pairing" | "cadre" | "submission";
  id: string;
  date: string | null;
  label: string;
  value: number | null;
  reasons?: { code: string; actual: string | number | null; expected: (string | number)[]; text: { zh: string; en: string } }[];
}

export interface EvidencePage {
  counted: boolean;
  items: EvidenceItem[];
  nextCursor: string | null;
}

/** The deadline days a program's rules set (the server's, so the web never keeps its own copy). */
export interface Deadlines {
  submissionDueDays: number;
  submissionRemindDays: number;
  cadreWarnDays: number;
}

export interface Compliance {
  period: string;
  asOf: string;
  programs: { program: string; inTerm: boolean; deadlines: Deadlines; results: RuleResult[] }[];
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  actorRole: string;
  entity: string;
  entityId: string;
  action: string;
}

export interface Submission extends LedgerRecord {
  year: number;
  quarter: number;
  program: string;
  progress: string;
  problems: string;
  nextSteps: string;
  status: "draft" | "submitted" | "reopened";
  submittedAt: string | null;
  reopenReason: string | null;
  reopenedAt: string | null;
}

// The rollup's shapes are the server's own (counts and sums only), imported as types so they cannot drift.
import type { AreaRollup, Freshness, ProgramRollup, UnitRollup, UnitRollupRow, UnitSort } from "../../../src/rollup/rollup";
import type { AreaSums, UnitSummary } from "../../../src/rollup/rollup";

/** What GET …/rollup answers (src/rollup/rollup.ts programRollup). */
export type { AreaRollup, AreaSums, Freshness, ProgramRollup, UnitRollup, UnitRollupRow, UnitSort, UnitSummary };

export interface AreaDrillDown extends AreaRollup {
  program: string;
  period: string;
  contributions: { unit: string; sums: AreaSums }[];
  units: { unit: { slug: string; name: string }; freshness: Freshness }[];
}

export interface UnitDrillDown extends UnitRollup {
  program: string;
  period: string;
}

export interface ProgramRule {
  id: string;
  title: { zh: string; en: string };
  clause: string;
  quote: string;
  period: "quarter" | "year" | "term";
  enabled: boolean;
  params: Record<string, unknown>;
  paramsSchema: { properties?: Record<string, { type?: string; title?: string; minimum?: number; maximum?: number; default?: unknown }> };
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export interface ReportItem {
  id: string;
  kind: string;
  title: string;
  program: string | null;
  period: string;
  version: number;
  issuedAt: string;
  unit?: string | null;
  demo?: boolean;
}

export interface UnitRow {
  slug: string;
  name: string;
  kind: string;
  status: "provisioning" | "active" | "failed";
  schemaVersion: number;
  demo: boolean;
  createdAt: string;
}

/** A platform account as the admin's users API shows it (never a password hash). */
export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unit: string | null;
  programs: string[];
  /** A recipient user's area (a county, or a prefecture with its counties). */
  areaCode?: string | null;
  disabled: boolean;
  demo: boolean;
  createdAt: string;
  version?: number;
  updatedAt?: string;
}

