/**
 * Maps over items with at most `limit` calls running at once, keeping the input order — how the
 * platform walks every tenant (migrations, snapshots, jobs) without opening them all at once.
 * @example const results = await eachBounded(units, 4, (u) => refresh(u))
 */
export async function eachBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

/**
 * Lets timers and I/O run: awaiting an embedded database call alone does not, as it resolves at once.
 * setImmediate where the runtime has it (Node: the breath is one turn of the event loop), else a
 * zero timeout (which Node would clamp to a whole millisecond, per breath).
 */
const nextTurn: (resolve: () => void) => unknown = (globalThis as { setImmediate?: (f: () => void) => unknown }).setImmediate ?? ((resolve) => setTimeout(resolve, 0));
export const breathe = () => new Promise<void>((resolve) => nextTurn(resolve));

/** Longest stretch of one request's work between breaths: others wait at most about this long per turn. */
export const SLICE_MS = 8;

/**
 * A clock for long work on the one thread: `due()` says when the current slice has run `SLICE_MS`,
 * and `pause()` breathes and starts the next. Slices are measured in time, not in items, because an
 * item's cost varies with the machine and with what a row sets off (an insert also feeds the search
 * index): 500 statements per slice were 20 ms once and over 100 ms on a loaded CI machine.
 * (On Workers time stands still within a request, so nothing ever pauses there, nor needs to.)
 */
export function pacer(): { due(): boolean; pause(): Promise<void> } {
  let started = performance.now();
  return {
    due: () => performance.now() - started >= SLICE_MS,
    pause: async () => {
      await breathe();
      started = performance.now();
    },
  };
}

/**
 * Maps a long list in slices of about `SLICE_MS` with a breath between them, so one request's
 * thousands of rows do not hold the thread that serves every other request.
 * @example const statements = await mapInSlices(records, toInsert)
 */
export async function mapInSlices<T, R>(items: readonly T[], fn: (item: T, i: number) => R | Promise<R>): Promise<R[]> {
  const out: R[] = [];
  const pace = pacer();
  for (let i = 0; i < items.length; i++) {
    if (pace.due()) await pace.pause();
    out.push(await fn(items[i]!, i));
  }
  return out;
}

/** `items` in consecutive slices of `size` (a statement's rows, a query's list of values). */
export function slicesOf<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}
