/**
 * Rule tests as specifications: a scenario of plain ledger rows is written to a real (in-memory)
 * tenant database, its facts loaded by the product's own SQL, the rule judged on them and its
 * evidence read back by the product's own evidence query — no second implementation of either.
 */
import { createClient } from "@libsql/client";
import { migrateDatabase } from "../../db/migrate";
import { TENANT_MIGRATIONS } from "../../db/tenant/migrations";
import { activities, attachments, cadres, funds, pairings, projects, recipientVerdicts, submissions, subUnits } from "../../db/tenant/schema";
import { readEvidence, type EvidenceItem } from "../../src/figures/evidence";
import { loadFacts } from "../../src/figures/load-facts";
import { periodContext, type Quarter } from "../../src/periods/period";
import type { AreaNames, Rule, GroupArea, RuleResult } from "../../src/rules/types";
import { tenantDb } from "../../src/services";

export type Row = Record<string, unknown>;

let n = 0;
const id = (prefix: string) => `${prefix}-${++n}`;

export interface Scenario {
  year: number;
  quarter: Quarter | null;
  /** The day of the judgement (default: 15 January after the year, so the year is over). */
  today?: string;
  /** Areas by code with their full names, as the judge hands them to the rules' texts. */
  areaNames?: AreaNames;
  asOf?: string;
  program: string;
  term: { startYear: number; endYear: number };
  groupAreas: GroupArea[];
  subUnits: Row[];
  pairings: Row[];
  projects: Row[];
  funds: Row[];
  activities: Row[];
  cadres: Row[];
  submissions: Row[];
  /** Evidence rows (the tenant's attachments table; the files themselves are not needed to judge). */
  attachments?: Row[];
  /** The recipient's verdicts on records (recipient_verdicts). */
  verdicts?: Row[];
}

export function periodData(over: Partial<Scenario> = {}): Scenario {
  const year = over.year ?? 2026;
  return {
    year,
    quarter: null,
    program: "gd-old-areas",
    term: { startYear: 2022, endYear: 2030 },
    groupAreas: [{ areaCode: "440282", role: "lead" }],
    subUnits: [],
    pairings: [],
    projects: [],
    funds: [],
    activities: [],
    cadres: [],
    submissions: [],
    ...over,
  };
}

/** Writes the scenario, loads its facts and judges `rule`; the evidence comes from the evidence query. */
export async function evaluate<P>(rule: Rule, scenario: Scenario, params: P, unit: { slug: string } = { slug: "test-unit" }): Promise<RuleResult & { evidence: EvidenceItem[] }> {
  const client = createClient({ url: ":memory:" });
  try {
    await migrateDatabase(client, TENANT_MIGRATIONS);
    const db = tenantDb(client);
    const insert = async (table: Parameters<typeof db.insert>[0], rows: Row[]) => {
      for (let i = 0; i < rows.length; i += 500) await db.insert(table).values(rows.slice(i, i + 500) as never);
    };
    await insert(subUnits, scenario.subUnits);
    await insert(pairings, scenario.pairings);
    await insert(projects, scenario.projects);
    // Allocations before disbursements: the database refuses a disbursement beyond its allocations.
    await insert(funds, [...scenario.funds].sort((a, b) => Number(a.kind !== "allocation") - Number(b.kind !== "allocation")));
    await insert(activities, scenario.activities);
    await insert(cadres, scenario.cadres);
    await insert(submissions, scenario.submissions);
    await insert(attachments, scenario.attachments ?? []);
    await insert(recipientVerdicts, scenario.verdicts ?? []);
    const { facts } = await loadFacts(db, scenario.program, scenario.year);
    const day = scenario.today ?? scenario.asOf ?? `${scenario.year + 1}-01-15`;
    const input = { unit: { slug: unit.slug, name: "测试单位" }, program: scenario.program, term: scenario.term, period: periodContext({ year: scenario.year, quarter: scenario.quarter }, day), groupAreas: scenario.groupAreas, facts, ...(scenario.areaNames ? { areaNames: scenario.areaNames } : {}) };
    const result = rule.evaluate(input, params as never);
    const query = rule.evidence(input, params as never);
    const names = { area: (code: string) => scenario.areaNames?.get(code)?.fullName ?? code };
    const evidence = query ? (await readEvidence(db, scenario.program, query, { limit: 200 }, names)).items : [];
    return { ...result, evidence };
  } finally {
    client.close();
  }
}

export function activity(kind: string, over: Row = {}): Row {
  return { id: id("act"), kind, date: "2026-05-01", title: `${kind} 活动`, areaCode: null, direction: null, leaderLevel: null, people: 0, quantity: 0, hours: 0, amountFen: 0, pairingId: null, ...over };
}

export function visit(leaderLevel: "main" | "deputy", direction: "to_recipient" | "from_recipient", over: Row = {}): Row {
  return activity("visit", { leaderLevel, direction, areaCode: "440282", ...over });
}

export function fund(kind: string, amountFen: number, over: Row = {}): Row {
  return { id: id("fund"), kind, source: "city", amountFen, date: "2026-04-01", areaCode: "440282", projectId: null, grassroots: false, overrun: false, ...over };
}

export function project(over: Row = {}): Row {
  return { id: id("proj"), title: "项目", category: "education", status: "planned", areaCode: "440282", pairingId: null, budgetFen: 0, grassroots: false, startDate: "2026-03-01", ...over };
}

export function pairing(kind: string, over: Row = {}): Row {
  return { id: id("pair"), kind, counterpart: `${kind} 对方`, areaCode: "440232", subUnitId: null, startDate: "2025-01-01", endDate: null, ...over };
}

export function cadre(over: Row = {}): Row {
  return { id: id("cadre"), name: "测试干部", post: "副县长（挂职）", level: "county_deputy", hostAreaCode: "440282", startDate: "2024-12-20", plannedEndDate: "2027-12-20", actualEndDate: null, status: "in_post", ...over };
}

export function submission(quarter: number, over: Row = {}): Row {
  return { id: id("sub"), year: 2026, quarter, program: "dongguan-shaoguan", status: "submitted", submittedAt: `2026-0${quarter * 3 + 1 > 9 ? 9 : quarter * 3 + 1}-03T00:00:00.000Z`, ...over };
}

export function subUnit(over: Row = {}): Row {
  return { id: id("sub-unit"), name: "镇街", kind: "town", areaCode: "440232", placeholder: false, ...over };
}
