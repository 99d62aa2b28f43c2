/**
 * A unit's key figures for a year, from GET /api/t/{unit}/summary — the same summary, computed over
 * the unit's whole ledger, that the coordinator's rollup adds up per program.
 */
import { get } from "./client";

export const PROJECT_STATUSES = ["planned", "approved", "in_progress", "completed", "accepted"] as const;

export interface UnitFigures {
  year: number;
  /** `confirmedFen`: of the disbursements, what the recipients confirmed arrived. */
  funds: { inFen: number; disbursedFen: number; confirmedFen: number; records: number; complete: boolean };
  projects: { total: number; byStatus: Record<string, number> };
  cadresInPost: number;
  activities: number;
}

interface SummaryFigures {
  funds: { inFen: number; disbursedFen: number; confirmedFen?: number };
  projects: { total: number; byStatus: Record<string, number> };
  cadres: { inPost: number };
  activities: Record<string, { count: number }>;
}

interface SummaryResponse {
  period: string;
  asOf: string;
  summary: SummaryFigures & { quarter?: SummaryFigures | null };
}

function figuresOf(year: number, s: SummaryFigures): UnitFigures {
  return {
    year,
    funds: { inFen: s.funds.inFen, disbursedFen: s.funds.disbursedFen, confirmedFen: s.funds.confirmedFen ?? 0, records: 0, complete: true },
    projects: { total: s.projects.total, byStatus: Object.fromEntries(PROJECT_STATUSES.map((status) => [status, s.projects.byStatus[status] ?? 0])) },
    cadresInPost: s.cadres.inPost,
    activities: Object.values(s.activities).reduce((n, a) => n + a.count, 0),
  };
}

/** Everything the dashboard's figure cards show, in one request. */
export async function loadUnitFigures(unit: string, year: number): Promise<UnitFigures> {
  const { summary } = await get<SummaryResponse>(`/api/t/${unit}/summary`, { year });
  return figuresOf(year, summary);
}

/** One quarter's own figures in one program (the quarterly submission's preview), with the day they are as of. */
export async function loadQuarterFigures(unit: string, year: number, quarter: number, program: string): Promise<UnitFigures & { quarter: number; program: string; asOf: string }> {
  const { summary, asOf } = await get<SummaryResponse>(`/api/t/${unit}/summary`, { year, quarter, program });
  return { ...figuresOf(year, summary.quarter ?? summary), quarter, program, asOf };
}
