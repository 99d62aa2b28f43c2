/**
 * Who helps a recipient area, across every program: the units of every group whose area covers it (a
 * prefecture's group covers its counties) or that it covers (a prefecture's user sees its counties'
 * groups) — in any stay, since the records a helper kept for the area stay the area's to see.
 */
import { eq, inArray, like, or } from "drizzle-orm";
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

/** The codes whose area holds `area`: its province, its prefecture and itself (GB/T 2260's 2-4-6 digits). */
const ancestorsOf = (area: string) => [`${area.slice(0, 2)}0000`, `${area.slice(0, 4)}00`, area];

export async function helpersOf(platform: PlatformDb, area: string): Promise<Helper[]> {
  // Only the groups that can overlap the area are read — those that hold it and those under it — not the
  // whole directory; `overlaps` below is still the rule that decides.
  const rows = await platform
    .select({ unit: groupMembers.unit, name: units.name, program: groups.program, areaCode: groups.areaCode })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .innerJoin(units, eq(units.slug, groupMembers.unit))
    .where(or(inArray(groups.areaCode, ancestorsOf(area)), like(groups.areaCode, `${areaPrefix(area)}%`)));
  const out = new Map<string, Helper>();
  for (const r of rows) {
    if (!overlaps(r.areaCode, area)) continue;
    const h = out.get(r.unit) ?? out.set(r.unit, { slug: r.unit, name: r.name, programs: [] }).get(r.unit)!;
    if (!h.programs.includes(r.program)) h.programs.push(r.program);
  }
  return [...out.values()].sort((a, b) => a.slug.localeCompare(b.slug));
}
