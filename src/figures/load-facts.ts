/**
 * Loads a unit's facts for one program and one year from its tenant database: one read batch (one
 * transaction, so the facts and the data versions they report are the same moment) of GROUP BY
 * queries. Live records only; a record tagged with no program is the unit's general work and counts
 * for each of its programs. Cadres are counted by term and host, never listed by person.
 */
import { and, eq, gte, inArray, isNotNull, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { activities, cadres, dataVersions, funds, pairings, projects, recipientVerdicts, submissions, subUnits, targets } from "../../db/tenant/schema";
import { quarterRange, type Quarter } from "../periods/period";
import { breathe } from "../bounded";
import type { TenantDb } from "../services";
import { FACTS_VERSION, type DataVersions, type Facts, type PlaceActivityFact } from "./facts";

/** The quarter (1–4) of an ISO date column. */
const quarterOf = (column: SQLiteColumn | SQL) => sql<number>`((CAST(substr(${column}, 6, 2) AS INTEGER) + 2) / 3)`.mapWith(Number);
const total = (expr: SQL | SQLiteColumn) => sql<number>`coalesce(sum(${expr}), 0)`.mapWith(Number);
const count = () => sql<number>`count(*)`.mapWith(Number);
const q = (n: number) => n as Quarter;

const MONEY_IN = ["allocation", "social_donation", "enterprise_investment"] as const;

interface Range {
  from: string;
  to: string;
}

/** Facts and the data versions they were read at. */
export interface LoadedFacts {
  facts: Facts;
  versions: DataVersions;
}

/**
 * On a blocking (embedded) database the queries run one at a time with a breath between them, so a
 * unit with a hundred thousand records does not hold the server for the whole read; the data
 * versions are read before and after, and the read is repeated if a write came in between — the
 * same one moment a batch gives. Remotely it is one batch.
 */
async function readSteadily<T extends readonly PromiseLike<unknown>[]>(
  db: TenantDb,
  queries: T,
  byQuarter: Map<number, (range: Range) => PromiseLike<unknown[]>>,
  year: number,
): Promise<{ [K in keyof T]: Awaited<T[K]> }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const out: unknown[] = [];
    for (const [i, query] of queries.entries()) {
      const split = byQuarter.get(i);
      if (!split) {
        out.push(await query);
        await breathe();
        continue;
      }
      const rows: unknown[] = [];
      for (const q of [1, 2, 3, 4] as const) {
        rows.push(...(await split(quarterRange(year, q))));
        await breathe();
      }
      out.push(rows);
    }
    if (JSON.stringify(await queries[0]) === JSON.stringify(out[0])) return out as { [K in keyof T]: Awaited<T[K]> };
  }
  return (await db.batch(queries as never)) as { [K in keyof T]: Awaited<T[K]> };
}

/**
 * Live activities in a year from which the facts are read step by step on a blocking database: below
 * it the whole read is one batch of a few tens of milliseconds, and stepping would only add round
 * trips (measured: a 12-unit refresh took 2.5× as long stepped). A 120,000-activity year's largest
 * query alone took 220 ms.
 */
const STEP_FROM_ACTIVITIES = 20_000;

async function isLarge(db: TenantDb, live: SQL | undefined, from: number): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(activities).where(live);
  return (row?.n ?? 0) >= from;
}

export async function loadFacts(db: TenantDb, program: string | null, year: number, options: { blocking?: boolean; stepFromActivities?: number } = {}): Promise<LoadedFacts> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const scoped = (column: SQLiteColumn) => (program === null ? undefined : or(eq(column, program), isNull(column)));
  const projectDay = sql<string>`coalesce(${projects.startDate}, substr(${projects.createdAt}, 1, 10))`;
  const liveActivitiesIn = (range: Range) => and(isNull(activities.voidedAt), scoped(activities.program), gte(activities.date, range.from), lte(activities.date, range.to));
  const year_: Range = { from, to };

  const activityTotals = (range: Range) =>
    db
      .select({
        quarter: quarterOf(activities.date),
        kind: activities.kind,
        direction: activities.direction,
        count: count(),
        people: total(activities.people),
        quantity: total(activities.quantity),
        hours: total(activities.hours),
        amountFen: total(activities.amountFen),
        events: total(sql`max(1, ${activities.quantity})`),
      })
      .from(activities)
      .where(liveActivitiesIn(range))
      .groupBy(sql`1`, activities.kind, activities.direction);
  const placeActivities = (range: Range) =>
    db
      .select({
        quarter: quarterOf(activities.date),
        kind: activities.kind,
        areaCode: activities.areaCode,
        subUnitId: activities.subUnitId,
        direction: activities.direction,
        leaderLevel: activities.leaderLevel,
        count: count(),
      })
      .from(activities)
      .where(and(liveActivitiesIn(range), inArray(activities.kind, ["visit", "joint_meeting", "job_fair"])))
      .groupBy(sql`1`, activities.kind, activities.areaCode, activities.subUnitId, activities.direction, activities.leaderLevel);
  const pairActivities = (range: Range) =>
    db
      .select({
        quarter: quarterOf(activities.date),
        pairingId: activities.pairingId,
        subUnitId: activities.subUnitId,
        kind: activities.kind,
        direction: activities.direction,
        leader: sql<number>`${activities.leaderLevel} IS NOT NULL`.mapWith(Number),
        count: count(),
        people: total(activities.people),
        persons: total(sql`max(1, ${activities.people})`),
        events: total(sql`max(1, ${activities.quantity})`),
      })
      .from(activities)
      .where(and(liveActivitiesIn(range), or(isNotNull(activities.pairingId), isNotNull(activities.subUnitId))))
      .groupBy(sql`1`, activities.pairingId, activities.subUnitId, activities.kind, activities.direction, sql`6`);
  const queries = [
    db.select().from(dataVersions).where(inArray(dataVersions.year, [0, year])),
    activityTotals(year_),
    placeActivities(year_),
    pairActivities(year_),
    db
      .select({ documentType: activities.documentType, year: sql<number>`CAST(substr(${activities.date}, 1, 4) AS INTEGER)`.mapWith(Number), count: count() })
      .from(activities)
      .where(and(isNull(activities.voidedAt), scoped(activities.program), eq(activities.kind, "plan_document"), isNotNull(activities.documentType), lte(activities.date, to)))
      .groupBy(activities.documentType, sql`2`),
    db
      .select({
        quarter: quarterOf(activities.date),
        agreementYear: activities.agreementYear,
        areaCode: activities.areaCode,
        count: count(),
        // Those with a signed copy attached (a live attachment): a rule may count only these.
        signed: total(sql`(SELECT 1 FROM attachments x WHERE x.entity = 'activity' AND x.record_id = ${activities.id} AND x.voided_at IS NULL LIMIT 1)`),
      })
      .from(activities)
      .where(and(liveActivitiesIn(year_), eq(activities.kind, "agreement")))
      .groupBy(sql`1`, activities.agreementYear, activities.areaCode),
    db
      .select({
        quarter: quarterOf(funds.date),
        areaCode: funds.areaCode,
        allocatedFen: total(sql`CASE WHEN ${funds.kind} = 'allocation' THEN ${funds.amountFen} END`),
        allocatedProvinceFen: total(sql`CASE WHEN ${funds.kind} = 'allocation' AND ${funds.source} = 'province' THEN ${funds.amountFen} END`),
        disbursedFen: total(sql`CASE WHEN ${funds.kind} = 'disbursement' THEN ${funds.amountFen} END`),
        confirmedFen: total(sql`CASE WHEN ${funds.kind} = 'disbursement' AND ${recipientVerdicts.verdict} = 'confirmed' THEN ${funds.amountFen} END`),
        disputedFen: total(sql`CASE WHEN ${funds.kind} = 'disbursement' AND ${recipientVerdicts.verdict} = 'disputed' THEN ${funds.amountFen} END`),
        allocatedConfirmedFen: total(sql`CASE WHEN ${funds.kind} = 'allocation' AND ${recipientVerdicts.verdict} = 'confirmed' THEN ${funds.amountFen} END`),
        allocatedProvinceConfirmedFen: total(sql`CASE WHEN ${funds.kind} = 'allocation' AND ${funds.source} = 'province' AND ${recipientVerdicts.verdict} = 'confirmed' THEN ${funds.amountFen} END`),
        overrunFen: total(sql`CASE WHEN ${funds.kind} = 'disbursement' AND ${funds.overrun} THEN ${funds.amountFen} END`),
        donationsFen: total(sql`CASE WHEN ${funds.kind} = 'social_donation' THEN ${funds.amountFen} END`),
        investmentFen: total(sql`CASE WHEN ${funds.kind} = 'enterprise_investment' THEN ${funds.amountFen} END`),
        inFen: total(sql`CASE WHEN ${inArray(funds.kind, MONEY_IN)} THEN ${funds.amountFen} END`),
        grassrootsInFen: total(sql`CASE WHEN ${inArray(funds.kind, MONEY_IN)} AND ${funds.grassroots} THEN ${funds.amountFen} END`),
        count: count(),
      })
      .from(funds)
      // The recipient's standing counts only on the version it saw: a corrected record waits for it again.
      .leftJoin(recipientVerdicts, and(eq(recipientVerdicts.entity, "fund"), eq(recipientVerdicts.recordId, funds.id), eq(recipientVerdicts.recordVersion, funds.version)))
      .where(and(isNull(funds.voidedAt), scoped(funds.program), gte(funds.date, from), lte(funds.date, to)))
      .groupBy(sql`1`, funds.areaCode),
    db
      .select({
        quarter: quarterOf(funds.date),
        pairingId: projects.pairingId,
        areaCode: funds.areaCode,
        inFen: total(funds.amountFen),
        townLivelihoodFen: total(sql`CASE WHEN ${funds.source} = 'town' AND ${funds.grassroots} THEN ${funds.amountFen} END`),
      })
      .from(funds)
      .leftJoin(projects, and(eq(projects.id, funds.projectId), isNull(projects.voidedAt)))
      .where(
        and(
          isNull(funds.voidedAt),
          scoped(funds.program),
          gte(funds.date, from),
          lte(funds.date, to),
          inArray(funds.kind, MONEY_IN),
          or(isNotNull(projects.pairingId), eq(funds.source, "town")),
        ),
      )
      .groupBy(sql`1`, projects.pairingId, funds.areaCode),
    db
      .select({
        quarter: quarterOf(projectDay),
        areaCode: projects.areaCode,
        status: projects.status,
        category: projects.category,
        grassroots: projects.grassroots,
        count: count(),
        budgetFen: total(projects.budgetFen),
        beneficiaries: total(projects.beneficiaries),
        beneficiariesLifted: total(projects.beneficiariesLifted),
        // A completion the recipient confirmed, on the project's current version.
        confirmed: total(sql`CASE WHEN EXISTS (SELECT 1 FROM recipient_verdicts v WHERE v.entity = 'project' AND v.record_id = ${projects.id} AND v.record_version = ${projects.version} AND v.verdict = 'confirmed') THEN 1 END`),
      })
      .from(projects)
      .where(and(isNull(projects.voidedAt), scoped(projects.program), sql`${projectDay} BETWEEN ${from} AND ${to}`))
      .groupBy(sql`1`, projects.areaCode, projects.status, projects.category, projects.grassroots),
    db
      .select({
        level: cadres.level,
        hostAreaCode: cadres.hostAreaCode,
        startDate: cadres.startDate,
        plannedEndDate: cadres.plannedEndDate,
        actualEndDate: cadres.actualEndDate,
        status: cadres.status,
        count: count(),
        // In post, as the recipient confirmed (on the cadre's current version).
        confirmed: total(sql`CASE WHEN EXISTS (SELECT 1 FROM recipient_verdicts v WHERE v.entity = 'cadre' AND v.record_id = ${cadres.id} AND v.record_version = ${cadres.version} AND v.verdict = 'confirmed') THEN 1 END`),
      })
      .from(cadres)
      // Cadres whose term touches the year; the judge decides who was in post on which day.
      .where(and(isNull(cadres.voidedAt), scoped(cadres.program), lte(cadres.startDate, to), or(isNull(cadres.actualEndDate), gte(cadres.actualEndDate, from))))
      .groupBy(cadres.level, cadres.hostAreaCode, cadres.startDate, cadres.plannedEndDate, cadres.actualEndDate, cadres.status),
    db
      .select({
        id: pairings.id,
        kind: pairings.kind,
        counterpart: pairings.counterpart,
        subUnitId: pairings.subUnitId,
        areaCode: pairings.areaCode,
        startDate: pairings.startDate,
        endDate: pairings.endDate,
        demonstration: pairings.demonstration,
      })
      .from(pairings)
      .where(and(isNull(pairings.voidedAt), scoped(pairings.program), lte(pairings.startDate, to), or(isNull(pairings.endDate), gte(pairings.endDate, from))))
      .orderBy(pairings.startDate, pairings.id),
    db
      .select({ id: subUnits.id, name: subUnits.name, areaCode: sql<string>`${subUnits.areaCode}` })
      .from(subUnits)
      .where(and(isNull(subUnits.voidedAt), eq(subUnits.kind, "town"), isNotNull(subUnits.areaCode), sql`${subUnits.areaCode} <> ''`))
      .orderBy(subUnits.name),
    db
      .select({ quarter: submissions.quarter, status: submissions.status, submittedAt: submissions.submittedAt })
      .from(submissions)
      .where(and(isNull(submissions.voidedAt), eq(submissions.year, year), program === null ? undefined : eq(submissions.program, program)))
      .orderBy(submissions.quarter),
    db
      .select({ indicator: targets.indicator, target: targets.target, source: targets.source })
      .from(targets)
      .where(and(isNull(targets.voidedAt), eq(targets.year, year), program === null ? undefined : eq(targets.program, program)))
      .orderBy(targets.indicator),
  ] as const;
  // The queries over every activity of the year, by quarter: on a blocking database each is read one
  // quarter at a time (their rows are per quarter already, so the union is the same answer).
  const byQuarter = new Map<number, (range: Range) => PromiseLike<unknown[]>>([
    [1, activityTotals],
    [2, placeActivities],
    [3, pairActivities],
  ]);
  const [
    versionRows,
    activityRows,
    placeRows,
    pairActivityRows,
    planRows,
    agreementRows,
    fundAreaRows,
    fundPairRows,
    projectRows,
    cadreRows,
    pairingRows,
    townRows,
    submissionRows,
    targetRows,
  ] = options.blocking && (await isLarge(db, liveActivitiesIn(year_), options.stepFromActivities ?? STEP_FROM_ACTIVITIES)) ? await readSteadily(db, queries, byQuarter, year) : await db.batch(queries);

  const projectAreas = new Map<string, Facts["projectAreas"][number]>();
  const projectStatuses = new Map<string, Facts["projectStatuses"][number]>();
  const projectCategories = new Map<string, Facts["projectCategories"][number]>();
  for (const p of projectRows) {
    const area = projectAreas.get(`${p.quarter}/${p.areaCode}`) ?? { quarter: q(p.quarter), areaCode: p.areaCode, count: 0, grassroots: 0, budgetFen: 0, beneficiaries: 0, beneficiariesLifted: 0, confirmed: 0 };
    area.count += p.count;
    area.confirmed += p.confirmed;
    area.grassroots += p.grassroots ? p.count : 0;
    area.budgetFen += p.budgetFen;
    area.beneficiaries += p.beneficiaries;
    area.beneficiariesLifted += p.beneficiariesLifted;
    projectAreas.set(`${p.quarter}/${p.areaCode}`, area);
    const status = projectStatuses.get(`${p.quarter}/${p.status}`) ?? { quarter: q(p.quarter), status: p.status, count: 0 };
    status.count += p.count;
    projectStatuses.set(`${p.quarter}/${p.status}`, status);
    const category = projectCategories.get(`${p.quarter}/${p.category}`) ?? { quarter: q(p.quarter), category: p.category, count: 0 };
    category.count += p.count;
    projectCategories.set(`${p.quarter}/${p.category}`, category);
  }

  const facts: Facts = {
    shape: FACTS_VERSION,
    year,
    program,
    activities: activityRows.map((a) => ({ ...a, quarter: q(a.quarter) })),
    placeActivities: placeRows.map((a) => ({ ...a, quarter: q(a.quarter), kind: a.kind as PlaceActivityFact["kind"] })),
    pairActivities: pairActivityRows.map((a) => ({ ...a, quarter: q(a.quarter), leader: a.leader === 1 })),
    planDocuments: planRows.map((d) => ({ documentType: d.documentType!, year: d.year, count: d.count })),
    agreements: agreementRows.map((a) => ({ ...a, quarter: q(a.quarter) })),
    fundAreas: fundAreaRows.map((f) => ({ ...f, quarter: q(f.quarter) })),
    fundPairs: fundPairRows.map((f) => ({ ...f, quarter: q(f.quarter) })),
    projectAreas: [...projectAreas.values()],
    projectStatuses: [...projectStatuses.values()],
    projectCategories: [...projectCategories.values()],
    cadres: cadreRows,
    pairings: pairingRows,
    towns: townRows,
    submissions: submissionRows,
    targets: targetRows,
  };
  const versions: DataVersions = { "0": 0, [String(year)]: 0 };
  for (const v of versionRows) versions[String(v.year)] = v.version;
  return { facts, versions };
}
