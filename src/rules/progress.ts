/**
 * How an annual figure is judged part-way through the year: pro rata by quarter. Ahead of or at
 * the pro-rata figure passes; behind it warns; only when the year is over does a shortfall fail.
 * Also the small helpers rules share to read facts for their period.
 */
import { lastQuarter, quarterOf, quarterShare, type Quarter } from "../periods/period";
import type { GroupArea, RuleInput, RuleResult, RuleStatus, Text } from "./types";

/** The facts of the period's window: quarters 1 to the period's last. */
export function toDate<T extends { quarter: Quarter }>(rows: readonly T[], input: RuleInput): T[] {
  const last = lastQuarter(input.period);
  return rows.filter((r) => r.quarter <= last);
}

/** Adds up one figure of some rows. */
export function sum<T>(rows: readonly T[], figure: (row: T) => number): number {
  return rows.reduce((s, r) => s + figure(r), 0);
}

/** The area prefix a code covers: a county's full code, a prefecture's first four digits. */
export function areaPrefix(code: string): string {
  return code.replace(/(00)+$/, "");
}

/** Whether `code` lies in one of the areas (a prefecture covers its counties). */
export function inAreas(code: string | null, areas: readonly { areaCode: string }[]): boolean {
  return code !== null && areas.some((a) => code.startsWith(areaPrefix(a.areaCode)));
}

/** The group areas as prefixes, for an evidence query. */
export function areaPrefixes(areas: readonly GroupArea[]): string[] {
  return areas.map((a) => areaPrefix(a.areaCode));
}

/**
 * The quarters of the period's year the unit took part in the program: from the quarter its earliest
 * membership in force began (1 if before the year) to the quarter its last one ended (4 if after).
 */
export function servedQuarters(input: Pick<RuleInput, "groupAreas" | "period">): { first: Quarter; last: Quarter; from: string | null; to: string | null } {
  const { year } = input.period;
  const starts = input.groupAreas.map((g) => g.from ?? null);
  const ends = input.groupAreas.map((g) => g.to ?? null);
  const from = starts.length && starts.every((d) => d !== null && d > `${year}-01-01`) ? (starts as string[]).sort()[0]! : null;
  const to = ends.length && ends.every((d) => d !== null && d < `${year}-12-31`) ? (ends as string[]).sort().at(-1)! : null;
  return { first: from && from.startsWith(String(year)) ? quarterOf(from) : 1, last: to && to.startsWith(String(year)) ? quarterOf(to) : 4, from, to };
}

/**
 * How a part-year is counted, said in the rule's text: the annual figure is held pro rata to the
 * quarters the unit took part in (a unit joining on 1 July is held to 2/4 of the year's figure by
 * year end), so nothing is asked of it for the months before it joined or after it left.
 */
export function servedNote(input: Pick<RuleInput, "groupAreas" | "period">): Text | null {
  const s = servedQuarters(input);
  if (s.first === 1 && s.last === 4) return null;
  const zh = [s.first > 1 ? `自 ${s.from} 起参加本项目` : "", s.last < 4 ? `至 ${s.to} 止` : ""].filter(Boolean).join("、");
  const en = [s.first > 1 ? `took part from ${s.from}` : "", s.last < 4 ? `until ${s.to}` : ""].filter(Boolean).join(" and ");
  return {
    zh: `本单位${zh}，年度指标按第 ${s.first}—${s.last} 季度（${s.last - s.first + 1}/4）折算。`,
    en: `The unit ${en}: the annual figure is held to quarters ${s.first}–${s.last} (${s.last - s.first + 1}/4).`,
  };
}

/**
 * The figure expected by the judging day: ceil(target × elapsed quarters / 4), from `startQuarter`
 * (or the quarter the unit joined, if later) to the judging quarter (or the quarter it left, if earlier).
 */
export function expectedByNow(target: number, input: RuleInput, startQuarter: Quarter = 1): number {
  const served = servedQuarters(input);
  return Math.ceil(target * quarterShare(input.period, Math.max(startQuarter, served.first) as Quarter, served.last) - 1e-9);
}

/** Status of an "at least `target` a year" figure at the judging day. */
export function annualStatus(actual: number, target: number, input: RuleInput): { status: RuleStatus; expected: number } {
  const expected = expectedByNow(target, input);
  if (actual >= target || actual >= expected) return { status: "pass", expected };
  return { status: behindStatus(input), expected };
}

/** A shortfall warns while the year runs and fails once it is over. */
export function behindStatus(input: RuleInput): RuleStatus {
  return input.period.yearOver ? "fail" : "warn";
}

/** A not-applicable result with its reason. */
export function notApplicable(unit: RuleResult["unit"], zh: string, en: string): RuleResult {
  return { status: "not_applicable", actual: null, expected: null, target: null, unit, explanation: { zh, en } };
}

/** The reason most area-bound rules give when the unit has no group in the program. */
export function noGroupArea(unit: RuleResult["unit"] = "count"): RuleResult {
  return notApplicable(unit, "本单位在本项目中没有结对地区，不适用。", "The unit has no paired area in this program: not applicable.");
}

/** Yuan with two decimals for explanations, e.g. 2000000.00. */
export function yuan(fen: number): string {
  return `${Math.floor(fen / 100).toLocaleString("en-US")}.${String(fen % 100).padStart(2, "0")}`;
}

/**
 * The common shape of an "at least `target` a year" rule: judge the counted figure pro rata and
 * explain in both languages.
 * @param what how the figure reads: zh 「本年度{what.zh} 3 {unit}」, en "3 {what.en} this year"
 */
export function annualCount(input: RuleInput, actual: number, target: number, what: { zh: string; en: string; unitZh?: string }): RuleResult {
  const unit = what.unitZh ?? "次";
  const { status, expected } = annualStatus(actual, target, input);
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
export function shareResult(input: RuleInput, part: number, whole: number, minPercent: number, explain: (share: string) => Text): RuleResult {
  const basisPoints = Number((BigInt(part) * 10_000n) / BigInt(whole));
  const met = BigInt(part) * 100n >= BigInt(minPercent) * BigInt(whole);
  return {
    status: met ? "pass" : behindStatus(input),
    actual: Math.floor(basisPoints / 100),
    expected: minPercent,
    target: minPercent,
    unit: "percent",
    explanation: explain(percentText(basisPoints)),
  };
}

/** 万元 for a rule title, trimmed: 200_000_000 fen → "200", 12_345_000 → "12.35". */
export function wan(fen: number): string {
  return String(Math.round(fen / 10_000) / 100);
}
