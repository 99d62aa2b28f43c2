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
import { refreshUnitFacts, type RefreshOutcome } from "./pipeline";

export async function yearsToRefresh(services: Services, unit: string, day: string): Promise<number[]> {
  const { year, quarter } = currentPeriod(day);
  const years = new Set([year]);
  if (quarter === 1) years.add(year - 1);
  const marks = await services.platform.select({ year: unitDataVersions.year }).from(unitDataVersions).where(eq(unitDataVersions.unit, unit));
  for (const m of marks) if (m.year > 0 && m.year <= year) years.add(m.year);
  return [...years].sort();
}

/** Refreshes one unit's facts for every program it is in. */
export async function refreshUnit(services: Services, unit: string, day = today(), years?: number[]): Promise<RefreshOutcome> {
  const programs = await programsOf(services.platform, unit);
  return refreshUnitFacts(services, unit, programs, years ?? (await yearsToRefresh(services, unit, day)));
}

export function writeRefresher(services: () => Services): SnapshotRefresher {
  return new SnapshotRefresher((unit) => refreshUnit(services(), unit));
}
