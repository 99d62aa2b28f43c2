/**
 * A simulated federation for the budget bench and the scale tests: one program of N units in groups
 * over Guangdong's counties, stored facts for all (a copy of a real unit's), three with real databases.
 */
import { and, eq } from "drizzle-orm";
import { programRules, programs, unitDataVersions, unitFacts } from "../db/platform/schema";
import areaRows from "../src/seed/areas.json";
import { refreshUnit } from "../src/figures/refresh";
import { RULES } from "../src/rules/catalog";
import type { Services } from "../src/services";
import { TENANT_SCHEMA_VERSION } from "../src/tenants/directory";

export const PROGRAM = "budget-federation";
export const YEAR = 2026;
export const DB_DOMAIN = "db.budget.test";

const COUNTIES = (areaRows as [string, string, string | null, number][]).filter(([code, , , level]) => level === 3 && code.startsWith("44")).map(([code]) => code);

export async function insertRows(client: Services["platformClient"], sql: string, rows: unknown[][], perStatement = 100): Promise<void> {
  const width = rows[0]?.length ?? 0;
  const statements = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    statements.push({ sql: `${sql} VALUES ${chunk.map(() => `(${new Array(width).fill("?").join(",")})`).join(",")}`, args: chunk.flat() as never[] });
  }
  for (let i = 0; i < statements.length; i += 20) await client.batch(statements.slice(i, i + 20), "write");
}

/** The program, N units in groups over Guangdong's counties, stored facts for all; three real databases. Returns the real ones. */
export async function buildFederation(services: Services, n: number): Promise<string[]> {
  const slugs = Array.from({ length: n }, (_, i) => `budget-u${String(i + 1).padStart(5, "0")}`);
  await services.platform
    .insert(programs)
    .values({ slug: PROGRAM, name: "预算测试帮扶工作", nameEn: "Budget federation", document: "synthetic", docNumber: "—", startYear: YEAR - 1, endYear: YEAR + 1, coordinator: "预算测试指挥部", cadreTermMonths: 36 });
  await services.platform.insert(programRules).values(RULES.map((rule) => ({ program: PROGRAM, rule: rule.id, enabled: true, params: rule.params.parse({}) as Record<string, unknown> })));
  const real = slugs.slice(0, 3);
  const areaOf = (i: number) => COUNTIES[i % COUNTIES.length]!;
  // The real units: provisioned like any new unit (namespace, schema), with a little ledger.
  for (const slug of real) await services.tenants.provision({ slug, name: `预算单位 ${slug}`, kind: "city" });
  await insertRows(services.platformClient, "INSERT INTO units (slug, name, kind, db_location, schema_version, status)", slugs.slice(3).map((slug, i) => [slug, `预算单位${i + 4}`, "city", `http://${slug}.${DB_DOMAIN}`, TENANT_SCHEMA_VERSION, "active"]));
  const byArea = new Map<string, string[]>();
  slugs.forEach((slug, i) => (byArea.get(areaOf(i)) ?? byArea.set(areaOf(i), []).get(areaOf(i))!).push(slug));
  await insertRows(services.platformClient, "INSERT INTO groups (id, program, area_code, clause)", [...byArea.keys()].map((area) => [`${PROGRAM}:${area}`, PROGRAM, area, "synthetic"]));
  await insertRows(
    services.platformClient,
    "INSERT INTO group_members (group_id, unit, role, position)",
    [...byArea].flatMap(([area, members]) => members.map((unit, position) => [`${PROGRAM}:${area}`, unit, position === 0 ? "lead" : "member", position])),
  );
  for (const [i, slug] of real.entries()) {
    await services.tenants.use((await services.tenants.find(slug))!, async ({ client }) => {
      const rows = Array.from({ length: 200 }, (_, k) => [`a${k}`, ["visit", "joint_meeting", "training"][k % 3], `${YEAR}-0${1 + (k % 9)}-1${k % 9}`, `活动 ${k}`, areaOf(i)]);
      await client.batch(rows.map((r) => ({ sql: "INSERT INTO activities (id, kind, date, title, area_code) VALUES (?, ?, ?, ?, ?)", args: r as never[] })), "write");
      await client.execute({ sql: "INSERT INTO funds (id, kind, source, amount_fen, date, area_code, program) VALUES ('f1', 'allocation', 'city', 100000000, ?, ?, ?)", args: [`${YEAR}-02-01`, areaOf(i), PROGRAM] });
    });
  }
  // The real units' facts, computed; every other unit gets a copy of the first's (stored facts are what a rollup reads).
  for (const slug of real) await refreshUnit(services, slug, `${YEAR}-06-01`, [YEAR]);
  const [facts] = await services.platform.select().from(unitFacts).where(eqUnit(real[0]!));
  if (!facts?.facts) throw new Error("the sample unit has no facts");
  const versions = await services.platform.select().from(unitDataVersions).where(eqVersions(real[0]!));
  await insertRows(
    services.platformClient,
    "INSERT INTO unit_facts (unit, program, year, shape, facts, versions, computed_at)",
    slugs.slice(3).map((slug) => [slug, PROGRAM, YEAR, facts.shape, JSON.stringify(facts.facts), JSON.stringify(facts.versions), facts.computedAt]),
    50,
  );
  await insertRows(services.platformClient, "INSERT INTO unit_data_versions (unit, year, version)", slugs.slice(3).flatMap((slug) => versions.map((v) => [slug, v.year, v.version])));
  return real;
}

const eqUnit = (slug: string) => and(eq(unitFacts.unit, slug), eq(unitFacts.program, PROGRAM), eq(unitFacts.year, YEAR));
const eqVersions = (slug: string) => eq(unitDataVersions.unit, slug);
