/**
 * Which years of a unit's facts to bring up to date, and the refresher a runtime's services use after
 * each write: the current year, the last one while its final quarter's report is being prepared, and
 * every year the platform knows the unit has written to since (a record dated in a past year
 * refreshes that year). Only facts behind the tenant's versions are recomputed.
 */
import { eq } from "drizzle-orm";
import { unitDataVersions } from "../../db/platform/schema";
import { programsOf } from "../directory/unit-programs";
import { currentPeriod, today, type Period } from "../periods/period";
import { SnapshotRefresher } from "../rollup/refresher";
import type { Services } from "../services";
import { rejudgeUnit } from "./judgements";
import { refreshUnitFacts, type RefreshOutcome } from "./pipeline";

export async function yearsToRefresh(services: Services, unit: string, day: string): Promise<number[]> {
  const { year, quarter } = currentPeriod(day);
  const years = new Set([year]);
  if (quarter === 1) years.add(year - 1);
  const marks = await services.platform.select({ year: unitDataVersions.year }).from(unitDataVersions).where(eq(unitDataVersions.unit, unit));
  for (const m of marks) if (m.year > 0 && m.year <= year) years.add(m.year);
  return [...years].sort();
}

export interface RefreshOptions {
  /** Re-judge the stored periods even if no facts were recomputed (the daily run: its new day changes every judgement). */
  rejudge?: boolean;
  /** Periods to judge besides those stored (the daily run's current period; an annual run's year). */
  ensure?: Period[];
}

/**
 * Refreshes one unit's facts for every program it is in, then re-judges the periods it has stored
 * judgements for in those years (when facts were recomputed, or with `rejudge`) and the `ensure`d ones.
 */
export async function refreshUnit(services: Services, unit: string, day = today(), years?: number[], options: RefreshOptions = {}): Promise<RefreshOutcome> {
  const programs = await programsOf(services.platform, unit);
  const refreshYears = years ?? (await yearsToRefresh(services, unit, day));
  const outcome = await refreshUnitFacts(services, unit, programs, refreshYears);
  const ensure = options.ensure ?? [];
  if (outcome.ok && (options.rejudge || ensure.length || outcome.refreshed > 0)) await rejudgeUnit(services, unit, programs, refreshYears, day, ensure);
  return outcome;
}

export function writeRefresher(services: () => Services): SnapshotRefresher {
  return new SnapshotRefresher((unit) => refreshUnit(services(), unit));
}
