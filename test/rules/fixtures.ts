/** Builders of plain period data for rule tests (rules are pure: no database needed). */
import type { PeriodData, Row } from "../../src/rules/types";

let n = 0;
const id = (prefix: string) => `${prefix}-${++n}`;

export function periodData(over: Partial<PeriodData> = {}): PeriodData {
  const year = over.year ?? 2026;
  return {
    unit: { slug: "test-unit", name: "测试单位" },
    program: "gd-old-areas",
    year,
    quarter: null,
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    asOf: `${year}-12-31`,
    today: over.asOf ?? `${year}-12-31`,
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

export function activity(kind: string, over: Row = {}): Row {
  return { id: id("act"), kind, date: "2026-05-01", title: `${kind} 活动`, direction: null, leaderLevel: null, people: 0, quantity: 0, hours: 0, amountFen: 0, pairingId: null, ...over };
}

export function visit(leaderLevel: "main" | "deputy", direction: "to_recipient" | "from_recipient", over: Row = {}): Row {
  return activity("visit", { leaderLevel, direction, ...over });
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
  return { id: id("cadre"), post: "副县长（挂职）", level: "county_deputy", hostAreaCode: "440282", startDate: "2024-12-20", plannedEndDate: "2027-12-20", actualEndDate: null, status: "in_post", ...over };
}

export function submission(quarter: number, over: Row = {}): Row {
  return { id: id("sub"), year: 2026, quarter, program: "dongguan-shaoguan", status: "submitted", submittedAt: `2026-0${quarter * 3 + 1 > 9 ? 9 : quarter * 3 + 1}-03T00:00:00.000Z`, ...over };
}

export function subUnit(over: Row = {}): Row {
  return { id: id("sub-unit"), name: "镇街", kind: "town", areaCode: "440232", placeholder: false, ...over };
}
