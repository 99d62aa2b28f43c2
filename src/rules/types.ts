/**
 * The shape of a rule: one small module per clause. A rule declares the facts it reads, judges them
 * as a pure function of (facts, period, structure, parameters), and says which records count when
 * someone asks to see them (evidence is read on demand, paged — never loaded for a judgement).
 */
import type { z } from "zod";
import type { FactKey, Facts } from "../figures/facts";
import type { PeriodContext } from "../periods/period";

export type RulePeriod = "quarter" | "year" | "term";
export type RuleStatus = "pass" | "fail" | "warn" | "not_applicable";
export type Text = { zh: string; en: string };

/** What a rule's figures count: the web shows fen as 万元, person-times as 人次… */
export const RULE_UNITS = ["count", "percent", "fen", "person_times", "pairs", "cadres"] as const;
export type RuleUnit = (typeof RULE_UNITS)[number];

export interface RuleResult {
  status: RuleStatus;
  /** What was achieved (count, fen, percent…), null when not applicable. */
  actual: number | null;
  /** What was expected by the judging day (pro rata within a year), null when not applicable. */
  expected: number | null;
  /** The full-year (or full-term) figure the clause asks for. */
  target: number | null;
  unit: RuleUnit;
  explanation: Text;
}

/** A recipient area of one of the unit's groups in the program. */
export interface GroupArea {
  areaCode: string;
  role: "lead" | "member";
  /** How the document has the area helped (groups.basis): a pairing unless said otherwise. */
  basis?: "pairing" | "support" | "funds";
  /** The membership's first and last day in force (null: since the program began / still). */
  from?: string | null;
  to?: string | null;
  /** A prefecture's registered counties (group_counties), where a clause binds each county. */
  counties?: readonly string[];
}

/** Everything a rule may look at for one unit, one program and one period. Plain data. */
export interface RuleInput {
  unit: { slug: string; name: string };
  program: string;
  /** The program's term, in years (both inclusive). */
  term: { startYear: number; endYear: number };
  period: PeriodContext;
  groupAreas: GroupArea[];
  facts: Facts;
  /** Areas by code with their full names, for the texts (a rule never reads the directory itself). */
  areaNames?: AreaNames;
}

/** Areas by code with their full names (the directory's labels, src/directory/areas.ts allAreaLabels). */
export type AreaNames = ReadonlyMap<string, { fullName: string }>;

/** An area as a text names it: its full name when known, else its code. */
export function areaName(input: Pick<RuleInput, "areaNames">, code: string): string {
  return input.areaNames?.get(code)?.fullName ?? code;
}

/** Which records count toward a rule, as a filter the evidence query applies (paged, on demand). */
export interface EvidenceQuery {
  entity: "activity" | "fund" | "project" | "pairing" | "cadre" | "submission";
  /** Dates (activity, fund, project start) within this window. */
  from?: string;
  to?: string;
  kinds?: readonly string[];
  direction?: "to_recipient" | "from_recipient";
  leaderLevel?: "main" | "deputy";
  /** Area codes (or prefixes: 4402 covers Shaoguan) the record must lie in. */
  areaPrefixes?: readonly string[];
  grassroots?: boolean;
  source?: string;
  /** Activities or funds (through their project) of pairings of these kinds. */
  pairingKinds?: readonly string[];
  documentTypes?: readonly string[];
  agreementYear?: number;
  /** Cadres in post on this day; submissions of this year. */
  inPostOn?: string;
  /** Cadres whose planned end is on or before this day. */
  endsBy?: string;
  year?: number;
}

export interface Rule<P extends z.ZodType = z.ZodType> {
  id: string;
  /** The requirement as it reads with the program's parameters, e.g. 「每年不少于 3 次」. */
  title(params: z.infer<P>): Text;
  /** File and section of the clause ("file §x; file §y" when it rests on several). */
  clause: string;
  /** The sentence(s) of the clause the rule encodes, quoted verbatim; several are joined by " / ". */
  quote: string;
  period: RulePeriod;
  /** The programs whose rule set includes this rule by default. */
  programs: readonly string[];
  params: P;
  /** The facts the rule reads. */
  facts: readonly FactKey[];
  evaluate(input: RuleInput, params: z.infer<P>): RuleResult;
  /** The records that count, or null when a rule has none to show. */
  evidence(input: RuleInput, params: z.infer<P>): EvidenceQuery | null;
}

/** Declares a rule (identity; for inference of the params type). */
export function defineRule<P extends z.ZodType>(rule: Rule<P>): Rule<P> {
  return rule;
}
