/**
 * Per-unit snapshots: a unit's summary and rule results per program and period, kept in the platform
 * database so the rollup never reads every tenant's records. A refresh that cannot reach the unit's
 * database keeps the last good figures and records the error, so the rollup can say "stale".
 */
import { and, eq, sql } from "drizzle-orm";
import { unitSnapshots } from "../../db/platform/schema";
import { targets } from "../../db/tenant/schema";
import { evaluateRules } from "../rules/evaluate";
import { currentPeriod, periodKey, type Period } from "../rules/period";
import { loadPeriodData } from "../rules/period-data";
import { ruleSet } from "../rules/rule-sets";
import type { Services } from "../services";
import type { UnitRow } from "../tenants/directory";
import { programsOf } from "../tenants/middleware";
import { SnapshotRefresher } from "./refresher";
import { summarize, type UnitSummary } from "./summary";

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Computes one unit's summary for one program and period from its tenant database. */
export async function computeSummary(services: Services, unit: UnitRow, program: string, period: Period, asOfToday = today()): Promise<UnitSummary> {
  const { db } = await services.tenants.open(unit);
  const data = await loadPeriodData(db, services.platform, { slug: unit.slug, name: unit.name }, program, period, asOfToday);
  const rules = evaluateRules(data, await ruleSet(services.platform, program));
  const unitTargets = await db.select().from(targets).where(and(eq(targets.year, period.year), eq(targets.program, program), sql`${targets.voidedAt} IS NULL`));
  return summarize(data, rules, unitTargets);
}

/** Stores a unit's summary as its snapshot for a program and period (clearing any recorded error). */
export async function storeSnapshot(services: Services, unit: string, program: string, period: Period, data: UnitSummary, takenAt = new Date().toISOString()): Promise<void> {
  const row = { unit, program, period: periodKey(period), data, takenAt, error: null, errorAt: null };
  await services.platform.insert(unitSnapshots).values(row).onConflictDoUpdate({ target: [unitSnapshots.unit, unitSnapshots.program, unitSnapshots.period], set: row });
}

export interface RefreshOutcome {
  unit: string;
  ok: boolean;
  error?: string;
}

/**
 * Refreshes a unit's snapshots for the given periods and each of its programs. Never throws: a
 * failure is recorded on the snapshot rows (keeping their last data) and returned.
 */
export async function refreshUnit(services: Services, slug: string, periods: Period[], asOfToday = today()): Promise<RefreshOutcome> {
  const programs = await programsOf(services.platform, slug);
  const unit = await services.tenants.find(slug);
  if (!unit || programs.length === 0) return { unit: slug, ok: true };
  const now = new Date().toISOString();
  try {
    for (const program of programs) {
      for (const period of periods) await storeSnapshot(services, slug, program, period, await computeSummary(services, unit, program, period, asOfToday), now);
    }
    return { unit: slug, ok: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    services.log.warn("snapshot refresh failed; keeping the last snapshot", { unit: slug, error: message });
    for (const program of programs) {
      for (const period of periods) {
        const row = { unit: slug, program, period: periodKey(period), error: message.slice(0, 500), errorAt: now };
        await services.platform
          .insert(unitSnapshots)
          .values(row)
          .onConflictDoUpdate({ target: [unitSnapshots.unit, unitSnapshots.program, unitSnapshots.period], set: { error: row.error, errorAt: now } });
      }
    }
    return { unit: slug, ok: false, error: message };
  }
}

/** The periods a write or the daily job refreshes: the year to date, the whole year, and the last quarter while its report is being prepared. */
export function periodsToRefresh(day: string): Period[] {
  const current = currentPeriod(day);
  const periods: Period[] = [current, { year: current.year, quarter: null }];
  const dayOfQuarter = Number(day.slice(8, 10)) + ((Number(day.slice(5, 7)) - 1) % 3) * 31;
  if (dayOfQuarter <= 15) {
    const previous: Period = current.quarter === 1 ? { year: current.year - 1, quarter: 4 } : { year: current.year, quarter: (current.quarter! - 1) as 1 | 2 | 3 };
    periods.push(previous);
    if (previous.year !== current.year) periods.push({ year: previous.year, quarter: null });
  }
  return periods;
}

/** The refresher a runtime's services use: a unit's current periods after each of its writes. */
export function writeRefresher(services: () => Services): SnapshotRefresher {
  return new SnapshotRefresher((unit) => refreshUnit(services(), unit, periodsToRefresh(today())));
}
