/**
 * The scheduled jobs, dispatched by cron expression. The expressions themselves live in one place,
 * `[triggers] crons` of wrangler.toml: Workers read them from there, and the Node scheduler parses
 * the same file. `test/schedule.test.ts` checks that every declared expression has a job here.
 */
import type { Services } from "../services";
import { previousQuarter, today } from "../periods/period";
import { startDailyRun } from "./daily";
import { startReportRun } from "./report-jobs";
import { runSummary } from "./runs";

/**
 * Cron expressions (UTC, as Workers run them) → job. 18:00 UTC is 02:00 Beijing time; 01:00 UTC is
 * 09:00 Beijing time on the 5th day after each quarter (quarterly reports) and on 15 January (annual).
 */
export const JOBS_BY_CRON: Record<string, JobName> = {
  "0 18 * * *": "daily",
  "0 1 5 1,4,7,10 *": "quarterly",
  "0 1 15 1 *": "annual",
};

export type JobName = "daily" | "quarterly" | "annual";

/** Runs the job a cron expression names; an unknown expression is logged and ignored. */
export async function runScheduled(services: Services, cron: string) {
  const job = JOBS_BY_CRON[cron];
  if (!job) {
    services.log.warn("no job for cron expression", { cron });
    return null;
  }
  return runJob(services, job, cron);
}

/**
 * Starts a job: one message per unit (and program, for reports) on the queue — in-process on Node,
 * where the work is done when this returns, or a Cloudflare Queue, where it is done later by the
 * queue() consumer. Reads the targets' outcomes only where the work is already done (in-process):
 * a Worker's cron invocation reads nothing per unit.
 */
export async function runJob(services: Services, job: JobName, cron: string | null = null, day = today()) {
  const runId =
    job === "quarterly"
      ? await startReportRun(services, services.queue, "quarterly", previousQuarter(day), { cron })
      : job === "annual"
        ? await startReportRun(services, services.queue, "annual", { year: Number(day.slice(0, 4)) - 1, quarter: null }, { cron })
        : await startDailyRun(services, services.queue, day, cron);
  if (services.queue.delays) return { runId, status: "running" as const, outcomes: [] };
  return runSummary(services.platform, runId);
}
