/** Periods: a whole year ("2026") or the year to the end of a quarter ("2026-Q3"). */
import { periodRange } from "../ledger/list";

export interface Period {
  year: number;
  quarter: 1 | 2 | 3 | 4 | null;
}

export function periodKey(p: Period): string {
  return p.quarter ? `${p.year}-Q${p.quarter}` : String(p.year);
}

export function parsePeriodKey(key: string): Period | null {
  const m = /^(\d{4})(?:-Q([1-4]))?$/.exec(key);
  return m ? { year: Number(m[1]), quarter: m[2] ? (Number(m[2]) as 1 | 2 | 3 | 4) : null } : null;
}

/** The year-to-date window of a period: 1 January to the end of the quarter (or year). */
export function periodWindow(p: Period): { from: string; to: string } {
  return { from: `${p.year}-01-01`, to: p.quarter ? periodRange(p.year, p.quarter).to : `${p.year}-12-31` };
}

/** The day results are judged at: the period's end, or today when the period is not over yet. */
export function asOfDate(p: Period, today: string): string {
  const { to } = periodWindow(p);
  return today < to ? today : to;
}

/** The period containing a day, as year to date through its quarter. */
export function currentPeriod(today: string): Period {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return { year, quarter: (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4 };
}
