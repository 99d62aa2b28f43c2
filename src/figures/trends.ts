/**
 * Quarter-by-quarter figures of a unit, or of what it put into an area: its facts summed one quarter
 * at a time by `summarize` — the same function that sums the year for the dashboard, the rollup and
 * the reports — so the four quarters of a year add up to that year's figures. Pure.
 */
import { quarterRange, type Quarter } from "../periods/period";
import { areaPrefix } from "../rules/progress";
import type { Facts } from "./facts";
import { summarize } from "./summary";

/** One quarter's figures: money put in during it, projects started in it, cadres in post at its end. */
export interface QuarterFigures {
  year: number;
  quarter: Quarter;
  inFen: number;
  disbursedFen: number;
  confirmedFen: number;
  projects: number;
  /** Activity records dated in the quarter; null for an area (activities are not kept per area). */
  activities: number | null;
  cadresInPost: number;
}

export const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];

export function emptyQuarter(year: number, quarter: Quarter, perArea: boolean): QuarterFigures {
  return { year, quarter, inFen: 0, disbursedFen: 0, confirmedFen: 0, projects: 0, activities: perArea ? null : 0, cadresInPost: 0 };
}

/**
 * The four quarters of `year` from one unit's facts for it: the unit's whole figures, or — with
 * `areaCode` — only what lies in that area (a prefecture counts its counties, as the rollup's groups do).
 * @example quarterFigures(facts, 2026, 90) // [{ year: 2026, quarter: 1, inFen: …, … }, …]
 */
export function quarterFigures(facts: Facts, year: number, warnDays: number, areaCode?: string): QuarterFigures[] {
  const prefix = areaCode === undefined ? null : areaPrefix(areaCode);
  return QUARTERS.map((quarter) => {
    const s = summarize(facts, quarter, quarter, quarterRange(year, quarter).to, warnDays);
    if (prefix === null) {
      const activities = Object.values(s.activities).reduce((n, a) => n + a.count, 0);
      return { year, quarter, inFen: s.funds.inFen, disbursedFen: s.funds.disbursedFen, confirmedFen: s.funds.confirmedFen, projects: s.projects.total, activities, cadresInPost: s.cadres.inPost };
    }
    const q = emptyQuarter(year, quarter, true);
    for (const [code, a] of Object.entries(s.byArea)) {
      if (!code.startsWith(prefix)) continue;
      q.inFen += a.inFen;
      q.disbursedFen += a.disbursedFen;
      q.confirmedFen += a.confirmedFen;
      q.projects += a.projects;
      q.cadresInPost += a.cadresInPost;
    }
    return q;
  });
}

/** Adds `from` into `into`, quarter by quarter (the same year and quarters). */
export function addQuarters(into: QuarterFigures[], from: readonly QuarterFigures[]): void {
  from.forEach((q, i) => {
    const t = into[i]!;
    t.inFen += q.inFen;
    t.disbursedFen += q.disbursedFen;
    t.confirmedFen += q.confirmedFen;
    t.projects += q.projects;
    t.cadresInPost += q.cadresInPost;
    if (t.activities !== null && q.activities !== null) t.activities += q.activities;
  });
}
