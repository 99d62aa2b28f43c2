/**
 * Who helps a recipient area, across every program: the units of every group whose area covers it (a
 * prefecture's group covers its counties) or that it covers (a prefecture's user sees its counties'
 * groups) — in any stay, since the records a helper kept for the area stay the area's to see.
 */
import { eq } from "drizzle-orm";
import { groupMembers, groups, units } from "../../db/platform/schema";
import { areaPrefix } from "../rules/progress";
import type { PlatformDb } from "../services";

export interface Helper {
  slug: string;
  name: string;
  programs: string[];
}

/** Whether two areas overlap: one lies in the other (a county in its prefecture, or the same area). */
export const overlaps = (a: string, b: string) => a.startsWith(areaPrefix(b)) || b.startsWith(areaPrefix(a));

/** Whether a record's area lies inside the recipient's area. */
export const within = (recordArea: string | null, area: string) => recordArea !== null && recordArea.startsWith(areaPrefix(area));

export async function helpersOf(platform: PlatformDb, area: string): Promise<Helper[]> {
  const rows = await platform
    .select({ unit: groupMembers.unit, name: units.name, program: groups.program, areaCode: groups.areaCode })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .innerJoin(units, eq(units.slug, groupMembers.unit));
  const out = new Map<string, Helper>();
  for (const r of rows) {
    if (!overlaps(r.areaCode, area)) continue;
    const h = out.get(r.unit) ?? out.set(r.unit, { slug: r.unit, name: r.name, programs: [] }).get(r.unit)!;
    if (!h.programs.includes(r.program)) h.programs.push(r.program);
  }
  return [...out.values()].sort((a, b) => a.slug.localeCompare(b.slug));
}
