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

interface SummaryResponse {
  period: string;
  asOf: string;
  summary: {
    funds: { inFen: number; disbursedFen: number; confirmedFen?: number };
    projects: { total: number; byStatus: Record<string, number> };
    cadres: { inPost: number };
    activities: Record<string, { count: number }>;
  };
}

/** Everything the dashboard's figure cards show, in one request. */
export async function loadUnitFigures(unit: string, year: number): Promise<UnitFigures> {
  const { summary: s } = await get<SummaryResponse>(`/api/t/${unit}/summary`, { year });
  return {
    year,
    funds: { inFen: s.funds.inFen, disbursedFen: s.funds.disbursedFen, confirmedFen: s.funds.confirmedFen ?? 0, records: 0, complete: true },
    projects: { total: s.projects.total, byStatus: Object.fromEntries(PROJECT_STATUSES.map((status) => [status, s.projects.byStatus[status] ?? 0])) },
    cadresInPost: s.cadres.inPost,
    activities: Object.values(s.activities).reduce((n, a) => n + a.count, 0),
  };
}
