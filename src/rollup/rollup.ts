/**
 * The federated rollup of one program and period, read from the units' snapshots: per recipient
 * area (a group's lead and members summed — each records only its own contributions, in its own
 * database, so nothing is counted twice), per unit, and in total. A unit whose snapshot is missing
 * is computed once now; a unit whose database cannot be reached is served from its last snapshot,
 * marked stale with the error.
 */
import { and, eq } from "drizzle-orm";
import { unitSnapshots, units } from "../../db/platform/schema";
import { eachBounded } from "../bounded";
import { listGroups, type GroupView } from "../directory/programs";
import { periodKey, type Period } from "../rules/period";
import type { Services } from "../services";
import { refreshUnit } from "./snapshots";
import type { AreaSums, UnitSummary } from "./summary";

/** A snapshot older than this missed at least one daily refresh. */
const STALE_AFTER_MS = 26 * 3600_000;
const COMPUTE_CONCURRENCY = 6;

export interface Freshness {
  takenAt: string | null;
  ageSeconds: number | null;
  stale: boolean;
  error: string | null;
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
  generatedAt: string;
  totals: {
    units: number;
    staleUnits: number;
    funds: UnitSummary["funds"];
    grassrootsSharePercent: number | null;
    projects: UnitSummary["projects"];
    cadres: UnitSummary["cadres"];
    activities: UnitSummary["activities"];
    rules: Record<"pass" | "warn" | "fail" | "not_applicable", number>;
  };
  areas: AreaRollup[];
  units: UnitRollup[];
  /** Units with no submitted report for the period's quarter (quarterly periods only). */
  notSubmitted: string[];
  /** Units with at least one failing or lagging rule, and which. */
  lagging: { unit: string; rules: { rule: string; status: string; title: { zh: string; en: string } }[] }[];
  /** Units whose every applicable rule passes. */
  excelling: string[];
}

function emptySums(): AreaSums {
  return { inFen: 0, allocatedFen: 0, disbursedFen: 0, grassrootsInFen: 0, projects: 0, grassrootsProjects: 0, budgetFen: 0, cadresInPost: 0 };
}

function addSums(into: AreaSums, from: AreaSums): void {
  for (const key of Object.keys(into) as (keyof AreaSums)[]) into[key] += from[key] ?? 0;
}

/** Whole percent, rounded down, or null when there is nothing to divide. */
export function sharePercent(part: number, whole: number): number | null {
  return whole > 0 ? Math.floor((part * 100) / whole) : null;
}

/** The area prefix a group covers: a county's full code, a prefecture's first four digits. */
function areaPrefix(code: string): string {
  return code.replace(/(00)+$/, "");
}

async function readSnapshots(services: Services, program: string, period: string) {
  return services.platform.select().from(unitSnapshots).where(and(eq(unitSnapshots.program, program), eq(unitSnapshots.period, period)));
}

export async function programRollup(services: Services, program: string, period: Period): Promise<ProgramRollup> {
  const key = periodKey(period);
  const groups = await listGroups(services.platform, program);
  const memberships = new Map<string, { areaCode: string; role: "lead" | "member" }[]>();
  for (const g of groups) for (const m of g.members) (memberships.get(m.slug) ?? memberships.set(m.slug, []).get(m.slug)!).push({ areaCode: g.area.code, role: m.role });
  const slugs = [...memberships.keys()].sort();

  let snapshots = await readSnapshots(services, program, key);
  const missing = slugs.filter((s) => !snapshots.some((r) => r.unit === s && r.data));
  if (missing.length) {
    await eachBounded(missing, COMPUTE_CONCURRENCY, (slug) => refreshUnit(services, slug, [period]));
    snapshots = await readSnapshots(services, program, key);
  }

  const names = new Map((await services.platform.select({ slug: units.slug, name: units.name }).from(units)).map((u) => [u.slug, u.name]));
  const now = Date.now();
  const unitRollups: UnitRollup[] = slugs.map((slug) => {
    const snap = snapshots.find((r) => r.unit === slug);
    const takenAt = snap?.takenAt ?? null;
    const age = takenAt ? Math.round((now - Date.parse(takenAt)) / 1000) : null;
    return {
      unit: { slug, name: names.get(slug) ?? slug },
      groups: memberships.get(slug) ?? [],
      freshness: { takenAt, ageSeconds: age, stale: !takenAt || Boolean(snap?.error) || (age ?? 0) * 1000 > STALE_AFTER_MS, error: snap?.error ?? null },
      summary: (snap?.data as UnitSummary | null) ?? null,
    };
  });

  const areas: AreaRollup[] = groups.map((group) => {
    const prefix = areaPrefix(group.area.code);
    const sums = emptySums();
    const contributions = group.members.map((m) => {
      const mine = emptySums();
      const summary = unitRollups.find((u) => u.unit.slug === m.slug)?.summary;
      for (const [code, s] of Object.entries(summary?.byArea ?? {})) if (code.startsWith(prefix)) addSums(mine, s);
      addSums(sums, mine);
      return { unit: m.slug, sums: mine };
    });
    return { group, sums: { ...sums, grassrootsSharePercent: sharePercent(sums.grassrootsInFen, sums.inFen) }, contributions };
  });

  const totals: ProgramRollup["totals"] = {
    units: unitRollups.length,
    staleUnits: unitRollups.filter((u) => u.freshness.stale).length,
    funds: { allocatedFen: 0, disbursedFen: 0, donationsFen: 0, investmentFen: 0, inFen: 0, grassrootsInFen: 0, overrunFen: 0 },
    grassrootsSharePercent: null,
    projects: { total: 0, grassroots: 0, budgetFen: 0, beneficiaries: 0, beneficiariesLifted: 0, byStatus: {}, byCategory: {} },
    cadres: { inPost: 0, endingSoon: 0, overdue: 0, byLevel: {} },
    activities: {},
    rules: { pass: 0, warn: 0, fail: 0, not_applicable: 0 },
  };
  const lagging: ProgramRollup["lagging"] = [];
  const excelling: string[] = [];
  const notSubmitted: string[] = [];
  for (const u of unitRollups) {
    const s = u.summary;
    if (!s) continue;
    for (const k of Object.keys(totals.funds) as (keyof UnitSummary["funds"])[]) totals.funds[k] += s.funds[k];
    totals.projects.total += s.projects.total;
    totals.projects.grassroots += s.projects.grassroots;
    totals.projects.budgetFen += s.projects.budgetFen;
    totals.projects.beneficiaries += s.projects.beneficiaries ?? 0;
    totals.projects.beneficiariesLifted += s.projects.beneficiariesLifted ?? 0;
    for (const [status, n] of Object.entries(s.projects.byStatus)) totals.projects.byStatus[status] = (totals.projects.byStatus[status] ?? 0) + n;
    for (const [category, n] of Object.entries(s.projects.byCategory ?? {})) totals.projects.byCategory[category] = (totals.projects.byCategory[category] ?? 0) + n;
    totals.cadres.inPost += s.cadres.inPost;
    totals.cadres.endingSoon += s.cadres.endingSoon;
    totals.cadres.overdue += s.cadres.overdue;
    for (const [level, n] of Object.entries(s.cadres.byLevel)) totals.cadres.byLevel[level] = (totals.cadres.byLevel[level] ?? 0) + n;
    for (const [kind, a] of Object.entries(s.activities)) {
      const t = (totals.activities[kind] ??= { count: 0, people: 0, quantity: 0, amountFen: 0 });
      t.count += a.count;
      t.people += a.people;
      t.quantity += a.quantity;
      t.amountFen += a.amountFen;
    }
    for (const r of s.rules) totals.rules[r.status] += 1;
    const behind = s.rules.filter((r) => r.status === "fail" || r.status === "warn");
    if (behind.length) lagging.push({ unit: u.unit.slug, rules: behind.map((r) => ({ rule: r.rule, status: r.status, title: r.title })) });
    else if (s.rules.some((r) => r.status === "pass")) excelling.push(u.unit.slug);
    if (period.quarter && !s.submissions.some((x) => x.quarter === period.quarter && x.status === "submitted")) notSubmitted.push(u.unit.slug);
  }
  totals.grassrootsSharePercent = sharePercent(totals.funds.grassrootsInFen, totals.funds.inFen);
  return { program, period: key, generatedAt: new Date().toISOString(), totals, areas, units: unitRollups, notSubmitted, lagging, excelling };
}
