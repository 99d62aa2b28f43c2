import { createClient } from "@libsql/client";
import { join, resolve as resolvePath } from "node:path";
import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { appliedVersion, latestVersion, migrateDatabase, type MigrationResult } from "../db/migrate";
import { PLATFORM_MIGRATIONS } from "../db/platform/migrations";
import { TENANT_MIGRATIONS } from "../db/tenant/migrations";
import { readMigrationFolder } from "../scripts/migration-folder";
import { call, makeUser, startHarness, tempDir } from "./support/harness";

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe("embedded migrations", () => {
  it.each([
    ["platform", PLATFORM_MIGRATIONS],
    ["tenant", TENANT_MIGRATIONS],
  ] as const)("the %s module matches its drizzle-kit folder (run `npm run db:generate` after a schema change)", (track, embedded) => {
    expect(embedded).toEqual(readMigrationFolder(join("db", track, "migrations")));
  });
});

describe("migrateDatabase", () => {
  it("applies every migration once; a second run changes nothing", async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const client = createClient({ url: `file:${join(dir.path, "t.db")}` });
    cleanups.unshift(() => client.close());
    const first = await migrateDatabase(client, TENANT_MIGRATIONS);
    expect(first).toMatchObject({ from: 0, to: latestVersion(TENANT_MIGRATIONS) });
    const schemaBefore = (await client.execute("SELECT name, sql FROM sqlite_master ORDER BY name")).rows;
    const second = await migrateDatabase(client, TENANT_MIGRATIONS);
    expect(second.applied).toEqual([]);
    expect((await client.execute("SELECT name, sql FROM sqlite_master ORDER BY name")).rows).toEqual(schemaBefore);
  });

  it("is safe when two runners in two threads race on one database file", async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const url = `file:${join(dir.path, "race.db")}`;
    // Separate threads, as two `npm run migrate` processes would be: SQLite's lock serialises them.
    const results = await Promise.all([migrateInThread(url), migrateInThread(url)]);
    expect(results.flatMap((r) => r.applied).sort()).toEqual(PLATFORM_MIGRATIONS.map((m) => m.tag));
    const client = createClient({ url });
    cleanups.unshift(() => client.close());
    expect(await appliedVersion(client)).toBe(latestVersion(PLATFORM_MIGRATIONS));
    const ledger = await client.execute("SELECT COUNT(*) AS n FROM __duikou_migrations");
    expect(Number(ledger.rows[0]!.n)).toBe(PLATFORM_MIGRATIONS.length);
  });
});

const THREAD = `
const { workerData, parentPort } = require("node:worker_threads");
(async () => {
  (await import("tsx/esm/api")).register();
  const { createClient } = await import("@libsql/client");
  const { migrateDatabase } = await import(workerData.migrate);
  const { PLATFORM_MIGRATIONS } = await import(workerData.migrations);
  const client = createClient({ url: workerData.url, timeout: 5000 });
  parentPort.postMessage(await migrateDatabase(client, PLATFORM_MIGRATIONS));
  client.close();
})().catch((e) => parentPort.postMessage({ error: String(e) }));
`;

function migrateInThread(url: string): Promise<MigrationResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(THREAD, {
      eval: true,
      workerData: { url, migrate: resolvePath("db/migrate.ts"), migrations: resolvePath("db/platform/migrations.ts") },
    });
    worker.once("message", (m: MigrationResult | { error: string }) => {
      void worker.terminate();
      if ("error" in m) reject(new Error(m.error));
      else resolve(m);
    });
    worker.once("error", reject);
  });
}

describe("a file-backed platform", () => {
  it("keeps its data across a restart, and a second bootstrap creates nothing", async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const first = await startHarness({ DATA_DIR: dir.path });
    const admin = await makeUser(first, "admin");
    const created = await call(first, "POST", "/api/units", { token: admin.token, body: { slug: "restart-check", name: "重启检查", kind: "other" } });
    expect(created.status).toBe(201);
    first.close();

    const second = await startHarness({ DATA_DIR: dir.path });
    cleanups.unshift(() => second.close());
    const health = await (await call(second, "GET", "/api/health")).json();
    expect(health.tenants.total).toBe(144);
    expect(health.schema.tenant.behind).toBe(0);
    const admin2 = await makeUser(second, "admin");
    const unit = await call(second, "GET", "/api/t/restart-check", { token: admin2.token });
    expect(unit.status).toBe(200);
  });
});
