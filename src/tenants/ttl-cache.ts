/**
 * A small time-bounded cache for directory facts every request needs and that change rarely (a
 * unit's row, its programs): a few seconds of staleness saves a platform query per request.
 * Writes through this process invalidate at once; other processes and isolates catch up within the TTL.
 */
export class TtlCache<T> {
  readonly #entries = new Map<string, { value: T; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly capacity = 10_000,
  ) {}

  async get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.#entries.get(key);
    const now = Date.now();
    if (hit && hit.until > now) return hit.value;
    const value = await load();
    if (this.#entries.size >= this.capacity) this.#entries.delete(this.#entries.keys().next().value as string);
    this.#entries.set(key, { value, until: now + this.ttlMs });
    return value;
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }
}
