/**
 * The federated rollup of one program and period, added up in SQL from each member unit's stored
 * judgement (src/figures/judgements.ts): per recipient area (a group's lead and members — each records
 * only its own contributions, in its own database, so nothing is counted twice), per unit (a page at
 * a time), and in total. Judged with the program's current rule set, term and structure: a unit whose
 * judgement is behind them is judged now (up to JUDGE_INLINE), the rest by queue messages.
 *
 * A unit whose facts are behind its latest write, or whose database is failing, is served from its
 * last judgement, marked stale (with the error, if any); a refresh of a unit behind is queued. The
 * cost of a read does not grow with the units judged: sums are the database's, the list is a page.
 */
import { sql, type SQL } from "drizzle-orm";
import { listGroups, type GroupView } from "../directory/programs";
import { FACTS_VERSION } from "../figures/facts";
import { deadlinesOf, type EvaluatedRule, type UnitFigures } from "../figures/judge";
import {
  JUDGE_INLINE,
  JUDGE_PER_MESSAGE,
  judgeAndStore,
  judgingInputs,
  membershipKey,
  termKey,
  type CompactSummary,
  type JudgingInputs,
  type UnitSummary,
} from "../figures/judgements";
import { sortLagging, type LaggingGroup } from "../figures/lagging";
import { inSlices } from "../figures/store";
import { emptyAreaSums, emptySummary, type AreaSums, type Summary } from "../figures/summary";
import { periodContext, periodKey, today, type Period } from "../periods/period";
import { RULES_CATALOG_VERSION } from "../rules/catalog";
import { areaPrefix } from "../rules/progress";
import type { GroupArea } from "../rules/types";
import type { Services } from "../services";
import { FAULT_MESSAGES, type FaultCode } from "../tenants/faults";

export type { AreaSums, CompactSummary, UnitSummary };
export type { CompactRule } from "../figures/judgements";

/** Refreshes one rollup request queues at most (one Queue batch); the rest are queued by the next. */
const REFRESHES_PER_ROLLUP = 100;
/** A program's judgements queued less than this long ago are not queued again by another read. */
const REQUEUE_AFTER_MS = 120_000;
/** Units named per list (laggards per requirement, the excelling): the counts say how many more. */
export const UNITS_NAMED = 30;

export interface Freshness {
  /** When the facts were computed. */
  takenAt: string | null;
  ageSeconds: number | null;
  /** The facts miss a write (or could not be refreshed), or the judgement is behind: the figures are the last known ones. */
  stale: boolean;
  error: string | null;
}

/** A unit with its figures whole (the drill-down). */
export interface UnitRollup {
  unit: { slug: string; name: string };
  groups: { areaCode: string; role: "lead" | "member" }[];
  freshness: Freshness;
  summary: UnitSummary | null;
}

/** A unit as the rollup's list answers it: each rule's figures, the texts once per program in `ruleTitles`. */
export interface UnitRollupRow extends Omit<UnitRollup, "summary"> {
  summary: CompactSummary | null;
}

export interface AreaRollup {
  group: GroupView;
  sums: AreaSums & { grassrootsSharePercent: number | null };
}

export const UNIT_SORTS = ["-rules", "rules", "-in", "in", "-projects", "projects", "unit", "-unit"] as const;
export type UnitSort = (typeof UNIT_SORTS)[number];

export interface UnitPage {
  page: number;
  pageSize: number;
  sort: UnitSort;
}

export const DEFAULT_UNIT_PAGE: UnitPage = { page: 1, pageSize: 100, sort: "-rules" };

export interface ProgramRollup {
  program: string;
  period: string;
  asOf: string;
  generatedAt: string;
  inTerm: boolean;
  /** The deadline days the program's rules set ("ending soon" means within `cadreWarnDays`). */
  deadlines: UnitFigures["deadlines"];
  totals: Summary & {
    units: number;
    staleUnits: number;
    /** Stale units whose figures are on their way (a refresh or judgement queued), not failing. */
    refreshing: number;
    grassrootsSharePercent: number | null;
    rules: Record<"pass" | "warn" | "fail" | "not_applicable", number>;
    laggingUnits: number;
    excellingUnits: number;
  };
  /** Each rule's title, once for the program. */
  ruleTitles: Record<string, EvaluatedRule["title"]>;
  areas: AreaRollup[];
  /** One page of the units, in the order asked for. */
  units: UnitRollupRow[];
  unitsPage: UnitPage & { total: number };
  /** Units with no submitted report for the period's quarter (quarterly periods). */
  notSubmitted: string[];
  /** Units whose report for the period's quarter came after its due day. */
  submittedLate: string[];
  /** The failing or lagging requirements, each with how many units and the first UNITS_NAMED of them. */
  lagging: LaggingGroup[];
  /** The first UNITS_NAMED units whose every applicable rule passes (`totals.excellingUnits` counts them all). */
  excelling: string[];
  /** The name of every unit the answer mentions. */
  names: Record<string, string>;
}

/** Whole percent, rounded down, or null when there is nothing to divide. */
export function sharePercent(part: number, whole: number): number | null {
  return whole > 0 ? Math.floor((part * 100) / whole) : null;
}

/** What a reader is told of a stored refresh error: the fault's sentence, or a general one. */
function refreshError(code: string | null): string | null {
  if (!code) return null;
  return FAULT_MESSAGES[code as FaultCode] ?? "最近一次更新未成功，显示的是此前的数据 | The last refresh did not succeed; earlier figures are shown";
}

/** The program's member units, as a SQL subquery. */
const membersOf = (program: string) => sql`SELECT DISTINCT gm.unit FROM group_members gm JOIN groups g ON g.id = gm.group_id WHERE g.program = ${program}`;

/** Where one unit's figures stand for the period. */
interface Standing {
  unit: string;
  name: string;
  fault: FaultCode | null;
  takenAt: string | null;
  error: string | null;
  /** Stored facts exist (possibly behind). */
  hasFacts: boolean;
  /** The stored facts are current: no write since, no failed refresh, the current shape. */
  factsCurrent: boolean;
  /** A judgement is stored (possibly behind). */
  judged: boolean;
  /** The stored judgement was made from these facts with the current inputs (groups compared separately). */
  judgedCurrent: boolean;
  memberships: string | null;
}

/** Where every member unit stands: one query, a few short columns a unit. */
async function standings(services: Services, program: string, inputs: JudgingInputs, only?: readonly string[]): Promise<Standing[]> {
  const { period, day, terms } = inputs;
  const year = period.year;
  const rows = await services.platform.all<Record<string, unknown>>(sql`
    SELECT m.unit AS unit, u.name AS name, u.fault_code AS fault, f.computed_at AS takenAt, f.error AS error,
      (f.facts IS NOT NULL) AS hasFacts,
      (f.facts IS NOT NULL AND f.shape = ${FACTS_VERSION} AND f.error IS NULL AND NOT EXISTS (
        SELECT 1 FROM unit_data_versions v WHERE v.unit = m.unit AND (
          (v.year = 0 AND v.version > coalesce(json_extract(f.versions, '$."0"'), 0)) OR
          (v.year = ${year} AND v.version > coalesce(json_extract(f.versions, ${`$."${year}"`}), 0))))) AS factsCurrent,
      (j.unit IS NOT NULL) AS judged,
      (j.day = ${day} AND j.rules_version = ${terms.rulesVersion} AND j.term = ${termKey(terms)} AND j.catalog = ${RULES_CATALOG_VERSION}
        AND j.facts_computed_at IS f.computed_at) AS judgedCurrent,
      j.memberships AS memberships
    FROM (${membersOf(program)}) m
    JOIN units u ON u.slug = m.unit
    LEFT JOIN unit_facts f ON f.unit = m.unit AND f.program = ${program} AND f.year = ${year}
    LEFT JOIN unit_judgements j ON j.unit = m.unit AND j.program = ${program} AND j.period = ${periodKey(period)}
    ${only ? sql`WHERE m.unit IN (${sql.join(only.map((s) => sql`${s}`), sql`, `)})` : sql``}
    ORDER BY m.unit`);
  return rows.map((r) => ({
    unit: String(r.unit),
    name: String(r.name),
    fault: (r.fault as FaultCode | null) ?? null,
    takenAt: (r.takenAt as string | null) ?? null,
    error: (r.error as string | null) ?? null,
    hasFacts: Boolean(r.hasFacts),
    factsCurrent: Boolean(r.factsCurrent),
    judged: Boolean(r.judged),
    judgedCurrent: Boolean(r.judgedCurrent),
    memberships: (r.memberships as string | null) ?? null,
  }));
}

/**
 * Judges the units whose judgement is behind (the first JUDGE_INLINE here, the rest by queue
 * messages, queued once per REQUEUE_AFTER_MS) and queues refreshes of units whose facts are behind.
 * Returns the units judged here.
 */
async function bringCurrent(services: Services, program: string, inputs: JudgingInputs, all: Standing[], memberships: Map<string, GroupArea[]>): Promise<Set<string>> {
  const unjudged = all.filter((s) => s.hasFacts && !(s.judgedCurrent && s.memberships === membershipKey(memberships.get(s.unit) ?? []))).map((s) => s.unit);
  const judgedHere = new Set(await judgeAndStore(services, program, inputs, unjudged.slice(0, JUDGE_INLINE)));
  const rest = unjudged.slice(JUDGE_INLINE);
  if (rest.length && (await claimJudging(services, program, inputs, rest.length))) {
    const period = { year: inputs.period.year, quarter: inputs.period.quarter };
    const messages = [];
    for (let i = 0; i < rest.length; i += JUDGE_PER_MESSAGE) messages.push({ runId: "" as const, job: "judge" as const, program, period, day: inputs.day, units: rest.slice(i, i + JUDGE_PER_MESSAGE) });
    await services.queue.send(messages);
  }
  // Units behind their latest write are never read here — a rollup touches no tenant database, so it
  // costs the same for 10 units as for 10,000; a unit's own write queues a refresh too.
  const behind = all.filter((s) => !s.fault && !s.factsCurrent).map((s) => s.unit);
  if (behind.length) await services.queue.send(behind.slice(0, REFRESHES_PER_ROLLUP).map((unit) => ({ runId: "" as const, job: "refresh" as const, target: { kind: "unit" as const, unit }, years: [inputs.period.year] })));
  return judgedHere;
}

/** Records that this program's judgements for the period are queued; false if another read queued them just now. */
async function claimJudging(services: Services, program: string, inputs: JudgingInputs, units: number): Promise<boolean> {
  const key = `${inputs.day}|${inputs.terms.rulesVersion}|${termKey(inputs.terms)}`;
  const now = new Date();
  const cutoff = new Date(now.getTime() - REQUEUE_AFTER_MS).toISOString();
  // One statement decides: it writes only when no equal request is recent, and says whether it wrote.
  const rows = await services.platform.all<{ program: string }>(sql`
    INSERT INTO judgement_requests (program, period, inputs, units, requested_at) VALUES (${program}, ${periodKey(inputs.period)}, ${key}, ${units}, ${now.toISOString()})
    ON CONFLICT (program, period) DO UPDATE SET inputs = excluded.inputs, units = excluded.units, requested_at = excluded.requested_at
      WHERE judgement_requests.inputs != excluded.inputs OR judgement_requests.requested_at < ${cutoff}
    RETURNING program`);
  return rows.length > 0;
}

/** The member judgements of the program and period, as a WHERE clause over `j`. */
const judgementsOf = (program: string, period: string): SQL => sql`j.program = ${program} AND j.period = ${period} AND j.unit IN (${membersOf(program)})`;

/** The summaries of all member judgements added up by the database: every numeric leaf of the stored summary. */
async function summedSummary(services: Services, program: string, period: string): Promise<Summary> {
  const leaves = await services.platform.all<{ key: string; total: number }>(sql`
    SELECT t.fullkey AS key, sum(t.value) AS total FROM unit_judgements j, json_tree(j.summary) t
    WHERE ${judgementsOf(program, period)} AND t.type IN ('integer', 'real') GROUP BY t.fullkey`);
  const total = emptySummary() as unknown as Record<string, unknown>;
  for (const { key, total: value } of leaves) {
    // "$.funds.inFen", "$.activities.visit.count", or quoted parts: $."a b".c
    const parts = [...key.slice(1).matchAll(/\.(?:"((?:[^"]|"")*)"|([^."[]+))/g)].map((m) => m[1] ?? m[2]!);
    let at = total;
    for (const part of parts.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
    at[parts[parts.length - 1]!] = Number(value);
  }
  return total as unknown as Summary;
}

const AREA_COLUMNS = sql`sum(a.in_fen) AS inFen, sum(a.allocated_fen) AS allocatedFen, sum(a.disbursed_fen) AS disbursedFen, sum(a.grassroots_in_fen) AS grassrootsInFen,
  sum(a.projects) AS projects, sum(a.grassroots_projects) AS grassrootsProjects, sum(a.budget_fen) AS budgetFen, sum(a.cadres_in_post) AS cadresInPost`;

function areaSums(r: Record<string, unknown>): AreaSums {
  const s = emptyAreaSums();
  for (const key of Object.keys(s) as (keyof AreaSums)[]) s[key] = Number(r[key] ?? 0);
  return s;
}

/**
 * Each group's sums (optionally per member): the areas of its members' judgements that lie in the
 * group's area (a prefecture's group counts its counties).
 */
export async function groupSums(services: Services, program: string, period: string, groupsOf: readonly GroupView[], perMember = false): Promise<Map<string, AreaSums>> {
  if (groupsOf.length === 0) return new Map();
  const prefixes = JSON.stringify(groupsOf.map((g) => ({ id: g.id, prefix: areaPrefix(g.area.code) })));
  const rows = await services.platform.all<Record<string, unknown>>(sql`
    WITH p AS (SELECT json_extract(value, '$.id') AS id, json_extract(value, '$.prefix') AS prefix FROM json_each(${prefixes}))
    SELECT p.id AS groupId, ${perMember ? sql`gm.unit` : sql`''`} AS unit, ${AREA_COLUMNS}
    FROM p JOIN group_members gm ON gm.group_id = p.id
    JOIN unit_judgement_areas a ON a.unit = gm.unit AND a.program = ${program} AND a.period = ${period} AND substr(a.area_code, 1, length(p.prefix)) = p.prefix
    GROUP BY p.id ${perMember ? sql`, gm.unit` : sql``}`);
  return new Map(rows.map((r) => [perMember ? `${r.groupId}/${r.unit}` : String(r.groupId), areaSums(r)]));
}

const ORDER_BY: Record<UnitSort, SQL> = {
  "-rules": sql`coalesce(j.fail * 2 + j.warn, -1) DESC, m.unit`,
  rules: sql`coalesce(j.fail * 2 + j.warn, -1) ASC, m.unit`,
  "-in": sql`coalesce(j.in_fen, -1) DESC, m.unit`,
  in: sql`coalesce(j.in_fen, -1) ASC, m.unit`,
  "-projects": sql`coalesce(j.projects, -1) DESC, m.unit`,
  projects: sql`coalesce(j.projects, -1) ASC, m.unit`,
  unit: sql`m.unit`,
  "-unit": sql`m.unit`,
};

/** The slugs of one page of units, in the order asked for (names in the Chinese collation, which SQLite lacks). */
async function pageOfUnits(services: Services, program: string, period: string, all: Standing[], page: UnitPage): Promise<string[]> {
  const offset = (page.page - 1) * page.pageSize;
  if (page.sort === "unit" || page.sort === "-unit") {
    const collator = new Intl.Collator("zh-CN");
    const sorted = [...all].sort((a, b) => collator.compare(a.name, b.name) || a.unit.localeCompare(b.unit));
    if (page.sort === "-unit") sorted.reverse();
    return sorted.slice(offset, offset + page.pageSize).map((s) => s.unit);
  }
  const rows = await services.platform.all<{ unit: string }>(sql`
    SELECT m.unit AS unit FROM (${membersOf(program)}) m
    LEFT JOIN unit_judgements j ON j.unit = m.unit AND j.program = ${program} AND j.period = ${period}
    ORDER BY ${ORDER_BY[page.sort]} LIMIT ${page.pageSize} OFFSET ${offset}`);
  return rows.map((r) => r.unit);
}

/** The stored rows of some units' judgements. */
async function storedRows(services: Services, program: string, period: string, slugs: readonly string[]): Promise<Map<string, CompactSummary>> {
  const rows = await inSlices(slugs, (slice) =>
    services.platform.all<{ unit: string; row: string }>(sql`SELECT unit, row FROM unit_judgements WHERE program = ${program} AND period = ${period} AND unit IN (${sql.join(slice.map((s) => sql`${s}`), sql`, `)})`),
  );
  return new Map(rows.map((r) => [r.unit, JSON.parse(r.row) as CompactSummary]));
}

/** Everything a program's figures for a period are read with: its inputs, structure and where each unit stands. */
export interface RollupBasis {
  program: string;
  inputs: JudgingInputs;
  groups: GroupView[];
  memberships: Map<string, GroupArea[]>;
  standing: Map<string, Standing>;
  freshness: (slug: string) => Freshness;
}

/**
 * Reads the program's inputs and structure, brings the judgements current as far as one invocation
 * may, and says how fresh each unit is — of every member, or `only` some (a drill-down).
 */
export async function rollupBasis(services: Services, program: string, period: Period, day = today(), only?: readonly string[]): Promise<RollupBasis> {
  const [groupList, inputs] = await Promise.all([listGroups(services.platform, program), judgingInputs(services, program, period, day)]);
  const memberships = new Map<string, GroupArea[]>();
  for (const g of groupList) for (const m of g.members) (memberships.get(m.slug) ?? memberships.set(m.slug, []).get(m.slug)!).push({ areaCode: g.area.code, role: m.role });
  const all = only && only.length === 0 ? [] : await standings(services, program, inputs, only);
  const judgedHere = await bringCurrent(services, program, inputs, all, memberships);
  const standing = new Map(all.map((s) => [s.unit, s]));
  const clock = Date.now();
  const age = (at: string | null) => (at ? Math.round((clock - Date.parse(at)) / 1000) : null);
  const freshness = (slug: string): Freshness => {
    const s = standing.get(slug);
    if (!s) return { takenAt: null, ageSeconds: null, stale: true, error: null };
    const judgedNow = judgedHere.has(slug) || (s.judgedCurrent && s.memberships === membershipKey(memberships.get(slug) ?? []));
    // A unit whose database is known to be failing is never called current, however recent its facts.
    const error = s.fault ? (FAULT_MESSAGES[s.fault] ?? FAULT_MESSAGES.database_unavailable) : refreshError(s.error);
    return { takenAt: s.takenAt, ageSeconds: age(s.takenAt), stale: Boolean(s.fault) || !s.factsCurrent || !judgedNow, error };
  };
  return { program, inputs, groups: groupList, memberships, standing, freshness };
}

export async function programRollup(services: Services, program: string, period: Period, day = today(), page: UnitPage = DEFAULT_UNIT_PAGE): Promise<ProgramRollup> {
  return rollupOf(services, await rollupBasis(services, program, period, day), page);
}

/** The rollup on a basis already read (the program reports read the basis once for the rollup and their unit table). */
export async function rollupOf(services: Services, basis: RollupBasis, page: UnitPage = DEFAULT_UNIT_PAGE): Promise<ProgramRollup> {
  const { program } = basis;
  const { period, day } = basis.inputs;
  const key = periodKey(period);
  const where = judgementsOf(program, key);
  const [summary, counts, byArea, byGroup, lagRows, excelling, listed, slugs] = await Promise.all([
    summedSummary(services, program, key),
    services.platform.get<Record<string, number | null>>(sql`
      SELECT count(*) AS judged, sum(j.pass) AS pass, sum(j.warn) AS warn, sum(j.fail) AS fail, sum(j.not_applicable) AS notApplicable,
        sum(j.warn + j.fail > 0) AS lagging, sum(j.excelling) AS excelling FROM unit_judgements j WHERE ${where}`),
    services.platform.all<Record<string, unknown>>(sql`SELECT a.area_code AS code, ${AREA_COLUMNS} FROM unit_judgement_areas a WHERE a.program = ${program} AND a.period = ${key} AND a.unit IN (${membersOf(program)}) GROUP BY a.area_code`),
    groupSums(services, program, key, basis.groups),
    // Per requirement and result: how many units, and the first UNITS_NAMED of them by slug.
    services.platform.all<{ rule: string; status: string; n: number; unit: string }>(sql`
      WITH l AS (SELECT j.unit AS unit, json_extract(e.value, '$.rule') AS rule, json_extract(e.value, '$.status') AS status FROM unit_judgements j, json_each(j.lagging) e WHERE ${where}),
        c AS (SELECT rule, status, count(*) AS n FROM l GROUP BY rule, status),
        r AS (SELECT rule, status, unit, row_number() OVER (PARTITION BY rule, status ORDER BY unit) AS k FROM l)
      SELECT c.rule AS rule, c.status AS status, c.n AS n, r.unit AS unit FROM c JOIN r ON r.rule = c.rule AND r.status = c.status WHERE r.k <= ${UNITS_NAMED} ORDER BY c.rule, c.status, r.unit`),
    services.platform.all<{ unit: string }>(sql`SELECT j.unit AS unit FROM unit_judgements j WHERE ${where} AND j.excelling ORDER BY j.unit LIMIT ${UNITS_NAMED}`),
    services.platform.all<{ unit: string; notSubmitted: number; late: number }>(sql`SELECT j.unit AS unit, j.not_submitted AS notSubmitted, j.submitted_late AS late FROM unit_judgements j WHERE ${where} AND (j.not_submitted OR j.submitted_late) ORDER BY j.unit`),
    pageOfUnits(services, program, key, [...basis.standing.values()], page),
  ]);
  const rows = await storedRows(services, program, key, slugs);

  const ruleTitles: ProgramRollup["ruleTitles"] = {};
  for (const r of basis.inputs.rules) if (r.enabled) ruleTitles[r.rule.id] = r.rule.title(r.params as never);
  const groupsByKey = new Map<string, LaggingGroup>();
  for (const r of lagRows) {
    const k = `${r.rule}/${r.status}`;
    const g = groupsByKey.get(k) ?? groupsByKey.set(k, { rule: r.rule, status: r.status, title: ruleTitles[r.rule] ?? { zh: r.rule, en: r.rule }, count: Number(r.n), units: [] }).get(k)!;
    g.units.push(r.unit);
  }
  const lagging = sortLagging([...groupsByKey.values()]);
  const notSubmitted = listed.filter((r) => r.notSubmitted).map((r) => r.unit);
  const submittedLate = listed.filter((r) => r.late).map((r) => r.unit);

  const all = [...basis.standing.values()];
  const stale = all.filter((s) => basis.freshness(s.unit).stale);
  const nameOf = (slug: string) => basis.standing.get(slug)?.name ?? slug;
  const names: Record<string, string> = {};
  for (const slug of [...slugs, ...notSubmitted, ...submittedLate, ...excelling.map((e) => e.unit), ...lagging.flatMap((g) => g.units)]) names[slug] = nameOf(slug);

  const total: Summary = { ...summary, byArea: Object.fromEntries(byArea.map((r) => [String(r.code), areaSums(r)])) };
  const pc = periodContext(period, day);
  const { terms } = basis.inputs;
  return {
    program,
    period: key,
    asOf: pc.asOf,
    generatedAt: new Date().toISOString(),
    inTerm: period.year >= terms.startYear && period.year <= terms.endYear,
    deadlines: deadlinesOf(basis.inputs.rules),
    totals: {
      ...total,
      units: all.length,
      staleUnits: stale.length,
      refreshing: stale.filter((s) => !basis.freshness(s.unit).error).length,
      grassrootsSharePercent: sharePercent(total.funds.grassrootsInFen, total.funds.inFen),
      rules: { pass: Number(counts?.pass ?? 0), warn: Number(counts?.warn ?? 0), fail: Number(counts?.fail ?? 0), not_applicable: Number(counts?.notApplicable ?? 0) },
      laggingUnits: Number(counts?.lagging ?? 0),
      excellingUnits: Number(counts?.excelling ?? 0),
    },
    ruleTitles,
    areas: basis.groups.map((group) => {
      const sums = byGroup.get(group.id) ?? emptyAreaSums();
      return { group, sums: { ...sums, grassrootsSharePercent: sharePercent(sums.grassrootsInFen, sums.inFen) } };
    }),
    units: slugs.map((slug) => ({ unit: { slug, name: nameOf(slug) }, groups: basis.memberships.get(slug) ?? [], freshness: basis.freshness(slug), summary: rows.get(slug) ?? null })),
    unitsPage: { ...page, total: all.length },
    notSubmitted,
    submittedLate,
    lagging,
    excelling: excelling.map((e) => e.unit),
    names,
  };
}

/** One row of the program report's unit table: the stored scalars of every member's judgement. */
export interface UnitTableRow {
  unit: string;
  name: string;
  inFen: number;
  disbursedFen: number;
  projects: number;
  cadresInPost: number;
  pass: number;
  warn: number;
  fail: number;
  takenAt: string | null;
  stale: boolean;
  /** The rules failing or lagging, and the assessment's indicator values. */
  lagging: { rule: string; status: string }[];
  indicators: Record<string, number>;
  judged: boolean;
}

/** Every member unit's row for the program reports, in slug order: a few numbers a unit, read in slices. */
export async function unitTable(services: Services, basis: RollupBasis): Promise<UnitTableRow[]> {
  const key = periodKey(basis.inputs.period);
  const slugs = [...basis.standing.keys()];
  const rows = await inSlices(slugs, (slice) =>
    services.platform.all<Record<string, unknown>>(sql`
      SELECT unit, in_fen AS inFen, disbursed_fen AS disbursedFen, projects, cadres_in_post AS cadresInPost, pass, warn, fail, lagging, indicators
      FROM unit_judgements WHERE program = ${basis.program} AND period = ${key} AND unit IN (${sql.join(slice.map((s) => sql`${s}`), sql`, `)})`),
  );
  const byUnit = new Map(rows.map((r) => [String(r.unit), r]));
  return slugs.map((slug) => {
    const r = byUnit.get(slug);
    const f = basis.freshness(slug);
    return {
      unit: slug,
      name: basis.standing.get(slug)?.name ?? slug,
      inFen: Number(r?.inFen ?? 0),
      disbursedFen: Number(r?.disbursedFen ?? 0),
      projects: Number(r?.projects ?? 0),
      cadresInPost: Number(r?.cadresInPost ?? 0),
      pass: Number(r?.pass ?? 0),
      warn: Number(r?.warn ?? 0),
      fail: Number(r?.fail ?? 0),
      takenAt: f.takenAt,
      stale: f.stale,
      lagging: r ? JSON.parse(String(r.lagging)) : [],
      indicators: r ? JSON.parse(String(r.indicators)) : {},
      judged: Boolean(r),
    };
  });
}
