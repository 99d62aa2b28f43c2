/**
 * Quarter-by-quarter trends of a program's unit, or of a recipient area (its group's members summed),
 * for one year or the program's term: each member's stored facts (`unit_facts`) summed a quarter at a
 * time by `quarterFigures` (src/figures/trends.ts). Like the rollup it reads no tenant database: facts
 * behind their unit's writes are used as they are and counted stale, missing ones count nothing and
 * are counted missing, and a refresh of either is queued (bounded per request).
 */
import { sql } from "drizzle-orm";
import { listGroups } from "../directory/programs";
import { deadlinesOf } from "../figures/judge";
import { membersInForce } from "../figures/in-force";
import { programTerms } from "../figures/pipeline";
import { platformVersions, readFacts, readFactsMeta, usable } from "../figures/store";
import { addQuarters, emptyQuarter, QUARTERS, quarterFigures, type QuarterFigures } from "../figures/trends";
import { today } from "../periods/period";
import { ruleSet } from "../rules/rule-sets";
import type { Services } from "../services";

export type { QuarterFigures };

/** A term longer than this shows its last years only: a trend reads one stored row per member and year. */
export const TREND_MAX_YEARS = 15;
/** Refreshes one trend request queues at most. */
const TREND_REFRESHES = 100;

export type TrendSpan = "year" | "term";

export interface Trend {
  program: string;
  span: TrendSpan;
  years: number[];
  quarters: QuarterFigures[];
  /** Member-years whose stored facts are behind their unit's writes (used as they are, a refresh queued). */
  staleFacts: number;
  /** Member-years with no stored facts yet (counted as nothing, a refresh queued). */
  missingFacts: number;
}

/** The years a trend covers: the one asked for, or the program's term up to the current year (at most TREND_MAX_YEARS). */
export async function trendYears(services: Services, program: string, span: TrendSpan, year: number, day = today()): Promise<number[]> {
  if (span === "year") return [year];
  const terms = await programTerms(services, program);
  if (!terms) return [];
  const last = Math.min(terms.endYear, Number(day.slice(0, 4)));
  const first = Math.max(terms.startYear, last - TREND_MAX_YEARS + 1);
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}

/**
 * The members of each year and what of their facts counts (all of it, or one area's): one trend.
 * `membersOf(year)` names the units in force that year.
 */
async function trendOf(services: Services, program: string, span: TrendSpan, years: readonly number[], membersOf: (year: number) => Promise<string[]>, areaCode?: string): Promise<Trend> {
  const warnDays = deadlinesOf(await ruleSet(services.platform, program)).cadreWarnDays;
  const quarters: QuarterFigures[] = [];
  const refresh = new Map<string, number[]>();
  let staleFacts = 0;
  let missingFacts = 0;
  for (const year of years) {
    const year4 = QUARTERS.map((q) => emptyQuarter(year, q, areaCode !== undefined));
    const members = await membersOf(year);
    if (members.length) {
      const [meta, versions, facts] = await Promise.all([readFactsMeta(services.platform, program, year, members), platformVersions(services.platform, members), readFacts(services.platform, program, year, members)]);
      for (const unit of members) {
        const f = facts.get(unit);
        if (!f) missingFacts += 1;
        else if (!usable(meta.get(unit), versions.get(unit) ?? {})) staleFacts += 1;
        if (!f || !usable(meta.get(unit), versions.get(unit) ?? {})) (refresh.get(unit) ?? refresh.set(unit, []).get(unit)!).push(year);
        if (f) addQuarters(year4, quarterFigures(f, year, warnDays, areaCode));
      }
    }
    quarters.push(...year4);
  }
  const queued = [...refresh].slice(0, TREND_REFRESHES);
  if (queued.length) await services.queue.send(queued.map(([unit, ys]) => ({ runId: "" as const, job: "refresh" as const, target: { kind: "unit" as const, unit }, years: ys })));
  return { program, span, years: [...years], quarters, staleFacts, missingFacts };
}

/** A recipient area's trend: its group's members in force each year, what they put into the area. Null when the program has no group there. */
export async function areaTrend(services: Services, program: string, areaCode: string, span: TrendSpan, year: number): Promise<Trend | null> {
  const [group] = await listGroups(services.platform, program, { areaCode });
  if (!group) return null;
  const years = await trendYears(services, program, span, year);
  return trendOf(services, program, span, years, async (y) => {
    const [inForce] = await listGroups(services.platform, program, { areaCode, period: { year: y, quarter: null } });
    return [...new Set((inForce?.members ?? []).map((m) => m.slug))];
  }, areaCode);
}

/** Whether the unit takes part in the program (a group member or a participant) during the year. */
async function takesPart(services: Services, program: string, unit: string, year: number): Promise<boolean> {
  const rows = await services.platform.all<{ unit: string }>(sql`SELECT m.unit AS unit FROM (${membersInForce(program, { year, quarter: null })}) m WHERE m.unit = ${unit} LIMIT 1`);
  return rows.length > 0;
}

/** A unit's trend in the program: the years it took part in. Null when it takes no part in the year asked for. */
export async function unitTrend(services: Services, program: string, unit: string, span: TrendSpan, year: number): Promise<Trend | null> {
  if (!(await takesPart(services, program, unit, year))) return null;
  const years = await trendYears(services, program, span, year);
  return trendOf(services, program, span, years, async (y) => ((await takesPart(services, program, unit, y)) ? [unit] : []));
}
