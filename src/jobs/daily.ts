/**
 * The daily job, fanned out like the report jobs: the cron invocation only lists the units (a page
 * at a time) and sends one message per unit; each message, handled on its own, brings that unit's
 * schema current, refreshes its facts and records its deadline alerts. A unit that cannot be reached
 * is reported on the run (its facts kept and marked stale) and tried again the next night; the others
 * never wait for it. The same run retries report targets that failed in earlier runs, for their own
 * period, until issued or given up with an alert.
 */
import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { alerts, jobRuns, jobTargets, units } from "../../db/platform/schema";
import { refreshUnit } from "../figures/refresh";
import { newId } from "../ledger/ids";
import { addDays, currentPeriod, type Period } from "../periods/period";
import type { Services } from "../services";
import { recordAlerts } from "./alerts";
import type { DailyMessage, JobQueue, ReportMessage } from "./queue";
import { targetKey } from "./report-jobs";
import { failRun, recordTarget, startRun } from "./runs";

/** Units listed per query (and sent per 10 Queue batches): each platform response stays small. */
export const FAN_OUT_PAGE = 1_000;

/** Attempts per daily message before its failure is recorded (the Queue's max_retries + 1). */
export const DAILY_ATTEMPTS = 3;

/** Daily retries of a failed report target before it is given up and alerted. */
export const REPORT_RETRY_DAYS = 7;

/** How far back failed report targets are looked for. */
const RETRY_WINDOW_DAYS = 120;

/** Failed report targets retried per daily run (the rest wait for the next night). */
const RETRIES_PER_RUN = 200;

/** Starts the daily run: records it, sends one message per unit, and queues report retries. Returns the run id. */
export async function startDailyRun(services: Services, queue: JobQueue, day: string, cron: string | null = null): Promise<string> {
  const runId = `daily-${day}-${new Date().toISOString()}`;
  const [count] = await services.platform.select({ n: sql<number>`count(*)` }).from(units).where(eq(units.status, "active"));
  const expected = Number(count?.n ?? 0);
  await startRun(services, { id: runId, job: "daily", cron, expected, outcome: { day } });
  try {
    let after = "";
    for (;;) {
      const page = await services.platform
        .select({ slug: units.slug })
        .from(units)
        .where(and(eq(units.status, "active"), gt(units.slug, after)))
        .orderBy(asc(units.slug))
        .limit(FAN_OUT_PAGE);
      if (page.length === 0) break;
      await queue.send(page.map((u): DailyMessage => ({ runId, job: "daily", target: { kind: "unit", unit: u.slug }, day })));
      after = page[page.length - 1]!.slug;
      if (page.length < FAN_OUT_PAGE) break;
    }
    await retryFailedReports(services, queue, day);
  } catch (error) {
    await failRun(services, runId, error);
    throw error;
  }
  await queue.settled();
  return runId;
}

/** One unit's daily work. Throws on failure so the queue can retry; the last attempt's failure is recorded. */
export async function handleDailyMessage(services: Services, message: DailyMessage, attempt = 1, maxAttempts = DAILY_ATTEMPTS): Promise<void> {
  const slug = message.target.unit;
  const fail = async (detail: string) => {
    services.log.warn("daily job target failed", { runId: message.runId, unit: slug, attempt, error: detail });
    if (attempt >= maxAttempts) await recordTarget(services, message.runId, slug, false, detail.slice(0, 500));
    throw new Error(detail);
  };
  const unit = await services.tenants.find(slug);
  // Removed since the run was planned: nothing to do, and nothing failed.
  if (!unit) return recordTarget(services, message.runId, slug, true, "gone");
  // Opening brings the schema current.
  const opened = await services.tenants.use(unit, async () => null).catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
  if (opened !== null) return fail(`migration: ${opened}`);
  // The current period is judged too, so the day's first rollup finds every unit judged.
  const refreshed = await refreshUnit(services, slug, message.day, undefined, { rejudge: true, ensure: [currentPeriod(message.day)] });
  if (!refreshed.ok) return fail(`facts: ${refreshed.error ?? ""}`);
  const open = await recordAlerts(services, slug, message.day).catch((error: unknown) => fail(`alerts: ${error instanceof Error ? error.message : String(error)}`));
  await recordTarget(services, message.runId, slug, true, `refreshed ${refreshed.refreshed}, alerts ${open}`);
}

/**
 * Report targets that failed in an earlier run and whose report is still missing are sent again,
 * for the run's own period and under the run's id (a success there takes the failure off the run).
 * After REPORT_RETRY_DAYS nights they are given up: recorded on the target and, for a unit's
 * report, raised as an alert of the unit.
 */
async function retryFailedReports(services: Services, queue: JobQueue, day: string): Promise<void> {
  const since = `${addDays(day, -RETRY_WINDOW_DAYS)}T00:00:00.000Z`;
  const failed = await services.platform
    .select({ runId: jobTargets.runId, target: jobTargets.target, retries: jobTargets.retries, job: jobRuns.job, outcome: jobRuns.outcome })
    .from(jobTargets)
    .innerJoin(jobRuns, eq(jobRuns.id, jobTargets.runId))
    .where(and(eq(jobTargets.ok, false), eq(jobTargets.givenUp, false), inArray(jobRuns.job, ["quarterly", "annual"]), gt(jobRuns.startedAt, since)))
    .limit(RETRIES_PER_RUN);
  const retry: ReportMessage[] = [];
  for (const f of failed) {
    const period = (f.outcome as { period?: Period } | null)?.period;
    if (!period) continue;
    const [program, unit] = f.target.split("/");
    const message: ReportMessage = { runId: f.runId, job: f.job as ReportMessage["job"], target: unit ? { kind: "unit", unit, program: program! } : { kind: "program", program: program! }, period };
    if (targetKey(message) !== f.target) continue;
    if (f.retries >= REPORT_RETRY_DAYS) {
      await giveUp(services, message, day);
      continue;
    }
    await services.platform.update(jobTargets).set({ retries: f.retries + 1 }).where(and(eq(jobTargets.runId, f.runId), eq(jobTargets.target, f.target)));
    retry.push(message);
  }
  if (retry.length) await queue.send(retry);
}

async function giveUp(services: Services, message: ReportMessage, day: string): Promise<void> {
  const key = targetKey(message);
  await services.platform.update(jobTargets).set({ givenUp: true }).where(and(eq(jobTargets.runId, message.runId), eq(jobTargets.target, key)));
  const subject = `${message.target.program}/${message.period.year}${message.period.quarter ? `-Q${message.period.quarter}` : ""}`;
  services.log.error("report given up after daily retries", { runId: message.runId, target: key, retries: REPORT_RETRY_DAYS });
  if (message.target.kind !== "unit") return;
  const now = new Date().toISOString();
  await services.platform
    .insert(alerts)
    .values({ id: newId(), unit: message.target.unit, program: message.target.program, kind: "report_failed", subject, dueDate: day, firstSeenAt: now, lastSeenAt: now })
    .onConflictDoUpdate({ target: [alerts.unit, alerts.kind, alerts.subject], set: { lastSeenAt: now, resolvedAt: null } });
}
