/**
 * The tenant directory: finds a unit in the platform database, opens its database (cached and
 * bounded), brings it to the latest tenant migration the first time this process or isolate
 * touches it, and creates new tenants.
 */
import type { TenantAccess } from "./access";
import type { Client } from "@libsql/client";
import { eq } from "drizzle-orm";
import { latestVersion, migrateDatabase } from "../../db/migrate";
import { eachBounded } from "../bounded";
import { units } from "../../db/platform/schema";
import { TENANT_MIGRATIONS } from "../../db/tenant/migrations";
import type { Logger } from "../log";
import { tenantDb, type PlatformDb, type TenantDb } from "../services";
import { ConnectionCache } from "./connection-cache";
import { TtlCache } from "./ttl-cache";
import type { TenantConnector } from "./connector";

export type UnitRow = typeof units.$inferSelect;

export const TENANT_SCHEMA_VERSION = latestVersion(TENANT_MIGRATIONS);

/** A tenant as a request sees it. */
export interface TenantHandle {
  unit: UnitRow;
  client: Client;
  db: TenantDb;
  /** Whether calls on this client block the thread (see TenantConnector.blocking). */
  blocking: boolean;
  /** Asks for the database's log to be checkpointed off the serving thread, where the connector can (see TenantConnector.checkpoint). */
  checkpoint?: () => void;
}

/** A tenant held open for the caller until `release()` (see ConnectionCache). */
export interface TenantLease extends TenantHandle {
  release(): void;
}

/** What the caller may do in this tenant (decided by the tenant middleware). */
export interface TenantContext extends TenantHandle {
  access: Omit<TenantAccess, "read">;
}

export interface NewUnit {
  slug: string;
  name: string;
  kind: string;
  demo?: boolean;
}

export interface MigrateAllResult {
  unit: string;
  ok: boolean;
  from?: number;
  to?: number;
  error?: string;
}

export class TenantDirectory {
  readonly #cache: ConnectionCache<Client>;
  /** Units whose database this process has already checked against the latest migration. */
  readonly #current = new Set<string>();
  /**
   * Checks in flight, so concurrent first requests for one unit share one migration. (Two
   * connections of one process contending for SQLite's write lock would busy-wait on the event
   * loop that the lock holder needs to finish.)
   */
  readonly #inflight = new Map<string, Promise<{ from: number; to: number }>>();

  constructor(
    readonly platform: PlatformDb,
    readonly connector: TenantConnector,
    readonly log: Logger,
    capacity: number,
  ) {
    this.#cache = new ConnectionCache<Client>(connector.evictable ? capacity : Number.MAX_SAFE_INTEGER);
  }

  /** Units' directory rows, briefly cached: every tenant request starts by finding its unit. */
  readonly #rows = new TtlCache<UnitRow | undefined>(5_000);

  /** The unit's directory row, or undefined. */
  async find(slug: string): Promise<UnitRow | undefined> {
    const row = await this.#rows.get(slug, async () => (await this.platform.select().from(units).where(eq(units.slug, slug)))[0]);
    // A copy, so that a caller's changes never alter the cached row.
    return row ? { ...row } : undefined;
  }

  /**
   * Opens a unit's database for the caller, migrating it first if this process has not yet seen it
   * current. The connection is not closed (nor evicted) until the lease is released.
   */
  async lease(unit: UnitRow): Promise<TenantLease> {
    const lease = await this.#cache.lease(unit.slug, () => this.connector.open(unit.slug));
    try {
      if (!this.#current.has(unit.slug)) await this.#bringCurrent(unit, lease.value);
    } catch (error) {
      lease.release();
      throw error;
    }
    const checkpoint = this.connector.checkpoint?.bind(this.connector, unit.slug);
    return { unit, client: lease.value, db: tenantDb(lease.value), blocking: this.connector.blocking, checkpoint, release: lease.release };
  }

  /** Runs `work` with the unit's database open, and releases it afterwards. */
  async use<T>(unit: UnitRow, work: (tenant: TenantHandle) => Promise<T>): Promise<T> {
    const tenant = await this.lease(unit);
    try {
      return await work(tenant);
    } finally {
      tenant.release();
    }
  }


  /**
   * Creates a unit: its directory row, its database, its schema. Either all of it exists afterwards
   * or none of it does.
   */
  async provision(input: NewUnit): Promise<UnitRow> {
    this.#rows.delete(input.slug);
    await this.platform.insert(units).values({
      slug: input.slug,
      name: input.name,
      kind: input.kind,
      demo: input.demo ?? false,
      dbLocation: "",
      status: "provisioning",
    });
    let location = "";
    try {
      location = await this.connector.create(input.slug);
      await this.platform.update(units).set({ dbLocation: location }).where(eq(units.slug, input.slug));
      this.#rows.delete(input.slug);
      const row = await this.find(input.slug);
      if (!row) throw new Error(`unit ${input.slug} vanished while being provisioned`);
      return await this.use(row, async (tenant) => tenant.unit);
    } catch (error) {
      this.log.error("tenant provisioning failed; rolling back", { unit: input.slug, error: String(error) });
      this.#cache.drop(input.slug);
      this.#current.delete(input.slug);
      if (location) await this.connector.destroy(input.slug).catch((e: unknown) => this.log.error("could not remove the half-created database; remove it by hand", { unit: input.slug, location, error: String(e) }));
      await this.platform.delete(units).where(eq(units.slug, input.slug));
      this.#rows.delete(input.slug);
      throw error;
    }
  }

  /**
   * Brings every tenant database to the latest migration; one failure never stops the others.
   * With `onlyBehind`, units the platform already records as current are not even connected to
   * (what the edge's daily job wants: each connection there is a metered subrequest).
   */
  async migrateAll(options: { concurrency?: number; onlyBehind?: boolean } = {}): Promise<MigrateAllResult[]> {
    const concurrency = options.concurrency ?? 4;
    const everyUnit = await this.platform.select().from(units).orderBy(units.slug);
    const all = options.onlyBehind ? everyUnit.filter((u) => u.schemaVersion < TENANT_SCHEMA_VERSION || u.status !== "active") : everyUnit;
    const results = await eachBounded(all, concurrency, async (unit): Promise<MigrateAllResult> => {
      const lease = await this.#cache.lease(unit.slug, () => this.connector.open(unit.slug)).catch((error: unknown) => error as Error);
      if (lease instanceof Error) return { unit: unit.slug, ok: false, error: lease.message };
      try {
        const { from, to } = await this.#bringCurrent(unit, lease.value);
        return { unit: unit.slug, ok: true, from, to };
      } catch (error) {
        return { unit: unit.slug, ok: false, error: error instanceof Error ? error.message : String(error) };
      } finally {
        lease.release();
      }
    });
    return results;
  }

  /** Closes every cached connection (process shutdown, tests). */
  async close(): Promise<void> {
    this.#cache.closeAll();
    this.#current.clear();
    this.#rows.clear();
    await this.connector.close?.();
  }

  #bringCurrent(unit: UnitRow, client: Client): Promise<{ from: number; to: number }> {
    let pending = this.#inflight.get(unit.slug);
    if (!pending) {
      pending = this.#migrate(unit, client).finally(() => this.#inflight.delete(unit.slug));
      this.#inflight.set(unit.slug, pending);
    }
    return pending;
  }

  async #migrate(unit: UnitRow, client: Client): Promise<{ from: number; to: number }> {
    await this.connector.prepare?.(client);
    const result = await migrateDatabase(client, TENANT_MIGRATIONS);
    // Stamp the database with its unit on first migration; afterwards refuse a database stamped
    // for another unit, so a misconfigured location can never serve one tenant's data as another's.
    await client.execute({ sql: "INSERT OR IGNORE INTO tenant_meta (key, value) VALUES ('unit', ?)", args: [unit.slug] });
    const owner = await client.execute("SELECT value FROM tenant_meta WHERE key = 'unit'");
    const stamped = owner.rows[0]?.value;
    if (stamped !== unit.slug) throw new Error(`database of ${unit.slug} (${unit.dbLocation}) belongs to ${String(stamped)}, not ${unit.slug}`);
    if (unit.schemaVersion !== result.to || unit.status !== "active") {
      await this.platform
        .update(units)
        .set({ schemaVersion: result.to, status: "active", updatedAt: new Date().toISOString() })
        .where(eq(units.slug, unit.slug));
      unit.schemaVersion = result.to;
      unit.status = "active";
      this.#rows.delete(unit.slug);
    }
    this.#current.add(unit.slug);
    return { from: result.from, to: result.to };
  }
}
