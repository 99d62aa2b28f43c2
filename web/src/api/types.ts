/**
 * The shapes of the API answers the UI reads, named from the server's own OpenAPI document
 * (openapi.gen.ts, written by scripts/web-types.ts in every build and typecheck): the web cannot
 * read a field the server does not declare, nor miss one it renames. Shapes the document leaves
 * open (the rollup's) are the server's TypeScript types, imported as types — never a hand copy.
 */
import type { components, paths } from "./openapi.gen";

type Schemas = components["schemas"];

/** The JSON body of a path's 200 (or 201) answer. */
export type Answer<P extends keyof paths, M extends keyof paths[P] = "get" & keyof paths[P]> = paths[P][M] extends {
  responses: { 200: { content: { "application/json": infer T } } } | { 201: { content: { "application/json": infer T } } };
}
  ? T
  : never;

export type User = Schemas["User"];
export type Role = User["role"];
export type Me = Schemas["Me"];
/** An area as a picker holds it: a group's (with its full name) or one of the area list's. */
export type Area = Pick<Schemas["Area"], "code" | "name" | "level"> & Partial<Pick<Schemas["AreaLabel"], "fullName">>;
export type Group = Schemas["Group"];
export type Tenant = Schemas["Tenant"];

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

/** A page of a ledger list (the server's one pagination contract: `{ items, nextCursor, total }`), of the items named. */
export type Page<T> = Omit<Answer<"/api/t/{unit}/funds">, "items"> & { items: T[] };

/** A rule's result as the screens show it (the compliance answer's, and the rollup drill's, which omits the parameters). */
export type RuleResult = Omit<Schemas["RuleResult"], "params">;
export type RuleStatus = RuleResult["status"];
export type RuleUnit = RuleResult["unit"];

export type Compliance = Answer<"/api/t/{unit}/compliance">;

/** A page of the records behind a rule (GET …/compliance/{program}/{rule}/evidence); `reasons` on those that do not count. */
export type EvidencePage = Answer<"/api/t/{unit}/compliance/{program}/{rule}/evidence">;
export type EvidenceItem = EvidencePage["items"][number];
/** The deadline days a program's rules set (the server's, so the web never keeps its own copy). */
export type Deadlines = Compliance["programs"][number]["deadlines"];

export type AuditEntry = Schemas["AuditEntry"];

export type Submission = Schemas["Submission"];

// The rollup's shapes are the server's own (counts and sums only), imported as types so they cannot drift.
import type { AreaRollup, Freshness, ProgramRollup, UnitRollup, UnitRollupRow, UnitSort } from "../../../src/rollup/rollup";
import type { AreaSums, UnitSummary } from "../../../src/rollup/rollup";
import type { QuarterFigures, Trend } from "../../../src/rollup/trends";

/** What GET …/rollup answers (src/rollup/rollup.ts programRollup). */
export type { AreaRollup, AreaSums, Freshness, ProgramRollup, UnitRollup, UnitRollupRow, UnitSort, UnitSummary };
/** What GET …/rollup/areas/{code}/trend and …/rollup/units/{unit}/trend answer (src/rollup/trends.ts). */
export type { QuarterFigures, Trend };

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

export type ProgramRule = Schemas["ProgramRule"];
export type ReportItem = Schemas["ReportSummary"];
export type UnitRow = Schemas["Unit"];
/** A platform account as the admin's users API shows it (never a password hash). */
export type UserRow = Schemas["UserRecord"];

/** What an import would do (POST …/import/preview), as the server declares it. */
export type ImportPreview = Schemas["ImportPreview"];
