/** Queries over programs and their groups. */
import { and, asc, eq, sql } from "drizzle-orm";
import { groupMembers, groups, programs, units } from "../../db/platform/schema";
import type { PlatformDb } from "../services";
import { areaLabels, type AreaLabel } from "./areas";
import { inForce } from "../figures/in-force";
import { today, type Period } from "../periods/period";

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
  lead: { slug: string; name: string } | null;
  members: { slug: string; name: string; role: "lead" | "member"; effectiveFrom?: string | null; effectiveTo?: string | null; version?: number }[];
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
      groupCount: sql<number>`(SELECT COUNT(*) FROM ${groups} WHERE ${groups.program} = ${programs.slug})`,
      unitCount: sql<number>`(SELECT COUNT(DISTINCT ${groupMembers.unit}) FROM ${groupMembers} JOIN ${groups} ON ${groups.id} = ${groupMembers.groupId} WHERE ${groups.program} = ${programs.slug})`,
    })
    .from(programs)
    .orderBy(asc(programs.startYear), asc(programs.slug));
  return rows.map((r) => ({ ...r, groupCount: Number(r.groupCount), unitCount: Number(r.unitCount) }));
}

/** One program's summary, or undefined. */
export async function findProgram(db: PlatformDb, slug: string): Promise<ProgramSummary | undefined> {
  return (await listPrograms(db)).find((p) => p.slug === slug);
}

/** A program's groups with area labels and members in the document's order; optionally only those a unit belongs to, or the one of an area. */
export async function listGroups(db: PlatformDb, program: string, filter: { unit?: string; areaCode?: string; period?: Period } = {}): Promise<GroupView[]> {
  const rows = await db
    .select({
      id: groups.id,
      areaCode: groups.areaCode,
      clause: groups.clause,
      unit: groupMembers.unit,
      unitName: units.name,
      role: groupMembers.role,
      position: groupMembers.position,
      effectiveFrom: groupMembers.effectiveFrom,
      effectiveTo: groupMembers.effectiveTo,
      version: groupMembers.version,
    })
    .from(groups)
    .innerJoin(groupMembers, eq(groupMembers.groupId, groups.id))
    .innerJoin(units, eq(units.slug, groupMembers.unit))
    .where(and(eq(groups.program, program), filter.areaCode ? eq(groups.areaCode, filter.areaCode) : undefined, filter.period ? inForce(filter.period) : undefined))
    .orderBy(asc(groups.areaCode), asc(groupMembers.position));
  const labels = await areaLabels(db, rows.map((r) => r.areaCode));
  const byId = new Map<string, GroupView>();
  for (const r of rows) {
    let g = byId.get(r.id);
    if (!g) {
      const area = labels.get(r.areaCode) ?? { code: r.areaCode, name: r.areaCode, fullName: r.areaCode, level: 0 };
      g = { id: r.id, program, area, clause: r.clause, lead: null, members: [] };
      byId.set(r.id, g);
    }
    g.members.push({ slug: r.unit, name: r.unitName, role: r.role, effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo, version: r.version });
    // The lead now (or in the period asked for): a lead whose membership ended is not the group's lead.
    if (r.role === "lead" && (filter.period || !r.effectiveTo || r.effectiveTo >= today())) g.lead = { slug: r.unit, name: r.unitName };
  }
  const all = [...byId.values()];
  return filter.unit ? all.filter((g) => g.members.some((m) => m.slug === filter.unit)) : all;
}
