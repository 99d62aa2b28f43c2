/**
 * The records behind a rule's figure, read on demand and paged: the rule says which records count
 * (an EvidenceQuery), this turns it into one indexed query on the tenant database. Ordered by date
 * then id with a keyset cursor, so a page costs the same on the first and the thousandth.
 */
import { and, asc, eq, gt, gte, inArray, isNotNull, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { activities, cadres, funds, pairings, projects, submissions } from "../../db/tenant/schema";
import type { EvidenceQuery } from "../rules/types";
import type { TenantDb } from "../services";

export interface EvidenceItem {
  entity: EvidenceQuery["entity"];
  id: string;
  date: string | null;
  label: string;
  /** The figure the record contributes (fen, person-times, quantity), when it has one. */
  value: number | null;
}

export interface EvidencePage {
  items: EvidenceItem[];
  nextCursor: string | null;
}

const areaIn = (column: SQLiteColumn, prefixes: readonly string[] | undefined): SQL | undefined =>
  prefixes === undefined ? undefined : prefixes.length === 0 ? sql`0` : or(...prefixes.map((p) => sql`substr(${column}, 1, ${p.length}) = ${p}`));
const scoped = (column: SQLiteColumn, program: string) => or(eq(column, program), isNull(column));
const after = (date: SQLiteColumn | SQL, id: SQLiteColumn, cursor: { date: string; id: string } | null) =>
  cursor ? sql`(${date} > ${cursor.date} OR (${date} = ${cursor.date} AND ${id} > ${cursor.id}))` : undefined;

function decode(cursor: string | undefined): { date: string; id: string } | null {
  if (!cursor) return null;
  const [date = "", id = ""] = cursor.split("|");
  return { date, id };
}

export async function readEvidence(db: TenantDb, program: string, q: EvidenceQuery, page: { cursor?: string; limit: number }): Promise<EvidencePage> {
  const cursor = decode(page.cursor);
  const limit = page.limit + 1;
  let rows: EvidenceItem[];
  switch (q.entity) {
    case "activity": {
      const pairingIds = q.pairingKinds ? db.select({ id: pairings.id }).from(pairings).where(and(isNull(pairings.voidedAt), inArray(pairings.kind, q.pairingKinds as never[]))) : undefined;
      const found = await db
        .select({ id: activities.id, date: activities.date, title: activities.title, people: activities.people, quantity: activities.quantity })
        .from(activities)
        .where(
          and(
            isNull(activities.voidedAt),
            scoped(activities.program, program),
            q.from ? gte(activities.date, q.from) : undefined,
            q.to ? lte(activities.date, q.to) : undefined,
            q.kinds ? inArray(activities.kind, q.kinds as never[]) : undefined,
            q.direction ? eq(activities.direction, q.direction) : undefined,
            q.leaderLevel ? eq(activities.leaderLevel, q.leaderLevel) : undefined,
            areaIn(activities.areaCode, q.areaPrefixes),
            q.agreementYear !== undefined ? eq(activities.agreementYear, q.agreementYear) : undefined,
            pairingIds ? and(isNotNull(activities.pairingId), inArray(activities.pairingId, pairingIds)) : undefined,
            after(activities.date, activities.id, cursor),
          ),
        )
        .orderBy(asc(activities.date), asc(activities.id))
        .limit(limit);
      rows = found.map((a) => ({ entity: "activity", id: a.id, date: a.date, label: a.title, value: a.people || a.quantity || null }));
      break;
    }
    case "fund": {
      const pairingProjects = q.pairingKinds
        ? db.select({ id: projects.id }).from(projects).innerJoin(pairings, eq(pairings.id, projects.pairingId)).where(and(isNull(projects.voidedAt), inArray(pairings.kind, q.pairingKinds as never[])))
        : undefined;
      const found = await db
        .select({ id: funds.id, date: funds.date, kind: funds.kind, source: funds.source, areaCode: funds.areaCode, amountFen: funds.amountFen, grassroots: funds.grassroots })
        .from(funds)
        .where(
          and(
            isNull(funds.voidedAt),
            scoped(funds.program, program),
            q.from ? gte(funds.date, q.from) : undefined,
            q.to ? lte(funds.date, q.to) : undefined,
            q.kinds ? inArray(funds.kind, q.kinds as never[]) : undefined,
            q.source ? eq(funds.source, q.source as never) : undefined,
            q.grassroots !== undefined ? eq(funds.grassroots, q.grassroots) : undefined,
            areaIn(funds.areaCode, q.areaPrefixes),
            pairingProjects ? inArray(funds.projectId, pairingProjects) : undefined,
            after(funds.date, funds.id, cursor),
          ),
        )
        .orderBy(asc(funds.date), asc(funds.id))
        .limit(limit);
      rows = found.map((f) => ({ entity: "fund", id: f.id, date: f.date, label: `${f.kind} ${f.source} ${f.areaCode}${f.grassroots ? " 基层/民生" : ""}`, value: f.amountFen }));
      break;
    }
    case "project": {
      const day = sql<string>`coalesce(${projects.startDate}, substr(${projects.createdAt}, 1, 10))`;
      const found = await db
        .select({ id: projects.id, date: day, title: projects.title, grassroots: projects.grassroots })
        .from(projects)
        .where(and(isNull(projects.voidedAt), scoped(projects.program, program), q.from ? sql`${day} >= ${q.from}` : undefined, q.to ? sql`${day} <= ${q.to}` : undefined, areaIn(projects.areaCode, q.areaPrefixes), after(day, projects.id, cursor)))
        .orderBy(asc(day), asc(projects.id))
        .limit(limit);
      rows = found.map((p) => ({ entity: "project", id: p.id, date: p.date, label: `${p.title}${p.grassroots ? " 基层/民生" : ""}`, value: p.grassroots ? 1 : 0 }));
      break;
    }
    case "pairing": {
      const found = await db
        .select({ id: pairings.id, date: pairings.startDate, counterpart: pairings.counterpart, demonstration: pairings.demonstration })
        .from(pairings)
        .where(
          and(
            isNull(pairings.voidedAt),
            scoped(pairings.program, program),
            q.kinds ? inArray(pairings.kind, q.kinds as never[]) : undefined,
            q.inPostOn ? and(lte(pairings.startDate, q.inPostOn), or(isNull(pairings.endDate), gte(pairings.endDate, q.inPostOn))) : undefined,
            after(pairings.startDate, pairings.id, cursor),
          ),
        )
        .orderBy(asc(pairings.startDate), asc(pairings.id))
        .limit(limit);
      rows = found.map((p) => ({ entity: "pairing", id: p.id, date: p.date, label: `${p.counterpart}${p.demonstration ? "（示范）" : ""}`, value: null }));
      break;
    }
    case "cadre": {
      // Post, host area and term only: a cadre's name and personal fields are never evidence.
      const found = await db
        .select({ id: cadres.id, date: cadres.plannedEndDate, post: cadres.post, hostAreaCode: cadres.hostAreaCode, startDate: cadres.startDate })
        .from(cadres)
        .where(
          and(
            isNull(cadres.voidedAt),
            scoped(cadres.program, program),
            q.inPostOn ? and(lte(cadres.startDate, q.inPostOn), or(and(isNull(cadres.actualEndDate), eq(cadres.status, "in_post")), gt(cadres.actualEndDate, q.inPostOn))) : undefined,
            q.endsBy ? lte(cadres.plannedEndDate, q.endsBy) : undefined,
            after(cadres.plannedEndDate, cadres.id, cursor),
          ),
        )
        .orderBy(asc(cadres.plannedEndDate), asc(cadres.id))
        .limit(limit);
      rows = found.map((c) => ({ entity: "cadre", id: c.id, date: c.date, label: `${c.post} ${c.hostAreaCode} ${c.startDate}—${c.date}`, value: null }));
      break;
    }
    case "submission": {
      const found = await db
        .select({ id: submissions.id, quarter: submissions.quarter, status: submissions.status, submittedAt: submissions.submittedAt })
        .from(submissions)
        .where(and(isNull(submissions.voidedAt), eq(submissions.program, program), q.year !== undefined ? eq(submissions.year, q.year) : undefined))
        .orderBy(asc(submissions.quarter))
        .limit(limit);
      rows = found.map((s) => ({ entity: "submission", id: s.id, date: s.submittedAt?.slice(0, 10) ?? null, label: `Q${s.quarter} ${s.status}`, value: null }));
      break;
    }
  }
  const more = rows.length > page.limit;
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: more && last ? `${last.date ?? ""}|${last.id}` : null };
}
