/**
 * Node's tenant connector: each tenant is an embedded libSQL file under DATA_DIR/tenants/, or an
 * in-memory database when DATA_DIR is ":memory:" (tests). Node-only; only src/node.ts and scripts import it.
 */
import { mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { createClient, type Client } from "@libsql/client";
import type { Logger } from "../log";
import type { TenantConnector } from "./connector";
import { walCheckpoints, type WalCheckpoints } from "./wal-checkpoints";

const MEMORY = ":memory:";

/**
 * Opens a libSQL client on a file (creating its folder) or in memory. `connections` bounds the
 * client's pool: each connection keeps its own page cache, and embedded calls run on Node's one
 * thread anyway, so a tenant needs two (one may hold a transaction), the platform a few more.
 */
export function openEmbedded(path: string, connections = 2): Client {
  if (path === MEMORY || path.startsWith(`${MEMORY}`)) return createClient({ url: MEMORY });
  mkdirSync(resolve(path, ".."), { recursive: true });
  // `timeout` is SQLite's busy timeout, set on every connection of the client's pool.
  return createClient({ url: `file:${resolve(path)}`, timeout: 5000, concurrency: connections });
}

/** WAL lets readers go on while one writer writes; it is a property of the file, set once. */
export async function useWal(client: Client): Promise<void> {
  await client.execute("PRAGMA journal_mode = WAL");
}

function tenantFile(slug: string): string {
  return join("tenants", `${slug}.db`);
}

export function nodeConnector(dataDir: string, log?: Logger): TenantConnector {
  const memory = dataDir === MEMORY;
  let checkpoints: WalCheckpoints | undefined;
  return {
    evictable: !memory,
    blocking: true,
    async create(slug) {
      // Relative to DATA_DIR, so the data folder can move as a whole.
      return memory ? `${MEMORY}${slug}` : tenantFile(slug);
    },
    async destroy(slug) {
      if (memory) return;
      for (const suffix of ["", "-wal", "-shm"]) rmSync(join(dataDir, `${tenantFile(slug)}${suffix}`), { force: true });
    },
    open(slug) {
      return openEmbedded(memory ? MEMORY : join(dataDir, tenantFile(slug)));
    },
    async prepare(client) {
      if (!memory) await useWal(client);
    },
    // An in-memory database has no log to copy.
    checkpoint: memory ? undefined : (slug) => (checkpoints ??= walCheckpoints(log)).request(resolve(dataDir, tenantFile(slug))),
    async close() {
      await checkpoints?.close();
      checkpoints = undefined;
    },
  };
}

/** The platform database's path for a data folder. */
export function platformPath(dataDir: string): string {
  return dataDir === MEMORY ? MEMORY : join(dataDir, "platform.db");
}
