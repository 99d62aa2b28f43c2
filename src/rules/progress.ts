/**
 * How an annual figure is judged part-way through the year: pro rata by quarter. Ahead of or at
 * the pro-rata figure passes; behind it warns; only when the year is over does a shortfall fail.
 */
import type { Evidence, PeriodData, Row, RuleResult, RuleStatus } from "./types";

/** The share of the year that has elapsed at the evaluated quarter (whole year when null). */
export function yearShare(data: Pick<PeriodData, "quarter">): number {
  return data.quarter === null ? 1 : data.quarter / 4;
}

/** Whether the evaluated period closes the year. */
export function yearIsOver(data: Pick<PeriodData, "quarter">): boolean {
  return data.quarter === null || data.quarter === 4;
}

/** The figure expected by now: ceil(target × share of the year). */
export function expectedByNow(target: number, data: Pick<PeriodData, "quarter">): number {
  return Math.ceil(target * yearShare(data) - 1e-9);
}

/** Status of a "at least `target` a year" figure at the evaluated quarter. */
export function annualStatus(actual: number, target: number, data: Pick<PeriodData, "quarter">): { status: RuleStatus; expected: number } {
  const expected = expectedByNow(target, data);
  if (actual >= target || actual >= expected) return { status: "pass", expected };
  return { status: yearIsOver(data) ? "fail" : "warn", expected };
}

/** A not-applicable result with its reason. */
export function notApplicable(unit: RuleResult["unit"], zh: string, en: string): RuleResult {
  return { status: "not_applicable", actual: null, expected: null, target: null, unit, explanation: { zh, en }, evidence: [] };
}

/** Yuan with two decimals for explanations, e.g. 2000000.00. */
export function yuan(fen: number): string {
  return `${Math.floor(fen / 100).toLocaleString("en-US")}.${String(fen % 100).padStart(2, "0")}`;
}

/**
 * The common shape of an "at least `target` a year" rule: add up the activities that count (each 1,
 * or its own figure), judge pro rata, and explain in both languages.
 * @param what how the figure reads: zh 「本年度{what.zh} 3 {unit}」, en "3 {what.en} this year"
 */
export function annualActivityCount(
  data: PeriodData,
  counted: Row[],
  target: number,
  what: { zh: string; en: string; unitZh?: string },
  figure: (a: Row) => number = () => 1,
): RuleResult {
  const unit = what.unitZh ?? "次";
  const evidence: Evidence[] = counted.map((a) => ({ entity: "activity", id: String(a.id), label: `${String(a.date)} ${String(a.title)}`, value: figure(a) }));
  const actual = counted.reduce((sum, a) => sum + figure(a), 0);
  const { status, expected } = annualStatus(actual, target, data);
  return {
    status,
    actual,
    expected,
    target,
    unit: "count",
    explanation: {
      zh: `本年度${what.zh} ${actual} ${unit}；全年要求不少于 ${target} ${unit}，截至本期应达 ${expected} ${unit}。`,
      en: `${actual} ${what.en} this year; at least ${target} a year are required, ${expected} by this period.`,
    },
    evidence,
  };
}

/** A share in basis points as text, e.g. 7999 → "79.99%". */
export function percentText(basisPoints: number): string {
  return `${Math.floor(basisPoints / 100)}.${String(basisPoints % 100).padStart(2, "0")}%`;
}

/**
 * The common shape of an "at least `minPercent`% of …" rule: compared exactly in integers (BigInt,
 * for sums of fen), a shortfall warns while the year runs and fails at its end.
 * @param explain the explanation, given the share as text ("79.99%")
 */
export function shareResult(data: PeriodData, part: number, whole: number, minPercent: number, evidence: Evidence[], explain: (share: string) => { zh: string; en: string }): RuleResult {
  const basisPoints = Number((BigInt(part) * 10_000n) / BigInt(whole));
  const met = BigInt(part) * 100n >= BigInt(minPercent) * BigInt(whole);
  return {
    status: met ? "pass" : yearIsOver(data) ? "fail" : "warn",
    actual: Math.floor(basisPoints / 100),
    expected: minPercent,
    target: minPercent,
    unit: "percent",
    explanation: explain(percentText(basisPoints)),
    evidence,
  };
}
