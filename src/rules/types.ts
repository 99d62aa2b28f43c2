/**
 * The shape of a rule: one small module per clause, a pure `evaluate` over a unit's period data.
 */
import type { z } from "zod";

export type RulePeriod = "quarter" | "year" | "term";
export type RuleStatus = "pass" | "fail" | "warn" | "not_applicable";

/** A record that counts toward a result, so a clerk can see why. */
export interface Evidence {
  entity: "project" | "fund" | "activity" | "pairing" | "cadre" | "submission" | "sub_unit";
  id: string;
  label: string;
  /** The figure this record contributes (fen, count, person-times…), when it contributes one. */
  value?: number;
}

export interface RuleResult {
  status: RuleStatus;
  /** What was achieved (count, fen, percent…), null when not applicable. */
  actual: number | null;
  /** What was expected by the evaluation date (pro rata within a year), null when not applicable. */
  expected: number | null;
  /** The full-year (or full-term) figure the clause asks for. */
  target: number | null;
  unit: "count" | "percent" | "fen" | "person_times" | "pairs" | "cadres";
  explanation: { zh: string; en: string };
  evidence: Evidence[];
}

export type Row = Record<string, unknown>;

/** Everything a rule may look at for one unit, one program and one period. Plain data, no database. */
export interface PeriodData {
  unit: { slug: string; name: string };
  program: string;
  year: number;
  /** The quarter evaluated, or null for the whole year. */
  quarter: 1 | 2 | 3 | 4 | null;
  /** First and last day of the evaluated period's year-to-date window. */
  from: string;
  to: string;
  /** The day results are judged at (the period's end, or today if the period is not over). */
  asOf: string;
  /**
   * The day of the evaluation itself, which may be after the period: a quarter's report is due
   * after the quarter ends, so deadline rules judge by this day.
   */
  today: string;
  /** The recipient areas of the unit's groups in this program. */
  groupAreas: { areaCode: string; role: "lead" | "member" }[];
  subUnits: Row[];
  pairings: Row[];
  projects: Row[];
  funds: Row[];
  activities: Row[];
  cadres: Row[];
  submissions: Row[];
}

export interface Rule<P extends z.ZodType = z.ZodType> {
  id: string;
  title: { zh: string; en: string };
  /** File and section of the clause ("file §x; file §y" when it rests on several). */
  clause: string;
  /** The sentence(s) of the clause the rule encodes, quoted verbatim; several are joined by " / ". */
  quote: string;
  period: RulePeriod;
  /** The programs whose rule set includes this rule by default. */
  programs: readonly string[];
  params: P;
  evaluate(data: PeriodData, params: z.infer<P>): RuleResult;
}

/** Declares a rule (identity; for inference of the params type). */
export function defineRule<P extends z.ZodType>(rule: Rule<P>): Rule<P> {
  return rule;
}
