/**
 * A bounded cache of open connections, one per tenant, so a process or isolate keeps at most
 * `capacity` connections however many units it serves. Connections are leased: a lease keeps its
 * connection open until released, and only idle connections (no lease) are evicted, least recently
 * used first. When every cached connection is leased, a new tenant waits for one to be released —
 * the bound holds under any concurrency — and gives up after `waitMs` with CacheFullError.
 */
export interface Lease<T> {
  value: T;
  /** Ends the lease (idempotent). The connection stays cached until evicted. */
  release(): void;
}

export class CacheFullError extends Error {
  override name = "CacheFullError";
}

interface Entry<T> {
  value: T;
  leases: number;
  /** Dropped while leased: closed when the last lease ends. */
  dropped: boolean;
}

export class ConnectionCache<T extends { close(): void }> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #waiting: (() => void)[] = [];

  constructor(
    readonly capacity: number,
    readonly waitMs = 10_000,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error("ConnectionCache capacity must be a positive integer");
  }

  /** A lease on the connection for `key`, opening it with `open` when absent. */
  async lease(key: string, open: () => T): Promise<Lease<T>> {
    const deadline = Date.now() + this.waitMs;
    for (;;) {
      const hit = this.#entries.get(key);
      if (hit) {
        // Most recently used last.
        this.#entries.delete(key);
        this.#entries.set(key, hit);
        return this.#leaseOf(hit);
      }
      if (this.#entries.size < this.capacity || this.#evictIdle()) {
        const entry: Entry<T> = { value: open(), leases: 0, dropped: false };
        this.#entries.set(key, entry);
        return this.#leaseOf(entry);
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new CacheFullError(`all ${this.capacity} tenant connections are in use`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          const at = this.#waiting.indexOf(wake);
          if (at >= 0) this.#waiting.splice(at, 1);
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.#waiting.push(wake);
      });
    }
  }

  #leaseOf(entry: Entry<T>): Lease<T> {
    entry.leases += 1;
    let released = false;
    return {
      value: entry.value,
      release: () => {
        if (released) return;
        released = true;
        entry.leases -= 1;
        if (entry.leases === 0) {
          if (entry.dropped) entry.value.close();
          // One idle connection: one waiter may now evict it.
          this.#waiting[0]?.();
        }
      },
    };
  }

  /** Closes the least recently used idle connection; false when every connection is leased. */
  #evictIdle(): boolean {
    for (const [key, entry] of this.#entries) {
      if (entry.leases > 0) continue;
      entry.value.close();
      this.#entries.delete(key);
      return true;
    }
    return false;
  }

  /** Forgets one connection (e.g. after its database was removed); closed now, or when its last lease ends. */
  drop(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    if (entry.leases === 0) entry.value.close();
    else entry.dropped = true;
    this.#waiting[0]?.();
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Leases held now (tests). */
  get leased(): number {
    let n = 0;
    for (const e of this.#entries.values()) n += e.leases;
    return n;
  }

  /** Closes everything (process shutdown, tests), leased or not. */
  closeAll(): void {
    for (const entry of this.#entries.values()) entry.value.close();
    this.#entries.clear();
    for (const wake of [...this.#waiting]) wake();
  }
}
