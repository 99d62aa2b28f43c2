// The checkpoint thread (see wal-checkpoints.ts): copies a database's write-ahead log into the
// database file, one path at a time, and answers with the path when done. Plain JavaScript, so it
// needs no TypeScript loader; it imports nothing of ours.
import { parentPort } from "node:worker_threads";
import { createClient } from "@libsql/client";

parentPort.on("message", async (path) => {
  // null: the server is closing (see close() in wal-checkpoints.ts); every checkpoint asked for has answered.
  if (path === null) {
    parentPort.close();
    return;
  }
  let error = null;
  const client = createClient({ url: `file:${path}`, timeout: 5000, concurrency: 1 });
  try {
    // PASSIVE: copies what it can without waiting for, or blocking, the server's readers and writers.
    await client.execute("PRAGMA wal_checkpoint(PASSIVE)");
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  } finally {
    client.close();
  }
  parentPort.postMessage({ path, error });
});
