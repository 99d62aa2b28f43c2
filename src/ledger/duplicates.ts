/**
 * Rows of an import that are already in the ledger: the same values in every field as a record that
 * is not voided. Found in use: a sheet imported twice (saved again in LibreOffice) created its two
 * fund records again and doubled the unit's figures. Rows are compared with the records of the same
 * dates (the resource's date field, when it has one), so a year's import reads at most that year —
 * a page at a time with a breath between pages, so that re-importing 20,000 rows never holds the
 * thread (one read of them all held other requests for ~0.45 s).
 */

const PAGE = 1_000;
import { and, between, getTableColumns, gt, isNull, sql } from "drizzle-orm";
import { breathe, mapInSlices } from "../bounded";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { ResourceDef, Row, WriteContext } from "./resource";

/** How an import treats rows already in the ledger: refuse and say which (the default), leave them out, or write them again. */
export type DuplicateMode = "ask" | "skip" | "keep";

const keyOf = (fields: readonly string[], row: Row) => JSON.stringify(fields.map((f) => row[f] ?? null));

/** Index of each record → the id of the existing record it repeats. */
export async function findDuplicates(def: ResourceDef, ctx: WriteContext, records: Row[]): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  if (records.length === 0) return found;
  const fields = Object.keys(def.fields);
  const columns = getTableColumns(def.table) as unknown as Record<string, SQLiteColumn>;
  const selection: Record<string, SQLiteColumn> = { id: columns.id! };
  for (const f of fields) selection[f] = columns[f]!;
  const conditions = [isNull(columns.voidedAt!)];
  if (def.dateField) {
    const days = records.map((r) => r[def.dateField!]).filter((d): d is string => typeof d === "string").sort();
    if (days.length) conditions.push(between(columns[def.dateField]!, days[0]!, days[days.length - 1]!));
  }
  const wanted = new Map<string, number[]>();
  const keys = await mapInSlices(records, (r) => keyOf(fields, r));
  keys.forEach((key, i) => (wanted.get(key) ?? wanted.set(key, []).get(key)!).push(i));
  const rowid = sql<number>`rowid`;
  for (let after = 0; ; ) {
    const page = (await ctx.tenant.db
      .select({ ...selection, rowid })
      .from(def.table)
      .where(and(...conditions, gt(rowid, after)))
      .orderBy(rowid)
      .limit(PAGE)) as (Row & { rowid: number })[];
    for (const e of page) for (const i of wanted.get(keyOf(fields, e)) ?? []) if (!found.has(i)) found.set(i, String(e.id));
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.rowid;
    if (ctx.tenant.blocking) await breathe();
  }
  return found;
}
