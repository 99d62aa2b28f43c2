/**
 * Which memberships count for a period: those in force on any day of its window (1 January to the end
 * of its quarter or year) — a membership that ended before the window does not count, one that begins
 * after it does not yet. Every figure's reading of the structure goes through here.
 */
import { and, eq, gte, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { groupCounties, groupMembers, groups } from "../../db/platform/schema";
import { periodWindow, type Period } from "../periods/period";
import type { GroupArea } from "../rules/types";
import type { Services } from "../services";
import { inSlices } from "./store";

/** For raw SQL over `group_members` under an alias (default `gm`). */
export function inForceSql(period: Period, alias = "gm"): SQL {
  const { from, to } = periodWindow(period);
  const a = sql.raw(alias);
  return sql`(${a}.effective_from IS NULL OR ${a}.effective_from <= ${to}) AND (${a}.effective_to IS NULL OR ${a}.effective_to >= ${from})`;
}

/**
 * A program's units in the period, as a SQL subquery of `unit`: its groups' members in force during it,
 * and the units taking part without a pairing (program_participants) then.
 */
export function membersInForce(program: string, period: Period): SQL {
  return sql`SELECT gm.unit AS unit FROM group_members gm JOIN groups g ON g.id = gm.group_id WHERE g.program = ${program} AND ${inForceSql(period)}
    UNION SELECT pp.unit AS unit FROM program_participants pp WHERE pp.program = ${program} AND ${inForceSql(period, "pp")}`;
}

/** For drizzle queries over a table with effective days (`groupMembers`, `programParticipants`). */
export function inForceOf(table: { effectiveFrom: AnySQLiteColumn; effectiveTo: AnySQLiteColumn }, period: Period): SQL {
  const { from, to } = periodWindow(period);
  return and(or(isNull(table.effectiveFrom), lte(table.effectiveFrom, to)), or(isNull(table.effectiveTo), gte(table.effectiveTo, from)))!;
}

/** For drizzle queries over `groupMembers`. */
export const inForce = (period: Period): SQL => inForceOf(groupMembers, period);

/**
 * Some units' groups in a program, in force during the period, with each membership's days — the one
 * reading of a unit's place in the structure that every judgement uses. A unit that left a group and
 * joined it again within the period has the area once, from its first day to its last, with the role of
 * its latest stay (a lead that moved on 1 July is a member, and the new lead the lead, by year end).
 */
export async function membershipsOf(services: Services, program: string, period: Period, slugs: readonly string[]): Promise<Map<string, GroupArea[]>> {
  const rows = await inSlices(slugs, (slice) =>
    services.platform
      .select({ unit: groupMembers.unit, groupId: groups.id, areaCode: groups.areaCode, basis: groups.basis, role: groupMembers.role, from: groupMembers.effectiveFrom, to: groupMembers.effectiveTo })
      .from(groupMembers)
      .innerJoin(groups, eq(groups.id, groupMembers.groupId))
      .where(and(eq(groups.program, program), inArray(groupMembers.unit, slice), inForce(period)))
      .orderBy(groups.areaCode, groupMembers.effectiveFrom),
  );
  const counties = await registeredCounties(services, [...new Set(rows.map((r) => r.groupId))]);
  const out = new Map<string, GroupArea[]>();
  for (const r of rows) {
    const areas = out.get(r.unit) ?? out.set(r.unit, []).get(r.unit)!;
    const same = areas.find((a) => a.areaCode === r.areaCode);
    if (!same) areas.push({ areaCode: r.areaCode, role: r.role, basis: r.basis, from: r.from, to: r.to, counties: counties.get(r.groupId) ?? [] });
    else {
      same.role = r.role; // rows come in order of their start: the latest stay's role is the unit's role now
      same.from = same.from === null || r.from === null ? null : same.from! < r.from ? same.from : r.from;
      same.to = same.to === null || r.to === null ? null : same.to! > r.to ? same.to : r.to;
    }
  }
  return out;
}

/** The counties registered for some groups (a prefecture's, src/routes/programs/counties.ts), by group. */
export async function registeredCounties(services: Services, groupIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (groupIds.length === 0) return out;
  const rows = await services.platform.select().from(groupCounties).where(inArray(groupCounties.groupId, [...groupIds])).orderBy(groupCounties.areaCode);
  for (const r of rows) (out.get(r.groupId) ?? out.set(r.groupId, []).get(r.groupId)!).push(r.areaCode);
  return out;
}
