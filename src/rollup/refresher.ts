/**
 * Refreshes a unit's snapshots after it writes, in the background, one refresh per unit at a time:
 * writes that arrive during a refresh cause exactly one more refresh afterwards. On Workers the
 * caller hands the promise to `waitUntil`; on Node it simply runs on.
 */
export class SnapshotRefresher {
  readonly #running = new Map<string, Promise<void>>();
  readonly #again = new Set<string>();

  constructor(private readonly refresh: (unit: string) => Promise<unknown>) {}

  /** Schedules a refresh of one unit; returns the promise of its completion (never rejects). */
  schedule(unit: string): Promise<void> {
    const running = this.#running.get(unit);
    if (running) {
      this.#again.add(unit);
      return running;
    }
    const run = (async () => {
      do {
        this.#again.delete(unit);
        await this.refresh(unit).catch(() => undefined);
      } while (this.#again.has(unit));
    })().finally(() => this.#running.delete(unit));
    this.#running.set(unit, run);
    return run;
  }

  /** Resolves when no refresh is running (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.#running.size) await Promise.allSettled([...this.#running.values()]);
  }
}
