/**
 * A synthetic federation for the benchmark: one program, N units spread over Guangdong's counties
 * in groups, each unit with a realistic year of records (about 2,000 projects, 5,000 fund flows,
 * 20,000 activities and 100 cadres). A few template databases are generated with different seeds
 * and copied to the units (each then stamped as its own), which keeps generation for 1,000 units
 * within minutes.
 */
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Client } from "@libsql/client";
import { migrateDatabase } from "../db/migrate";
import { groupMembers, groups, programRules, programs, units } from "../db/platform/schema";
import areaRows from "../src/seed/areas.json";
import { seededRandom } from "../src/seed/random";
import { TENANT_MIGRATIONS } from "../db/tenant/migrations";
import { openEmbedded } from "../src/tenants/node-connector";
import { RULES } from "../src/rules/catalog";
import type { Services } from "../src/services";

export const BENCH_PROGRAM = "bench-federation";
export const BENCH_YEAR = 2026;
const TEMPLATES = 4;

export interface Volumes {
  projects: number;
  funds: number;
  activities: number;
  cadres: number;
}

export const DEFAULT_VOLUMES: Volumes = { projects: 2000, funds: 5000, activities: 20000, cadres: 100 };


const COUNTIES = (areaRows as [string, string, string | null, number][]).filter(([code, , , level]) => level === 3 && code.startsWith("44")).map(([code]) => code);
const CATEGORIES = ["industry", "employment", "education", "health", "infrastructure", "rural_revitalisation", "consumption", "culture", "other"];
const STATUSES = ["planned", "approved", "in_progress", "completed", "accepted"];
const KINDS = ["visit", "joint_meeting", "training", "exchange", "job_posting", "performance", "promotion_event", "seminar", "teaching_research", "purchase", "other"];

function date(r: () => number): string {
  const month = 1 + Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);
  return `${BENCH_YEAR}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

async function insertMany(client: Client, sql: string, rows: unknown[][], perStatement = 200): Promise<void> {
  const width = rows[0]?.length ?? 0;
  const statements = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    statements.push({ sql: `${sql} VALUES ${chunk.map(() => `(${new Array(width).fill("?").join(",")})`).join(",")}`, args: chunk.flat() as never[] });
  }
  await client.batch(statements, "write");
}

/** Writes one template tenant database with a year of synthetic records. */
async function buildTemplate(file: string, seed: number, v: Volumes, areas: string[]): Promise<void> {
  const client = openEmbedded(file);
  await client.execute("PRAGMA journal_mode = WAL");
  await migrateDatabase(client, TENANT_MIGRATIONS);
  const r = seededRandom(seed);
  const area = () => areas[Math.floor(r() * areas.length)]!;
  const projects = Array.from({ length: v.projects }, (_, i) => [
    `p${seed}-${i}`,
    `基准项目 ${i}`,
    CATEGORIES[i % CATEGORIES.length],
    STATUSES[Math.floor(r() * STATUSES.length)],
    area(),
    BENCH_PROGRAM,
    Math.floor(r() * 5_000_000_00),
    Math.floor(r() * 2000),
    Math.floor(r() * 200),
    r() < 0.85 ? 1 : 0,
    date(r),
  ]);
  await insertMany(client, "INSERT INTO projects (id, title, category, status, area_code, program, budget_fen, beneficiaries, beneficiaries_lifted, grassroots, start_date)", projects);
  // Allocations first, then disbursements within them (the database refuses an overrun).
  const allocated = new Map<string, number>();
  const funds: unknown[][] = [];
  for (let i = 0; i < v.funds; i++) {
    const project = projects[Math.floor(r() * projects.length)]!;
    const id = String(project[0]);
    const have = allocated.get(id) ?? 0;
    const allocation = have === 0 || r() < 0.5;
    const amount = allocation ? 1_000_00 + Math.floor(r() * 1_000_000_00) : Math.max(1, Math.floor(have * r() * 0.2));
    if (allocation) allocated.set(id, have + amount);
    else allocated.set(id, have - amount);
    funds.push([`f${seed}-${i}`, allocation ? "allocation" : "disbursement", ["province", "city", "town", "enterprise", "society"][i % 5], amount, date(r), project[4], id, BENCH_PROGRAM, r() < 0.8 ? 1 : 0]);
  }
  await insertMany(client, "INSERT INTO funds (id, kind, source, amount_fen, date, area_code, project_id, program, grassroots)", funds);
  const activities = Array.from({ length: v.activities }, (_, i) => {
    const kind = KINDS[i % KINDS.length]!;
    return [`a${seed}-${i}`, kind, date(r), `基准活动 ${i}`, area(), BENCH_PROGRAM, r() < 0.5 ? "to_recipient" : "from_recipient", kind === "visit" ? (r() < 0.3 ? "main" : "deputy") : null, Math.floor(r() * 50), Math.floor(r() * 100), kind === "purchase" ? Math.floor(r() * 1_000_000_00) : 0];
  });
  await insertMany(client, "INSERT INTO activities (id, kind, date, title, area_code, program, direction, leader_level, people, quantity, amount_fen)", activities);
  const cadres = Array.from({ length: v.cadres }, (_, i) => [`c${seed}-${i}`, `干部${i}`, "挂职", ["county_deputy", "middle_manager", "section", "other"][i % 4], area(), BENCH_PROGRAM, `${BENCH_YEAR - 1}-0${1 + (i % 9)}-01`, `${BENCH_YEAR + 1 + (i % 2)}-0${1 + (i % 9)}-01`]);
  await insertMany(client, "INSERT INTO cadres (id, name, post, level, host_area_code, program, start_date, planned_end_date)", cadres);
  await client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
  client.close();
}

/** Creates the program, its groups and N units with their databases. Returns the unit slugs. */
export async function buildFederation(services: Services, dataDir: string, count: number, v: Volumes = DEFAULT_VOLUMES, log: (s: string) => void = () => undefined): Promise<string[]> {
  const templatesDir = join(dataDir, "bench-templates");
  mkdirSync(templatesDir, { recursive: true });
  mkdirSync(join(dataDir, "tenants"), { recursive: true });
  const slugs = Array.from({ length: count }, (_, i) => `bench-u${String(i + 1).padStart(4, "0")}`);
  const areaOf = (i: number) => COUNTIES[i % COUNTIES.length]!;
  const started = Date.now();
  for (let t = 0; t < TEMPLATES; t++) {
    const templateAreas = slugs.map((_, i) => areaOf(i)).filter((_, i) => i % TEMPLATES === t);
    const areas = [...new Set(templateAreas)].slice(0, 20);
    await buildTemplate(join(templatesDir, `t${t}.db`), 1000 + t, v, areas.length ? areas : COUNTIES.slice(0, 20));
  }
  log(`templates: ${TEMPLATES} × (${v.projects} projects, ${v.funds} funds, ${v.activities} activities, ${v.cadres} cadres) in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  await services.platform
    .insert(programs)
    .values({ slug: BENCH_PROGRAM, name: "基准测试帮扶工作", nameEn: "Benchmark federation", document: "synthetic", docNumber: "—", startYear: BENCH_YEAR, endYear: BENCH_YEAR + 2, coordinator: "基准测试指挥部", cadreTermMonths: 36 })
    .onConflictDoNothing();
  for (const [i, slug] of slugs.entries()) {
    copyFileSync(join(templatesDir, `t${i % TEMPLATES}.db`), join(dataDir, "tenants", `${slug}.db`));
    await services.platform.insert(units).values({ slug, name: `基准单位${i + 1}`, kind: "city", dbLocation: `tenants/${slug}.db`, status: "active" }).onConflictDoNothing();
  }
  const byArea = new Map<string, string[]>();
  slugs.forEach((slug, i) => (byArea.get(areaOf(i)) ?? byArea.set(areaOf(i), []).get(areaOf(i))!).push(slug));
  for (const [area, members] of byArea) {
    const id = `${BENCH_PROGRAM}:${area}`;
    await services.platform.insert(groups).values({ id, program: BENCH_PROGRAM, areaCode: area, clause: "synthetic" }).onConflictDoNothing();
    await services.platform
      .insert(groupMembers)
      .values(members.map((unit, position) => ({ groupId: id, unit, role: position === 0 ? ("lead" as const) : ("member" as const), position })))
      .onConflictDoNothing();
  }
  // The federation is judged by every rule of the catalog, with its default parameters.
  await services.platform
    .insert(programRules)
    .values(RULES.map((rule) => ({ program: BENCH_PROGRAM, rule: rule.id, enabled: true, params: rule.params.parse({}) as Record<string, unknown> })))
    .onConflictDoNothing();
  // Opening each unit once stamps its database as its own (tenant_meta) and records its schema version.
  const migrated = await services.tenants.migrateAll({ concurrency: 4 });
  const failed = migrated.filter((m) => !m.ok && m.unit.startsWith("bench-"));
  if (failed.length) throw new Error(`bench units failed to open: ${failed[0]!.error}`);
  log(`federation: ${count} units in ${byArea.size} groups in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return slugs;
}
