/**
 * The records behind a rule's figure, read on demand and paged: the rule says which records count
 * (an EvidenceQuery), this turns it into one indexed query on the tenant database. Ordered by date
 * then id with a keyset cursor, so a page costs the same on the first and the thousandth.
 *
 * The query is a list of named predicates (src/figures/evidence-plan.ts): a record counts when all
 * hold. The same list answers the other question people ask — which of the unit's records near the
 * filter do not count, and why — by naming the predicates a record fails.
 */
import { and, asc, sql } from "drizzle-orm";
import type { EvidenceQuery } from "../rules/types";
import type { TenantDb } from "../services";
import { planFor, type EvidenceNames, type Reason } from "./evidence-plan";
import { addDays, type PeriodContext } from "../periods/period";

export type { EvidenceNames, Reason, ReasonCode } from "./evidence-plan";

export interface EvidenceItem {
  entity: EvidenceQuery["entity"];
  id: string;
  date: string | null;
  label: string;
  /** The figure the record contributes (fen, person-times, quantity), when it has one. */
  value: number | null;
}

/** A record that does not count, with every predicate it fails. */
export interface NotCountedItem extends EvidenceItem {
  reasons: Reason[];
}

export interface EvidencePage<T = EvidenceItem> {
  items: T[];
  nextCursor: string | null;
}

/** How far outside the rule's window a record is still "near" it (a meeting held on 30 December). */
const NEAR_DAYS = 31;

function decode(cursor: string | undefined, parts: number): string[] | null {
  if (!cursor) return null;
  const values = cursor.split("|");
  return values.length === parts ? values : null;
}

function page<T extends { id: string }>(rows: (T & { _key: string | number | null; _fails?: number })[], limit: number): EvidencePage<T> {
  const more = rows.length > limit;
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1];
  const nextCursor = more && last ? [...(last._fails !== undefined ? [last._fails] : []), last._key ?? "", last.id].join("|") : null;
  return { items: kept.map(({ _key, _fails, ...item }) => item as unknown as T), nextCursor };
}

/** The records that count toward a rule: every predicate of its query holds. */
export async function readEvidence(db: TenantDb, program: string, q: EvidenceQuery, paging: { cursor?: string; limit: number }, names: EvidenceNames): Promise<EvidencePage> {
  const plan = planFor(q, program);
  const cursor = decode(paging.cursor, 2);
  const after = cursor ? sql`(${plan.key} > ${cursor[0]} OR (${plan.key} = ${cursor[0]} AND ${plan.id} > ${cursor[1]}))` : undefined;
  const rows = await db
    .select({ ...plan.show, _key: plan.key })
    .from(plan.table)
    .where(and(...plan.predicates.map((p) => p.cond), after))
    .orderBy(asc(plan.key), asc(plan.id))
    .limit(paging.limit + 1);
  return page(
    rows.map((r) => ({ ...plan.item(r, names), _key: r._key as string })),
    paging.limit,
  );
}

/**
 * The unit's records of the same kind near the filter that do NOT count, each with the predicates
 * it fails: dated records within a month either side of the rule's window (or the period's, when
 * the rule has none), undated ones (pairings, cadres) all, submissions of the year and the next
 * and previous. Nearest misses first (fewest failed predicates), then by date; paged by cursor.
 *
 * @param visiblePrograms for a reader scoped to some programs (a coordinator), records of other
 *   programs are not shown at all; null shows them, with "属于其他计划".
 */
export async function readNotCounted(db: TenantDb, program: string, q: EvidenceQuery, period: Pick<PeriodContext, "from" | "to" | "year">, visiblePrograms: readonly string[] | null, paging: { cursor?: string; limit: number }, names: EvidenceNames): Promise<EvidencePage<NotCountedItem>> {
  const plan = planFor(q, program);
  const oks = plan.predicates.map((p) => sql<number>`coalesce((${p.cond}), 0)`);
  const fails = sql<number>`(${plan.predicates.length} - (${sql.join(oks, sql` + `)}))`;
  const near =
    plan.near === "day"
      ? sql`${plan.day} BETWEEN ${addDays(q.from ?? period.from, -NEAR_DAYS)} AND ${addDays(q.to ?? period.to, NEAR_DAYS)}`
      : plan.near === "year"
        ? sql`${plan.year} BETWEEN ${(q.year ?? period.year) - 1} AND ${(q.year ?? period.year) + 1}`
        : undefined;
  const seen = visiblePrograms === null ? undefined : visiblePrograms.length ? sql`(${plan.program} IS NULL OR ${plan.program} IN (${sql.join(visiblePrograms.map((p) => sql`${p}`), sql`, `)}))` : sql`${plan.program} IS NULL`;
  // A cursor is "failures|key|id"; one whose count is not a number is no cursor (the first page).
  const decoded = decode(paging.cursor, 3);
  const cursor = decoded && /^\d+$/.test(decoded[0]!) ? decoded : null;
  const after = cursor
    ? sql`(${fails} > ${Number(cursor[0])} OR (${fails} = ${Number(cursor[0])} AND (${plan.key} > ${cursor[1]} OR (${plan.key} = ${cursor[1]} AND ${plan.id} > ${cursor[2]}))))`
    : undefined;
  const probes = Object.fromEntries(plan.predicates.flatMap((p, i) => [[`_ok${i}`, oks[i]!], [`_v${i}`, sql`${p.actual}`]]));
  const rows = await db
    .select({ ...plan.show, ...probes, _key: plan.key, _fails: fails })
    .from(plan.table)
    .where(and(near, seen, sql`${fails} > 0`, after))
    .orderBy(asc(fails), asc(plan.key), asc(plan.id))
    .limit(paging.limit + 1);
  return page(
    rows.map((r) => {
      const row = r as Record<string, unknown>;
      const reasons = plan.predicates
        .map((p, i) => ({ p, ok: Number(row[`_ok${i}`]) === 1, actual: row[`_v${i}`] }))
        .filter((x) => !x.ok)
        .map(({ p, actual }): Reason => ({ code: p.code, actual: actual === null || actual === undefined ? null : typeof actual === "number" ? actual : String(actual), expected: [...p.expected] }));
      return { ...plan.item(r, names), reasons, _key: r._key as string, _fails: Number(r._fails) };
    }),
    paging.limit,
  );
}
