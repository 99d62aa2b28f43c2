/**
 * `npm run migrate`: brings the platform database and every tenant database to the latest
 * migration and seeds the documents' structure, then prints what changed. Idempotent: a second run
 * reports nothing applied. `--edge` does the same against Turso (PLATFORM_DB_URL,
 * TENANT_DB_URL_TEMPLATE, tokens and TURSO_* from the environment) — how a Workers deployment is
 * seeded, since a Worker invocation cannot create 141 databases within its limits.
 */
import { parseEnv, toConfig } from "../src/env";
import { createLogger } from "../src/log";
import { closeServices, createNodeServices } from "../src/node-services";
import { bootstrap } from "../src/platform/bootstrap";
import { createWorkerServices } from "../src/worker-services";

async function main() {
  const env = parseEnv(process.env);
  const config = toConfig(env);
  const edge = process.argv.includes("--edge");
  const services = edge ? createWorkerServices(env, config) : await createNodeServices(env, config, createLogger("warn"));
  try {
    const report = await bootstrap(services, { seed: true, migrateTenants: true });
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
    if (!edge) closeServices(services);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
