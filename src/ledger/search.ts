/**
 * Text search over a ledger table through the tenant's FTS5 index (db/tenant/migrations/0005): the
 * trigram tokenizer matches any substring of three or more characters, case-insensitively, from the
 * index. Shorter queries (one or two characters, common in Chinese: "东莞", "学校") cannot be
 * trigram-matched; they scan the index's text with LIKE — still one table of short texts rather than
 * every column of every record, but not an index seek (stated in the README).
 */
import { sql, type SQL } from "drizzle-orm";
import type { ResourceDef } from "./resource";
import { getTableName } from "drizzle-orm";

/** Each table's code in an index entry's rowid (record rowid × 16 + code). Never renumber. */
export const SEARCH_CODES = { sub_units: 1, pairings: 2, projects: 3, funds: 4, cadres: 5, activities: 6, targets: 7, submissions: 8 } as const;

/** The condition on `search_text` "this entry's text contains q": MATCH from three characters, LIKE below. */
export function matchCondition(q: string): SQL {
  return [...q].length >= 3 ? sql`search_text MATCH ${`"${q.replace(/"/g, '""')}"`}` : sql`body LIKE ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} ESCAPE '\\'`;
}

/** The condition "this record's searchable text contains q". */
export function searchCondition(def: ResourceDef, q: string): SQL {
  const code = SEARCH_CODES[getTableName(def.table) as keyof typeof SEARCH_CODES];
  if (!code) throw new Error(`No search code for ${getTableName(def.table)}`);
  return sql`${def.table}.rowid IN (SELECT rowid / 16 FROM search_text WHERE ${matchCondition(q)} AND rowid % 16 = ${code})`;
}
