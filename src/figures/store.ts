/**
 * Facts kept in the platform database (`unit_facts`) so that readers across units — the rollup, the
 * program reports — never open tenant databases, and the versions that tell whether they are stale.
 * A tenant's writes bump its own `data_versions` (by trigger); `markChanged` copies them to the
 * platform's `unit_data_versions` right after each write, so the next reader knows.
 */
import { and, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import { unitDataVersions, unitFacts } from "../../db/platform/schema";
import { dataVersions } from "../../db/tenant/schema";
import type { PlatformDb, TenantDb } from "../services";
import { FACTS_VERSION, type DataVersions, type Facts } from "./facts";
import type { LoadedFacts } from "./load-facts";

type FactsRow = typeof unitFacts.$inferSelect;

/** A stored row without its facts: enough to tell whether they can serve. */
export type FactsMeta = Omit<FactsRow, "facts"> & { hasFacts: boolean };

/** Whether facts computed at `had` are behind the versions `now` for their year. */
export function behind(had: DataVersions, now: DataVersions, year: number): boolean {
  return (now["0"] ?? 0) > (had["0"] ?? 0) || (now[String(year)] ?? 0) > (had[String(year)] ?? 0);
}

/** Whether a stored row can serve: it has facts of the current shape, no newer data exists, no failed refresh since. */
export function usable(row: FactsMeta | undefined, now: DataVersions): row is FactsMeta {
  return row !== undefined && row.hasFacts && row.shape === FACTS_VERSION && !row.error && !behind(row.versions, now, row.year);
}

/** The platform's copy of the units' data versions. */
/**
 * Units per query when reading many: each response stays well under a remote server's 10 MB limit
 * (stored facts are ~3 KB a unit: 300 → ~1 MB) and each query's argument list short.
 */
export const UNITS_PER_READ = 300;

/** `read` over slices of `slugs`, results concatenated. */
export async function inSlices<T>(slugs: readonly string[], read: (slice: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < slugs.length; i += UNITS_PER_READ) out.push(...(await read(slugs.slice(i, i + UNITS_PER_READ))));
  return out;
}

export async function platformVersions(platform: PlatformDb, unitSlugs: readonly string[]): Promise<Map<string, DataVersions>> {
  const out = new Map<string, DataVersions>();
  if (unitSlugs.length === 0) return out;
  const rows = await inSlices(unitSlugs, (slice) => platform.select().from(unitDataVersions).where(inArray(unitDataVersions.unit, slice)));
  for (const r of rows) (out.get(r.unit) ?? out.set(r.unit, {}).get(r.unit)!)[String(r.year)] = r.version;
  return out;
}

/** A tenant's own data versions (the truth the platform copies). */
export async function tenantVersions(db: TenantDb): Promise<DataVersions> {
  const rows = await db.select().from(dataVersions);
  return Object.fromEntries(rows.map((r) => [String(r.year), r.version]));
}

/** The upsert that copies a tenant's data versions to the platform (never moving one back). */
function versionsUpsert(platform: PlatformDb, unit: string, versions: DataVersions) {
  const rows = Object.entries(versions).map(([year, version]) => ({ unit, year: Number(year), version }));
  return platform
    .insert(unitDataVersions)
    .values(rows)
    .onConflictDoUpdate({ target: [unitDataVersions.unit, unitDataVersions.year], set: { version: sql`max(${unitDataVersions.version}, excluded.version)` } });
}

/** Copies a tenant's data versions to the platform (never moving one back). */
export async function markChanged(platform: PlatformDb, unit: string, versions: DataVersions): Promise<void> {
  if (Object.keys(versions).length) await versionsUpsert(platform, unit, versions);
}

const rowsOf = (program: string, year: number, unitSlugs: readonly string[]) => and(eq(unitFacts.program, program), eq(unitFacts.year, year), inArray(unitFacts.unit, [...unitSlugs]));

/** The stored rows of some units for a program and year, without their facts (a few hundred bytes each). */
export async function readFactsMeta(platform: PlatformDb, program: string, year: number, unitSlugs: readonly string[]): Promise<Map<string, FactsMeta>> {
  const { facts: _facts, ...columns } = getTableColumns(unitFacts);
  const rows = await inSlices(unitSlugs, (slice) =>
    platform
      .select({ ...columns, hasFacts: sql<number>`${unitFacts.facts} IS NOT NULL`.mapWith(Boolean) })
      .from(unitFacts)
      .where(rowsOf(program, year, slice)),
  );
  return new Map(rows.map((r) => [r.unit, r]));
}

/** The stored facts themselves, for the units that need them. */
export async function readFacts(platform: PlatformDb, program: string, year: number, unitSlugs: readonly string[]): Promise<Map<string, Facts>> {
  if (unitSlugs.length === 0) return new Map();
  const rows = await inSlices(unitSlugs, (slice) => platform.select({ unit: unitFacts.unit, facts: unitFacts.facts }).from(unitFacts).where(rowsOf(program, year, slice)));
  return new Map(rows.filter((r) => r.facts).map((r) => [r.unit, r.facts as Facts]));
}

/** Stores facts and, in the same transaction, the versions they saw as the platform's copy. */
export async function storeFacts(platform: PlatformDb, unit: string, program: string, year: number, loaded: LoadedFacts, computedAt: string): Promise<void> {
  const row = { unit, program, year, shape: FACTS_VERSION, facts: loaded.facts, versions: loaded.versions, computedAt, error: null, errorAt: null };
  // loadFacts always reports year 0 and the fact year, so the upsert has rows.
  await platform.batch([platform.insert(unitFacts).values(row).onConflictDoUpdate({ target: [unitFacts.unit, unitFacts.program, unitFacts.year], set: row }), versionsUpsert(platform, unit, loaded.versions)]);
}

/** Records a failed refresh on the row, keeping its last good facts. */
export async function recordFactsError(platform: PlatformDb, unit: string, program: string, year: number, message: string, at: string): Promise<void> {
  await platform
    .insert(unitFacts)
    .values({ unit, program, year, shape: 0, facts: null, versions: {}, computedAt: null, error: message.slice(0, 500), errorAt: at })
    .onConflictDoUpdate({ target: [unitFacts.unit, unitFacts.program, unitFacts.year], set: { error: message.slice(0, 500), errorAt: at } });
}
