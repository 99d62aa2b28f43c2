/**
 * The figures pipeline: fresh facts for (unit, program, year) — stored ones while no newer data
 * exists, else computed from the tenant and stored — judged for a period by `judgeUnit`. Every
 * consumer asks here; none loads records or sums on its own.
 */
import { classifyFault, clearFault, recordFault, REQUEST_FAULTS } from "../tenants/faults";
import { eq } from "drizzle-orm";
import { programs } from "../../db/platform/schema";
import { periodContext, today, type Period } from "../periods/period";
import { ruleSet, type ConfiguredRule } from "../rules/rule-sets";
import type { AreaNames, GroupArea } from "../rules/types";
import type { Services, TenantDb } from "../services";
import type { UnitRow } from "../tenants/directory";
import { judgeUnit, type ProgramTerms, type UnitFigures } from "./judge";
import { loadFacts, type LoadedFacts } from "./load-facts";
import { markChanged, platformVersions, readFacts, readFactsMeta, recordFactsError, storeFacts, tenantVersions, usable } from "./store";
import { allAreaLabels } from "../directory/areas";
import { membershipsOf } from "./in-force";

export interface FreshFacts extends LoadedFacts {
  computedAt: string | null;
}

/** The program's term and input versions. */
export async function programTerms(services: Services, program: string): Promise<ProgramTerms | null> {
  const [row] = await services.platform
    .select({ slug: programs.slug, startYear: programs.startYear, endYear: programs.endYear, rulesVersion: programs.rulesVersion, structureVersion: programs.structureVersion })
    .from(programs)
    .where(eq(programs.slug, program));
  return row ?? null;
}

/** The recipient areas of a unit's groups in a program, in force during the period (src/figures/judgements.ts). */
export async function groupAreasOf(services: Services, unit: string, program: string, period: Period): Promise<GroupArea[]> {
  return (await membershipsOf(services, program, period, [unit])).get(unit) ?? [];
}

/**
 * Facts that reflect every write so far. With the tenant at hand its own versions decide; otherwise
 * the platform's copy does. A whole-ledger view (program null) is computed each time, not stored.
 */
export async function freshFacts(services: Services, unit: UnitRow, program: string | null, year: number, tenant?: TenantDb): Promise<FreshFacts> {
  // The tenant is opened only when it must be read: stored facts that are current need no tenant.
  const withDb = <T>(work: (db: TenantDb) => Promise<T>): Promise<T> => (tenant ? work(tenant) : services.tenants.use(unit, (t) => work(t.db)));
  if (program === null) return { ...(await withDb((db) => loadFacts(db, null, year, { blocking: services.tenants.connector.blocking }))), computedAt: new Date().toISOString() };
  const [stored, versions] = await Promise.all([readFactsMeta(services.platform, program, year, [unit.slug]), tenant ? tenantVersions(tenant) : platformVersions(services.platform, [unit.slug]).then((m) => m.get(unit.slug) ?? {})]);
  const row = stored.get(unit.slug);
  const facts = usable(row, versions) ? (await readFacts(services.platform, program, year, [unit.slug])).get(unit.slug) : undefined;
  if (row && facts) return { facts, versions: row.versions, computedAt: row.computedAt };
  return withDb((db) => computeAndStore(services, unit.slug, db, program, year));
}

/** Computes facts from the tenant and stores them, with the versions they saw, for other readers. */
export async function computeAndStore(services: Services, unit: string, db: TenantDb, program: string, year: number): Promise<FreshFacts> {
  const computedAt = new Date().toISOString();
  const loaded = await loadFacts(db, program, year, { blocking: services.tenants.connector.blocking });
  await storeFacts(services.platform, unit, program, year, loaded, computedAt);
  return { ...loaded, computedAt };
}

/** Judges already-fresh facts: the pure step, with the program's inputs read once by the caller. */
export function judge(
  unit: Pick<UnitRow, "slug" | "name">,
  program: ProgramTerms | null,
  rules: readonly ConfiguredRule[],
  groupAreas: GroupArea[],
  period: Period,
  day: string,
  facts: FreshFacts,
  areaNames?: AreaNames,
): UnitFigures {
  return judgeUnit({ unit: { slug: unit.slug, name: unit.name }, program, period: periodContext(period, day), groupAreas, rules, facts: facts.facts, versions: facts.versions, factsComputedAt: facts.computedAt, ...(areaNames ? { areaNames } : {}) });
}


/**
 * A unit's figures for one program (or its whole ledger) and period.
 * @example const f = await unitFigures(services, unit, "gd-old-areas", { year: 2026, quarter: 3 })
 */
export async function unitFigures(services: Services, unit: UnitRow, program: string | null, period: Period, day = today(), tenant?: TenantDb): Promise<UnitFigures> {
  const [facts, terms, rules, areas, names] = await Promise.all([
    freshFacts(services, unit, program, period.year, tenant),
    program ? programTerms(services, program) : Promise.resolve(null),
    program ? ruleSet(services.platform, program) : Promise.resolve([]),
    program ? groupAreasOf(services, unit.slug, program, period) : Promise.resolve([]),
    // The directory's labels, cached per process: the rules' texts name areas with them.
    allAreaLabels(services.platform),
  ]);
  if (program && !terms) throw new Error(`no program ${program}`);
  return judge(unit, terms, rules, areas, period, day, facts, names);
}

export interface RefreshOutcome {
  unit: string;
  ok: boolean;
  refreshed: number;
  error?: string;
}

/**
 * Brings a unit's stored facts up to date for the given years and each of its programs: reads the
 * tenant's own versions (one small query) and recomputes only what is behind them — so the daily job
 * also repairs a platform copy that missed a write. Never throws: a failure is recorded on the rows.
 */
export async function refreshUnitFacts(services: Services, slug: string, programsOfUnit: readonly string[], years: readonly number[]): Promise<RefreshOutcome> {
  const unit = await services.tenants.find(slug);
  if (!unit || programsOfUnit.length === 0) return { unit: slug, ok: true, refreshed: 0 };
  let refreshed = 0;
  try {
    await services.tenants.use(unit, async ({ db }) => {
      const versions = await tenantVersions(db);
      for (const program of programsOfUnit) {
        for (const year of years) {
          if (usable((await readFactsMeta(services.platform, program, year, [slug])).get(slug), versions)) continue;
          // Computing stores the facts and copies the versions they saw to the platform.
          await computeAndStore(services, slug, db, program, year);
          refreshed += 1;
        }
      }
      // Nothing was behind: still repair a platform copy of the versions that missed a write.
      if (refreshed === 0) await markChanged(services.platform, slug, versions);
    });
    if (unit.faultCode) await clearFault(services.platform, slug);
    return { unit: slug, ok: true, refreshed };
  } catch (error) {
    services.log.warn("facts refresh failed; keeping the last facts", { unit: slug, error: error instanceof Error ? error.message : String(error) });
    // Stored and reported as the fault's code: the driver's text (SQL, file paths) stays in the log.
    const fault = classifyFault(error);
    const message = fault ?? "refresh_failed";
    if (fault && !REQUEST_FAULTS.has(fault)) await recordFault(services.platform, slug, fault).catch(() => undefined);
    const at = new Date().toISOString();
    for (const program of programsOfUnit) for (const year of years) await recordFactsError(services.platform, slug, program, year, message, at).catch(() => undefined);
    return { unit: slug, ok: false, refreshed, error: message };
  }
}
