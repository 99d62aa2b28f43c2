/**
 * Which memberships count for a period: those in force on any day of its window (1 January to the end
 * of its quarter or year) — a membership that ended before the window does not count, one that begins
 * after it does not yet. Every figure's reading of the structure goes through here.
 */
import { and, isNull, lte, gte, or, sql, type SQL } from "drizzle-orm";
import { groupMembers } from "../../db/platform/schema";
import { periodWindow, type Period } from "../periods/period";

/** For raw SQL over `group_members` under an alias (default `gm`). */
export function inForceSql(period: Period, alias = "gm"): SQL {
  const { from, to } = periodWindow(period);
  const a = sql.raw(alias);
  return sql`(${a}.effective_from IS NULL OR ${a}.effective_from <= ${to}) AND (${a}.effective_to IS NULL OR ${a}.effective_to >= ${from})`;
}

/** A program's member units in the period (memberships in force during it), as a SQL subquery of `unit`. */
export function membersInForce(program: string, period: Period): SQL {
  return sql`SELECT DISTINCT gm.unit AS unit FROM group_members gm JOIN groups g ON g.id = gm.group_id WHERE g.program = ${program} AND ${inForceSql(period)}`;
}

/** For drizzle queries over `groupMembers`. */
export function inForce(period: Period): SQL {
  const { from, to } = periodWindow(period);
  return and(or(isNull(groupMembers.effectiveFrom), lte(groupMembers.effectiveFrom, to)), or(isNull(groupMembers.effectiveTo), gte(groupMembers.effectiveTo, from)))!;
}
