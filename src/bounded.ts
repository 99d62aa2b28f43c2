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
