/**
 * A unit's figures for a stretch of quarters, summed from its facts: the counts and sums the
 * dashboard shows, the reports print and the federated rollup adds up. Pure, and holding no
 * personal data — cadres appear only as counts.
 */
import type { Quarter } from "../periods/period";
import { inPostOn, termState } from "./cadres";
import type { Facts } from "./facts";

export interface AreaSums {
  inFen: number;
  allocatedFen: number;
  disbursedFen: number;
  /** Of the disbursements, what the recipient confirmed arrived (资金到位, confirmed). */
  confirmedFen: number;
  grassrootsInFen: number;
  projects: number;
  grassrootsProjects: number;
  budgetFen: number;
  cadresInPost: number;
}

export interface FundSums {
  allocatedFen: number;
  disbursedFen: number;
  /** Claimed and confirmed: disbursements the recipient confirmed; and those it disputes. */
  confirmedFen: number;
  disputedFen: number;
  donationsFen: number;
  investmentFen: number;
  inFen: number;
  grassrootsInFen: number;
  overrunFen: number;
}

export interface ProjectSums {
  total: number;
  /** Completions the recipients confirmed. */
  confirmed: number;
  grassroots: number;
  budgetFen: number;
  beneficiaries: number;
  beneficiariesLifted: number;
  byStatus: Record<string, number>;
  byCategory: Record<string, number>;
}

export interface CadreSums {
  inPost: number;
  /** Of those in post, the ones the recipients confirmed. */
  confirmedInPost: number;
  endingSoon: number;
  overdue: number;
  byLevel: Record<string, number>;
}

export type ActivitySums = Record<string, { count: number; people: number; quantity: number; amountFen: number }>;

export interface Summary {
  funds: FundSums;
  projects: ProjectSums;
  cadres: CadreSums;
  activities: ActivitySums;
  byArea: Record<string, AreaSums>;
}

export function emptyAreaSums(): AreaSums {
  return { inFen: 0, allocatedFen: 0, disbursedFen: 0, confirmedFen: 0, grassrootsInFen: 0, projects: 0, grassrootsProjects: 0, budgetFen: 0, cadresInPost: 0 };
}

export function emptySummary(): Summary {
  return {
    funds: { allocatedFen: 0, disbursedFen: 0, confirmedFen: 0, disputedFen: 0, donationsFen: 0, investmentFen: 0, inFen: 0, grassrootsInFen: 0, overrunFen: 0 },
    projects: { total: 0, confirmed: 0, grassroots: 0, budgetFen: 0, beneficiaries: 0, beneficiariesLifted: 0, byStatus: {}, byCategory: {} },
    cadres: { inPost: 0, confirmedInPost: 0, endingSoon: 0, overdue: 0, byLevel: {} },
    activities: {},
    byArea: {},
  };
}

/** Adds every number of `from` into `into` (nested records by key). */
export function addInto<T extends object>(into: T, from: T): void {
  for (const [key, value] of Object.entries(from) as [keyof T & string, unknown][]) {
    if (typeof value === "number") (into as Record<string, number>)[key] = ((into as Record<string, number>)[key] ?? 0) + value;
    else if (value && typeof value === "object") {
      const target = ((into as Record<string, object>)[key] ??= Array.isArray(value) ? [] : {});
      addInto(target, value as object);
    }
  }
}

/**
 * Sums the facts of quarters `first`…`last` (cadres: in post on `asOf`; ending within `warnDays`).
 * @example summarize(facts, 1, 3, "2026-09-30", 90) // the year to the end of Q3
 */
export function summarize(facts: Facts, first: Quarter, last: Quarter, asOf: string, warnDays: number): Summary {
  const s = emptySummary();
  const inStretch = (q: Quarter) => q >= first && q <= last;
  const area = (code: string | null) => (s.byArea[code ?? "unknown"] ??= emptyAreaSums());

  for (const f of facts.fundAreas) {
    if (!inStretch(f.quarter)) continue;
    s.funds.allocatedFen += f.allocatedFen;
    s.funds.disbursedFen += f.disbursedFen;
    s.funds.confirmedFen += f.confirmedFen ?? 0;
    s.funds.disputedFen += f.disputedFen ?? 0;
    s.funds.donationsFen += f.donationsFen;
    s.funds.investmentFen += f.investmentFen;
    s.funds.inFen += f.inFen;
    s.funds.grassrootsInFen += f.grassrootsInFen;
    s.funds.overrunFen += f.overrunFen;
    const a = area(f.areaCode);
    a.inFen += f.inFen;
    a.allocatedFen += f.allocatedFen;
    a.disbursedFen += f.disbursedFen;
    a.confirmedFen += f.confirmedFen ?? 0;
    a.grassrootsInFen += f.grassrootsInFen;
  }
  for (const p of facts.projectAreas) {
    if (!inStretch(p.quarter)) continue;
    s.projects.total += p.count;
    s.projects.confirmed += p.confirmed ?? 0;
    s.projects.grassroots += p.grassroots;
    s.projects.budgetFen += p.budgetFen;
    s.projects.beneficiaries += p.beneficiaries;
    s.projects.beneficiariesLifted += p.beneficiariesLifted;
    const a = area(p.areaCode);
    a.projects += p.count;
    a.grassrootsProjects += p.grassroots;
    a.budgetFen += p.budgetFen;
  }
  for (const p of facts.projectStatuses) if (inStretch(p.quarter)) s.projects.byStatus[p.status] = (s.projects.byStatus[p.status] ?? 0) + p.count;
  for (const p of facts.projectCategories) if (inStretch(p.quarter)) s.projects.byCategory[p.category] = (s.projects.byCategory[p.category] ?? 0) + p.count;
  for (const c of facts.cadres) {
    if (!inPostOn(c, asOf)) continue;
    s.cadres.inPost += c.count;
    s.cadres.confirmedInPost += c.confirmed ?? 0;
    s.cadres.byLevel[c.level] = (s.cadres.byLevel[c.level] ?? 0) + c.count;
    area(c.hostAreaCode).cadresInPost += c.count;
    const state = termState(c, asOf, warnDays);
    if (state === "overdue") s.cadres.overdue += c.count;
    if (state === "ending") s.cadres.endingSoon += c.count;
  }
  for (const a of facts.activities) {
    if (!inStretch(a.quarter)) continue;
    const k = (s.activities[a.kind] ??= { count: 0, people: 0, quantity: 0, amountFen: 0 });
    k.count += a.count;
    k.people += a.people;
    k.quantity += a.quantity;
    k.amountFen += a.amountFen;
  }
  return s;
}
