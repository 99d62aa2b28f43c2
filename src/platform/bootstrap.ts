/**
 * What every start does, on either runtime: bring the platform database to the latest migration,
 * seed the documents' structure (idempotent), bring every tenant database to the latest migration,
 * and refuse production with demo accounts present.
 */
import { migrateDatabase } from "../../db/migrate";
import { PLATFORM_MIGRATIONS } from "../../db/platform/migrations";
import { hasDemoUsers, seedPlatform, type SeedReport } from "../../db/seed/seed";
import { ConfigError } from "../env";
import { seedRuleSets } from "../rules/rule-sets";
import type { Services } from "../services";
import type { MigrateAllResult } from "../tenants/directory";

export interface BootstrapReport {
  platform: { from: number; to: number };
  seed: SeedReport | null;
  tenants: MigrateAllResult[];
}

export async function bootstrap(services: Services, options: { seed: boolean; migrateTenants: boolean }): Promise<BootstrapReport> {
  const { platform, platformClient, tenants, config, log } = services;
  const migrated = await migrateDatabase(platformClient, PLATFORM_MIGRATIONS);
  if (migrated.applied.length) log.info("platform migrated", { ...migrated });
  const seed = options.seed ? await seedPlatform(platform, tenants, log, { demoUsers: config.demoUsers, demoLedger: config.demoLedger, year: new Date().getUTCFullYear() }) : null;
  // Every start (and every isolate) adds the default rows of rules new to the catalog; existing rows,
  // possibly tuned by a coordinator, are left as they are.
  await seedRuleSets(platform);
  if (config.mode === "production" && (await hasDemoUsers(platform))) {
    throw new ConfigError("Refusing to start in production: demo users exist in the platform database (disable or delete them)");
  }
  const results = options.migrateTenants ? await tenants.migrateAll() : [];
  const failed = results.filter((r) => !r.ok);
  if (failed.length) log.warn("some tenant databases could not be migrated", { failed });
  return { platform: { from: migrated.from, to: migrated.to }, seed, tenants: results };
}
