/** Queries over the recipient-area table (GB/T 2260). */
import { inArray } from "drizzle-orm";
import { areas } from "../../db/platform/schema";
import type { PlatformDb } from "../services";
import { TtlCache } from "../tenants/ttl-cache";

export interface AreaLabel {
  code: string;
  name: string;
  /** Province → prefecture → county, e.g. 广东省韶关市南雄市. */
  fullName: string;
  /** What a table, chart or map writes: a county with its prefecture (汕尾市城区 — there are dozens of 城区), a prefecture or province alone. */
  shortName: string;
  level: number;
}

type AreaRow = typeof areas.$inferSelect;

/** An area's label: its name with its province and prefecture before it (from `byCode`, which holds them). */
function labelOf(r: AreaRow, byCode: ReadonlyMap<string, AreaRow>): AreaLabel {
  const chain: string[] = [];
  const province = byCode.get(`${r.code.slice(0, 2)}0000`);
  const prefecture = byCode.get(`${r.code.slice(0, 4)}00`);
  if (province && province.code !== r.code) chain.push(province.name);
  if (prefecture && prefecture.code !== r.code && prefecture.code !== province?.code) chain.push(prefecture.name);
  chain.push(r.name);
  const shortName = prefecture && prefecture.code !== r.code && prefecture.code !== province?.code ? `${prefecture.name}${r.name}` : r.name;
  return { code: r.code, name: r.name, fullName: chain.join(""), shortName, level: r.level };
}

/** One cache per platform database (a process has one; tests have many): areas change with the seed only. */
const everyLabel = new WeakMap<PlatformDb, TtlCache<Map<string, AreaLabel>>>();

/** Every area's label, cached for a few minutes: what rule texts and imports use to write names, not codes. */
export function allAreaLabels(db: PlatformDb): Promise<Map<string, AreaLabel>> {
  let cache = everyLabel.get(db);
  if (!cache) everyLabel.set(db, (cache = new TtlCache<Map<string, AreaLabel>>(5 * 60_000, 1)));
  return cache.get("all", async () => {
    const rows = await db.select().from(areas);
    const byCode = new Map(rows.map((r) => [r.code, r]));
    return new Map(rows.map((r) => [r.code, labelOf(r, byCode)]));
  });
}

/**
 * Labels for a set of area codes, with their full names.
 * @example (await areaLabels(db, ["440282"])).get("440282")?.fullName // "广东省韶关市南雄市"
 */
export async function areaLabels(db: PlatformDb, codes: readonly string[]): Promise<Map<string, AreaLabel>> {
  const wanted = [...new Set(codes)];
  const out = new Map<string, AreaLabel>();
  if (wanted.length === 0) return out;
  const rows = await db.select().from(areas).where(inArray(areas.code, wanted));
  const parentCodes = new Set<string>();
  for (const r of rows) {
    if (r.parentCode) parentCodes.add(r.parentCode);
    // A county's province is its code's first two digits; fetch it even when the prefecture row is missing.
    parentCodes.add(`${r.code.slice(0, 2)}0000`);
    parentCodes.add(`${r.code.slice(0, 4)}00`);
  }
  const parents = new Map((await db.select().from(areas).where(inArray(areas.code, [...parentCodes]))).map((p) => [p.code, p]));
  for (const r of rows) out.set(r.code, labelOf(r, parents));
  return out;
}
