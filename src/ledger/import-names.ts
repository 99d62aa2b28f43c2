/**
 * The names an import may use instead of codes (src/sheets/cells.ts ImportNames): every recipient
 * area by its name, its full name and its prefecture + name, every program by its title.
 */
import { programs } from "../../db/platform/schema";
import { allAreaLabels } from "../directory/areas";
import type { PlatformDb } from "../services";
import type { ImportNames } from "../sheets/cells";

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
