/**
 * Each unit's judgement for a program and period, stored (`unit_judgements`): made by `judge()` — the
 * one judging function — from the unit's stored facts, with every input it used written beside it.
 * Readers across units (the rollup, the program reports) add these rows up in SQL and judge only the
 * units whose row is missing or behind its inputs, a bounded number per invocation; the rest are
 * judged by queue messages (`judge`), a slice each. A unit's refresh re-judges its stored periods.
 */
import { and, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import { unitFacts, unitJudgementAreas, unitJudgements, units } from "../../db/platform/schema";
import { allAreaLabels } from "../directory/areas";
import { periodKey, type Period } from "../periods/period";
import { indicatorValues } from "../reports/assessment";
import { RULES_CATALOG_VERSION } from "../rules/catalog";
import { ruleSet, type ConfiguredRule } from "../rules/rule-sets";
import type { AreaNames, GroupArea } from "../rules/types";
import type { Services } from "../services";
import type { Facts, SubmissionFact } from "./facts";
import type { EvaluatedRule, ProgramTerms, UnitFigures } from "./judge";
import { judge, programTerms } from "./pipeline";
import { membershipsOf } from "./in-force";
import type { SubmissionStanding } from "./submissions";
import type { Summary } from "./summary";

/** Units one queue message judges: a slice's facts are ~150 KB, its rows ~350 KB, its heap ~9 MB. */
export const JUDGE_PER_MESSAGE = 50;
/** Units a reader judges itself before queueing the rest: small programs are always judged on read. */
export const JUDGE_INLINE = 100;

/** A unit's figures as the rollup shows them: the summary with its rule results and submissions. */
export interface UnitSummary extends Summary {
  rules: Omit<EvaluatedRule, "params">[];
  submissions: SubmissionFact[];
  standings: SubmissionStanding[];
  targets: UnitFigures["targets"];
  inTerm: boolean;
  deadlines: UnitFigures["deadlines"];
  inputs: UnitFigures["inputs"];
}

/** A rule's result in the rollup's unit list: the figures, without the texts every unit repeats. */
export type CompactRule = Pick<EvaluatedRule, "rule" | "status" | "actual" | "expected" | "target" | "unit">;

/** A unit's summary as stored and listed: its rule results as figures only (titles come once per program). */
export type CompactSummary = Omit<UnitSummary, "rules"> & { rules: CompactRule[] };

/** The rollup's view of a unit's figures (the drill-down answers it whole). */
export function unitSummary(f: UnitFigures, submissions: SubmissionFact[]): UnitSummary {
  return { ...f.summary, rules: f.rules.map(({ params: _params, ...rest }) => rest), submissions, standings: f.submissions, targets: f.targets, inTerm: f.inTerm, deadlines: f.deadlines, inputs: f.inputs };
}

export function compactSummary(s: UnitSummary): CompactSummary {
  return { ...s, rules: s.rules.map(({ rule, status, actual, expected, target, unit }) => ({ rule, status, actual, expected, target, unit })) };
}

/** A unit's groups in a program as one comparable text: a judgement made with other groups is another judgement. */
export function membershipKey(areas: readonly GroupArea[]): string {
  return areas
    .map((g) => `${g.areaCode}:${g.role}:${g.basis ?? "pairing"}:${g.from ?? ""}:${g.to ?? ""}:${(g.counties ?? []).join("+")}`)
    .sort()
    .join(",");
}

/** What a program's judgements depend on besides each unit's facts and groups. */
export interface JudgingInputs {
  terms: ProgramTerms;
  rules: readonly ConfiguredRule[];
  areaNames: AreaNames;
  period: Period;
  day: string;
}

export async function judgingInputs(services: Services, program: string, period: Period, day: string): Promise<JudgingInputs> {
  const [terms, rules, areaNames] = await Promise.all([programTerms(services, program), ruleSet(services.platform, program), allAreaLabels(services.platform)]);
  if (!terms) throw new Error(`no program ${program}`);
  return { terms, rules, areaNames, period, day };
}

/** The term as a judgement records it. */
export const termKey = (t: ProgramTerms) => `${t.startYear}-${t.endYear}`;

/** A judgement as stored: the row and its per-area sums. */
function judgementRows(program: string, inputs: JudgingInputs, unit: string, areas: readonly GroupArea[], f: UnitFigures, submissions: SubmissionFact[]) {
  const period = periodKey(inputs.period);
  const { byArea, ...summary } = f.summary;
  const count = (status: string) => f.rules.filter((r) => r.status === status).length;
  const lagging = f.rules.filter((r) => r.status === "fail" || r.status === "warn").map((r) => ({ rule: r.rule, status: r.status }));
  const standing = inputs.period.quarter ? f.submissions.find((x) => x.quarter === inputs.period.quarter) : undefined;
  const row = {
    unit,
    program,
    period,
    year: inputs.period.year,
    day: inputs.day,
    rulesVersion: inputs.terms.rulesVersion,
    term: termKey(inputs.terms),
    structureVersion: inputs.terms.structureVersion,
    memberships: membershipKey(areas),
    catalog: RULES_CATALOG_VERSION,
    factsComputedAt: f.inputs.factsComputedAt,
    judgedAt: new Date().toISOString(),
    inFen: f.summary.funds.inFen,
    disbursedFen: f.summary.funds.disbursedFen,
    projects: f.summary.projects.total,
    cadresInPost: f.summary.cadres.inPost,
    pass: count("pass"),
    warn: count("warn"),
    fail: count("fail"),
    notApplicable: count("not_applicable"),
    excelling: lagging.length === 0 && f.rules.some((r) => r.status === "pass"),
    // No submitted report for the quarter (overdue or still due): the office is still waiting for it.
    notSubmitted: Boolean(standing && standing.submittedOn === null),
    submittedLate: standing?.state === "late",
    summary,
    indicators: indicatorValues(f.summary),
    lagging,
    row: compactSummary(unitSummary(f, submissions)),
  };
  const areaRows = Object.entries(byArea).map(([areaCode, s]) => ({ unit, program, period, areaCode, ...s }));
  return { row, areaRows };
}

type JudgementRow = ReturnType<typeof judgementRows>["row"];


/** Rows per insert statement (25 columns each: well under SQLite's 32,766 arguments). */
const ROWS_PER_INSERT = 50;

/** Some units' judgements from their stored facts (a slice at most): pure judging after three reads. */
async function judgeSlice(services: Services, program: string, inputs: JudgingInputs, slice: readonly string[]) {
  const [facts, names, memberships] = await Promise.all([
    services.platform
      .select({ unit: unitFacts.unit, facts: unitFacts.facts, versions: unitFacts.versions, computedAt: unitFacts.computedAt })
      .from(unitFacts)
      .where(and(eq(unitFacts.program, program), eq(unitFacts.year, inputs.period.year), inArray(unitFacts.unit, [...slice]))),
    services.platform.select({ slug: units.slug, name: units.name }).from(units).where(inArray(units.slug, [...slice])),
    membershipsOf(services, program, inputs.period, slice),
  ]);
  const nameOf = new Map(names.map((n) => [n.slug, n.name]));
  return facts.flatMap((stored) => {
    if (!stored.facts) return [];
    const areas = memberships.get(stored.unit) ?? [];
    const submissions = (stored.facts as Facts).submissions;
    const figures = judge({ slug: stored.unit, name: nameOf.get(stored.unit) ?? stored.unit }, inputs.terms, inputs.rules, areas, inputs.period, inputs.day, { facts: stored.facts as Facts, versions: stored.versions, computedAt: stored.computedAt }, inputs.areaNames);
    return [{ unit: stored.unit, figures, submissions, ...judgementRows(program, inputs, stored.unit, areas, figures, submissions) }];
  });
}

/**
 * Judges some units (a message's slice at a time) from their stored facts and stores the
 * judgements, each slice in one write batch. Units without stored facts are skipped (their refresh
 * judges them). Returns the units judged.
 */
export async function judgeAndStore(services: Services, program: string, inputs: JudgingInputs, slugs: readonly string[]): Promise<string[]> {
  const judged: string[] = [];
  for (let i = 0; i < slugs.length; i += JUDGE_PER_MESSAGE) {
    const out = await judgeSlice(services, program, inputs, slugs.slice(i, i + JUDGE_PER_MESSAGE));
    if (out.length === 0) continue;
    await storeJudgements(services, program, periodKey(inputs.period), out.map((o) => o.row), out.flatMap((o) => o.areaRows));
    judged.push(...out.map((o) => o.unit));
  }
  return judged;
}

/**
 * One unit's judgement with its rule texts (a drill-down shows them), made from its stored facts; null
 * without them. Not stored: the stored row lacks only the texts, and the reader's basis stored it.
 */
export async function judgedWithTexts(services: Services, program: string, inputs: JudgingInputs, slug: string): Promise<UnitSummary | null> {
  const [out] = await judgeSlice(services, program, inputs, [slug]);
  return out ? unitSummary(out.figures, out.submissions) : null;
}

async function storeJudgements(services: Services, program: string, period: string, rows: JudgementRow[], areaRows: (typeof unitJudgementAreas.$inferInsert)[]): Promise<void> {
  const db = services.platform;
  const slugs = rows.map((r) => r.unit);
  const upserts = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    upserts.push(
      db
        .insert(unitJudgements)
        .values(rows.slice(i, i + ROWS_PER_INSERT))
        .onConflictDoUpdate({ target: [unitJudgements.unit, unitJudgements.program, unitJudgements.period], set: EXCLUDED }),
    );
  }
  const areaInserts = [];
  for (let i = 0; i < areaRows.length; i += ROWS_PER_INSERT * 2) areaInserts.push(db.insert(unitJudgementAreas).values(areaRows.slice(i, i + ROWS_PER_INSERT * 2)));
  // One batch: a reader sees a unit's judgement and its areas change together.
  await db.batch([
    db.delete(unitJudgementAreas).where(and(eq(unitJudgementAreas.program, program), eq(unitJudgementAreas.period, period), inArray(unitJudgementAreas.unit, slugs))),
    ...upserts,
    ...areaInserts,
  ] as unknown as Parameters<typeof db.batch>[0]);
}

/** Every column of an upsert's row, from the row it tried to insert. */
const EXCLUDED = Object.fromEntries(Object.entries(getTableColumns(unitJudgements)).map(([key, column]) => [key, sql.raw(`excluded.${column.name}`)]));

/**
 * Re-judges the periods a unit already has judgements for in the given years (its facts or the day
 * changed), and `ensure`d periods in each program, on `day`. Small: one unit, a handful of periods.
 */
export async function rejudgeUnit(services: Services, unit: string, programs: readonly string[], years: readonly number[], day: string, ensure: readonly Period[] = []): Promise<number> {
  if (programs.length === 0 || years.length === 0) return 0;
  const rows = await services.platform
    .selectDistinct({ program: unitJudgements.program, period: unitJudgements.period, year: unitJudgements.year })
    .from(unitJudgements)
    .where(and(eq(unitJudgements.unit, unit), inArray(unitJudgements.program, [...programs]), inArray(unitJudgements.year, [...years])));
  const todo = new Map<string, { program: string; period: Period }>();
  for (const r of rows) {
    const quarter = /Q([1-4])$/.exec(r.period)?.[1];
    todo.set(`${r.program}/${r.period}`, { program: r.program, period: quarter ? { year: r.year, quarter: Number(quarter) as 1 | 2 | 3 | 4 } : { year: r.year, quarter: null } });
  }
  for (const program of programs) for (const period of ensure) todo.set(`${program}/${periodKey(period)}`, { program, period });
  // A program's inputs are read once; its periods differ only in the period.
  const byProgram = new Map<string, JudgingInputs>();
  for (const { program, period } of todo.values()) {
    const base = byProgram.get(program) ?? byProgram.set(program, await judgingInputs(services, program, period, day)).get(program)!;
    await judgeAndStore(services, program, { ...base, period }, [unit]);
  }
  return todo.size;
}
