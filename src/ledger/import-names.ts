/**
 * The names an import may use instead of codes (src/sheets/cells.ts ImportNames): every recipient
 * area by its name, its full name and its prefecture + name, every program by its title.
 */
import { eq, inArray } from "drizzle-orm";
import { groupMembers, groups, programs } from "../../db/platform/schema";
import { allAreaLabels } from "../directory/areas";
import { programsOf } from "../directory/unit-programs";
import type { PlatformDb } from "../services";
import type { ImportNames } from "../sheets/cells";
import type { TemplateChoices } from "../sheets/export";

export async function importNames(platform: PlatformDb): Promise<ImportNames> {
  const [labels, programRows] = await Promise.all([allAreaLabels(platform), platform.select({ slug: programs.slug, name: programs.name }).from(programs)]);
  const names: ImportNames = { areas: {}, programs: {} };
  const add = (key: string, entry: { code: string; fullName: string }) => {
    const list = (names.areas[key] ??= []);
    if (!list.some((e) => e.code === entry.code)) list.push(entry);
  };
  for (const a of labels.values()) {
    const entry = { code: a.code, fullName: a.fullName };
    add(a.name, entry);
    add(a.fullName, entry);
    // Without the province too: 韶关市乐昌市.
    const prefecture = labels.get(`${a.code.slice(0, 4)}00`);
    if (prefecture && prefecture.code !== a.code && a.level === 3) add(`${prefecture.name}${a.name}`, entry);
  }
  for (const p of programRows) names.programs[p.name] = p.slug;
  return names;
}

/**
 * What a unit's import template offers in its dropdowns: the recipient areas of its groups (a
 * prefecture's group with its counties) by full name, and its programs by title — names the importer
 * takes back (importNames), so a value picked from a list always imports.
 */
export async function templateChoices(platform: PlatformDb, unit: string): Promise<Omit<TemplateChoices, "refs">> {
  const [labels, slugs, groupAreas] = await Promise.all([
    allAreaLabels(platform),
    programsOf(platform, unit),
    platform.selectDistinct({ code: groups.areaCode }).from(groupMembers).innerJoin(groups, eq(groups.id, groupMembers.groupId)).where(eq(groupMembers.unit, unit)),
  ]);
  const codes = new Set<string>();
  for (const { code } of groupAreas) {
    codes.add(code);
    // A prefecture's (or province's) group reaches the areas under it.
    for (const a of labels.values()) if (a.code !== code && a.code.startsWith(code.replace(/(00)+$/, ""))) codes.add(a.code);
  }
  const areas = [...codes].sort().map((c) => labels.get(c)?.fullName ?? c);
  const titles = slugs.length ? await platform.select({ name: programs.name }).from(programs).where(inArray(programs.slug, slugs)) : [];
  return { areas, programs: titles.map((t) => t.name).sort((a, b) => a.localeCompare(b, "zh-CN")) };
}
