/**
 * An EvidenceQuery as named predicates over one ledger table. A record counts when every predicate
 * holds; one that does not count is explained by the predicates it fails, each with the record's
 * own value (`actual`) and what the rule asks (`expected`) — the codes src/figures/not-counted-words.ts
 * turns into words. One list, so "what counts" and "why this does not" cannot drift apart.
 */
import { and, eq, gte, inArray, isNotNull, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { activities, cadres, funds, pairings, projects, submissions } from "../../db/tenant/schema";
import { FUND_KIND_LABELS, FUND_SOURCE_LABELS } from "../ledger/resources/funds";
import { SUBMISSION_STATUS_LABELS } from "../ledger/resources/submissions";
import type { EvidenceQuery } from "../rules/types";
import type { EvidenceItem } from "./evidence";

export type ReasonCode =
  | "voided"
  | "program"
  | "window"
  | "kind"
  | "direction"
  | "leader_level"
  | "area"
  | "agreement_year"
  | "document_type"
  | "pairing_kind"
  | "source"
  | "grassroots"
  | "in_force"
  | "in_post"
  | "ends_by"
  | "year";

/** Why a record does not count: the predicate it fails, its own value and what the rule asks. */
export interface Reason {
  code: ReasonCode;
  actual: string | number | null;
  expected: (string | number)[];
}

type Value = SQLiteColumn | SQL;
type FundKind = keyof typeof FUND_KIND_LABELS;
type FundSource = keyof typeof FUND_SOURCE_LABELS;

export interface Predicate {
  code: ReasonCode;
  cond: SQL;
  actual: Value;
  expected: readonly (string | number)[];
}

/** Names for the codes a record holds (the directory's, which the tenant database does not have). */
export interface EvidenceNames {
  area(code: string): string;
}

export interface Plan {
  table: SQLiteTable;
  id: SQLiteColumn;
  /** The sort key of the keyset cursor (a day, or year-quarter for submissions). */
  key: Value;
  program: SQLiteColumn;
  /** How "near the filter" is bounded for the not-counted list: by day, by year, or not at all (few rows). */
  near: "day" | "year" | "none";
  day?: Value;
  year?: Value;
  show: Record<string, Value>;
  /** The record as a person reads it; `names` turns the codes it holds into names. */
  item(row: Record<string, unknown>, names: EvidenceNames): EvidenceItem;
  predicates: Predicate[];
}

const areaIn = (column: SQLiteColumn, prefixes: readonly string[]): SQL =>
  prefixes.length === 0 ? sql`0` : (or(...prefixes.map((p) => sql`substr(${column}, 1, ${p.length}) = ${p}`)) as SQL);
const scoped = (column: SQLiteColumn, program: string) => or(eq(column, program), isNull(column)) as SQL;
const day10 = (column: SQLiteColumn) => sql`substr(${column}, 1, 10)`;
const within = (column: Value, from: string | undefined, to: string | undefined) => and(from ? gte(column as SQLiteColumn, from) : undefined, to ? lte(column as SQLiteColumn, to) : undefined) as SQL;

/** The predicates every entity shares: not voided, of the program (or of none). */
function common(table: { voidedAt: SQLiteColumn; program: SQLiteColumn }, program: string, exact = false): Predicate[] {
  return [
    { code: "voided", cond: isNull(table.voidedAt), actual: day10(table.voidedAt), expected: [] },
    { code: "program", cond: exact ? eq(table.program, program) : scoped(table.program, program), actual: table.program, expected: [program] },
  ];
}

/** Only the predicates the query sets: an absent filter is no predicate. */
function present(list: (Predicate | false | "" | undefined)[]): Predicate[] {
  return list.filter((p): p is Predicate => Boolean(p));
}

function windowOf(q: EvidenceQuery, column: Value): Predicate | undefined {
  return q.from || q.to ? { code: "window", cond: within(column, q.from, q.to), actual: column, expected: [q.from ?? "", q.to ?? ""] } : undefined;
}

function activityPlan(q: EvidenceQuery, program: string): Plan {
  const a = activities;
  const pairingKind = sql`(SELECT ${pairings.kind} FROM ${pairings} WHERE ${pairings.id} = ${a.pairingId} AND ${pairings.voidedAt} IS NULL)`;
  return {
    table: a,
    id: a.id,
    key: a.date,
    program: a.program,
    near: "day",
    day: a.date,
    show: { id: a.id, date: a.date, title: a.title, people: a.people, quantity: a.quantity },
    item: (r) => ({ entity: "activity", id: String(r.id), date: r.date as string, label: String(r.title), value: Number(r.people) || Number(r.quantity) || null }),
    predicates: present([
      ...common(a, program),
      windowOf(q, a.date),
      q.kinds && { code: "kind", cond: inArray(a.kind, q.kinds as never[]), actual: a.kind, expected: [...q.kinds] },
      q.direction && { code: "direction", cond: eq(a.direction, q.direction), actual: a.direction, expected: [q.direction] },
      q.leaderLevel && { code: "leader_level", cond: eq(a.leaderLevel, q.leaderLevel), actual: a.leaderLevel, expected: [q.leaderLevel] },
      q.areaPrefixes && { code: "area", cond: areaIn(a.areaCode, q.areaPrefixes), actual: a.areaCode, expected: [...q.areaPrefixes] },
      q.agreementYear !== undefined && { code: "agreement_year", cond: eq(a.agreementYear, q.agreementYear), actual: a.agreementYear, expected: [q.agreementYear] },
      q.documentTypes && { code: "document_type", cond: inArray(a.documentType, q.documentTypes as never[]), actual: a.documentType, expected: [...q.documentTypes] },
      q.pairingKinds && {
        code: "pairing_kind",
        cond: and(isNotNull(a.pairingId), sql`${pairingKind} IN (${sql.join(q.pairingKinds.map((k) => sql`${k}`), sql`, `)})`) as SQL,
        actual: pairingKind,
        expected: [...q.pairingKinds],
      },
    ]),
  };
}

function fundPlan(q: EvidenceQuery, program: string): Plan {
  const f = funds;
  const pairingKind = sql`(SELECT ${pairings.kind} FROM ${projects} JOIN ${pairings} ON ${pairings.id} = ${projects.pairingId} WHERE ${projects.id} = ${f.projectId} AND ${projects.voidedAt} IS NULL)`;
  return {
    table: f,
    id: f.id,
    key: f.date,
    program: f.program,
    near: "day",
    day: f.date,
    show: { id: f.id, date: f.date, kind: f.kind, source: f.source, areaCode: f.areaCode, amountFen: f.amountFen, grassroots: f.grassroots },
    item: (r) => ({ entity: "fund", id: String(r.id), date: r.date as string, label: `${FUND_KIND_LABELS[r.kind as FundKind] ?? String(r.kind)}（${FUND_SOURCE_LABELS[r.source as FundSource] ?? String(r.source)}）${r.grassroots ? " 基层/民生" : ""}`, value: Number(r.amountFen) }),
    predicates: present([
      ...common(f, program),
      windowOf(q, f.date),
      q.kinds && { code: "kind", cond: inArray(f.kind, q.kinds as never[]), actual: f.kind, expected: [...q.kinds] },
      q.source && { code: "source", cond: eq(f.source, q.source as never), actual: f.source, expected: [q.source] },
      q.grassroots !== undefined && { code: "grassroots", cond: eq(f.grassroots, q.grassroots), actual: f.grassroots, expected: [q.grassroots ? 1 : 0] },
      q.areaPrefixes && { code: "area", cond: areaIn(f.areaCode, q.areaPrefixes), actual: f.areaCode, expected: [...q.areaPrefixes] },
      q.pairingKinds && { code: "pairing_kind", cond: sql`${pairingKind} IN (${sql.join(q.pairingKinds.map((k) => sql`${k}`), sql`, `)})`, actual: pairingKind, expected: [...q.pairingKinds] },
    ]),
  };
}

function projectPlan(q: EvidenceQuery, program: string): Plan {
  const p = projects;
  const day = sql<string>`coalesce(${p.startDate}, substr(${p.createdAt}, 1, 10))`;
  return {
    table: p,
    id: p.id,
    key: day,
    program: p.program,
    near: "day",
    day,
    show: { id: p.id, date: day, title: p.title, grassroots: p.grassroots },
    item: (r) => ({ entity: "project", id: String(r.id), date: r.date as string, label: `${String(r.title)}${r.grassroots ? " 基层/民生" : ""}`, value: r.grassroots ? 1 : 0 }),
    predicates: present([...common(p, program), windowOf(q, day), q.areaPrefixes && { code: "area", cond: areaIn(p.areaCode, q.areaPrefixes), actual: p.areaCode, expected: [...q.areaPrefixes] }]),
  };
}

function pairingPlan(q: EvidenceQuery, program: string): Plan {
  const p = pairings;
  return {
    table: p,
    id: p.id,
    key: p.startDate,
    program: p.program,
    near: "none",
    show: { id: p.id, date: p.startDate, counterpart: p.counterpart, demonstration: p.demonstration },
    item: (r) => ({ entity: "pairing", id: String(r.id), date: r.date as string, label: `${String(r.counterpart)}${r.demonstration ? "（示范）" : ""}`, value: null }),
    predicates: present([
      ...common(p, program),
      q.kinds && { code: "kind", cond: inArray(p.kind, q.kinds as never[]), actual: p.kind, expected: [...q.kinds] },
      q.inPostOn && { code: "in_force", cond: and(lte(p.startDate, q.inPostOn), or(isNull(p.endDate), gte(p.endDate, q.inPostOn))) as SQL, actual: sql`${p.startDate} || '—' || coalesce(${p.endDate}, '')`, expected: [q.inPostOn] },
    ]),
  };
}

function cadrePlan(q: EvidenceQuery, program: string): Plan {
  const c = cadres;
  // Post, host area and term only: a cadre's name and personal fields are never evidence.
  return {
    table: c,
    id: c.id,
    key: c.plannedEndDate,
    program: c.program,
    near: "none",
    show: { id: c.id, date: c.plannedEndDate, post: c.post, hostAreaCode: c.hostAreaCode, startDate: c.startDate },
    item: (r, names) => ({ entity: "cadre", id: String(r.id), date: r.date as string, label: `${String(r.post)} ${names.area(String(r.hostAreaCode))} ${String(r.startDate)}—${String(r.date)}`, value: null }),
    predicates: present([
      ...common(c, program),
      q.inPostOn && {
        code: "in_post",
        cond: and(lte(c.startDate, q.inPostOn), or(and(isNull(c.actualEndDate), eq(c.status, "in_post")), sql`${c.actualEndDate} > ${q.inPostOn}`)) as SQL,
        actual: sql`${c.startDate} || '—' || coalesce(${c.actualEndDate}, '')`,
        expected: [q.inPostOn],
      },
      q.endsBy && { code: "ends_by", cond: lte(c.plannedEndDate, q.endsBy), actual: c.plannedEndDate, expected: [q.endsBy] },
    ]),
  };
}

function submissionPlan(q: EvidenceQuery, program: string): Plan {
  const s = submissions;
  const key = sql<string>`printf('%04d-Q%d', ${s.year}, ${s.quarter})`;
  return {
    table: s,
    id: s.id,
    key,
    program: s.program,
    near: "year",
    year: s.year,
    show: { id: s.id, year: s.year, quarter: s.quarter, status: s.status, submittedAt: s.submittedAt },
    item: (r) => ({
      entity: "submission",
      id: String(r.id),
      date: (r.submittedAt as string | null)?.slice(0, 10) ?? null,
      label: `${String(r.year)}年第${String(r.quarter)}季度 ${SUBMISSION_STATUS_LABELS[r.status as keyof typeof SUBMISSION_STATUS_LABELS] ?? String(r.status)}`,
      value: null,
    }),
    predicates: present([...common(s, program, true), q.year !== undefined && { code: "year", cond: eq(s.year, q.year), actual: s.year, expected: [q.year] }]),
  };
}

/** The plan of one query: its table, what a row shows, and its predicates. */
export function planFor(q: EvidenceQuery, program: string): Plan {
  switch (q.entity) {
    case "activity":
      return activityPlan(q, program);
    case "fund":
      return fundPlan(q, program);
    case "project":
      return projectPlan(q, program);
    case "pairing":
      return pairingPlan(q, program);
    case "cadre":
      return cadrePlan(q, program);
    case "submission":
      return submissionPlan(q, program);
  }
}
