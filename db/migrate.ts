/**
 * One migration runner for the platform track and the tenant track, on both runtimes.
 *
 * Turso's shared multi-database schemas are deprecated, so every database is migrated by us and its
 * version recorded (in `__duikou_migrations`, and for tenants also in the platform's `units` row).
 * A run takes the write lock first (`BEGIN IMMEDIATE` through `transaction("write")`), then reads
 * what is applied, so two runners at once serialise and the second finds nothing to do.
 */
import type { Client } from "@libsql/client";

/** One migration as drizzle-kit generated it, split into statements. */
export interface Migration {
  version: number;
  tag: string;
  statements: string[];
}

export interface MigrationResult {
  /** Version before the run. */
  from: number;
  /** Version after the run. */
  to: number;
  applied: string[];
}

const LEDGER = `CREATE TABLE IF NOT EXISTS __duikou_migrations (
  version INTEGER PRIMARY KEY,
  tag TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;

/** The latest version of a track. */
export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

/**
 * Brings one database to the latest migration of its track. Idempotent; safe to run concurrently.
 * @example await migrateDatabase(client, TENANT_MIGRATIONS)
 */
export async function migrateDatabase(client: Client, migrations: readonly Migration[]): Promise<MigrationResult> {
  const current = await appliedVersion(client);
  const latest = latestVersion(migrations);
  if (current >= latest) return { from: current, to: current, applied: [] };

  const tx = await client.transaction("write");
  try {
    await tx.execute(LEDGER);
    const row = await tx.execute("SELECT COALESCE(MAX(version), 0) AS v FROM __duikou_migrations");
    const from = Number(row.rows[0]?.v ?? 0);
    const applied: string[] = [];
    for (const migration of migrations) {
      if (migration.version <= from) continue;
      for (const statement of migration.statements) await tx.execute(statement);
      await tx.execute({
        sql: "INSERT INTO __duikou_migrations (version, tag, applied_at) VALUES (?, ?, ?)",
        args: [migration.version, migration.tag, new Date().toISOString()],
      });
      applied.push(migration.tag);
    }
    await tx.commit();
    return { from, to: Math.max(from, latest), applied };
  } catch (error) {
    await tx.rollback().catch(() => undefined);
    throw error;
  } finally {
    tx.close();
  }
}

/** The version a database has reached (0 for a new database). */
export async function appliedVersion(client: Client): Promise<number> {
  const exists = await client.execute(
    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__duikou_migrations'",
  );
  if (exists.rows.length === 0) return 0;
  const row = await client.execute("SELECT COALESCE(MAX(version), 0) AS v FROM __duikou_migrations");
  return Number(row.rows[0]?.v ?? 0);
}
