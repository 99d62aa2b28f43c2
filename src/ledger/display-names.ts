/**
 * The names exports and import previews write instead of codes (src/sheets/cells.ts DisplayNames):
 * areas by full name, programs by title, and the projects, pairings and sub-units a resource refers
 * to by title, counterpart and name.
 */
import { inArray } from "drizzle-orm";
import { programs } from "../../db/platform/schema";
import { allAreaLabels } from "../directory/areas";
import type { PlatformDb, TenantDb } from "../services";
import type { DisplayNames } from "../sheets/cells";
import { REFS, refTablesOf } from "./ref-names";
import type { ResourceDef } from "./resource";

/**
 * Names for a resource's records. `refIds` limits the references looked up (a preview's shown rows);
 * without it every record of each referenced table is named (an export: a unit's projects, pairings
 * and sub-units number in the hundreds or thousands, far fewer than the rows exported).
 */
export async function displayNames(platform: PlatformDb, db: TenantDb, def: ResourceDef, refIds?: readonly string[]): Promise<DisplayNames> {
  const tables = refTablesOf(def);
  const [labels, programRows, ...refRows] = await Promise.all([
    allAreaLabels(platform),
    platform.select({ slug: programs.slug, name: programs.name }).from(programs),
    ...tables.map((t) => {
      const { table, name } = REFS[t];
      const query = db.select({ id: table.id, name }).from(table);
      if (refIds === undefined) return query;
      return refIds.length ? query.where(inArray(table.id, [...refIds])) : Promise.resolve([]);
    }),
  ]);
  const names: DisplayNames = { areas: {}, programs: {}, refs: {} };
  for (const a of labels.values()) names.areas[a.code] = a.fullName;
  for (const p of programRows) names.programs[p.slug] = p.name;
  for (const rows of refRows) for (const r of rows) names.refs[r.id] = r.name;
  return names;
}
