/**
 * The names an import may use instead of codes (src/sheets/cells.ts ImportNames): every recipient
 * area by its name and its full name, every program by its title. Built from the directory once
 * per process and kept a few minutes — areas and programs change with the seed or an admin, rarely.
 */
import { areas, programs } from "../../db/platform/schema";
import type { PlatformDb } from "../services";
import type { ImportNames } from "../sheets/cells";
import { TtlCache } from "../tenants/ttl-cache";

/** One cache per platform database (a process has one; tests have many). */
const caches = new WeakMap<PlatformDb, TtlCache<ImportNames>>();

export function importNames(platform: PlatformDb): Promise<ImportNames> {
  let cache = caches.get(platform);
  if (!cache) caches.set(platform, (cache = new TtlCache<ImportNames>(5 * 60_000, 1)));
  return cache.get("names", async () => {
    const [areaRows, programRows] = await Promise.all([platform.select().from(areas), platform.select({ slug: programs.slug, name: programs.name }).from(programs)]);
    const byCode = new Map(areaRows.map((a) => [a.code, a]));
    const names: ImportNames = { areas: {}, programs: {} };
    const add = (key: string, entry: { code: string; fullName: string }) => {
      const list = (names.areas[key] ??= []);
      if (!list.some((e) => e.code === entry.code)) list.push(entry);
    };
    for (const a of areaRows) {
      const province = byCode.get(`${a.code.slice(0, 2)}0000`);
      const prefecture = byCode.get(`${a.code.slice(0, 4)}00`);
      const chain = [province && province.code !== a.code ? province.name : "", prefecture && prefecture.code !== a.code && prefecture.code !== province?.code ? prefecture.name : "", a.name];
      const entry = { code: a.code, fullName: chain.join("") };
      add(a.name, entry);
      add(entry.fullName, entry);
      // Without the province too: 韶关市乐昌市.
      if (chain[1]) add(`${chain[1]}${a.name}`, entry);
    }
    for (const p of programRows) names.programs[p.name] = p.slug;
    return names;
  });
}
