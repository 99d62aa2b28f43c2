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

/**
 * Maps a long list in slices with a breath between them, so one request's thousands of rows do not
 * hold the thread that serves every other request.
 * @example const statements = await mapInSlices(records, toInsert)
 */
export async function mapInSlices<T, R>(items: readonly T[], fn: (item: T, i: number) => R | Promise<R>, size = 1000): Promise<R[]> {
  const out: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    if (start > 0) await breathe();
    const end = Math.min(items.length, start + size);
    for (let i = start; i < end; i++) out.push(await fn(items[i]!, i));
  }
  return out;
}
