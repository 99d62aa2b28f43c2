/**
 * Refreshes a unit's snapshots after it writes, in the background and debounced: a burst of writes
 * to one unit causes one refresh a moment after the burst (at most `maxDelayMs` after its first
 * write), never one per write — a refresh re-reads the unit's year, which must not slow its clerks.
 * One refresh per unit runs at a time. On Workers the caller hands the promise to `waitUntil`.
 */
interface Pending {
  timer: ReturnType<typeof setTimeout>;
  firstAt: number;
  done: Promise<void>;
  fire: () => void;
}

export class SnapshotRefresher {
  readonly #pending = new Map<string, Pending>();
  readonly #running = new Map<string, Promise<void>>();

  constructor(
    private readonly refresh: (unit: string) => Promise<unknown>,
    private readonly quietMs = 2_000,
    private readonly maxDelayMs = 10_000,
  ) {}

  /** Schedules a refresh of one unit; returns the promise of its completion (never rejects). */
  schedule(unit: string): Promise<void> {
    const pending = this.#pending.get(unit);
    if (pending) {
      // Another write: wait for quiet again, but not beyond the maximum delay.
      clearTimeout(pending.timer);
      const wait = Math.max(0, Math.min(this.quietMs, pending.firstAt + this.maxDelayMs - Date.now()));
      pending.timer = setTimeout(pending.fire, wait);
      return pending.done;
    }
    let fire!: () => void;
    const done = new Promise<void>((resolve) => {
      fire = () => {
        this.#pending.delete(unit);
        void this.#run(unit).then(resolve);
      };
    });
    this.#pending.set(unit, { timer: setTimeout(fire, this.quietMs), firstAt: Date.now(), done, fire });
    return done;
  }

  #run(unit: string): Promise<void> {
    // A refresh already running for the unit finishes first; this one then reads the newer data.
    const previous = this.#running.get(unit) ?? Promise.resolve();
    const run: Promise<void> = previous
      .then(() => this.refresh(unit))
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        if (this.#running.get(unit) === run) this.#running.delete(unit);
      });
    this.#running.set(unit, run);
    return run;
  }

  /** Runs every pending refresh now and resolves when none is left (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.#pending.size || this.#running.size) {
      for (const p of [...this.#pending.values()]) {
        clearTimeout(p.timer);
        p.fire();
      }
      await Promise.allSettled([...this.#running.values()]);
    }
  }
}
