/** Queries over programs and their groups. */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { groupCounties, groupMembers, groups, programParticipants, programs, units } from "../../db/platform/schema";
import type { PlatformDb } from "../services";
import { areaLabels, type AreaLabel } from "./areas";
import { inForce, inForceOf } from "../figures/in-force";
import { today, type Period } from "../periods/period";

/** The id of a group: one per program and recipient area. */
export function groupId(program: string, areaCode: string): string {
  return `${program}:${areaCode}`;
}

export type ProgramRow = typeof programs.$inferSelect;

export interface ProgramSummary extends Omit<ProgramRow, "createdAt" | "rulesVersion" | "structureVersion"> {
  groupCount: number;
  unitCount: number;
}

export interface GroupView {
  id: string;
  program: string;
  area: AreaLabel;
  clause: string;
  basis: "pairing" | "support" | "funds";
  version: number;
  /** A prefecture's registered counties (where the document binds each county but names none). */
  counties: AreaLabel[];
  lead: { slug: string; name: string } | null;
  /** Every stay of every unit (a unit that left and joined again has two), in the document's order. */
  members: { id: number; slug: string; name: string; role: "lead" | "member"; effectiveFrom: string | null; effectiveTo: string | null; version: number }[];
}

/** A unit taking part in a program without a pairing (the Gannan document's 牵头部门). */
export interface ParticipantView {
  id: number;
  program: string;
  slug: string;
  name: string;
  role: "coordinating";
  clause: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  version: number;
}

/** Every program with its number of groups and distinct units, in start-year order. */
export async function listPrograms(db: PlatformDb): Promise<ProgramSummary[]> {
  const rows = await db
    .select({
      slug: programs.slug,
      name: programs.name,
      nameEn: programs.nameEn,
      document: programs.document,
      docNumber: programs.docNumber,
      startYear: programs.startYear,
      endYear: programs.endYear,
      coordinator: programs.coordinator,
      cadreTermMonths: programs.cadreTermMonths,
      version: programs.version,
      groupCount: sql<number>`(SELECT COUNT(*) FROM ${groups} WHERE ${groups.program} = ${programs.slug})`,
      unitCount: sql<number>`(SELECT COUNT(*) FROM (SELECT gm.unit FROM group_members gm JOIN groups g ON g.id = gm.group_id WHERE g.program = ${programs.slug} UNION SELECT pp.unit FROM program_participants pp WHERE pp.program = ${programs.slug}))`,
    })
    .from(programs)
    .orderBy(asc(programs.startYear), asc(programs.slug));
  return rows.map((r) => ({ ...r, groupCount: Number(r.groupCount), unitCount: Number(r.unitCount) }));
}

/** One program's summary, or undefined. */
export async function findProgram(db: PlatformDb, slug: string): Promise<ProgramSummary | undefined> {
  return (await listPrograms(db)).find((p) => p.slug === slug);
}

/**
 * A program's groups with area labels and members in the document's order — a group no one has joined
 * yet too; optionally only those a unit belongs to, the one of an area, or the memberships in force in a period.
 */
export async function listGroups(db: PlatformDb, program: string, filter: { unit?: string; areaCode?: string; period?: Period } = {}): Promise<GroupView[]> {
  const rows = await db
    .select({
      id: groups.id,
      areaCode: groups.areaCode,
      clause: groups.clause,
      basis: groups.basis,
      groupVersion: groups.version,
      membership: groupMembers.id,
      unit: groupMembers.unit,
      unitName: units.name,
      role: groupMembers.role,
      position: groupMembers.position,
      effectiveFrom: groupMembers.effectiveFrom,
      effectiveTo: groupMembers.effectiveTo,
      version: groupMembers.version,
    })
    .from(groups)
    .leftJoin(groupMembers, and(eq(groupMembers.groupId, groups.id), filter.period ? inForce(filter.period) : undefined))
    .leftJoin(units, eq(units.slug, groupMembers.unit))
    .where(and(eq(groups.program, program), filter.areaCode ? eq(groups.areaCode, filter.areaCode) : undefined))
    .orderBy(asc(groups.areaCode), asc(groupMembers.position), asc(groupMembers.effectiveFrom));
  const registered = await db.select().from(groupCounties).where(inArray(groupCounties.groupId, [...new Set(rows.map((r) => r.id))]));
  const labels = await areaLabels(db, [...rows.map((r) => r.areaCode), ...registered.map((r) => r.areaCode)]);
  const label = (code: string) => labels.get(code) ?? { code, name: code, fullName: code, shortName: code, level: 0 };
  const byId = new Map<string, GroupView>();
  const day = today();
  for (const r of rows) {
    let g = byId.get(r.id);
    if (!g) {
      const counties = registered.filter((c) => c.groupId === r.id).map((c) => label(c.areaCode));
      g = { id: r.id, program, area: label(r.areaCode), clause: r.clause, basis: r.basis, version: r.groupVersion, counties, lead: null, members: [] };
      byId.set(r.id, g);
    }
    if (r.membership === null || r.unit === null || r.role === null) continue;
    g.members.push({ id: r.membership, slug: r.unit, name: r.unitName ?? r.unit, role: r.role, effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo, version: r.version ?? 1 });
    // The lead now (or in the period asked for): a lead whose membership ended, or has not begun, is not the group's lead.
    if (r.role === "lead" && (filter.period || ((!r.effectiveTo || r.effectiveTo >= day) && (!r.effectiveFrom || r.effectiveFrom <= day)))) g.lead = { slug: r.unit, name: r.unitName ?? r.unit };
  }
  const all = [...byId.values()];
  if (filter.unit) return all.filter((g) => g.members.some((m) => m.slug === filter.unit));
  // In a period, only the groups someone was in.
  return filter.period ? all.filter((g) => g.members.length > 0) : all;
}

/** A program's participants without a pairing, optionally only those in force in a period. */
export async function listParticipants(db: PlatformDb, program: string, period?: Period): Promise<ParticipantView[]> {
  const rows = await db
    .select({ id: programParticipants.id, slug: programParticipants.unit, name: units.name, role: programParticipants.role, clause: programParticipants.clause, effectiveFrom: programParticipants.effectiveFrom, effectiveTo: programParticipants.effectiveTo, version: programParticipants.version })
    .from(programParticipants)
    .innerJoin(units, eq(units.slug, programParticipants.unit))
    .where(and(eq(programParticipants.program, program), period ? inForceOf(programParticipants, period) : undefined))
    .orderBy(asc(programParticipants.id));
  return rows.map((r) => ({ ...r, program }));
}
