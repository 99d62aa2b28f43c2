/**
 * Lists of ledger records: equality filters, a period (year, quarter, from/to on the resource's
 * date), an area (a county, or every county of a prefecture or province), text search, sorting
 * and keyset pagination with an opaque cursor. Voided records are left out unless asked for.
 */
import { calendarRange } from "../periods/period";
import { z } from "@hono/zod-openapi";
import { and, asc, count, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { breathe } from "../bounded";
import { ApiError } from "../errors";
import { areaCodeSchema, dateSchema } from "./fields";
import type { ResourceDef, Row } from "./resource";
import { searchCondition } from "./search";
import type { ProgramScope } from "../tenants/access";
import type { TenantDb } from "../services";

const boolParam = z.enum(["true", "false"]).transform((v) => v === "true");

/** The query schema of a resource's list (and export). */
export function listQuerySchema(def: ResourceDef) {
  const shape: Record<string, z.ZodType> = {};
  for (const key of def.filters) {
    const spec = def.fields[key]!;
    shape[key] =
      spec.cell === "bool" ? boolParam.optional() : spec.cell === "area" ? areaCodeSchema.optional() : spec.cell === "int" ? z.coerce.number().int().optional() : spec.schema.optional();
  }
  const sortValues = [...def.sorts, "createdAt", "updatedAt"].flatMap((s) => [s, `-${s}`]) as [string, ...string[]];
  return z.object({
    ...shape,
    ...(def.dateField
      ? {
          year: z.coerce.number().int().min(1990).max(2100).optional(),
          quarter: z.coerce.number().int().min(1).max(4).optional(),
          from: dateSchema.optional(),
          to: dateSchema.optional(),
        }
      : {}),
    ...(def.search.length ? { q: z.string().trim().min(1).max(100).optional() } : {}),
    includeVoided: boolParam.optional(),
    sort: z.enum(sortValues).default(def.defaultSort),
    cursor: z.string().max(300).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  });
}

export type ListQuery = Record<string, unknown> & { sort: string; limit: number; cursor?: string; includeVoided?: boolean };

/** An area filter: 440282 → that county; 440200 → every area of Shaoguan; 440000 → all of Guangdong. */
function areaCondition(column: SQLiteColumn, code: string): SQL {
  const prefix = code.replace(/(00)+$/, "");
  return prefix.length === 6 ? eq(column, code) : sql`substr(${column}, 1, ${prefix.length}) = ${prefix}`;
}

function col(def: ResourceDef, key: string): SQLiteColumn {
  const column = def.table[key];
  if (!column) throw new Error(`${def.path}: no column ${key}`);
  return column;
}

/** The WHERE of a list or export (without the cursor). */
/** A coordinator reads a unit's records of its own programs and those tagged with no program. */
function scopeCondition(def: ResourceDef, scope: ProgramScope): SQL | undefined {
  if (scope === null || !def.fields.program) return undefined;
  const column = col(def, "program");
  return scope.length ? or(isNull(column), inArray(column, [...scope])) : isNull(column);
}

export function listWhere(def: ResourceDef, query: ListQuery, scope: ProgramScope = null): SQL | undefined {
  const where: SQL[] = [];
  const scoped = scopeCondition(def, scope);
  if (scoped) where.push(scoped);
  if (!query.includeVoided) where.push(isNull(def.table.voidedAt));
  for (const key of def.filters) {
    const value = query[key];
    if (value === undefined) continue;
    where.push(def.fields[key]!.cell === "area" ? areaCondition(col(def, key), String(value)) : eq(col(def, key), value as string));
  }
  if (def.dateField) {
    const date = col(def, def.dateField);
    const range = typeof query.year === "number" ? calendarRange(query.year, query.quarter as number | undefined) : null;
    const from = (query.from as string | undefined) ?? range?.from;
    const to = (query.to as string | undefined) ?? range?.to;
    if (from) where.push(gte(date, from));
    if (to) where.push(lte(date, to));
  }
  if (typeof query.q === "string") where.push(searchCondition(def, query.q));
  return where.length ? and(...where) : undefined;
}

/**
 * The sort expression. A NOT NULL column sorts as itself, so its index serves the ORDER BY; a
 * nullable one sorts nulls as the lowest value so the keyset stays total.
 */
function sortKey(def: ResourceDef, sort: string): { expr: SQL; descending: boolean } {
  const descending = sort.startsWith("-");
  const key = descending ? sort.slice(1) : sort;
  const spec = def.fields[key];
  const column = col(def, key);
  if (column.notNull) return { expr: sql`${column}`, descending };
  const numeric = spec ? ["money", "int", "bool"].includes(spec.cell) : false;
  return { expr: sql`coalesce(${column}, ${numeric ? -1 : ""})`, descending };
}

function encodeCursor(value: unknown, id: unknown): string {
  return btoa(unescape(encodeURIComponent(JSON.stringify([value, id])))).replace(/=+$/, "");
}

function decodeCursor(cursor: string): [string | number, string] {
  try {
    const parsed = JSON.parse(decodeURIComponent(escape(atob(cursor)))) as unknown;
    if (Array.isArray(parsed) && parsed.length === 2 && ["string", "number"].includes(typeof parsed[0]) && typeof parsed[1] === "string") {
      return parsed as [string | number, string];
    }
  } catch {
    // fall through to the 400 below
  }
  throw new ApiError("VALIDATION_FAILED", "error.validation", {}, [{ path: "query.cursor", message: "分页游标无效，请从第一页重新开始 | Invalid cursor; start again from the first page" }]);
}

/** Rows after a cursor, in sort order: one more than asked, so the caller knows whether more follow. */
function pageAfter(def: ResourceDef, db: TenantDb, base: SQL | undefined, sort: string, limit: number, cursor: string | undefined) {
  const { expr, descending } = sortKey(def, sort);
  let where = base;
  if (cursor) {
    const [value, id] = decodeCursor(cursor);
    const after = descending ? sql`(${expr} < ${value} OR (${expr} = ${value} AND ${def.table.id} < ${id}))` : sql`(${expr} > ${value} OR (${expr} = ${value} AND ${def.table.id} > ${id}))`;
    where = base ? and(base, after) : after;
  }
  const order = descending ? [desc(expr), desc(def.table.id)] : [asc(expr), asc(def.table.id)];
  return db.select({ row: def.table, key: expr }).from(def.table).where(where).orderBy(...order).limit(limit + 1);
}

function cursorAfter(rows: { row: unknown; key: unknown }[], limit: number): string | null {
  const last = rows[Math.min(rows.length, limit) - 1];
  return rows.length > limit && last ? encodeCursor(last.key, (last.row as Row).id) : null;
}

/** One page of records, the cursor of the next page, and the total matching the filters. */
export async function listRecords(def: ResourceDef, db: TenantDb, query: ListQuery, scope: ProgramScope = null): Promise<{ items: Row[]; nextCursor: string | null; total: number }> {
  const base = listWhere(def, query, scope);
  const [rows, totals] = await Promise.all([pageAfter(def, db, base, query.sort, query.limit, query.cursor), db.select({ n: count() }).from(def.table).where(base)]);
  return { items: rows.slice(0, query.limit).map((r) => r.row as Row), nextCursor: cursorAfter(rows, query.limit), total: totals[0]?.n ?? 0 };
}

/** Rows read per query of an export: each read is short, and other requests run between them. */
const EXPORT_PAGE = 500;

/**
 * Every record matching the filters (for export), in sort order, up to `max`, page by page: each
 * read is short, other requests run between them, and the pages can go on to be written as they come.
 * Ties are broken by rowid rather than id: an index on the sort column holds its rowids in order,
 * so each page is a seek into the index instead of a re-sort of everything before it.
 */
export async function* recordPages(def: ResourceDef, db: TenantDb, query: ListQuery, max: number, scope: ProgramScope = null): AsyncGenerator<Row[]> {
  const base = listWhere(def, query, scope);
  const { expr, descending } = sortKey(def, query.sort);
  const rowid = sql`${def.table}.rowid`;
  let read = 0;
  let after: [unknown, number] | null = null;
  while (read < max) {
    const limit = Math.min(EXPORT_PAGE, max - read);
    const seek: SQL | undefined = after ? (descending ? sql`(${expr}, ${rowid}) < (${after[0]}, ${after[1]})` : sql`(${expr}, ${rowid}) > (${after[0]}, ${after[1]})`) : undefined;
    const rows: { row: unknown; key: unknown; rowid: number }[] = await db
      .select({ row: def.table, key: expr, rowid: sql<number>`${rowid}` })
      .from(def.table)
      .where(base && seek ? and(base, seek) : (base ?? seek))
      .orderBy(...(descending ? [desc(expr), desc(rowid)] : [asc(expr), asc(rowid)]))
      .limit(limit);
    read += rows.length;
    if (rows.length) yield rows.map((r) => r.row as Row);
    const last = rows.at(-1);
    if (!last || rows.length < limit) return;
    after = [last.key, Number(last.rowid)];
    await breathe();
  }
}
