/**
 * Node only: checkpoints of embedded tenant databases on a thread of their own. SQLite copies its
 * write-ahead log into the database when a commit finds the log long, in that commit, on the thread
 * that serves every request: after a 20,000-row import that copy (26 MB of log) held other tenants'
 * requests ~70 ms on top of the commit's own ~35 ms. A long write therefore turns its connection's
 * automatic checkpoint off (see ledger/write.ts) and asks for a checkpoint here after its commit, as
 * does every write through the API (tenantWritten). This thread runs them with its own connection,
 * one at a time per database, again if asked while one ran (the log may have grown since it began).
 */
import { Worker } from "node:worker_threads";
import type { Logger } from "../log";

export interface WalCheckpoints {
  /** Asks for a checkpoint of the database at `path` (absolute) soon; repeated asks while one is queued are one. */
  request(path: string): void;
  /** Resolves when no checkpoint is queued or running (tests, shutdown). */
  settled(): Promise<void>;
  /**
   * Lets the running checkpoint finish, then has the thread end itself. Never `worker.terminate()`:
   * V8 cannot stop a native call, so terminating the thread while libSQL runs one leaves the call
   * to return into a torn-down isolate, and libSQL's binding (neon 1.0, built to abort on panic)
   * then aborts the whole process — seen once in CI as a test fork that "exited unexpectedly".
   */
  close(): Promise<void>;
}

export function walCheckpoints(log?: Logger): WalCheckpoints {
  let worker: Worker | undefined;
  // Path → whether it was asked for again while its checkpoint ran (the log may have grown since it began).
  const running = new Map<string, boolean>();
  let idle: (() => void)[] = [];
  let closing = false;

  const finish = () => {
    for (const resolve of idle) resolve();
    idle = [];
  };

  function settled(): Promise<void> {
    return running.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve));
  }

  function start(): Worker {
    const w = new Worker(new URL("./checkpoint-thread.mjs", import.meta.url));
    w.on("message", ({ path, error }: { path: string; error: string | null }) => {
      if (error) log?.warn("wal_checkpoint_failed", { path, error });
      if (running.get(path)) {
        running.set(path, false);
        w.postMessage(path);
        return;
      }
      running.delete(path);
      if (running.size === 0) {
        w.unref();
        finish();
      }
    });
    w.on("error", (error) => {
      // SQLite's own automatic checkpoint still runs on connections that did not turn it off.
      log?.warn("wal_checkpoint_thread_failed", { error: error.message });
      running.clear();
      worker = undefined;
      finish();
    });
    w.on("exit", () => {
      worker = undefined;
    });
    w.unref();
    return w;
  }

  return {
    request(path) {
      if (closing) return;
      if (running.has(path)) {
        running.set(path, true);
        return;
      }
      running.set(path, false);
      const w = (worker ??= start());
      w.ref();
      w.postMessage(path);
    },
    settled,
    async close() {
      closing = true;
      await settled();
      const w = worker;
      worker = undefined;
      if (!w) return;
      const exited = new Promise<void>((resolve) => w.once("exit", () => resolve()));
      // The thread closes its port and ends when its loop is empty: nothing native is running then.
      w.postMessage(null);
      w.ref();
      await exited;
    },
  };
}
