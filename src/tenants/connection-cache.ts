/**
 * A bounded least-recently-used cache of open connections, one per tenant, so a process or isolate
 * keeps at most `capacity` connections however many units it serves. Evicted connections are closed.
 */
export class ConnectionCache<T extends { close(): void }> {
  readonly #entries = new Map<string, T>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error("ConnectionCache capacity must be a positive integer");
  }

  /** The connection for `key`, opening it with `open` when absent. */
  get(key: string, open: () => T): T {
    const hit = this.#entries.get(key);
    if (hit) {
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit;
    }
    const value = open();
    this.#entries.set(key, value);
    while (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.get(oldest)?.close();
      this.#entries.delete(oldest);
    }
    return value;
  }

  /** Closes and forgets one connection (e.g. after its database was removed). */
  drop(key: string): void {
    this.#entries.get(key)?.close();
    this.#entries.delete(key);
  }

  get size(): number {
    return this.#entries.size;
  }

  closeAll(): void {
    for (const value of this.#entries.values()) value.close();
    this.#entries.clear();
  }
}
