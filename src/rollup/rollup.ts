/**
 * The federated rollup of one program and period: every member unit's stored facts, judged now with
 * the program's current rule set, term and structure (so a parameter change shows at once), and
 * added up per recipient area (a group's lead and members — each records only its own
 * contributions, in its own database, so nothing is counted twice), per unit, and in total.
 *
 * A unit whose facts are behind its latest write, or whose database is failing, is served from its
 * last facts, marked stale (with the error, if any); a refresh of a unit behind is queued.
 */
import { units } from "../../db/platform/schema";
import { listGroups, type GroupView } from "../directory/programs";
import type { SubmissionFact } from "../figures/facts";
import { judge, programTerms, type FreshFacts } from "../figures/pipeline";
import { allAreaLabels } from "../directory/areas";
import { deadlinesOf, type EvaluatedRule, type UnitFigures } from "../figures/judge";
import { cachedJudgement, judgedKey, rememberJudgement, type Judged } from "../figures/judged-cache";
import { inSlices, platformVersions, readFacts, readFactsMeta, usable } from "../figures/store";
import { inArray } from "drizzle-orm";
import { FAULT_MESSAGES, type FaultCode } from "../tenants/faults";
import type { SubmissionStanding } from "../figures/submissions";
import { addInto, emptyAreaSums, emptySummary, type AreaSums, type Summary } from "../figures/summary";
import { areaPrefix } from "../rules/progress";
import { periodContext, periodKey, today, type Period } from "../periods/period";
import { ruleSet } from "../rules/rule-sets";
import type { Services } from "../services";

/** Refreshes one rollup request queues at most (one Queue batch); the rest are queued by the next. */
const REFRESHES_PER_ROLLUP = 100;

/** What a reader is told of a stored refresh error: the fault's sentence, or a general one. */
function refreshError(code: string | null): string | null {
  if (!code) return null;
  return FAULT_MESSAGES[code as FaultCode] ?? "最近一次更新未成功，显示的是此前的数据 | The last refresh did not succeed; earlier figures are shown";
}

async function queueRefreshes(services: Services, slugs: string[], year: number): Promise<void> {
  if (slugs.length === 0) return;
  await services.queue.send(slugs.slice(0, REFRESHES_PER_ROLLUP).map((unit) => ({ runId: "", job: "refresh", target: { kind: "unit", unit }, years: [year] })));
}

export type { AreaSums };

export interface Freshness {
  /** When the facts were computed. */
  takenAt: string | null;
  ageSeconds: number | null;
  /** The facts miss a write (or could not be refreshed): the figures are the last known ones. */
  stale: boolean;
  error: string | null;
}

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

export interface UnitRollup {
  unit: { slug: string; name: string };
  groups: { areaCode: string; role: "lead" | "member" }[];
  freshness: Freshness;
  summary: UnitSummary | null;
}

export interface AreaRollup {
  group: GroupView;
  sums: AreaSums & { grassrootsSharePercent: number | null };
  contributions: { unit: string; sums: AreaSums }[];
}

export interface ProgramRollup {
  program: string;
  period: string;
  asOf: string;
  generatedAt: string;
  inTerm: boolean;
  /** The deadline days the program's rules set ("ending soon" means within `cadreWarnDays`). */
  deadlines: UnitFigures["deadlines"];
  totals: Summary & { units: number; staleUnits: number; grassrootsSharePercent: number | null; rules: Record<"pass" | "warn" | "fail" | "not_applicable", number> };
  areas: AreaRollup[];
  units: UnitRollup[];
  /** Units with no submitted report for the period's quarter (quarterly periods). */
  notSubmitted: string[];
  /** Units whose report for the period's quarter came after its due day. */
  submittedLate: string[];
  /** Units with at least one failing or lagging rule, and which. */
  lagging: { unit: string; rules: { rule: string; status: string; title: { zh: string; en: string } }[] }[];
  /** Units whose every applicable rule passes. */
  excelling: string[];
}

/** Whole percent, rounded down, or null when there is nothing to divide. */
export function sharePercent(part: number, whole: number): number | null {
  return whole > 0 ? Math.floor((part * 100) / whole) : null;
}

/** The rollup's view of a unit's figures. */
export function unitSummary(f: UnitFigures, submissions: SubmissionFact[]): UnitSummary {
  return { ...f.summary, rules: f.rules.map(({ params: _params, ...rest }) => rest), submissions, standings: f.submissions, targets: f.targets, inTerm: f.inTerm, deadlines: f.deadlines, inputs: f.inputs };
}

export async function programRollup(services: Services, program: string, period: Period, day = today()): Promise<ProgramRollup> {
  const [groups, terms, rules, areaNames] = await Promise.all([listGroups(services.platform, program), programTerms(services, program), ruleSet(services.platform, program), allAreaLabels(services.platform)]);
  if (!terms) throw new Error(`no program ${program}`);
  const memberships = new Map<string, { areaCode: string; role: "lead" | "member" }[]>();
  for (const g of groups) for (const m of g.members) (memberships.get(m.slug) ?? memberships.set(m.slug, []).get(m.slug)!).push({ areaCode: g.area.code, role: m.role });
  const slugs = [...memberships.keys()].sort();

  const [stored, marks, unitRows] = await Promise.all([
    readFactsMeta(services.platform, program, period.year, slugs),
    platformVersions(services.platform, slugs),
    // Only the members, only what the rollup shows: all of the directory's rows were 4 MB at 10,000 units.
    inSlices(slugs, (slice) => services.platform.select({ slug: units.slug, name: units.name, faultCode: units.faultCode }).from(units).where(inArray(units.slug, slice))),
  ]);
  const unitBySlug = new Map(unitRows.map((u) => [u.slug, u]));
  const freshness = new Map<string, Freshness>();
  const figures = new Map<string, Judged>();
  const clock = Date.now();
  const age = (at: string | null) => (at ? Math.round((clock - Date.parse(at)) / 1000) : null);

  /** Judges a unit's facts for the period, or takes the same judgement made earlier in this process. */
  const keyOf = (slug: string, computedAt: string | null) => judgedKey(slug, terms, memberships.get(slug) ?? [], period, day, computedAt);
  const judged = (slug: string, facts: FreshFacts) => {
    const result = { figures: judge(unitBySlug.get(slug) ?? { slug, name: slug }, terms, rules, memberships.get(slug) ?? [], period, day, facts, areaNames), submissions: facts.facts.submissions };
    rememberJudgement(keyOf(slug, facts.computedAt), result);
    figures.set(slug, result);
  };

  // Current facts: the same judgement made earlier in this process, else judged now — their facts
  // (the bulk of a stored row) are read only for the units judged now.
  // A unit whose database is known to be failing is never called current, however recent its facts.
  const faultOf = (slug: string) => unitBySlug.get(slug)?.faultCode as FaultCode | null | undefined;
  const current = slugs.filter((slug) => !faultOf(slug) && usable(stored.get(slug), marks.get(slug) ?? {}));
  for (const slug of current) {
    const hit = cachedJudgement(keyOf(slug, stored.get(slug)!.computedAt));
    if (hit) figures.set(slug, hit);
    freshness.set(slug, { takenAt: stored.get(slug)!.computedAt, ageSeconds: age(stored.get(slug)!.computedAt), stale: false, error: null });
  }
  const misses = current.filter((slug) => !figures.has(slug));
  for (const [slug, facts] of await readFacts(services.platform, program, period.year, misses)) judged(slug, { facts, versions: stored.get(slug)!.versions, computedAt: stored.get(slug)!.computedAt });

  // Units behind their latest write are never read here — a rollup touches no tenant database, so
  // it costs the same for 10 units as for 10,000. They are served from their last facts, marked
  // stale, and a refresh of each is queued (a unit's own write queues one too).
  const isCurrent = new Set(current);
  const behind = slugs.filter((slug) => !isCurrent.has(slug) && !faultOf(slug));
  const lastTaken = (slug: string) => stored.get(slug)?.computedAt ?? null;
  for (const slug of behind) freshness.set(slug, { takenAt: lastTaken(slug), ageSeconds: age(lastTaken(slug)), stale: true, error: refreshError(stored.get(slug)?.error ?? null) });
  await queueRefreshes(services, behind, period.year);
  const failing = slugs.filter((s) => faultOf(s));
  for (const slug of failing) freshness.set(slug, { takenAt: lastTaken(slug), ageSeconds: age(lastTaken(slug)), stale: true, error: FAULT_MESSAGES[faultOf(slug)!] ?? FAULT_MESSAGES.database_unavailable });
  const failed = [...behind, ...failing];
  // A unit behind or failing is served from its last facts, if it has any, marked stale.
  const last = await readFacts(services.platform, program, period.year, failed.filter((slug) => stored.get(slug)?.hasFacts));
  for (const [slug, facts] of last) judged(slug, { facts, versions: stored.get(slug)!.versions, computedAt: stored.get(slug)!.computedAt });

  const unitRollups: UnitRollup[] = slugs.map((slug) => {
    const f = figures.get(slug);
    return {
      unit: { slug, name: unitBySlug.get(slug)?.name ?? slug },
      groups: memberships.get(slug) ?? [],
      freshness: freshness.get(slug) ?? { takenAt: null, ageSeconds: null, stale: true, error: null },
      summary: f ? unitSummary(f.figures, f.submissions) : null,
    };
  });

  // By slug: a program of 10,000 units has 10,000 members to look up (a scan each was 10⁸ comparisons).
  const rollupOf = new Map(unitRollups.map((u) => [u.unit.slug, u]));
  const areas: AreaRollup[] = groups.map((group) => {
    const prefix = areaPrefix(group.area.code);
    const sums = emptyAreaSums();
    const contributions = group.members.map((m) => {
      const mine = emptyAreaSums();
      const summary = rollupOf.get(m.slug)?.summary;
      for (const [code, s] of Object.entries(summary?.byArea ?? {})) if (code.startsWith(prefix)) addInto(mine, s);
      addInto(sums, mine);
      return { unit: m.slug, sums: mine };
    });
    return { group, sums: { ...sums, grassrootsSharePercent: sharePercent(sums.grassrootsInFen, sums.inFen) }, contributions };
  });

  const total = emptySummary();
  const ruleCounts = { pass: 0, warn: 0, fail: 0, not_applicable: 0 };
  const lagging: ProgramRollup["lagging"] = [];
  const excelling: string[] = [];
  const notSubmitted: string[] = [];
  const submittedLate: string[] = [];
  for (const u of unitRollups) {
    const s = u.summary;
    if (!s) continue;
    addInto(total, { funds: s.funds, projects: s.projects, cadres: s.cadres, activities: s.activities, byArea: s.byArea });
    for (const r of s.rules) ruleCounts[r.status] += 1;
    const lag = s.rules.filter((r) => r.status === "fail" || r.status === "warn");
    if (lag.length) lagging.push({ unit: u.unit.slug, rules: lag.map((r) => ({ rule: r.rule, status: r.status, title: r.title })) });
    else if (s.rules.some((r) => r.status === "pass")) excelling.push(u.unit.slug);
    const standing = period.quarter ? s.standings.find((x) => x.quarter === period.quarter) : undefined;
    // No submitted report for the quarter (overdue or still due): the office is still waiting for it.
    if (standing && standing.submittedOn === null) notSubmitted.push(u.unit.slug);
    if (standing?.state === "late") submittedLate.push(u.unit.slug);
  }
  const pc = periodContext(period, day);
  return {
    program,
    period: periodKey(period),
    asOf: pc.asOf,
    generatedAt: new Date().toISOString(),
    inTerm: period.year >= terms.startYear && period.year <= terms.endYear,
    deadlines: deadlinesOf(rules),
    totals: {
      ...total,
      units: unitRollups.length,
      staleUnits: unitRollups.filter((u) => u.freshness.stale).length,
      grassrootsSharePercent: sharePercent(total.funds.grassrootsInFen, total.funds.inFen),
      rules: ruleCounts,
    },
    areas,
    units: unitRollups,
    notSubmitted,
    submittedLate,
    lagging,
    excelling,
  };
}

/** A rule's result in the rollup's unit list: the figures, without the texts every unit repeats. */
export type CompactRule = Pick<EvaluatedRule, "rule" | "status" | "actual" | "expected" | "target" | "unit">;

/** A unit as the rollup's list answers it (the drill-down answers it whole). */
export interface UnitRollupRow extends Omit<UnitRollup, "summary"> {
  summary: (Omit<UnitSummary, "rules"> & { rules: CompactRule[] }) | null;
}

/**
 * The rollup as `GET …/rollup` answers it: the rules' titles once for the program, and each unit's rule
 * results as figures only. The texts were 11 of a unit's 14 KB (25 rules' titles, clauses and
 * explanations): a 1,000-unit answer was 17 MB. A unit's explanations are in its drill-down.
 */
export interface RollupAnswer extends Omit<ProgramRollup, "units"> {
  ruleTitles: Record<string, EvaluatedRule["title"]>;
  units: UnitRollupRow[];
}

export function rollupAnswer(r: ProgramRollup): RollupAnswer {
  const ruleTitles: RollupAnswer["ruleTitles"] = {};
  const units = r.units.map((u): UnitRollupRow => {
    if (!u.summary) return { ...u, summary: null };
    for (const x of u.summary.rules) ruleTitles[x.rule] ??= x.title;
    return { ...u, summary: { ...u.summary, rules: u.summary.rules.map(({ rule, status, actual, expected, target, unit }) => ({ rule, status, actual, expected, target, unit })) } };
  });
  return { ...r, ruleTitles, units };
}
