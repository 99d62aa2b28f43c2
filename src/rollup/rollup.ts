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
import type { GroupView } from "../directory/programs";
import { deadlinesOf, type EvaluatedRule, type UnitFigures } from "../figures/judge";
import {
  JUDGE_INLINE,
  JUDGE_PER_MESSAGE,
  judgeAndStore,
  judgingInputs,
  termKey,
  type CompactSummary,
  type JudgingInputs,
  type UnitSummary,
} from "../figures/judgements";
import { sortLagging, type LaggingGroup } from "../figures/lagging";
import { inForceSql, membersInForce, membershipsOf } from "../figures/in-force";
import { inList, STALE, standingTable, UNJUDGED } from "../figures/standing";
import { areaLabels } from "../directory/areas";
import { inSlices, UNITS_PER_READ } from "../figures/store";
import { emptyAreaSums, emptySummary, type AreaSums, type Summary } from "../figures/summary";
import { periodContext, periodKey, today, type Period } from "../periods/period";
import { areaPrefix } from "../rules/progress";
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

/** A group as the rollup lists it: its lead, its first GROUP_MEMBERS_LISTED members and how many it has. */
export interface GroupSummary extends Omit<GroupView, "members" | "counties"> {
  members: Pick<GroupView["members"][number], "slug" | "name" | "role">[];
  memberCount: number;
}

/** The rule results of the units that help an area (a unit's judgement counts in each area it helps). */
export interface AreaRules {
  pass: number;
  warn: number;
  fail: number;
  /** Members judged, and of them those behind on a rule (warn or fail). */
  judgedUnits: number;
  laggingUnits: number;
  /** Of the applicable rule results, the share that pass, in whole percent (null with none). */
  passPercent: number | null;
}

export interface AreaRollup {
  group: GroupSummary;
  sums: AreaSums & { grassrootsSharePercent: number | null };
  rules: AreaRules;
}

export const UNIT_SORTS = ["-rules", "rules", "-in", "in", "-projects", "projects", "unit", "-unit"] as const;
export type UnitSort = (typeof UNIT_SORTS)[number];

/** Which units a rollup lists: `limit` of them from `offset`, in the order `sort` (the API's cursor is the offset). */
export interface UnitPage {
  offset: number;
  limit: number;
  sort: UnitSort;
}

export const DEFAULT_UNIT_PAGE: UnitPage = { offset: 0, limit: 100, sort: "-rules" };

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
    /** 资金到位率 as the recipients confirmed it: confirmed over claimed disbursements, in percent. */
    confirmedSharePercent: number | null;
    rules: Record<"pass" | "warn" | "fail" | "not_applicable", number>;
    laggingUnits: number;
    excellingUnits: number;
    notSubmittedUnits: number;
    submittedLateUnits: number;
  };
  /** Each rule's title, once for the program. */
  ruleTitles: Record<string, EvaluatedRule["title"]>;
  areas: AreaRollup[];
  /** One page of the units, in the order asked for. */
  units: UnitRollupRow[];
  /** The page listed, how many there are, and the cursor of the next page (null on the last). */
  unitsPage: UnitPage & { total: number; nextCursor: string | null };
  /** The first LIST_NAMED units with no submitted report for the period's quarter (quarterly periods; `totals.notSubmittedUnits` counts them all). */
  notSubmitted: string[];
  /** The first LIST_NAMED units whose report for the period's quarter came after its due day. */
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

/**
 * Judges the units whose judgement is behind: the first JUDGE_INLINE here, the rest by queue messages
 * (one per JUDGE_PER_MESSAGE of them, each naming its range of slugs; queued once per
 * REQUEUE_AFTER_MS) — and queues refreshes of units whose facts are behind.
 */
async function bringCurrent(services: Services, program: string, inputs: JudgingInputs, only?: readonly string[]): Promise<void> {
  const within = only ? sql`AND s.unit IN (${inList(only)})` : sql``;
  const table = standingTable(program, inputs);
  const first = await services.platform.all<{ unit: string }>(sql`${table} SELECT s.unit AS unit FROM s WHERE ${UNJUDGED} ${within} ORDER BY s.unit LIMIT ${JUDGE_INLINE}`);
  if (first.length) await judgeAndStore(services, program, inputs, first.map((r) => r.unit));
  if (!only && first.length === JUDGE_INLINE) {
    // The first slug of every JUDGE_PER_MESSAGE still behind: each message judges from one to the next.
    const starts = await services.platform.all<{ unit: string; total: number }>(sql`${table}
      SELECT unit, total FROM (SELECT s.unit AS unit, row_number() OVER (ORDER BY s.unit) AS k, count(*) OVER () AS total FROM s WHERE ${UNJUDGED})
      WHERE (k - 1) % ${JUDGE_PER_MESSAGE} = 0 ORDER BY unit`);
    if (starts.length && (await claimJudging(services, program, inputs, Number(starts[0]!.total)))) {
      const period = { year: inputs.period.year, quarter: inputs.period.quarter };
      await services.queue.send(starts.map((r, i) => ({ runId: "" as const, job: "judge" as const, program, period, day: inputs.day, range: { from: r.unit, to: starts[i + 1]?.unit ?? null } })));
    }
  }
  // Units behind their latest write are never read here — a rollup touches no tenant database, so it
  // costs the same for 10 units as for 10,000; a unit's own write queues a refresh too.
  const behind = await services.platform.all<{ unit: string }>(sql`${table} SELECT s.unit AS unit FROM s WHERE s.fault IS NULL AND NOT s.factsCurrent ${within} ORDER BY s.unit LIMIT ${REFRESHES_PER_ROLLUP}`);
  if (behind.length) await services.queue.send(behind.map(({ unit }) => ({ runId: "" as const, job: "refresh" as const, target: { kind: "unit" as const, unit }, years: [inputs.period.year] })));
}

/** Records that this program's judgements for the period are queued; false if another read queued them just now. */
async function claimJudging(services: Services, program: string, inputs: JudgingInputs, units: number): Promise<boolean> {
  const key = `${inputs.day}|${inputs.terms.rulesVersion}|${inputs.terms.structureVersion}|${termKey(inputs.terms)}`;
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
const judgementsOf = (program: string, period: Period): SQL => sql`j.program = ${program} AND j.period = ${periodKey(period)} AND j.unit IN (${membersInForce(program, period)})`;

/** The summaries of all member judgements added up by the database: every numeric leaf of the stored summary. */
async function summedSummary(services: Services, program: string, period: Period): Promise<Summary> {
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

/** A judgement's area rows summed, as the columns of AreaSums (read back by `areaSums`). */
export const AREA_COLUMNS = sql`sum(a.in_fen) AS inFen, sum(a.allocated_fen) AS allocatedFen, sum(a.disbursed_fen) AS disbursedFen, sum(a.confirmed_fen) AS confirmedFen, sum(a.grassroots_in_fen) AS grassrootsInFen,
  sum(a.projects) AS projects, sum(a.grassroots_projects) AS grassrootsProjects, sum(a.budget_fen) AS budgetFen, sum(a.cadres_in_post) AS cadresInPost`;

export function areaSums(r: Record<string, unknown>): AreaSums {
  const s = emptyAreaSums();
  for (const key of Object.keys(s) as (keyof AreaSums)[]) s[key] = Number(r[key] ?? 0);
  return s;
}

/**
 * Each group's sums (optionally per member): the areas of its members' judgements that lie in the
 * group's area (a prefecture's group counts its counties).
 */
export async function groupSums(services: Services, program: string, period: Period, groupsOf: readonly { id: string; area: { code: string } }[], perMember = false): Promise<Map<string, AreaSums>> {
  if (groupsOf.length === 0) return new Map();
  const prefixes = JSON.stringify(groupsOf.map((g) => ({ id: g.id, prefix: areaPrefix(g.area.code) })));
  const rows = await services.platform.all<Record<string, unknown>>(sql`
    WITH p AS (SELECT json_extract(value, '$.id') AS id, json_extract(value, '$.prefix') AS prefix FROM json_each(${prefixes}))
    SELECT p.id AS groupId, ${perMember ? sql`gm.unit` : sql`''`} AS unit, ${AREA_COLUMNS}
    FROM p JOIN (SELECT DISTINCT gm.group_id AS group_id, gm.unit AS unit FROM group_members gm WHERE ${inForceSql(period)}) gm ON gm.group_id = p.id
    JOIN unit_judgement_areas a ON a.unit = gm.unit AND a.program = ${program} AND a.period = ${periodKey(period)} AND substr(a.area_code, 1, length(p.prefix)) = p.prefix
    GROUP BY p.id ${perMember ? sql`, gm.unit` : sql``}`);
  return new Map(rows.map((r) => [perMember ? `${r.groupId}/${r.unit}` : String(r.groupId), areaSums(r)]));
}

/** Each group's members' rule results (or one group's), added up from their stored judgements: one query. */
export async function groupRules(services: Services, program: string, period: Period, groupId?: string): Promise<Map<string, AreaRules>> {
  const rows = await services.platform.all<{ groupId: string; pass: number; warn: number; fail: number; judged: number; lagging: number }>(sql`
    SELECT gm.group_id AS groupId, sum(j.pass) AS pass, sum(j.warn) AS warn, sum(j.fail) AS fail, count(*) AS judged, sum(j.warn + j.fail > 0) AS lagging
    FROM (SELECT DISTINCT gm.group_id AS group_id, gm.unit AS unit FROM group_members gm JOIN groups g ON g.id = gm.group_id WHERE g.program = ${program} ${groupId ? sql`AND g.id = ${groupId}` : sql``} AND ${inForceSql(period)}) gm
    JOIN unit_judgements j ON j.unit = gm.unit AND j.program = ${program} AND j.period = ${periodKey(period)}
    GROUP BY gm.group_id`);
  return new Map(
    rows.map((r) => {
      const [pass, warn, fail] = [Number(r.pass), Number(r.warn), Number(r.fail)];
      return [r.groupId, { pass, warn, fail, judgedUnits: Number(r.judged), laggingUnits: Number(r.lagging), passPercent: sharePercent(pass, pass + warn + fail) }];
    }),
  );
}

export function emptyAreaRules(): AreaRules {
  return { pass: 0, warn: 0, fail: 0, judgedUnits: 0, laggingUnits: 0, passPercent: null };
}

/** Members a group lists in the rollup (the area's drill-down lists them all). */
export const GROUP_MEMBERS_LISTED = 8;

/** Every group of the program with its lead, its first members and how many it has: one query, a few rows a group. */
async function groupSummaries(services: Services, program: string, period: Period): Promise<GroupSummary[]> {
  // A unit that left and joined again within the period is one member, with the role of its latest stay
  // (SQLite takes a bare column from the row that max() picked), so a lead moved mid-year is named once.
  const rows = await services.platform.all<{ id: string; areaCode: string; clause: string; basis: GroupSummary["basis"]; version: number; memberCount: number; members: string }>(sql`
    SELECT g.id AS id, g.area_code AS areaCode, g.clause AS clause, g.basis AS basis, g.version AS version,
      (SELECT count(DISTINCT c.unit) FROM group_members c WHERE c.group_id = g.id AND ${inForceSql(period, "c")}) AS memberCount,
      (SELECT json_group_array(json_object('slug', x.unit, 'name', x.name, 'role', x.role)) FROM (
        SELECT gm.unit AS unit, u.name AS name, max(coalesce(gm.effective_from, '')) AS since, gm.role AS role, gm.position AS position
        FROM group_members gm JOIN units u ON u.slug = gm.unit
        WHERE gm.group_id = g.id AND ${inForceSql(period)} GROUP BY gm.unit ORDER BY role = 'lead' DESC, position LIMIT ${GROUP_MEMBERS_LISTED}) x) AS members
    FROM groups g WHERE g.program = ${program} AND EXISTS (SELECT 1 FROM group_members e WHERE e.group_id = g.id AND ${inForceSql(period, "e")}) ORDER BY g.area_code`);
  const labels = await areaLabels(services.platform, rows.map((r) => r.areaCode));
  return rows.map((r) => {
    const listed = (JSON.parse(r.members) as GroupSummary["members"]).sort((a, b) => Number(b.role === "lead") - Number(a.role === "lead"));
    const lead = listed.find((m) => m.role === "lead");
    return {
      id: r.id,
      program,
      area: labels.get(r.areaCode) ?? { code: r.areaCode, name: r.areaCode, fullName: r.areaCode, shortName: r.areaCode, level: 0 },
      clause: r.clause,
      basis: r.basis,
      version: Number(r.version),
      lead: lead ? { slug: lead.slug, name: lead.name } : null,
      members: listed,
      memberCount: Number(r.memberCount),
    };
  });
}

const ORDER_BY: Record<UnitSort, SQL> = {
  "-rules": sql`coalesce(j.fail * 2 + j.warn, -1) DESC, m.unit`,
  rules: sql`coalesce(j.fail * 2 + j.warn, -1) ASC, m.unit`,
  "-in": sql`coalesce(j.in_fen, -1) DESC, m.unit`,
  in: sql`coalesce(j.in_fen, -1) ASC, m.unit`,
  "-projects": sql`coalesce(j.projects, -1) DESC, m.unit`,
  projects: sql`coalesce(j.projects, -1) ASC, m.unit`,
  // Names in the order of their characters' code points (for Chinese: radical and stroke), as SQLite compares them.
  unit: sql`u.name ASC, m.unit`,
  "-unit": sql`u.name DESC, m.unit`,
};

/** One page of units, in the order asked for, with their stored rows. */
async function pageOfUnits(services: Services, program: string, period: Period, page: UnitPage): Promise<{ unit: string; name: string; row: string | null }[]> {
  return services.platform.all<{ unit: string; name: string; row: string | null }>(sql`
    SELECT m.unit AS unit, u.name AS name, j.row AS row FROM (${membersInForce(program, period)}) m JOIN units u ON u.slug = m.unit
    LEFT JOIN unit_judgements j ON j.unit = m.unit AND j.program = ${program} AND j.period = ${periodKey(period)}
    ORDER BY ${ORDER_BY[page.sort]} LIMIT ${page.limit} OFFSET ${page.offset}`);
}

/** Everything a program's figures for a period are read with: its inputs, and how fresh its units are. */
export interface RollupBasis {
  program: string;
  inputs: JudgingInputs;
  counts: { units: number; stale: number; refreshing: number };
  /** The freshness of some units (a page, a drill-down's members). */
  freshness: (slugs: readonly string[]) => Promise<Map<string, Freshness & { name: string }>>;
}

/**
 * Reads the program's inputs, brings the judgements current as far as one invocation may (of every
 * member, or `only` some: a drill-down), and counts how many units are stale.
 */
export async function rollupBasis(services: Services, program: string, period: Period, day = today(), only?: readonly string[]): Promise<RollupBasis> {
  const inputs = await judgingInputs(services, program, period, day);
  if (!only || only.length) await bringCurrent(services, program, inputs, only);
  const table = standingTable(program, inputs);
  const counts = await services.platform.get<{ units: number; stale: number | null; refreshing: number | null }>(sql`${table}
    SELECT count(*) AS units, sum(${STALE}) AS stale, sum(${STALE} AND s.fault IS NULL AND s.error IS NULL) AS refreshing FROM s`);
  const clock = Date.now();
  const freshness = async (slugs: readonly string[]) => {
    const out = new Map<string, Freshness & { name: string }>();
    if (slugs.length === 0) return out;
    const rows = await inSlices(slugs, (slice) =>
      services.platform.all<{ unit: string; name: string; fault: string | null; takenAt: string | null; error: string | null; stale: number }>(sql`${table}
        SELECT s.unit AS unit, s.name AS name, s.fault AS fault, s.takenAt AS takenAt, s.error AS error, ${STALE} AS stale FROM s WHERE s.unit IN (${inList(slice)})`),
    );
    for (const r of rows) {
      // A unit whose database is known to be failing is never called current, however recent its facts.
      const error = r.fault ? (FAULT_MESSAGES[r.fault as FaultCode] ?? FAULT_MESSAGES.database_unavailable) : refreshError(r.error);
      out.set(r.unit, { name: r.name, takenAt: r.takenAt, ageSeconds: r.takenAt ? Math.round((clock - Date.parse(r.takenAt)) / 1000) : null, stale: Boolean(r.stale), error });
    }
    return out;
  };
  return { program, inputs, counts: { units: Number(counts?.units ?? 0), stale: Number(counts?.stale ?? 0), refreshing: Number(counts?.refreshing ?? 0) }, freshness };
}

export async function programRollup(services: Services, program: string, period: Period, day = today(), page: UnitPage = DEFAULT_UNIT_PAGE): Promise<ProgramRollup> {
  return rollupOf(services, await rollupBasis(services, program, period, day), page);
}

/** Units a list of the rollup names (not submitted, submitted late): the totals count them all. */
export const LIST_NAMED = 100;

/** The units with no submitted report for the basis's quarter, from the stored judgements: the rollup names the first `limit`, 催报 reminds them all. */
export async function notSubmittedUnits(services: Services, basis: Pick<RollupBasis, "program" | "inputs">, limit?: number): Promise<string[]> {
  const rows = await services.platform.all<{ unit: string }>(
    sql`SELECT j.unit AS unit FROM unit_judgements j WHERE ${judgementsOf(basis.program, basis.inputs.period)} AND j.not_submitted ORDER BY j.unit ${limit === undefined ? sql`` : sql`LIMIT ${limit}`}`,
  );
  return rows.map((r) => r.unit);
}

/** The rollup on a basis already read (the program reports read the basis once for the rollup and their unit table). */
export async function rollupOf(services: Services, basis: RollupBasis, page: UnitPage = DEFAULT_UNIT_PAGE): Promise<ProgramRollup> {
  const { program } = basis;
  const { period, day } = basis.inputs;
  const key = periodKey(period);
  const where = judgementsOf(program, period);
  const [summary, counts, byArea, groupList, lagRows, excelling, notSubmitted, submittedLate, listed] = await Promise.all([
    summedSummary(services, program, period),
    services.platform.get<Record<string, number | null>>(sql`
      SELECT count(*) AS judged, sum(j.pass) AS pass, sum(j.warn) AS warn, sum(j.fail) AS fail, sum(j.not_applicable) AS notApplicable,
        sum(j.warn + j.fail > 0) AS lagging, sum(j.excelling) AS excelling, sum(j.not_submitted) AS notSubmitted, sum(j.submitted_late) AS submittedLate
      FROM unit_judgements j WHERE ${where}`),
    services.platform.all<Record<string, unknown>>(sql`SELECT a.area_code AS code, ${AREA_COLUMNS} FROM unit_judgement_areas a WHERE a.program = ${program} AND a.period = ${key} AND a.unit IN (${membersInForce(program, period)}) GROUP BY a.area_code`),
    groupSummaries(services, program, period),
    // Per requirement and result: how many units, and the first UNITS_NAMED of them by slug.
    services.platform.all<{ rule: string; status: string; n: number; unit: string }>(sql`
      WITH l AS (SELECT j.unit AS unit, json_extract(e.value, '$.rule') AS rule, json_extract(e.value, '$.status') AS status FROM unit_judgements j, json_each(j.lagging) e WHERE ${where}),
        c AS (SELECT rule, status, count(*) AS n FROM l GROUP BY rule, status),
        r AS (SELECT rule, status, unit, row_number() OVER (PARTITION BY rule, status ORDER BY unit) AS k FROM l)
      SELECT c.rule AS rule, c.status AS status, c.n AS n, r.unit AS unit FROM c JOIN r ON r.rule = c.rule AND r.status = c.status WHERE r.k <= ${UNITS_NAMED} ORDER BY c.rule, c.status, r.unit`),
    services.platform.all<{ unit: string }>(sql`SELECT j.unit AS unit FROM unit_judgements j WHERE ${where} AND j.excelling ORDER BY j.unit LIMIT ${UNITS_NAMED}`),
    notSubmittedUnits(services, basis, LIST_NAMED),
    services.platform.all<{ unit: string }>(sql`SELECT j.unit AS unit FROM unit_judgements j WHERE ${where} AND j.submitted_late ORDER BY j.unit LIMIT ${LIST_NAMED}`),
    pageOfUnits(services, program, period, page),
  ]);
  const pageSlugs = listed.map((r) => r.unit);
  const [byGroup, rulesByGroup, freshness, memberships] = await Promise.all([
    groupSums(services, program, period, groupList),
    groupRules(services, program, period),
    basis.freshness(pageSlugs),
    membershipsOf(services, program, period, pageSlugs),
  ]);

  const ruleTitles: ProgramRollup["ruleTitles"] = {};
  for (const r of basis.inputs.rules) if (r.enabled) ruleTitles[r.rule.id] = r.rule.title(r.params as never);
  const groupsByKey = new Map<string, LaggingGroup>();
  for (const r of lagRows) {
    const k = `${r.rule}/${r.status}`;
    const g = groupsByKey.get(k) ?? groupsByKey.set(k, { rule: r.rule, status: r.status, title: ruleTitles[r.rule] ?? { zh: r.rule, en: r.rule }, count: Number(r.n), units: [] }).get(k)!;
    g.units.push(r.unit);
  }
  const lagging = sortLagging([...groupsByKey.values()]);

  const names: Record<string, string> = Object.fromEntries(listed.map((r) => [r.unit, r.name]));
  const mentioned = [...notSubmitted, ...[...submittedLate, ...excelling].map((r) => r.unit)].concat(lagging.flatMap((g) => g.units)).filter((slug) => !(slug in names));
  for (const r of await inSlices([...new Set(mentioned)], (slice) => services.platform.all<{ slug: string; name: string }>(sql`SELECT slug, name FROM units WHERE slug IN (${inList(slice)})`))) names[r.slug] = r.name;

  const total: Summary = { ...summary, byArea: Object.fromEntries(byArea.map((r) => [String(r.code), areaSums(r)])) };
  const pc = periodContext(period, day);
  const { terms } = basis.inputs;
  const n = (k: string) => Number(counts?.[k] ?? 0);
  return {
    program,
    period: key,
    asOf: pc.asOf,
    generatedAt: new Date().toISOString(),
    inTerm: period.year >= terms.startYear && period.year <= terms.endYear,
    deadlines: deadlinesOf(basis.inputs.rules),
    totals: {
      ...total,
      units: basis.counts.units,
      staleUnits: basis.counts.stale,
      refreshing: basis.counts.refreshing,
      grassrootsSharePercent: sharePercent(total.funds.grassrootsInFen, total.funds.inFen),
      confirmedSharePercent: sharePercent(total.funds.confirmedFen ?? 0, total.funds.disbursedFen),
      rules: { pass: n("pass"), warn: n("warn"), fail: n("fail"), not_applicable: n("notApplicable") },
      laggingUnits: n("lagging"),
      excellingUnits: n("excelling"),
      notSubmittedUnits: n("notSubmitted"),
      submittedLateUnits: n("submittedLate"),
    },
    ruleTitles,
    areas: groupList.map((group) => {
      const sums = byGroup.get(group.id) ?? emptyAreaSums();
      return { group, sums: { ...sums, grassrootsSharePercent: sharePercent(sums.grassrootsInFen, sums.inFen) }, rules: rulesByGroup.get(group.id) ?? emptyAreaRules() };
    }),
    units: listed.map((r) => {
      const { name: _name, ...fresh } = freshness.get(r.unit) ?? { name: r.name, takenAt: null, ageSeconds: null, stale: true, error: null };
      return { unit: { slug: r.unit, name: r.name }, groups: memberships.get(r.unit) ?? [], freshness: fresh, summary: r.row ? (JSON.parse(r.row) as CompactSummary) : null };
    }),
    unitsPage: { ...page, total: basis.counts.units, nextCursor: page.offset + page.limit < basis.counts.units ? String(page.offset + page.limit) : null },
    notSubmitted,
    submittedLate: submittedLate.map((r) => r.unit),
    lagging,
    excelling: excelling.map((e) => e.unit),
    names,
  };
}

/** One row of the program report's unit table: the stored scalars of a member's judgement. */
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
  /** The rules failing or lagging. */
  lagging: { rule: string; status: string }[];
}

/** Units a program report tables one by one; a larger program's tables list the most behind first and say how many more. */
export const REPORT_UNITS_LISTED = 500;

/**
 * The program report's units: every member in slug order, or — past REPORT_UNITS_LISTED — the ones most
 * behind on their rules (fail counts double), so a report of 10,000 units stays a document.
 */
export async function reportUnits(services: Services, basis: RollupBasis): Promise<UnitTableRow[]> {
  const key = periodKey(basis.inputs.period);
  const order = basis.counts.units > REPORT_UNITS_LISTED ? sql`coalesce(j.fail * 2 + j.warn, -1) DESC, m.unit` : sql`m.unit`;
  const rows = await services.platform.all<Record<string, unknown>>(sql`
    SELECT m.unit AS unit, u.name AS name, j.in_fen AS inFen, j.disbursed_fen AS disbursedFen, j.projects AS projects, j.cadres_in_post AS cadresInPost,
      j.pass AS pass, j.warn AS warn, j.fail AS fail, j.lagging AS lagging
    FROM (${membersInForce(basis.program, basis.inputs.period)}) m JOIN units u ON u.slug = m.unit
    JOIN unit_judgements j ON j.unit = m.unit AND j.program = ${basis.program} AND j.period = ${key}
    ORDER BY ${order} LIMIT ${REPORT_UNITS_LISTED}`);
  const fresh = await basis.freshness(rows.map((r) => String(r.unit)));
  return rows.map((r) => {
    const f = fresh.get(String(r.unit));
    return {
      unit: String(r.unit),
      name: String(r.name),
      inFen: Number(r.inFen),
      disbursedFen: Number(r.disbursedFen),
      projects: Number(r.projects),
      cadresInPost: Number(r.cadresInPost),
      pass: Number(r.pass),
      warn: Number(r.warn),
      fail: Number(r.fail),
      takenAt: f?.takenAt ?? null,
      stale: f?.stale ?? true,
      lagging: JSON.parse(String(r.lagging)),
    };
  });
}

/**
 * Every judged member's indicator values for the annual assessment, read a slice at a time: the
 * ranking needs every unit, but only a dozen numbers of each.
 */
export async function indicatorRows(services: Services, basis: RollupBasis): Promise<{ unit: string; name: string; values: Record<string, number> }[]> {
  const key = periodKey(basis.inputs.period);
  const out: { unit: string; name: string; values: Record<string, number> }[] = [];
  for (let after = ""; ; ) {
    const rows = await services.platform.all<{ unit: string; name: string; indicators: string }>(sql`
      SELECT m.unit AS unit, u.name AS name, j.indicators AS indicators FROM (${membersInForce(basis.program, basis.inputs.period)}) m JOIN units u ON u.slug = m.unit
      JOIN unit_judgements j ON j.unit = m.unit AND j.program = ${basis.program} AND j.period = ${key}
      WHERE m.unit > ${after} ORDER BY m.unit LIMIT ${UNITS_PER_READ}`);
    for (const r of rows) out.push({ unit: r.unit, name: r.name, values: JSON.parse(r.indicators) });
    if (rows.length < UNITS_PER_READ) return out;
    after = rows[rows.length - 1]!.unit;
  }
}
