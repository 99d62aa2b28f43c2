/**
 * `npm run migrate`: brings the platform database and every tenant database to the latest
 * migration and seeds the documents' structure, then prints what changed. Idempotent: a second run
 * reports nothing applied. With PLATFORM_DB_URL and TENANT_DB_URL_TEMPLATE set it does the same
 * against remote databases (Turso with TURSO_*, or sqld servers with TENANT_DB_ADMIN_URL) — how a
 * Workers deployment or an on-premises cluster is seeded, since a Worker invocation cannot create
 * 141 databases within its limits. (`--edge`, the old spelling, is accepted and changes nothing.)
 */
import { parseEnv, toConfig } from "../src/env";
import { createLogger } from "../src/log";
import { closeServices, createNodeServices } from "../src/node-services";
import { bootstrap } from "../src/platform/bootstrap";
import { seedDocuments } from "../src/seed/seed";

async function main() {
  const env = parseEnv(process.env);
  const config = toConfig(env);
  const services = await createNodeServices(env, config, createLogger("warn"));
  try {
    const report = await bootstrap(services, { seed: seedDocuments, migrateTenants: true });
    const migrated = report.tenants.filter((t) => t.ok && t.from !== t.to);
    const failed = report.tenants.filter((t) => !t.ok);
    console.log(
      [
        `platform: schema ${report.platform.from} → ${report.platform.to}`,
        `tenants: ${report.tenants.length} checked, ${report.seed?.unitsCreated.length ?? 0} created, ${migrated.length} migrated, ${failed.length} failed`,
        ...failed.map((f) => `  ✗ ${f.unit}: ${f.error}`),
        `demo users created: ${report.seed?.demoUsersCreated.length ?? 0}`,
      ].join("\n"),
    );
    if (failed.length) process.exitCode = 1;
  } finally {
    await closeServices(services);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
