/**
 * Periods, in one place: days, quarters, a period's windows, its as-of day, deadlines and terms.
 * Every figure in the product takes its window and its "is the year over" from here, so the unit,
 * the rollup and the reports cannot disagree on which records a period holds.
 *
 * Days are ISO dates (YYYY-MM-DD) in UTC arithmetic (today() itself is the Beijing day); a period is a whole year ("2026") or the year
 * to the end of a quarter ("2026-Q3").
 */

export type Quarter = 1 | 2 | 3 | 4;

export interface Period {
  year: number;
  quarter: Quarter | null;
}

/** Beijing time (UTC+8, no daylight saving): the calendar every deadline and quarter is written in. */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/**
 * Today's date in Beijing (UTC+8) — a quarter ends at midnight in China, not in Greenwich. The only
 * place the product asks the clock for a day.
 * @example today(Date.parse("2026-03-31T16:00:00Z")) // "2026-04-01"
 */
export function today(now: number = Date.now()): string {
  return new Date(now + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether a quarter is over on `day` (its last day has passed): only then may its submission be locked. */
export function quarterIsOver(year: number, quarter: Quarter, day: string): boolean {
  return day > quarterRange(year, quarter).to;
}

/** `date` plus `days` (negative to go back). */
/**
 * A calendar day written the ways people write them — 2026-03-01, 2026/3/1, 2026.3.1, 2026年3月1日 —
 * as YYYY-MM-DD, or null when it is not a real day. The form and the importer share it.
 * @example normalizeDay("2026年3月1日") // "2026-03-01"
 */
export function normalizeDay(text: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${m[1]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The last day of a term of `months` starting on `start`: the day before the same date `months`
 * later (a 3-year term from 2022-03-01 ends on 2025-02-28); a start on the 31st of a month whose
 * later counterpart is shorter ends on that month's last day.
 */
export function termEnd(start: string, months: number): string {
  const [y, m, d] = start.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  const sameDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d, lastDay)));
  // Ending on the day before the anniversary; when the anniversary was clamped, the clamped day is the end.
  const end = d > lastDay ? sameDay : new Date(sameDay.getTime() - 86_400_000);
  return end.toISOString().slice(0, 10);
}

/** The quarter a day falls in. */
export function quarterOf(date: string): Quarter {
  return (Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1) as Quarter;
}

/** First and last day of one quarter. */
export function quarterRange(year: number, quarter: Quarter): { from: string; to: string } {
  const start = (quarter - 1) * 3 + 1;
  const lastDay = new Date(Date.UTC(year, start + 2, 0)).getUTCDate();
  return { from: `${year}-${String(start).padStart(2, "0")}-01`, to: `${year}-${String(start + 2).padStart(2, "0")}-${lastDay}` };
}

/** A year, or one quarter of it: the range a ledger list filters on. */
export function calendarRange(year: number, quarter?: number | null): { from: string; to: string } {
  return quarter ? quarterRange(year, quarter as Quarter) : { from: `${year}-01-01`, to: `${year}-12-31` };
}

export function periodKey(p: Period): string {
  return p.quarter ? `${p.year}-Q${p.quarter}` : String(p.year);
}

/** The last quarter a period reaches: its own, or Q4 for a whole year. */
export function lastQuarter(p: Period): Quarter {
  return p.quarter ?? 4;
}

/** The year-to-date window of a period: 1 January to the end of its quarter (or of the year). */
export function periodWindow(p: Period): { from: string; to: string } {
  return { from: `${p.year}-01-01`, to: quarterRange(p.year, lastQuarter(p)).to };
}

/** The day results are judged at: the period's end, or today when the period is not over yet. */
export function asOfDay(p: Period, day: string): string {
  const { to } = periodWindow(p);
  return day < to ? day : to;
}

/** Whether the period's year is over on `day` — the only time an annual shortfall fails. */
export function yearIsOver(year: number, day: string): boolean {
  return day > `${year}-12-31`;
}

/** The period containing a day, as year to date through its quarter. */
export function currentPeriod(day: string): Period {
  return { year: Number(day.slice(0, 4)), quarter: quarterOf(day) };
}

/** The quarter before a day's quarter (Q4 of last year in Q1). */
export function previousQuarter(day: string): { year: number; quarter: Quarter } {
  const { year, quarter } = currentPeriod(day);
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: (quarter! - 1) as Quarter };
}

/** A quarter's report deadline: `dueDays` days after the quarter's last day. */
export function quarterDue(year: number, quarter: Quarter, dueDays: number): string {
  return addDays(quarterRange(year, quarter).to, dueDays);
}

/**
 * The share of a period's judged stretch that an annual figure must have reached: elapsed quarters
 * over four, counted from `startQuarter` (a pairing or membership that starts mid-year is held to its
 * part) up to `endQuarter` (one that ends mid-year, to its part).
 */
export function quarterShare(p: Period, startQuarter: Quarter = 1, endQuarter: Quarter = 4): number {
  const end = Math.min(lastQuarter(p), endQuarter);
  return end < startQuarter ? 0 : (end - startQuarter + 1) / 4;
}

/** Whether a year lies in a program's term (start and end years inclusive). */
export function inTerm(year: number, term: { startYear: number; endYear: number }): boolean {
  return year >= term.startYear && year <= term.endYear;
}

/**
 * What a period is, as every figure sees it: its window, its as-of day, whether its year is over.
 * @example periodContext({ year: 2026, quarter: 3 }, "2026-12-01") // window to 2026-09-30, asOf 2026-09-30, yearOver false
 */
export interface PeriodContext extends Period {
  from: string;
  to: string;
  asOf: string;
  today: string;
  yearOver: boolean;
}

export function periodContext(p: Period, day: string): PeriodContext {
  // A quarter before the last is judged as of its own end, when the year was still running.
  return { year: p.year, quarter: p.quarter, ...periodWindow(p), asOf: asOfDay(p, day), today: day, yearOver: lastQuarter(p) === 4 && yearIsOver(p.year, day) };
}

/**
 * An instant as people in China read it: Beijing time (UTC+8, no daylight saving), YYYY-MM-DD HH:mm.
 * @example beijingTime("2026-03-01T17:05:00.000Z") // "2026-03-02 01:05"
 */
export function beijingTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
}
