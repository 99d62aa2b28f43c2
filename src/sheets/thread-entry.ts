/**
 * The sheet thread's entry (see thread.ts): runs each job it is sent and answers with its result or
 * error. An export arrives as `begin`, its pages, then `end`; a parse as one `job`, its rows
 * answered as slices of JSON text.
 */
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { ApiError } from "../errors";
import type { Row } from "../ledger/resource";
import type { DisplayNames } from "./cells";
import { runSheetJob, toJobError, type SheetJob } from "./work";

type Message =
  | { id: number; job: SheetJob }
  | { id: number; begin: { resource: string; format: "xlsx" | "csv"; personal: boolean; names: DisplayNames } }
  | { id: number; page: Row[] }
  | { id: number; end: true }
  | { id: number; abort: true };

// Sheet work is background work: on Linux this thread runs at a lower priority (nice 10) than the
// thread serving requests, so on a two-core server a 100,000-row export yields the CPU to them.
// /proc/thread-self names this thread's own id; elsewhere the thread simply keeps its priority.
try {
  const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
  if (Number.isInteger(tid) && tid > 0) setPriority(tid, 10);
} catch {
  // not Linux, or not permitted
}

const exports = new Map<number, { resource: string; format: "xlsx" | "csv"; personal: boolean; names: DisplayNames; records: Row[] }>();

/**
 * Rows of a parsed import per slice. The rows go back as JSON text, a slice per string: the server
 * thread copies strings quickly and parses one slice per turn, where 20,000 rows as objects were
 * copied in one go and held it ~100 ms (slicing them into messages did not help: a thread's queued
 * messages are delivered together).
 */
const ROWS_PER_SLICE = 500;

async function answer(id: number, job: SheetJob): Promise<void> {
  try {
    const result = await runSheetJob(job);
    if (typeof result === "object" && "rows" in result) {
      const rows: string[] = [];
      for (let start = 0; start < result.rows.length; start += ROWS_PER_SLICE) rows.push(JSON.stringify(result.rows.slice(start, start + ROWS_PER_SLICE)));
      parentPort!.postMessage({ id, ok: { ...result, rows: [] }, rows });
      return;
    }
    // A file's bytes move to the other thread rather than being copied.
    parentPort!.postMessage({ id, ok: result }, result instanceof Uint8Array ? [result.buffer as ArrayBuffer] : []);
  } catch (error) {
    if (error instanceof ApiError) parentPort!.postMessage({ id, error: toJobError(error) });
    else parentPort!.postMessage({ id, crash: error instanceof Error ? error.message : String(error) });
  }
}

parentPort!.on("message", (message: Message) => {
  if ("job" in message) return void answer(message.id, message.job);
  if ("begin" in message) return void exports.set(message.id, { ...message.begin, records: [] });
  const open = exports.get(message.id);
  if (!open) return;
  if ("page" in message) {
    for (const row of message.page) open.records.push(row);
    return;
  }
  exports.delete(message.id);
  if ("end" in message) void answer(message.id, { op: "render", ...open });
});
