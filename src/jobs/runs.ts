/** Records every run of a scheduled job with its per-unit outcome (table job_runs). */
import { eq } from "drizzle-orm";
import { jobRuns, jobTargets } from "../../db/platform/schema";
import type { PlatformDb } from "../services";

export interface UnitOutcome {
  unit: string;
  ok: boolean;
  detail?: string;
}

/**
 * Runs `work` as a recorded job: a row when it starts, its outcome when it ends. The status is
 * `succeeded` when every unit succeeded, `partial` when some failed, `failed` when the job itself threw.
 */
export async function recordRun(
  db: PlatformDb,
  job: string,
  cron: string | null,
  work: () => Promise<UnitOutcome[]>,
): Promise<{ runId: string; status: "succeeded" | "partial" | "failed"; outcomes: UnitOutcome[] }> {
  const id = `${job}-${new Date().toISOString()}-${crypto.randomUUID().slice(0, 8)}`;
  await db.insert(jobRuns).values({ id, job, cron, startedAt: new Date().toISOString(), status: "running" });
  try {
    const outcomes = await work();
    const status = outcomes.every((o) => o.ok) ? "succeeded" : "partial";
    await db
      .update(jobRuns)
      .set({ finishedAt: new Date().toISOString(), status, outcome: { units: outcomes } })
      .where(eq(jobRuns.id, id));
    return { runId: id, status, outcomes };
  } catch (error) {
    await db
      .update(jobRuns)
      .set({ finishedAt: new Date().toISOString(), status: "failed", outcome: { error: error instanceof Error ? error.message : String(error) } })
      .where(eq(jobRuns.id, id));
    return { runId: id, status: "failed", outcomes: [] };
  }
}

/** A run as its record says now: status and the outcome of each target handled so far. */
export async function runSummary(db: PlatformDb, runId: string) {
  const [run] = await db.select().from(jobRuns).where(eq(jobRuns.id, runId));
  const targets = await db.select().from(jobTargets).where(eq(jobTargets.runId, runId));
  return {
    runId,
    status: run?.status ?? "failed",
    outcomes: targets.map((t): UnitOutcome => ({ unit: t.target, ok: t.ok, ...(t.detail ? { detail: t.detail } : {}) })),
  };
}
