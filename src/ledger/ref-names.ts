/**
 * References by name: the pairings, sub-units and projects an import template's dropdowns offer, and
 * how an import's reference cell (an id, a name, or a dropdown entry) becomes an id. Both sides write
 * and read the same entry, 名称 or 名称（编号末 6 位） where several records share the name, so a
 * value picked from a list always imports.
 */
import { and, asc, inArray, isNull, or } from "drizzle-orm";
import { pairings, projects, subUnits } from "../../db/tenant/schema";
import { pacer, slicesOf } from "../bounded";
import type { ErrorDetail } from "../errors";
import type { TenantDb } from "../services";
import type { Field } from "./fields";
import { ID_PATTERN } from "./ids";
import type { ImportRow } from "./import-plan";
import type { ResourceDef } from "./resource";

export type RefTable = NonNullable<Field["ref"]>;

/** Each referenced table: the column a person knows its records by, and what the record is called. */
export const REFS = {
  sub_units: { table: subUnits, name: subUnits.name, zh: "下属单位", en: "sub-unit" },
  pairings: { table: pairings, name: pairings.counterpart, zh: "结对关系", en: "pairing" },
  projects: { table: projects, name: projects.title, zh: "项目", en: "project" },
} as const;

/** The tables a resource's fields refer to, each once. */
export const refTablesOf = (def: ResourceDef): RefTable[] => [...new Set(Object.values(def.fields).flatMap((s) => (s.cell === "ref" && s.ref ? [s.ref] : [])))];

/**
 * At most this many records per dropdown: a unit may hold 100,000 sub-units, whose list would make
 * every template megabytes and a dropdown nobody can scroll. Past it a clerk types the name or the
 * id, which the import takes just the same.
 */
export const MAX_REF_CHOICES = 2_000;

/** Names and ids per query: two IN lists stay far below SQLite's limit of bound values (32,766). */
const NAMES_PER_QUERY = 400;

const SUFFIX = 6;
const entryOf = (name: string, id: string) => `${name}（${id.slice(-SUFFIX)}）`;
const ENTRY = new RegExp(`^(.+)（([0-9a-z-]{${SUFFIX}})）$`);
const zhOrder = new Intl.Collator("zh-CN");

/**
 * The dropdown entries of each table a resource refers to: its live records, the first
 * MAX_REF_CHOICES by name, by name alone or, where a name is shared (also with a record past the
 * cut), with the end of the id.
 */
export async function refChoices(db: TenantDb, def: ResourceDef): Promise<Partial<Record<RefTable, string[]>>> {
  const lists = await Promise.all(
    refTablesOf(def).map(async (ref) => {
      const { table, name } = REFS[ref];
      const rows = await db.select({ id: table.id, name }).from(table).where(isNull(table.voidedAt)).orderBy(asc(name), asc(table.id)).limit(MAX_REF_CHOICES + 1);
      const count = new Map<string, number>();
      for (const r of rows) count.set(r.name, (count.get(r.name) ?? 0) + 1);
      const entries = rows.slice(0, MAX_REF_CHOICES).map((r) => ((count.get(r.name) ?? 0) > 1 ? entryOf(r.name, r.id) : r.name));
      return [ref, entries.sort(zhOrder.compare)] as const;
    }),
  );
  return Object.fromEntries(lists);
}

/** What a table's records are, for the texts an import wrote: every id among them, and the live ids of each name. */
async function lookUp(db: TenantDb, ref: RefTable, texts: string[]) {
  const { table, name } = REFS[ref];
  const ids = new Set<string>();
  const byName = new Map<string, string[]>();
  const pace = pacer();
  for (const slice of slicesOf(texts, NAMES_PER_QUERY)) {
    // A 20,000-row import may name 20,000 records: others get a turn between slices (each slice's names
    // are found through their index, tenant migration 0010).
    if (pace.due()) await pace.pause();
    const asIds = new Set(slice);
    const names = [...new Set(slice.flatMap((t) => [t, ENTRY.exec(t)?.[1] ?? t]))];
    const rows = await db.select({ id: table.id, name, voidedAt: table.voidedAt }).from(table).where(or(inArray(table.id, slice), and(inArray(name, names), isNull(table.voidedAt))));
    for (const r of rows) {
      if (asIds.has(r.id)) ids.add(r.id);
      if (!r.voidedAt) (byName.get(r.name) ?? byName.set(r.name, []).get(r.name)!).push(r.id);
    }
  }
  return { ids, byName };
}

/** An id for what a clerk wrote, or why there is none ("中文 | English"). */
function resolve(text: string, ref: RefTable, found: Awaited<ReturnType<typeof lookUp>>): { id: string } | { message: string } {
  if (found.ids.has(text)) return { id: text };
  const named = found.byName.get(text) ?? [];
  if (named.length === 1) return { id: named[0]! };
  const { zh, en } = REFS[ref];
  if (named.length > 1) {
    const which = named.slice(0, 4).map((id) => entryOf(text, id)).join("、");
    return { message: `有多个${zh}叫“${text}”（${which}${named.length > 4 ? "等" : ""}），请从下拉列表选择带编号的一项或填写编号 | Several ${en}s are called ${text}: choose the entry with its id from the list, or write the id` };
  }
  const entry = ENTRY.exec(text);
  const picked = entry ? (found.byName.get(entry[1]!) ?? []).filter((id) => id.endsWith(entry[2]!)) : [];
  if (picked.length === 1) return { id: picked[0]! };
  // Something shaped like an id goes on as one: the write's own check names it missing or voided.
  if (ID_PATTERN.test(text)) return { id: text };
  return { message: `找不到${zh}“${text}”，请从下拉列表选择或填写其名称、编号 | No ${en} called ${text}: choose it from the list, or write its name or id` };
}

/**
 * An import's rows with their reference cells made ids: one query per table for every distinct text
 * (in slices), never one per row. A name that is unknown or shared is an error at its row and column.
 */
export async function resolveRefs(def: ResourceDef, db: TenantDb, rows: ImportRow[], columnOf: (field: string) => string): Promise<ImportRow[]> {
  if (!rows.some((r) => r.refs)) return rows;
  const found = new Map<RefTable, Awaited<ReturnType<typeof lookUp>>>();
  for (const ref of refTablesOf(def)) {
    const texts = new Set<string>();
    for (const r of rows) for (const [key, text] of Object.entries(r.refs ?? {})) if (def.fields[key]?.ref === ref) texts.add(text);
    if (texts.size) found.set(ref, await lookUp(db, ref, [...texts]));
  }
  return rows.map((r) => {
    if (!r.refs) return r;
    const record = { ...r.record };
    const errors: ErrorDetail[] = [...r.errors];
    for (const [key, text] of Object.entries(r.refs)) {
      const ref = def.fields[key]?.ref;
      if (!ref) continue;
      const answer = resolve(text, ref, found.get(ref)!);
      if ("id" in answer) record[key] = answer.id;
      else errors.push({ row: r.row, column: columnOf(key), message: answer.message });
    }
    return { ...r, record, errors };
  });
}
