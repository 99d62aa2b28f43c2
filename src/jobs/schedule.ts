/**
 * The scheduled jobs, dispatched by cron expression. The expressions themselves live in one place,
 * `[triggers] crons` of wrangler.toml: Workers read them from there, and the Node scheduler parses
 * the same file. `test/schedule.test.ts` checks that every declared expression has a job here.
 */
import type { Services } from "../services";
import { refreshUnit } from "../figures/refresh";
import { previousQuarter, today } from "../periods/period";
import { eachBounded } from "../bounded";
import { recordAlerts } from "./alerts";
import { startReportRun } from "./report-jobs";
import { recordRun, runSummary } from "./runs";

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
 * The daily job brings every tenant database to the latest migration, refreshes every unit's rollup
 * snapshots and records deadline alerts; a unit that cannot be reached is reported (its snapshot kept
 * and marked stale) and retried the next night, the others go on. The quarterly and annual jobs fan
 * out one message per unit and program; each issues its report if it is missing.
 */
export async function runJob(services: Services, job: JobName, cron: string | null = null, day = today()) {
  switch (job) {
    case "quarterly":
      return runSummary(services.platform, await startReportRun(services, services.queue, "quarterly", previousQuarter(day), { cron }));
    case "annual":
      return runSummary(services.platform, await startReportRun(services, services.queue, "annual", { year: Number(day.slice(0, 4)) - 1, quarter: null }, { cron }));
    case "daily":
      return recordRun(services.platform, "daily", cron, async () => {
        const migrated = await services.tenants.migrateAll({ onlyBehind: services.runtime === "workers" });
        const refreshed = await eachBounded(
          migrated.map((m) => m.unit),
          4,
          async (unit) => {
            const refreshed = await refreshUnit(services, unit, day);
            if (refreshed.ok) await recordAlerts(services, unit, day).catch((e: unknown) => services.log.warn("alerts failed", { unit, error: String(e) }));
            return refreshed;
          },
        );
        return migrated.map((m, i) => {
          const r = refreshed[i]!;
          if (!m.ok) return { unit: m.unit, ok: false, detail: `migration: ${m.error ?? ""}` };
          return r.ok ? { unit: m.unit, ok: true } : { unit: m.unit, ok: false, detail: `facts: ${r.error ?? ""}` };
        });
      });
  }
}
