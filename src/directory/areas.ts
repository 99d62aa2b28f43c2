/** Queries over the recipient-area table (GB/T 2260). */
import { inArray } from "drizzle-orm";
import { areas } from "../../db/platform/schema";
import type { PlatformDb } from "../services";

export interface AreaLabel {
  code: string;
  name: string;
  /** Province → prefecture → county, e.g. 广东省韶关市南雄市. */
  fullName: string;
  level: number;
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
  for (const r of rows) {
    const chain: string[] = [];
    const province = parents.get(`${r.code.slice(0, 2)}0000`);
    const prefecture = parents.get(`${r.code.slice(0, 4)}00`);
    if (province && province.code !== r.code) chain.push(province.name);
    if (prefecture && prefecture.code !== r.code && prefecture.code !== province?.code) chain.push(prefecture.name);
    chain.push(r.name);
    out.set(r.code, { code: r.code, name: r.name, fullName: chain.join(""), level: r.level });
  }
  return out;
}
