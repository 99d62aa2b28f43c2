/**
 * Seeds the platform with the real structure of the five policy documents (programs, areas, units
 * and their databases, groups) and, in development, demo accounts. Idempotent: every insert skips
 * what exists, so it runs at every start and after a crash half-way.
 */
import { count, eq, inArray, sql, type SQL } from "drizzle-orm";
import { hashPassword } from "../auth/password";
import type { Logger } from "../log";
import type { PlatformDb, Services, TenantDb } from "../services";
import { auditRow, systemActor } from "../tenants/audit";
import { groupId } from "../directory/programs";
import type { TenantDirectory } from "../tenants/directory";
import { dictionary } from "@zxcvbn-ts/language-common";
import { areas, commonPasswords, groups, programs, userPrograms, users } from "../../db/platform/schema";
import { subUnits } from "../../db/tenant/schema";
import areaRows from "./areas.json";
import { seedDemoLedger } from "./demo-ledger";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-users";
import { DONGGUAN_TOWN_GROUPS, GROUPS, PARTICIPANTS, PROGRAMS, SPECIAL_AREAS, UNITS } from "./structure";

export interface SeedOptions {
  demoUsers: boolean;
  demoLedger: boolean;
  /** The year the demo ledger is written for. */
  year: number;
}

export interface SeedReport {
  areas: number;
  unitsCreated: string[];
  demoUsersCreated: string[];
  demoLedgers: string[];
}

const CHUNK = 200;

/**
 * How many of zxcvbn-ts's maintained list (@zxcvbn-ts/language-common, ranked by frequency in breaches)
 * the password policy checks: the first 10,000 cover the guesses an online attacker makes, and with a
 * 12-character minimum the rest are caught by zxcvbn's patterns and brute-force estimate.
 */
export const COMMON_PASSWORD_COUNT = 10_000;

/** The password policy's dictionary, in rank order (src/auth/password-policy.ts reads it). */
async function seedCommonPasswords(db: PlatformDb): Promise<void> {
  const words = dictionary["passwords-common"].slice(0, COMMON_PASSWORD_COUNT);
  const [existing] = await db.select({ n: count() }).from(commonPasswords);
  if ((existing?.n ?? 0) === words.length) return;
  await db.delete(commonPasswords);
  for (let i = 0; i < words.length; i += CHUNK * 2) await db.insert(commonPasswords).values(words.slice(i, i + CHUNK * 2).map((word, k) => ({ rank: i + k + 1, word })));
}


export async function seedPlatform(db: PlatformDb, tenants: TenantDirectory, log: Logger, options: SeedOptions): Promise<SeedReport> {
  const report: SeedReport = { areas: 0, unitsCreated: [], demoUsersCreated: [], demoLedgers: [] };

  const rows = areaRows as [string, string, string | null, number][];
  const [existing] = await db.select({ n: count() }).from(areas);
  if ((existing?.n ?? 0) < rows.length) {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK).map(([code, name, parentCode, level]) => ({ code, name, parentCode, level }));
      await db.insert(areas).values(chunk).onConflictDoNothing();
    }
  }
  report.areas = rows.length;

  await seedCommonPasswords(db);
  await db.insert(programs).values([...PROGRAMS]).onConflictDoNothing();

  // Each unit is a tenant: creating it creates and migrates its database.
  for (const unit of UNITS) {
    if (await tenants.find(unit.slug)) continue;
    await tenants.provision({ slug: unit.slug, name: unit.name, kind: unit.kind });
    report.unitsCreated.push(unit.slug);
  }

  await db.insert(areas).values(SPECIAL_AREAS.map((a) => ({ ...a, special: true }))).onConflictDoNothing();
  const groupRows = GROUPS.map((g) => ({ id: groupId(g.program, g.areaCode), program: g.program, areaCode: g.areaCode, clause: g.clause, basis: g.basis ?? "pairing" }));
  await db.insert(groups).values(groupRows).onConflictDoNothing();
  // A membership is a stay (a unit may leave and join again), so "already there" is "any stay of the unit".
  const memberRows = GROUPS.flatMap((g) => [
    ...(g.lead ? [{ groupId: groupId(g.program, g.areaCode), unit: g.lead, role: "lead" as const, position: 0 }] : []),
    ...g.members.map((unit, i) => ({ groupId: groupId(g.program, g.areaCode), unit, role: "member" as const, position: i + 1 })),
  ]);
  const statements = [
    ...memberRows.map((m) => sql`INSERT INTO group_members (group_id, unit, role, position) SELECT ${m.groupId}, ${m.unit}, ${m.role}, ${m.position} WHERE NOT EXISTS (SELECT 1 FROM group_members WHERE group_id = ${m.groupId} AND unit = ${m.unit})`),
    ...PARTICIPANTS.map((p) => sql`INSERT INTO program_participants (program, unit, clause) SELECT ${p.program}, ${p.unit}, ${p.clause} WHERE NOT EXISTS (SELECT 1 FROM program_participants WHERE program = ${p.program} AND unit = ${p.unit})`),
    ...seedCorrections(),
  ];
  for (let i = 0; i < statements.length; i += CHUNK) {
    const [first, ...rest] = statements.slice(i, i + CHUNK).map((q) => db.run(q));
    await db.batch([first!, ...rest]);
  }

  await seedDongguanTowns(tenants);
  if (options.demoUsers) report.demoUsersCreated = await seedDemoUsers(db);
  if (options.demoLedger) report.demoLedgers = await seedDemoLedger(db, tenants, options.year);
  if (report.unitsCreated.length) log.info("seeded tenants", { created: report.unitsCreated.length });
  return report;
}

/**
 * Corrections to what an earlier seed wrote, each made only where nobody has changed the row since
 * (version 1), so an administrator's own change is never overwritten: leads the documents do not name
 * (the Gannan pairs, 东莞/中山 → 昭通 and every group of one outside the old-areas document), 甘孜's basis,
 * the central enterprises' kind and the Guangdong–Guizhou term.
 */
function seedCorrections(): SQL[] {
  const unnamedLeads = GROUPS.filter((g) => g.lead === null).map((g) => [groupId(g.program, g.areaCode), g.members[0]!] as const);
  const guizhou = PROGRAMS.find((p) => p.slug === "gd-guizhou")!;
  return [
    ...unnamedLeads.map(([group, unit]) => sql`UPDATE group_members SET role = 'member', position = 1 WHERE group_id = ${group} AND unit = ${unit} AND role = 'lead' AND version = 1`),
    ...GROUPS.filter((g) => g.basis && g.basis !== "pairing").map((g) => sql`UPDATE groups SET basis = ${g.basis!} WHERE id = ${groupId(g.program, g.areaCode)} AND basis = 'pairing' AND version = 1`),
    ...UNITS.filter((u) => u.kind === "central_enterprise").map((u) => sql`UPDATE units SET kind = 'central_enterprise' WHERE slug = ${u.slug} AND kind = 'state_enterprise' AND version = 1`),
    sql`UPDATE programs SET end_year = ${guizhou.endYear} WHERE slug = ${guizhou.slug} AND end_year = 2025 AND version = 1`,
  ];
}

/**
 * 十组团: the document pairs ten Dongguan towns with Shaoguan's ten county-level areas without naming
 * the towns, so Dongguan's ledger starts with ten placeholder sub-units for its clerks to name.
 */
async function seedDongguanTowns(tenants: TenantDirectory): Promise<void> {
  const unit = await tenants.find("dongguan");
  if (!unit) return;
  await tenants.use(unit, ({ db }) => seedTownsOf(db));
}

async function seedTownsOf(db: TenantDb): Promise<void> {
  const ids = DONGGUAN_TOWN_GROUPS.map((t) => `town-${t.areaCode}`);
  const present = new Set((await db.select({ id: subUnits.id }).from(subUnits).where(inArray(subUnits.id, ids))).map((r) => r.id));
  const who = systemActor("seed");
  const writes = DONGGUAN_TOWN_GROUPS.filter((t) => !present.has(`town-${t.areaCode}`)).flatMap((t) => {
    const row = { id: `town-${t.areaCode}`, name: t.label, kind: "town" as const, areaCode: t.areaCode, placeholder: true };
    return [db.insert(subUnits).values(row), auditRow(db, who, "sub_unit", row.id, "create", null, row)];
  });
  const [first, ...rest] = writes;
  if (first) await db.batch([first, ...rest]);
}

async function seedDemoUsers(db: PlatformDb): Promise<string[]> {
  const created: string[] = [];
  for (const demo of DEMO_USERS) {
    const [exists] = await db.select({ id: users.id }).from(users).where(eq(users.username, demo.username));
    if (exists) continue;
    const id = `user-${demo.username}`;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await db.batch([
      db.insert(users).values({ id, username: demo.username, displayName: demo.displayName, passwordHash, role: demo.role, unit: demo.unit, demo: true }),
      ...demo.programs.map((program) => db.insert(userPrograms).values({ userId: id, program }).onConflictDoNothing()),
    ]);
    created.push(demo.username);
  }
  return created;
}

/** Whether any demonstration account exists (production refuses to start if so). */
/** The seeder `bootstrap` takes on Node and in scripts: the documents' structure, and demo data as configured. */
export function seedDocuments(services: Services): Promise<SeedReport> {
  return seedPlatform(services.platform, services.tenants, services.log, { demoUsers: services.config.demoUsers, demoLedger: services.config.demoLedger, year: new Date().getUTCFullYear() });
}
