/**
 * Search across a unit's whole ledger from the one FTS5 index (db/tenant/migrations/0005): one
 * statement reads the newest matching entries of `search_text` once and joins each to its record by
 * rowid, table by table, each table's hits bounded — not a query per table per record. A reader sees
 * what a list would show them: live records only, a coordinator only records of its programs or of
 * none, a cadre's name only for the unit's own staff (the cadre's personal fields), else its post.
 */
import { sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { activities, cadres, funds, pairings, projects, subUnits, submissions, targets } from "../../db/tenant/schema";
import type { TenantDb } from "../services";
import type { ProgramScope } from "../tenants/access";
import type { LedgerTable } from "./resource";
import { matchCondition, SEARCH_CODES } from "./search";

/** Index entries read per search at most: the newest first, so a common word still answers at once. */
const MAX_ENTRIES = 2_000;

/** One record found: where it lives, what names it, and the text around the match. */
export interface SearchHit {
  resource: "sub-units" | "pairings" | "projects" | "funds" | "cadres" | "activities" | "targets" | "submissions";
  id: string;
  /** The record's own name (a title, a counterpart, a cadre's name or post); null where the UI composes one. */
  title: string | null;
  /** A choice that names the record with the title: a fund's kind, a target's indicator, a project's category… */
  kind: string | null;
  amountFen: number | null;
  year: number | null;
  quarter: number | null;
  /** The record's date (YYYY-MM-DD), where it has one. */
  date: string | null;
  program: string | null;
  snippet: string;
}

interface Source {
  resource: SearchHit["resource"];
  table: LedgerTable;
  code: number;
  title: (personal: boolean) => SQL;
  kind?: SQLiteColumn;
  amountFen?: SQLiteColumn;
  year?: SQLiteColumn;
  quarter?: SQLiteColumn;
  date?: SQLiteColumn;
  program?: SQLiteColumn;
}

const NULL = sql`NULL`;

/** What each ledger table answers with, in the order the ledger's tabs show them. */
const SOURCES: Source[] = [
  { resource: "sub-units", table: subUnits, code: SEARCH_CODES.sub_units, title: () => sql`${subUnits.name}`, kind: subUnits.kind },
  { resource: "pairings", table: pairings, code: SEARCH_CODES.pairings, title: () => sql`${pairings.counterpart}`, kind: pairings.kind, date: pairings.startDate, program: pairings.program },
  { resource: "projects", table: projects, code: SEARCH_CODES.projects, title: () => sql`${projects.title}`, kind: projects.category, date: projects.startDate, program: projects.program },
  { resource: "funds", table: funds, code: SEARCH_CODES.funds, title: () => NULL, kind: funds.kind, amountFen: funds.amountFen, date: funds.date, program: funds.program },
  {
    resource: "cadres",
    table: cadres,
    code: SEARCH_CODES.cadres,
    title: (personal) => (personal ? sql`${cadres.name} || ' · ' || ${cadres.post}` : sql`${cadres.post}`),
    kind: cadres.level,
    date: cadres.startDate,
    program: cadres.program,
  },
  { resource: "activities", table: activities, code: SEARCH_CODES.activities, title: () => sql`${activities.title}`, kind: activities.kind, date: activities.date, program: activities.program },
  { resource: "targets", table: targets, code: SEARCH_CODES.targets, title: () => NULL, kind: targets.indicator, year: targets.year, program: targets.program },
  { resource: "submissions", table: submissions, code: SEARCH_CODES.submissions, title: () => NULL, kind: submissions.status, year: submissions.year, quarter: submissions.quarter, program: submissions.program },
];

const or = (column: SQLiteColumn | undefined) => (column ? sql`${column}` : NULL);

/** A list's program scope on one table: a coordinator's programs, or records of none. */
function scoped(source: Source, scope: ProgramScope): SQL {
  if (scope === null || !source.program) return sql``;
  if (!scope.length) return sql` AND ${source.program} IS NULL`;
  return sql` AND (${source.program} IS NULL OR ${source.program} IN (${sql.join(scope.map((p) => sql`${p}`), sql`, `)}))`;
}

/** The text around the first match: a few characters before, more after, lines joined. */
export function snippetOf(body: string, q: string, before = 16, after = 48): string {
  const text = body
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join(" · ");
  const at = text.toLowerCase().indexOf(q.toLowerCase());
  if (at < 0) return [...text].slice(0, before + after).join("");
  const start = Math.max(0, at - before);
  const end = Math.min(text.length, at + q.length + after);
  return `${start > 0 ? "…" : ""}${text.slice(start, end)}${end < text.length ? "…" : ""}`;
}

type HitRow = { resource: SearchHit["resource"]; id: string; title: string | null; kind: string | null; amountFen: number | null; year: number | null; quarter: number | null; date: string | null; program: string | null; body: string };

/**
 * The records whose searchable text holds `q`, newest first within each kind of record, at most `limit`
 * in all and shared out among the kinds that matched (so one busy table does not hide the others).
 * @example await searchLedger(db, "乳源", 20, { personal: true, scope: null })
 */
export async function searchLedger(db: TenantDb, q: string, limit: number, reader: { personal: boolean; scope: ProgramScope }): Promise<SearchHit[]> {
  const branches = SOURCES.map(
    (s) => sql`SELECT * FROM (SELECT ${s.resource} AS resource, ${s.table}.id AS id, ${s.title(reader.personal)} AS title, ${or(s.kind)} AS kind, ${or(s.amountFen)} AS amountFen,
      ${or(s.year)} AS year, ${or(s.quarter)} AS quarter, ${or(s.date)} AS date, ${or(s.program)} AS program, hits.body AS body
      FROM hits JOIN ${s.table} ON ${s.table}.rowid = hits.r / 16
      WHERE hits.r % 16 = ${s.code} AND ${s.table}.voided_at IS NULL${scoped(s, reader.scope)}
      ORDER BY hits.r DESC LIMIT ${limit})`,
  );
  const rows = await db.all<HitRow>(sql`WITH hits AS MATERIALIZED (SELECT rowid AS r, body FROM search_text WHERE ${matchCondition(q)} ORDER BY rowid DESC LIMIT ${MAX_ENTRIES})
    ${sql.join(branches, sql` UNION ALL `)}`);
  return shareOut(rows, limit).map(({ body, ...hit }) => ({ ...hit, amountFen: hit.amountFen === null ? null : Number(hit.amountFen), snippet: snippetOf(body, q) }));
}

/** Up to `limit` rows taken in turn from each kind, keeping each kind's order and the kinds' order. */
function shareOut(rows: HitRow[], limit: number): HitRow[] {
  const groups = new Map<string, HitRow[]>();
  for (const row of rows) (groups.get(row.resource) ?? groups.set(row.resource, []).get(row.resource)!).push(row);
  const taken = new Map<string, number>();
  let left = Math.min(limit, rows.length);
  for (let round = 0; left > 0; round++) {
    for (const [resource, list] of groups) if (left > 0 && list.length > round) (taken.set(resource, round + 1), left--);
  }
  return [...groups].flatMap(([resource, list]) => list.slice(0, taken.get(resource) ?? 0));
}
