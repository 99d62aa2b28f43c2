/**
 * The one function every figure comes from: a unit's facts for a year, judged for one period of it
 * with the program's rule set, term and structure — the dashboard, compliance, the rollup, the unit
 * and program reports, the alerts and the assessment all call this and compute nothing of their own.
 * Pure. The result carries the versions of every input it used.
 */
import { lastQuarter, periodKey, type PeriodContext, type Quarter } from "../periods/period";
import { cadreTerms } from "../rules/catalog/cadre-terms";
import { quarterlySubmission } from "../rules/catalog/quarterly-submission";
import { RULES_CATALOG_VERSION } from "../rules/catalog";
import { paramsFor, type ConfiguredRule } from "../rules/rule-sets";
import { servedNote } from "../rules/progress";
import type { AreaNames, GroupArea, RuleInput, RuleResult, Text } from "../rules/types";
import type { DataVersions, Facts, TargetFact } from "./facts";
import { submissionStanding, type SubmissionStanding } from "./submissions";
import { summarize, type Summary } from "./summary";

export interface ProgramTerms {
  slug: string;
  startYear: number;
  endYear: number;
  rulesVersion: number;
  /** Bumped with every change to the program's groups (a trigger): judgements made before it are behind. */
  structureVersion: number;
}

export interface EvaluatedRule extends RuleResult {
  rule: string;
  title: Text;
  clause: string;
  /** The clause's sentence(s) the rule encodes, verbatim (what a reader checks the figure against). */
  quote: string;
  period: string;
  params: Record<string, unknown>;
}

/** What a judgement was computed from: anything that differs makes it another judgement. */
export interface FigureInputs {
  dataVersions: DataVersions;
  rulesVersion: number;
  term: string;
  catalog: number;
  factsComputedAt: string | null;
}

export interface UnitFigures {
  unit: { slug: string; name: string };
  /** The program judged, or null for the unit's whole ledger (its own dashboard). */
  program: string | null;
  period: string;
  asOf: string;
  yearOver: boolean;
  /** Whether the period's year lies in the program's term; outside it no rule applies. */
  inTerm: boolean;
  /** The year to the end of the period. */
  summary: Summary;
  /** The period's quarter alone (null for a whole year). */
  quarter: Summary | null;
  /** Where each quarter's submission of the year stands on the judging day. */
  submissions: SubmissionStanding[];
  targets: TargetFact[];
  rules: EvaluatedRule[];
  /** The days the deadlines above were counted with (the program's rule parameters), for anyone who shows them. */
  deadlines: Deadlines;
  inputs: FigureInputs;
}

export interface Deadlines {
  /** A quarter's report is due this many days after the quarter. */
  submissionDueDays: number;
  /** Its alert opens this many days before. */
  submissionRemindDays: number;
  /** A cadre's term is "ending soon" within this many days. */
  cadreWarnDays: number;
}

/** The deadline days a rule set implies (its parameters, else the catalog's defaults). */
export function deadlinesOf(rules: readonly ConfiguredRule[]): Deadlines {
  const submission = paramsFor(rules, quarterlySubmission);
  return { submissionDueDays: submission.dueDays, submissionRemindDays: submission.remindDays, cadreWarnDays: paramsFor(rules, cadreTerms).warnDays };
}

export interface JudgeInput {
  unit: { slug: string; name: string };
  program: ProgramTerms | null;
  period: PeriodContext;
  groupAreas: GroupArea[];
  rules: readonly ConfiguredRule[];
  facts: Facts;
  versions: DataVersions;
  factsComputedAt: string | null;
  /** Areas by code with their full names, so rule texts name areas (src/directory/areas.ts allAreaLabels). */
  areaNames?: AreaNames;
}

export function judgeUnit(input: JudgeInput): UnitFigures {
  const { period, program, facts } = input;
  const last = lastQuarter(period);
  const deadlines = deadlinesOf(input.rules);
  const { cadreWarnDays: warnDays, submissionDueDays: dueDays } = deadlines;
  const inTerm = program === null || (period.year >= program.startYear && period.year <= program.endYear);
  const ruleInput: RuleInput = {
    unit: input.unit,
    program: program?.slug ?? "",
    term: { startYear: program?.startYear ?? period.year, endYear: program?.endYear ?? period.year },
    period,
    groupAreas: input.groupAreas,
    facts,
    ...(input.areaNames ? { areaNames: input.areaNames } : {}),
  };
  const termText = program ? `${program.startYear}—${program.endYear}` : "";
  const note = servedNote(ruleInput);
  const rules: EvaluatedRule[] = program === null
    ? []
    : input.rules
        .filter((r) => r.enabled)
        .map(({ rule, params }) => {
          const result: RuleResult = inTerm
            ? rule.evaluate(ruleInput, params as never)
            : {
                status: "not_applicable",
                actual: null,
                expected: null,
                target: null,
                unit: "count",
                explanation: { zh: `本项工作期限为 ${termText} 年，${period.year} 年不在期限内，不适用。`, en: `The program runs ${termText}; ${period.year} is outside its term: not applicable.` },
              };
          // A part-year (joined or left mid-year) is held pro rata (src/rules/progress.ts expectedByNow); the text says so.
          const explanation = note && result.expected !== null && rule.period === "year" ? { zh: `${result.explanation.zh}${note.zh}`, en: `${result.explanation.en} ${note.en}` } : result.explanation;
          return { rule: rule.id, title: rule.title(params as never), clause: rule.clause, quote: rule.quote, period: rule.period, params, ...result, explanation };
        });
  return {
    unit: input.unit,
    program: program?.slug ?? null,
    period: periodKey(period),
    asOf: period.asOf,
    yearOver: period.yearOver,
    inTerm,
    summary: summarize(facts, 1, last, period.asOf, warnDays),
    quarter: period.quarter ? summarize(facts, period.quarter, period.quarter, period.asOf, warnDays) : null,
    submissions: ([1, 2, 3, 4] as Quarter[]).map((q) => submissionStanding(facts.submissions, period.year, q, dueDays, period.today)),
    targets: facts.targets,
    rules,
    deadlines,
    inputs: {
      dataVersions: input.versions,
      rulesVersion: program?.rulesVersion ?? 0,
      term: termText,
      catalog: RULES_CATALOG_VERSION,
      factsComputedAt: input.factsComputedAt,
    },
  };
}
