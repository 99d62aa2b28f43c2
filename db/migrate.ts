/**
 * One migration runner for the platform track and the tenant track, on both runtimes.
 *
 * Turso's shared multi-database schemas are deprecated, so every database is migrated by us and its
 * version recorded (in `__duikou_migrations`, and for tenants also in the platform's `units` row).
 * A run applies everything pending in one write batch (one transaction); two runners at once cannot
 * both apply a migration (its ledger row is written first, under a primary key), and the loser finds
 * the work done.
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

  // One batch — one transaction, and over HTTP one round trip (a new tenant's schema was ~100 requests
  // as an interactive transaction, and a transaction held across round trips is rolled back by sqld
  // after 5 s). Each migration's ledger row goes first: if another runner applied it meanwhile, its
  // primary key fails the batch, nothing of ours is kept, and we find the work done.
  const pending = migrations.filter((m) => m.version > current).sort((a, b) => a.version - b.version);
  const at = new Date().toISOString();
  try {
    await client.batch(
      [
        LEDGER,
        ...pending.flatMap((m) => [{ sql: "INSERT INTO __duikou_migrations (version, tag, applied_at) VALUES (?, ?, ?)", args: [m.version, m.tag, at] }, ...m.statements]),
      ],
      "write",
    );
  } catch (error) {
    const now = await appliedVersion(client);
    if (now >= latest) return { from: current, to: now, applied: [] };
    throw error;
  }
  return { from: current, to: latest, applied: pending.map((m) => m.tag) };
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
