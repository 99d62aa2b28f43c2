/**
 * What a helper claims for a recipient area, read from the helper's own database: its funds, projects,
 * cadres posted there (name and post — never gender, birth date, phone or the sending sub-unit) and
 * activities, each with the recipient's standing on it (confirmed, disputed, or waiting — again after
 * the helper corrected it) and how long its thread is. The records stay in the helper's database; the
 * recipient reads them through here and nowhere else.
 */
import { sql, type SQL } from "drizzle-orm";
import { areaPrefix } from "../rules/progress";
import type { TenantDb } from "../services";

export const CLAIM_ENTITIES = ["fund", "project", "cadre", "activity"] as const;
export type ClaimEntity = (typeof CLAIM_ENTITIES)[number];

/** How the recipient stands on a record: nothing said yet, confirmed, disputed, or corrected since it spoke. */
export type Standing = "unconfirmed" | "confirmed" | "disputed" | "amended";

export interface Claim {
  entity: ClaimEntity;
  id: string;
  version: number;
  date: string | null;
  areaCode: string;
  program: string | null;
  /** The record's own fields a recipient may see. */
  fields: Record<string, unknown>;
  standing: Standing | null;
  verdict: { verdict: "confirmed" | "disputed"; recordVersion: number; amountFen: number | null; date: string | null; reason: string | null; byName: string; at: string } | null;
  messages: number;
}

/** Per entity: its table, its date, its area column, the fields a recipient sees, and the year it belongs to. */
const SHAPES: Record<ClaimEntity, { table: string; date: string; area: string; fields: string[]; inYear(year: number): SQL }> = {
  fund: { table: "funds", date: "date", area: "area_code", fields: ["kind", "source", "amount_fen", "project_id", "grassroots"], inYear: (y) => sql`substr(r.date, 1, 4) = ${String(y)}` },
  project: {
    table: "projects",
    date: "start_date",
    area: "area_code",
    fields: ["title", "category", "status", "budget_fen", "start_date", "end_date", "location", "grassroots"],
    inYear: (y) => sql`coalesce(r.start_date, substr(r.created_at, 1, 10)) <= ${`${y}-12-31`} AND (r.end_date IS NULL OR r.end_date >= ${`${y}-01-01`} OR r.status IN ('completed', 'accepted'))`,
  },
  cadre: {
    table: "cadres",
    date: "start_date",
    area: "host_area_code",
    fields: ["name", "post", "level", "start_date", "planned_end_date", "actual_end_date", "status"],
    inYear: (y) => sql`r.start_date <= ${`${y}-12-31`} AND coalesce(r.actual_end_date, r.planned_end_date) >= ${`${y}-01-01`}`,
  },
  activity: { table: "activities", date: "date", area: "area_code", fields: ["kind", "title", "direction", "leader_level", "people", "quantity", "hours"], inYear: (y) => sql`substr(r.date, 1, 4) = ${String(y)}` },
};

/** At most this many records of one entity from one helper in one answer (a county's year is far fewer). */
export const CLAIMS_PER_HELPER = 500;

const camel = (s: string) => s.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());

/** The standing a verdict gives a record now. */
export function standingOf(version: number, verdict: Claim["verdict"]): Standing {
  if (!verdict) return "unconfirmed";
  if (verdict.recordVersion < version) return "amended";
  return verdict.verdict;
}

function toClaim(entity: ClaimEntity, r: Record<string, unknown>): Claim {
  const shape = SHAPES[entity];
  const verdict = r.v_verdict ? { verdict: r.v_verdict as "confirmed" | "disputed", recordVersion: Number(r.v_version), amountFen: r.v_amount === null ? null : Number(r.v_amount), date: (r.v_date as string | null) ?? null, reason: (r.v_reason as string | null) ?? null, byName: String(r.v_by_name), at: String(r.v_at) } : null;
  const fields = Object.fromEntries(shape.fields.map((f) => [camel(f), f === "grassroots" ? Boolean(r[f]) : r[f]]));
  const version = Number(r.version);
  return {
    entity,
    id: String(r.id),
    version,
    date: (r[shape.date] as string | null) ?? null,
    areaCode: String(r[shape.area]),
    program: (r.program as string | null) ?? null,
    fields,
    standing: entity === "activity" ? null : standingOf(version, verdict),
    verdict,
    messages: Number(r.messages ?? 0),
  };
}

function claimsQuery(entity: ClaimEntity, where: SQL, limit: number): SQL {
  const shape = SHAPES[entity];
  const columns = sql.raw(["id", "version", "program", ...new Set([shape.date, shape.area, ...shape.fields])].map((c) => `r.${c}`).join(", "));
  return sql`SELECT ${columns},
      v.verdict AS v_verdict, v.record_version AS v_version, v.amount_fen AS v_amount, v.date AS v_date, v.reason AS v_reason, v.by_name AS v_by_name, v.at AS v_at,
      (SELECT count(*) FROM record_threads t WHERE t.entity = ${entity} AND t.record_id = r.id) AS messages
    FROM ${sql.raw(shape.table)} r
    LEFT JOIN recipient_verdicts v ON v.entity = ${entity} AND v.record_id = r.id
    WHERE r.voided_at IS NULL AND ${where}
    ORDER BY r.${sql.raw(shape.date)} DESC, r.id LIMIT ${limit}`;
}

const inArea = (entity: ClaimEntity, area: string) => sql`substr(r.${sql.raw(SHAPES[entity].area)}, 1, ${areaPrefix(area).length}) = ${areaPrefix(area)}`;

/** A helper's records of one kind for the area in a year (at most CLAIMS_PER_HELPER + 1, to tell more). */
export async function claimsIn(db: TenantDb, entity: ClaimEntity, area: string, year: number): Promise<Claim[]> {
  const rows = await db.all<Record<string, unknown>>(claimsQuery(entity, sql`${inArea(entity, area)} AND ${SHAPES[entity].inYear(year)}`, CLAIMS_PER_HELPER + 1));
  return rows.map((r) => toClaim(entity, r));
}

/** One of a helper's records, if it lies in the area (voided ones are no claim). */
export async function claimIn(db: TenantDb, entity: ClaimEntity, area: string, id: string): Promise<Claim | undefined> {
  const [row] = await db.all<Record<string, unknown>>(claimsQuery(entity, sql`${inArea(entity, area)} AND r.id = ${id}`, 1));
  return row ? toClaim(entity, row) : undefined;
}

/** The record's table, and the column naming its recipient area. */
export const tableOf = (entity: ClaimEntity) => SHAPES[entity].table;
export const areaColumnOf = (entity: ClaimEntity) => SHAPES[entity].area;
