/**
 * The fan-out of scheduled work: one message per unit (or program), so no invocation touches more
 * than one tenant. On Workers it is a Cloudflare
 * Queue (retries and a dead-letter queue by configuration); on Node an in-process queue with the
 * same interface, bounded concurrency and a few retries with back-off.
 */
import type { Period } from "../periods/period";

/** Issue one report (a unit's quarterly, or a program's quarterly or annual). */
export interface ReportMessage {
  runId: string;
  job: "quarterly" | "annual";
  target: { kind: "unit"; unit: string; program: string } | { kind: "program"; program: string };
  period: Period;
  /** Issue a new version even if the period's report exists (a coordinator's re-run). */
  reissue?: boolean;
}

/** The daily work of one unit: bring its schema current, refresh its facts, record its deadline alerts. */
export interface DailyMessage {
  runId: string;
  job: "daily";
  target: { kind: "unit"; unit: string };
  day: string;
}

/** Refresh one unit's facts (queued by a rollup that found them behind); no run is recorded. */
export interface RefreshMessage {
  runId: "";
  job: "refresh";
  target: { kind: "unit"; unit: string };
  /** The years to bring current (default: the years a write would refresh). */
  years?: number[];
  /** Periods to judge the unit for afterwards, in each of its programs (an annual run's year, for its program report). */
  judge?: Period[];
}

/**
 * Judge the units of a program whose judgement for a period is behind, in a range of slugs (from
 * inclusive, to exclusive; at most JUDGE_PER_MESSAGE): queued by a reader that found more behind than
 * it judges itself. No run is recorded.
 */
export interface JudgeMessage {
  runId: "";
  job: "judge";
  program: string;
  period: Period;
  day: string;
  range: { from: string; to: string | null };
}

/** One notice to one webhook (src/webhooks/deliver.ts): retried by the queue. */
export interface WebhookMessage {
  runId: "";
  job: "webhook";
  delivery: number;
}

export type JobMessage = ReportMessage | DailyMessage | RefreshMessage | JudgeMessage | WebhookMessage;

export interface JobQueue {
  /** Whether `delaySeconds` is honoured (a Cloudflare Queue); otherwise the caller awaits `settled()` to order work. */
  readonly delays: boolean;
  /** Enqueues messages; `delaySeconds` holds them back (program reports after unit reports). */
  send(messages: JobMessage[], options?: { delaySeconds?: number }): Promise<void>;
  /** Resolves when everything sent so far has been handled (Node), or at once (Workers). */
  settled(): Promise<void>;
}

/** Node: handles messages in-process, at most `concurrency` at once, retrying a failure up to `retries` times. */
export class InProcessQueue implements JobQueue {
  readonly delays = false;
  readonly #pending: Promise<void>[] = [];

  constructor(
    private readonly handle: (message: JobMessage, attempt: number) => Promise<void>,
    private readonly concurrency = 4,
    private readonly retries = 2,
  ) {}

  async send(messages: JobMessage[]): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < messages.length) {
        const message = messages[next++]!;
        for (let attempt = 1; ; attempt++) {
          try {
            await this.handle(message, attempt);
            break;
          } catch {
            if (attempt > this.retries) break;
            await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
          }
        }
      }
    };
    this.#pending.push(Promise.all(Array.from({ length: Math.min(this.concurrency, messages.length) }, worker)).then(() => undefined));
  }

  async settled(): Promise<void> {
    while (this.#pending.length) await this.#pending.shift();
  }
}

/** The part of a Cloudflare Queue producer binding used here. */
export interface QueueProducer {
  sendBatch(messages: { body: JobMessage; delaySeconds?: number }[]): Promise<void>;
}

/** Workers: sends to a Cloudflare Queue, 100 messages per batch (the Queues limit). */
export class CloudflareQueue implements JobQueue {
  readonly delays = true;
  constructor(private readonly producer: QueueProducer) {}

  async send(messages: JobMessage[], options: { delaySeconds?: number } = {}): Promise<void> {
    for (let i = 0; i < messages.length; i += 100) {
      await this.producer.sendBatch(messages.slice(i, i + 100).map((body) => ({ body, ...(options.delaySeconds ? { delaySeconds: options.delaySeconds } : {}) })));
    }
  }

  async settled(): Promise<void> {}
}
