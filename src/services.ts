/**
 * What a request needs from its runtime, built once per process (Node) or isolate (Workers) by the
 * entry and handed to `createApp`. Only the entries and the tenant connector differ between runtimes.
 */
import type { FileStore } from "./files/store";
import type { Client } from "@libsql/client";
import type { LibSQLDatabase } from "drizzle-orm/libsql/driver-core";
// The web entry only wraps a client we pass in; it runs on both runtimes.
import { drizzle } from "drizzle-orm/libsql/web";
import * as platformSchema from "../db/platform/schema";
import * as tenantSchema from "../db/tenant/schema";
import type { Config } from "./env";
import type { Logger } from "./log";
import type { JobQueue } from "./jobs/queue";
import type { SnapshotRefresher } from "./rollup/refresher";
import type { SheetWork } from "./sheets/work";
import type { TenantDirectory } from "./tenants/directory";

export type PlatformDb = LibSQLDatabase<typeof platformSchema>;
export type TenantDb = LibSQLDatabase<typeof tenantSchema>;

export interface Services {
  runtime: "node" | "workers";
  config: Config;
  platformClient: Client;
  platform: PlatformDb;
  tenants: TenantDirectory;
  /** Refreshes a unit's rollup snapshots after it writes. */
  snapshots: SnapshotRefresher;
  /** Where scheduled report work fans out to (Cloudflare Queue on Workers, in-process on Node). */
  queue: JobQueue;
  /** Reading, validating and writing spreadsheets (a worker thread on Node, inline on Workers). */
  sheets: SheetWork;
  /** Evidence files, per tenant (R2 on Workers, DATA_DIR on Node); null where none is configured. */
  files: FileStore | null;
  log: Logger;
}

/** drizzle over a platform connection. */
export function platformDb(client: Client): PlatformDb {
  return drizzle({ client, schema: platformSchema });
}

const tenantDbs = new WeakMap<Client, TenantDb>();

/**
 * drizzle over a tenant connection, one per connection: a lease (every tenant request) asks for it,
 * and building one walks the whole schema's relations (~0.09 ms a request in a CPU profile of the
 * activity list) for the same answer every time.
 */
export function tenantDb(client: Client): TenantDb {
  let db = tenantDbs.get(client);
  if (!db) {
    db = drizzle({ client, schema: tenantSchema });
    tenantDbs.set(client, db);
  }
  return db;
}
