/**
 * A unit's key figures for a year, from its list endpoints (unit roles have no summary endpoint):
 * counts from list totals (limit=1), money by summing the year's fund records page by page — at
 * most MAX_FUND_PAGES pages, and said so when there are more.
 */
import { get } from "./client";
import type { LedgerRecord, Page } from "./types";

const MAX_FUND_PAGES = 10;
const FUND_PAGE = 200;
const MONEY_IN = new Set(["allocation", "social_donation", "enterprise_investment"]);
export const PROJECT_STATUSES = ["planned", "approved", "in_progress", "completed", "accepted"] as const;

export interface UnitFigures {
  year: number;
  funds: { inFen: number; disbursedFen: number; records: number; complete: boolean };
  projects: { total: number; byStatus: Record<string, number> };
  cadresInPost: number;
  activities: number;
}

async function total(unit: string, path: string, query: Record<string, string | number>): Promise<number> {
  return (await get<Page<LedgerRecord>>(`/api/t/${unit}/${path}`, { ...query, limit: 1 })).total;
}

async function fundSums(unit: string, year: number): Promise<UnitFigures["funds"]> {
  let inFen = 0;
  let disbursedFen = 0;
  let records = 0;
  let cursor: string | null = null;
  for (let page = 0; page < MAX_FUND_PAGES; page++) {
    const res: Page<LedgerRecord> = await get(`/api/t/${unit}/funds`, { year, limit: FUND_PAGE, sort: "date", cursor });
    for (const f of res.items) {
      if (MONEY_IN.has(String(f.kind))) inFen += Number(f.amountFen);
      if (f.kind === "disbursement") disbursedFen += Number(f.amountFen);
    }
    records = res.total;
    cursor = res.nextCursor;
    if (!cursor) return { inFen, disbursedFen, records, complete: true };
  }
  return { inFen, disbursedFen, records, complete: false };
}

/** Everything the dashboard's figure cards show, fetched in parallel. */
export async function loadUnitFigures(unit: string, year: number): Promise<UnitFigures> {
  const [funds, projectTotal, statusTotals, cadresInPost, activities] = await Promise.all([
    fundSums(unit, year),
    total(unit, "projects", { year }),
    Promise.all(PROJECT_STATUSES.map((status) => total(unit, "projects", { year, status }))),
    total(unit, "cadres", { status: "in_post" }),
    total(unit, "activities", { year }),
  ]);
  const byStatus = Object.fromEntries(PROJECT_STATUSES.map((s, i) => [s, statusTotals[i] ?? 0]));
  return { year, funds, projects: { total: projectTotal, byStatus }, cadresInPost, activities };
}
