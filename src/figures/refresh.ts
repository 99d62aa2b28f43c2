/**
 * Which years of a unit's facts to bring up to date, and the refresher a runtime's services use after
 * each write: the current year, the last one while its final quarter's report is being prepared, and
 * every year the platform knows the unit has written to since (a record dated in a past year
 * refreshes that year). Only facts behind the tenant's versions are recomputed.
 */
import { eq } from "drizzle-orm";
import { unitDataVersions } from "../../db/platform/schema";
import { programsOf } from "../directory/unit-programs";
import { currentPeriod, today } from "../periods/period";
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

/**
 * Refreshes one unit's facts for every program it is in, then re-judges the periods it has stored
 * judgements for in those years: when facts were recomputed, or always with `rejudge` (the daily run,
 * whose new day changes every judgement).
 */
export async function refreshUnit(services: Services, unit: string, day = today(), years?: number[], rejudge = false): Promise<RefreshOutcome> {
  const programs = await programsOf(services.platform, unit);
  const refreshYears = years ?? (await yearsToRefresh(services, unit, day));
  const outcome = await refreshUnitFacts(services, unit, programs, refreshYears);
  // The daily run also judges the current period, so the day's first rollup finds it judged.
  if (outcome.ok && (rejudge || outcome.refreshed > 0)) await rejudgeUnit(services, unit, programs, refreshYears, day, rejudge ? [currentPeriod(day)] : []);
  return outcome;
}

export function writeRefresher(services: () => Services): SnapshotRefresher {
  return new SnapshotRefresher((unit) => refreshUnit(services(), unit));
}
