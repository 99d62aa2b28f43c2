/**
 * The scheduled jobs, dispatched by cron expression. The expressions themselves live in one place,
 * `[triggers] crons` of wrangler.toml: Workers read them from there, and the Node scheduler parses
 * the same file. `test/schedule.test.ts` checks that every declared expression has a job here.
 */
import type { Services } from "../services";
import { periodsToRefresh, refreshUnit, today } from "../rollup/snapshots";
import { eachBounded } from "../bounded";
import { recordRun } from "./runs";

/** Cron expressions (UTC, as Workers run them) → job. 18:00 UTC is 02:00 Beijing time. */
export const JOBS_BY_CRON: Record<string, JobName> = {
  "0 18 * * *": "daily",
};

export type JobName = "daily";

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
 * The daily job: brings every tenant database to the latest migration and refreshes every unit's
 * rollup snapshots. A unit that cannot be reached is reported (its snapshot kept and marked stale)
 * and retried the next night; the others go on.
 */
export async function runJob(services: Services, job: JobName, cron: string | null = null) {
  switch (job) {
    case "daily":
      return recordRun(services.platform, "daily", cron, async () => {
        const migrated = await services.tenants.migrateAll({ onlyBehind: services.runtime === "workers" });
        const periods = periodsToRefresh(today());
        const refreshed = await eachBounded(
          migrated.map((m) => m.unit),
          4,
          (unit) => refreshUnit(services, unit, periods),
        );
        return migrated.map((m, i) => {
          const r = refreshed[i]!;
          if (!m.ok) return { unit: m.unit, ok: false, detail: `migration: ${m.error ?? ""}` };
          return r.ok ? { unit: m.unit, ok: true } : { unit: m.unit, ok: false, detail: `snapshot: ${r.error ?? ""}` };
        });
      });
  }
}
