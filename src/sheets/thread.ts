/**
 * Node only: sheet work on a worker thread. One thread, jobs in order: on a two-core server the
 * other core keeps serving requests while a large import is parsed or an export is written. The
 * thread starts on first use and is restarted if it dies; a job's ApiError (400, 413) comes back
 * as the same ApiError.
 */
import { Worker } from "node:worker_threads";
import { breathe } from "../bounded";
import { fromJobError, type ParsedImport, type SheetJob, type SheetJobError, type SheetWork } from "./work";

type Reply = { id: number; ok: unknown; rows?: string[] } | { id: number; error: SheetJobError } | { id: number; crash: string };

/** A parse's rows, sent as slices of JSON text (see thread-entry.ts), read back a slice per turn. */
async function readRows(answer: ParsedImport, slices: string[]): Promise<ParsedImport> {
  const rows: ParsedImport["rows"] = [];
  for (const slice of slices) {
    for (const row of JSON.parse(slice) as ParsedImport["rows"]) rows.push(row);
    await breathe();
  }
  return { ...answer, rows };
}

export function threadSheetWork(): SheetWork {
  let worker: Worker | undefined;
  let next = 1;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();

  function start(): Worker {
    // thread-boot.mjs registers tsx, which compiles the thread's TypeScript as it does the server's.
    // Bounded: a job that would need more memory than any legitimate sheet fails alone, the server stays.
    // A large young generation: a 100,000-row export then promotes far less, and its first run after a
    // start held others' requests up to 0.07–0.10 s instead of 0.11–0.16 s (one run each, stall.test.ts).
    const w = new Worker(new URL("./thread-boot.mjs", import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 128 } });
    w.on("message", (reply: Reply) => {
      const job = pending.get(reply.id);
      if (!job) return;
      pending.delete(reply.id);
      if (pending.size === 0) w.unref();
      if ("ok" in reply) job.resolve(reply.rows ? readRows(reply.ok as ParsedImport, reply.rows) : reply.ok);
      else if ("error" in reply) job.reject(fromJobError(reply.error));
      else job.reject(new Error(reply.crash));
    });
    w.on("error", (error) => {
      for (const job of pending.values()) job.reject(error);
      pending.clear();
      worker = undefined;
    });
    w.on("exit", () => {
      worker = undefined;
    });
    // Idle, the thread does not keep the process alive; while a job is pending it does.
    w.unref();
    return w;
  }

  /** A new job id and the promise of its answer; the thread is started and kept alive meanwhile. */
  function expect<T>(): { id: number; thread: Worker; answer: Promise<T> } {
    const thread = (worker ??= start());
    const id = next++;
    const answer = new Promise<T>((resolve, reject) => pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
    thread.ref();
    return { id, thread, answer };
  }

  function run<T>(job: SheetJob): Promise<T> {
    const { id, thread, answer } = expect<T>();
    // An upload's body moves to the thread rather than being copied.
    thread.postMessage({ id, job }, job.op === "parse" ? [job.body.buffer as ArrayBuffer] : []);
    return answer;
  }

  return {
    parse: (resource, body, contentType, names) => run<ParsedImport>({ op: "parse", resource, body, contentType, names }),
    async render(resource, format, pages, personal, names) {
      // Pages cross to the thread as they are read: one page's copy is short, all of them at once
      // (100,000 rows) would hold this thread for a third of a second.
      const { id, thread, answer } = expect<Uint8Array | string>();
      thread.postMessage({ id, begin: { resource, format, personal, names } });
      try {
        for await (const page of pages) thread.postMessage({ id, page });
      } catch (error) {
        thread.postMessage({ id, abort: true });
        pending.delete(id);
        throw error;
      }
      thread.postMessage({ id, end: true });
      return answer;
    },
    async close() {
      await worker?.terminate();
      worker = undefined;
    },
  };
}
