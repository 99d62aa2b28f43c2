/**
 * A unit's period, summed: the counts and sums the federated rollup adds up. Pure, and holding no
 * personal data — cadres appear only as counts.
 */
import type { EvaluatedRule } from "../rules/evaluate";
import type { PeriodData, Row } from "../rules/types";

export interface AreaSums {
  inFen: number;
  allocatedFen: number;
  disbursedFen: number;
  grassrootsInFen: number;
  projects: number;
  grassrootsProjects: number;
  budgetFen: number;
  cadresInPost: number;
}

export interface UnitSummary {
  funds: { allocatedFen: number; disbursedFen: number; donationsFen: number; investmentFen: number; inFen: number; grassrootsInFen: number; overrunFen: number };
  projects: { total: number; grassroots: number; budgetFen: number; beneficiaries: number; beneficiariesLifted: number; byStatus: Record<string, number>; byCategory: Record<string, number> };
  cadres: { inPost: number; endingSoon: number; overdue: number; byLevel: Record<string, number> };
  activities: Record<string, { count: number; people: number; quantity: number; amountFen: number }>;
  byArea: Record<string, AreaSums>;
  submissions: { quarter: number; status: string; submittedAt: string | null }[];
  targets: { indicator: string; target: number; source: string }[];
  rules: Omit<EvaluatedRule, "evidence" | "params">[];
}

/** Money put in: allocations, donations, investment. Disbursements are the same money moving on. */
const MONEY_IN = new Set(["allocation", "social_donation", "enterprise_investment"]);

function emptyArea(): AreaSums {
  return { inFen: 0, allocatedFen: 0, disbursedFen: 0, grassrootsInFen: 0, projects: 0, grassrootsProjects: 0, budgetFen: 0, cadresInPost: 0 };
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Projects that belong to the period: started in the year (or, without a start date, created in it). */
export function projectInYear(p: Row, year: number): boolean {
  const date = String(p.startDate ?? p.createdAt ?? "");
  return date.startsWith(String(year));
}

export function summarize(data: PeriodData, rules: EvaluatedRule[], targets: Row[]): UnitSummary {
  const byArea: Record<string, AreaSums> = {};
  const area = (code: unknown) => (byArea[String(code ?? "unknown")] ??= emptyArea());

  const funds = { allocatedFen: 0, disbursedFen: 0, donationsFen: 0, investmentFen: 0, inFen: 0, grassrootsInFen: 0, overrunFen: 0 };
  for (const f of data.funds) {
    const amount = Number(f.amountFen);
    const a = area(f.areaCode);
    if (f.kind === "allocation") (funds.allocatedFen += amount), (a.allocatedFen += amount);
    if (f.kind === "disbursement") {
      funds.disbursedFen += amount;
      a.disbursedFen += amount;
      if (f.overrun) funds.overrunFen += amount;
    }
    if (f.kind === "social_donation") funds.donationsFen += amount;
    if (f.kind === "enterprise_investment") funds.investmentFen += amount;
    if (MONEY_IN.has(String(f.kind))) {
      funds.inFen += amount;
      a.inFen += amount;
      if (f.grassroots) (funds.grassrootsInFen += amount), (a.grassrootsInFen += amount);
    }
  }

  const projects = { total: 0, grassroots: 0, budgetFen: 0, beneficiaries: 0, beneficiariesLifted: 0, byStatus: {} as Record<string, number>, byCategory: {} as Record<string, number> };
  for (const p of data.projects) {
    if (!projectInYear(p, data.year)) continue;
    const a = area(p.areaCode);
    projects.total += 1;
    a.projects += 1;
    projects.budgetFen += Number(p.budgetFen ?? 0);
    a.budgetFen += Number(p.budgetFen ?? 0);
    if (p.grassroots) (projects.grassroots += 1), (a.grassrootsProjects += 1);
    projects.byStatus[String(p.status)] = (projects.byStatus[String(p.status)] ?? 0) + 1;
    projects.byCategory[String(p.category)] = (projects.byCategory[String(p.category)] ?? 0) + 1;
    projects.beneficiaries += Number(p.beneficiaries ?? 0);
    projects.beneficiariesLifted += Number(p.beneficiariesLifted ?? 0);
  }

  const cadres = { inPost: 0, endingSoon: 0, overdue: 0, byLevel: {} as Record<string, number> };
  for (const c of data.cadres) {
    if (c.status !== "in_post") continue;
    cadres.inPost += 1;
    area(c.hostAreaCode).cadresInPost += 1;
    cadres.byLevel[String(c.level)] = (cadres.byLevel[String(c.level)] ?? 0) + 1;
    const left = daysBetween(data.asOf, String(c.plannedEndDate));
    if (left < 0) cadres.overdue += 1;
    else if (left <= 90) cadres.endingSoon += 1;
  }

  const activities: UnitSummary["activities"] = {};
  for (const a of data.activities) {
    const k = (activities[String(a.kind)] ??= { count: 0, people: 0, quantity: 0, amountFen: 0 });
    k.count += 1;
    k.people += Number(a.people ?? 0);
    k.quantity += Number(a.quantity ?? 0);
    k.amountFen += Number(a.amountFen ?? 0);
  }

  return {
    funds,
    projects,
    cadres,
    activities,
    byArea,
    submissions: data.submissions
      .map((s) => ({ quarter: Number(s.quarter), status: String(s.status), submittedAt: (s.submittedAt as string | null) ?? null }))
      .sort((a, b) => a.quarter - b.quarter),
    targets: targets.map((t) => ({ indicator: String(t.indicator), target: Number(t.target), source: String(t.source) })),
    rules: rules.map(({ evidence: _evidence, params: _params, ...rest }) => rest),
  };
}
