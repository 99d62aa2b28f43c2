/**
 * What every start does, on either runtime: bring the platform database to the latest migration,
 * seed the documents' structure when the caller brings a seeder (Node and the migrate script do; the
 * Worker never seeds, so the seed data stays out of its bundle), bring every tenant database to the
 * latest migration, and refuse production with demo accounts present.
 */
import { and, count, eq } from "drizzle-orm";
import { migrateDatabase } from "../../db/migrate";
import { users } from "../../db/platform/schema";
import { PLATFORM_MIGRATIONS } from "../../db/platform/migrations";
import type { SeedReport } from "../seed/seed";
import { ConfigError } from "../env";
import { seedRuleSets } from "../rules/rule-sets";
import type { Services } from "../services";
import type { MigrateAllResult } from "../tenants/directory";

export interface BootstrapReport {
  platform: { from: number; to: number };
  seed: SeedReport | null;
  tenants: MigrateAllResult[];
}

/** Seeds the documents' structure (src/seed/seed.ts `seedDocuments`). */
export type Seeder = (services: Services) => Promise<SeedReport>;

async function hasDemoUsers(services: Services): Promise<boolean> {
  const [row] = await services.platform.select({ n: count() }).from(users).where(and(eq(users.demo, true), eq(users.disabled, false)));
  return (row?.n ?? 0) > 0;
}

export async function bootstrap(services: Services, options: { seed?: Seeder | undefined; migrateTenants: boolean }): Promise<BootstrapReport> {
  const { platform, platformClient, tenants, config, log } = services;
  const migrated = await migrateDatabase(platformClient, PLATFORM_MIGRATIONS);
  if (migrated.applied.length) log.info("platform migrated", { ...migrated });
  const seed = options.seed ? await options.seed(services) : null;
  // Every start (and every isolate) adds the default rows of rules new to the catalog; existing rows,
  // possibly tuned by a coordinator, are left as they are.
  await seedRuleSets(platform);
  if (config.mode === "production" && (await hasDemoUsers(services))) {
    throw new ConfigError("Refusing to start in production: demo users exist in the platform database (disable or delete them)");
  }
  const results = options.migrateTenants ? await tenants.migrateAll() : [];
  const failed = results.filter((r) => !r.ok);
  if (failed.length) log.warn("some tenant databases could not be migrated", { failed });
  return { platform: { from: migrated.from, to: migrated.to }, seed, tenants: results };
}
