/**
 * Runs of scheduled jobs (table job_runs) and the outcome of each target they fanned out to
 * (job_targets). A run knows how many targets it expects; each first outcome adds one to `done` (and
 * to `failed`) in the same batch that records it, and the batch closes the run when `done` reaches
 * `expected` — so finishing costs the same for 10 units as for 50,000 (no count over the targets).
 */
import { eq } from "drizzle-orm";
import { jobRuns, jobTargets } from "../../db/platform/schema";
import type { PlatformDb, Services } from "../services";

export interface UnitOutcome {
  unit: string;
  ok: boolean;
  detail?: string;
}

export type RunStatus = "running" | "succeeded" | "partial" | "failed";

/** Records a run about to send `expected` messages. A run with nothing to do is finished at once. */
export async function startRun(services: Services, run: { id: string; job: string; cron: string | null; expected: number; outcome?: unknown }): Promise<void> {
  const now = new Date().toISOString();
  await services.platform.insert(jobRuns).values({
    id: run.id,
    job: run.job,
    cron: run.cron,
    startedAt: now,
    status: run.expected === 0 ? "succeeded" : "running",
    ...(run.expected === 0 ? { finishedAt: now } : {}),
    outcome: run.outcome ?? null,
    expected: run.expected,
  });
}

/** A run that could not even send its messages. */
export async function failRun(services: Services, runId: string, error: unknown): Promise<void> {
  await services.platform
    .update(jobRuns)
    .set({ finishedAt: new Date().toISOString(), status: "failed", outcome: { error: error instanceof Error ? error.message : String(error) } })
    .where(eq(jobRuns.id, runId));
}

/**
 * Records one target's outcome, atomically with the run's counts. The first outcome counts; a later
 * success replaces a recorded failure (a retry) and takes it off `failed`; a repeated delivery of the
 * same outcome changes nothing (Queues deliver at least once).
 */
export async function recordTarget(services: Services, runId: string, target: string, ok: boolean, detail: string): Promise<void> {
  const at = new Date().toISOString();
  const okInt = ok ? 1 : 0;
  await services.platformClient.batch(
    [
      // A success replacing a recorded failure.
      {
        sql: "UPDATE job_runs SET failed = failed - 1 WHERE id = ? AND ? = 1 AND EXISTS (SELECT 1 FROM job_targets WHERE run_id = ? AND target = ? AND ok = 0)",
        args: [runId, okInt, runId, target],
      },
      // A first outcome.
      {
        sql: "UPDATE job_runs SET done = done + 1, failed = failed + ? WHERE id = ? AND NOT EXISTS (SELECT 1 FROM job_targets WHERE run_id = ? AND target = ?)",
        args: [1 - okInt, runId, runId, target],
      },
      {
        sql: `INSERT INTO job_targets (run_id, target, ok, detail, at) VALUES (?, ?, ?, ?, ?)
              ON CONFLICT (run_id, target) DO UPDATE SET ok = excluded.ok, detail = excluded.detail, at = excluded.at
              WHERE job_targets.ok = 0 AND excluded.ok = 1`,
        args: [runId, target, okInt, detail, at],
      },
      {
        sql: "UPDATE job_runs SET finished_at = ?, status = CASE WHEN failed > 0 THEN 'partial' ELSE 'succeeded' END WHERE id = ? AND finished_at IS NULL AND done >= expected",
        args: [at, runId],
      },
      // A run finished as partial whose last failure was retried successfully.
      { sql: "UPDATE job_runs SET status = 'succeeded' WHERE id = ? AND finished_at IS NOT NULL AND status = 'partial' AND failed = 0", args: [runId] },
    ],
    "write",
  );
}

/** A run as its record says now: status and the outcome of each target handled so far (reads every target: for tests, scripts and Node). */
export async function runSummary(db: PlatformDb, runId: string) {
  const [run] = await db.select().from(jobRuns).where(eq(jobRuns.id, runId));
  const targets = await db.select().from(jobTargets).where(eq(jobTargets.runId, runId));
  return {
    runId,
    status: (run?.status ?? "failed") as RunStatus,
    outcomes: targets.map((t): UnitOutcome => ({ unit: t.target, ok: t.ok, ...(t.detail ? { detail: t.detail } : {}) })),
  };
}
