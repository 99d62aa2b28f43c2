import type { Client } from "@libsql/client";

/**
 * How tenant databases are created and reached: the one piece that differs between runtimes
 * (embedded files on Node, Turso over HTTP on Workers). Everything else goes through TenantDirectory.
 */
export interface TenantConnector {
  /** False for in-memory databases, which vanish when their only connection closes. */
  readonly evictable: boolean;
  /**
   * True when a database call runs on the calling thread (embedded files): a long write is then
   * split into chunks of one transaction with a yield between them, so other requests run meanwhile.
   */
  readonly blocking: boolean;
  /** Creates the database of a new unit and returns where it lives (recorded for operators). */
  create(slug: string): Promise<string>;
  /** Removes the database of a unit whose creation failed half-way. */
  destroy(slug: string): Promise<void>;
  /**
   * Opens a client to a unit's database. The location is derived from the slug (a path under
   * DATA_DIR, or the URL template), never looked up, so the same directory serves both runtimes.
   */
  open(slug: string): Client;
  /** Runs once per process on a newly opened database before it is migrated (e.g. journal mode). */
  prepare?(client: Client): Promise<void>;
  /**
   * Embedded files only: asks for the unit's write-ahead log to be copied into its database off the
   * serving thread (see wal-checkpoints.ts). When present, a long write turns off its connection's
   * automatic checkpoint, which would otherwise run inside its commit.
   */
  checkpoint?(slug: string): void;
  /** Stops what the connector runs in the background (its checkpoint thread). */
  close?(): Promise<void>;
}

/** Unit slugs are DNS labels, so they can name a Turso database and a file alike. */
export const UNIT_SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
