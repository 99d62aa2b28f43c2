/**
 * Checkpoints run on their own thread (src/tenants/wal-checkpoints.ts): a connection that turned its
 * automatic checkpoint off leaves its commits in the log, and a requested checkpoint copies them into
 * the database file itself. Read here as SQLite would read the file without its log: a copy of the
 * .db alone.
 */
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { afterEach, describe, expect, it } from "vitest";
import { walCheckpoints } from "../src/tenants/wal-checkpoints";
import { tempDir } from "./support/harness";

let dir: ReturnType<typeof tempDir> | undefined;
afterEach(() => dir?.remove());

/** Rows of table t in the database file alone, without its write-ahead log. */
async function rowsInFileAlone(path: string): Promise<number> {
  const copy = `${path}.alone`;
  copyFileSync(path, copy);
  const client = createClient({ url: `file:${copy}` });
  try {
    const { rows } = await client.execute("SELECT count(*) AS n FROM t");
    return Number(rows[0]!.n);
  } catch {
    return 0; // the table itself is still only in the log
  } finally {
    client.close();
  }
}

async function databaseWithLog(rows: number): Promise<{ path: string; write(n: number): Promise<void>; close(): void }> {
  dir = tempDir("duikou-wal-");
  const path = join(dir.path, "unit.db");
  const client = createClient({ url: `file:${path}`, concurrency: 1 });
  await client.execute("PRAGMA journal_mode = WAL");
  await client.execute("PRAGMA wal_autocheckpoint = 0");
  await client.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT)");
  let next = 0;
  const write = async (n: number) => {
    const args = Array.from({ length: n }, () => [next++, "行".repeat(200)]).flat();
    await client.execute({ sql: `INSERT INTO t VALUES ${Array(n).fill("(?, ?)").join(", ")}`, args });
  };
  await write(rows);
  return { path, write, close: () => client.close() };
}

describe("checkpoints on their own thread", () => {
  it("copy a log the commits left into the database file", async () => {
    const db = await databaseWithLog(500);
    expect(await rowsInFileAlone(db.path)).toBe(0);
    const checkpoints = walCheckpoints();
    try {
      checkpoints.request(db.path);
      await checkpoints.settled();
      expect(await rowsInFileAlone(db.path)).toBe(500);
    } finally {
      await checkpoints.close();
      db.close();
    }
  });

  it("run again when asked while one runs, so a write committed meanwhile reaches the file too", async () => {
    const db = await databaseWithLog(500);
    const checkpoints = walCheckpoints();
    try {
      checkpoints.request(db.path);
      await db.write(250);
      checkpoints.request(db.path);
      await checkpoints.settled();
      expect(await rowsInFileAlone(db.path)).toBe(750);
    } finally {
      await checkpoints.close();
      db.close();
    }
  });

  it("close while a checkpoint runs: the checkpoint finishes and the thread ends by itself, the process lives", async () => {
    // terminate() here once aborted a whole test process: libSQL's native call returned into a
    // torn-down thread. close() must wait for the call instead, and the copy must be complete.
    const db = await databaseWithLog(2_000);
    for (let i = 0; i < 9; i++) await db.write(2_000);
    const checkpoints = walCheckpoints();
    try {
      checkpoints.request(db.path);
      await new Promise((resolve) => setTimeout(resolve, 5));
      await checkpoints.close();
      expect(await rowsInFileAlone(db.path)).toBe(20_000);
      checkpoints.request(db.path); // after close: refused quietly, no thread started again
      await checkpoints.settled();
      expect(await rowsInFileAlone(db.path)).toBe(20_000);
    } finally {
      db.close();
    }
  });
});
