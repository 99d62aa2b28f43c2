/**
 * Loads one unit's period data for one program from its tenant database: non-voided records of
 * the year to the period's end, tagged with the program or with none (a record not assigned to a
 * program is the unit's general work and counts for each of its programs). Cadres are loaded
 * without their personal fields, so no rule, snapshot or report can carry them out of the tenant.
 */
import { and, eq, gte, isNull, lte, or } from "drizzle-orm";
import { groupMembers, groups } from "../../db/platform/schema";
import { activities, cadres, funds, pairings, projects, submissions, subUnits } from "../../db/tenant/schema";
import type { PlatformDb, TenantDb } from "../services";
import { asOfDate, periodWindow, type Period } from "./period";
import type { PeriodData, Row } from "./types";

// Only the columns rules, summaries and reports read: a unit's year can hold tens of thousands of
// records, and every column not loaded is time and memory saved on each evaluation.
const ACTIVITY_FIELDS = {
  id: activities.id,
  kind: activities.kind,
  date: activities.date,
  title: activities.title,
  areaCode: activities.areaCode,
  pairingId: activities.pairingId,
  subUnitId: activities.subUnitId,
  program: activities.program,
  direction: activities.direction,
  leaderLevel: activities.leaderLevel,
  people: activities.people,
  quantity: activities.quantity,
  hours: activities.hours,
  amountFen: activities.amountFen,
  documentType: activities.documentType,
  agreementYear: activities.agreementYear,
};

const FUND_FIELDS = {
  id: funds.id,
  kind: funds.kind,
  source: funds.source,
  amountFen: funds.amountFen,
  date: funds.date,
  areaCode: funds.areaCode,
  projectId: funds.projectId,
  program: funds.program,
  grassroots: funds.grassroots,
  overrun: funds.overrun,
};

const PROJECT_FIELDS = {
  id: projects.id,
  title: projects.title,
  category: projects.category,
  status: projects.status,
  areaCode: projects.areaCode,
  pairingId: projects.pairingId,
  program: projects.program,
  budgetFen: projects.budgetFen,
  beneficiaries: projects.beneficiaries,
  beneficiariesLifted: projects.beneficiariesLifted,
  grassroots: projects.grassroots,
  startDate: projects.startDate,
  endDate: projects.endDate,
  createdAt: projects.createdAt,
};

export async function loadPeriodData(
  db: TenantDb,
  platform: PlatformDb,
  unit: { slug: string; name: string },
  program: string | null,
  period: Period,
  today: string,
): Promise<PeriodData> {
  const { from, to } = periodWindow(period);
  // With no program, the unit's whole ledger (its own dashboard); with one, that program's part.
  const inProgram = <T extends { program: unknown }>(t: T) => (program === null ? undefined : or(eq(t.program as never, program), isNull(t.program as never)));
  const [groupAreas, subUnitRows, pairingRows, projectRows, fundRows, activityRows, cadreRows, submissionRows] = await Promise.all([
    platform
      .select({ areaCode: groups.areaCode, role: groupMembers.role })
      .from(groupMembers)
      .innerJoin(groups, eq(groups.id, groupMembers.groupId))
      .where(and(eq(groupMembers.unit, unit.slug), program === null ? undefined : eq(groups.program, program))),
    db.select().from(subUnits).where(isNull(subUnits.voidedAt)),
    db.select().from(pairings).where(and(isNull(pairings.voidedAt), inProgram(pairings))),
    db.select(PROJECT_FIELDS).from(projects).where(and(isNull(projects.voidedAt), inProgram(projects))),
    db.select(FUND_FIELDS).from(funds).where(and(isNull(funds.voidedAt), inProgram(funds), gte(funds.date, from), lte(funds.date, to))),
    db.select(ACTIVITY_FIELDS).from(activities).where(and(isNull(activities.voidedAt), inProgram(activities), gte(activities.date, from), lte(activities.date, to))),
    db
      .select({
        id: cadres.id,
        post: cadres.post,
        level: cadres.level,
        hostAreaCode: cadres.hostAreaCode,
        program: cadres.program,
        startDate: cadres.startDate,
        plannedEndDate: cadres.plannedEndDate,
        actualEndDate: cadres.actualEndDate,
        status: cadres.status,
        sendingSubUnitId: cadres.sendingSubUnitId,
      })
      .from(cadres)
      .where(and(isNull(cadres.voidedAt), inProgram(cadres))),
    db
      .select()
      .from(submissions)
      .where(and(isNull(submissions.voidedAt), eq(submissions.year, period.year), program === null ? undefined : eq(submissions.program, program))),
  ]);
  return {
    unit,
    program: program ?? "",
    year: period.year,
    quarter: period.quarter,
    from,
    to,
    asOf: asOfDate(period, today),
    today,
    groupAreas,
    subUnits: subUnitRows as Row[],
    pairings: pairingRows as Row[],
    projects: projectRows as Row[],
    funds: fundRows as Row[],
    activities: activityRows as Row[],
    cadres: cadreRows as Row[],
    submissions: submissionRows as Row[],
  };
}
