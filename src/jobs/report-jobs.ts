/**
 * The quarterly and annual report jobs: plan one message per unit and program, handle each by
 * issuing its report if it is missing, and record every target's outcome on the run. A unit that
 * fails is reported and, having no report, is issued by the next run; the others never wait for it.
 */
import { and, count, eq, sql } from "drizzle-orm";
import { groupMembers, groups, jobRuns, jobTargets, programs } from "../../db/platform/schema";
import { issueReport } from "../reports/issue";
import { inTerm, type Period } from "../periods/period";
import type { Services } from "../services";
import { InProcessQueue, type JobMessage, type JobQueue } from "./queue";

/**
 * Reports issued at once in-process. Embedded libSQL calls run on Node's one thread, so more at
 * once would not be faster — only hold more units' records in memory together.
 */
export const REPORT_CONCURRENCY = 1;

/** Attempts per message before its failure is recorded on the run (the Queue's max_retries + 1). */
export const REPORT_ATTEMPTS = 3;

/** Starts a run: records it and enqueues its messages. Returns the run id. */
export async function startReportRun(
  services: Services,
  queue: JobQueue,
  job: "quarterly" | "annual",
  period: Period,
  options: { cron?: string | null; programs?: string[]; reissue?: boolean } = {},
): Promise<string> {
  const runId = `${job}-${period.year}${period.quarter ? `-Q${period.quarter}` : ""}-${new Date().toISOString()}`;
  // Reports are issued only for periods within a program's term (the documents' own years).
  const programRows = (await services.platform.select({ slug: programs.slug, startYear: programs.startYear, endYear: programs.endYear }).from(programs))
    .filter((p) => inTerm(period.year, p) && (!options.programs || options.programs.includes(p.slug)))
    .map((p) => p.slug);
  const unitMessages: JobMessage[] = [];
  if (job === "quarterly") {
    const memberships = await services.platform
      .selectDistinct({ unit: groupMembers.unit, program: groups.program })
      .from(groupMembers)
      .innerJoin(groups, eq(groups.id, groupMembers.groupId));
    for (const m of memberships) {
      if (programRows.includes(m.program)) unitMessages.push({ runId, job, target: { kind: "unit", unit: m.unit, program: m.program }, period, ...(options.reissue ? { reissue: true } : {}) });
    }
  }
  const programMessages: JobMessage[] = programRows.map((program) => ({ runId, job, target: { kind: "program", program }, period, ...(options.reissue ? { reissue: true } : {}) }));
  await services.platform.insert(jobRuns).values({
    id: runId,
    job,
    cron: options.cron ?? null,
    startedAt: new Date().toISOString(),
    status: "running",
    outcome: { expected: unitMessages.length + programMessages.length, period },
  });
  await queue.send(unitMessages);
  // Unit reports first; program reports after them (held back in the Queue, or awaited in-process).
  if (queue.delays) await queue.send(programMessages, { delaySeconds: services.config.programReportDelaySeconds });
  else {
    await queue.settled();
    await queue.send(programMessages);
  }
  // In-process work is finished here; a Cloudflare Queue resolves at once and finishes the run later.
  await queue.settled();
  return runId;
}

function targetKey(m: JobMessage): string {
  return m.target.kind === "unit" ? `${m.target.program}/${m.target.unit}` : m.target.program;
}

/**
 * Handles one message: issues the report if absent and records the outcome. Throws on failure so
 * the queue can retry; the last attempt's failure is recorded on the run.
 */
export async function handleReportMessage(services: Services, message: JobMessage, attempt = 1, maxAttempts = REPORT_ATTEMPTS): Promise<void> {
  const kind = message.target.kind === "unit" ? "unit_quarterly" : message.job === "annual" ? "program_annual" : "program_quarterly";
  try {
    const { report, created } = await issueReport(services, {
      kind,
      program: message.target.program,
      ...(message.target.kind === "unit" ? { unit: message.target.unit } : {}),
      period: message.period,
      actor: `system:${message.job}`,
      runId: message.runId,
      ifAbsent: !message.reissue,
    });
    await recordTarget(services, message.runId, targetKey(message), true, created ? `issued ${report.id}` : `exists ${report.id}`);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    services.log.warn("report job target failed", { runId: message.runId, target: targetKey(message), attempt, error: detail });
    if (attempt >= maxAttempts) await recordTarget(services, message.runId, targetKey(message), false, detail.slice(0, 500));
    throw error;
  }
}

async function recordTarget(services: Services, runId: string, target: string, ok: boolean, detail: string): Promise<void> {
  const row = { runId, target, ok, detail, at: new Date().toISOString() };
  await services.platform.insert(jobTargets).values(row).onConflictDoUpdate({ target: [jobTargets.runId, jobTargets.target], set: row });
  await finishIfComplete(services, runId);
}

/** Marks a run finished once every expected target has an outcome. */
export async function finishIfComplete(services: Services, runId: string): Promise<void> {
  const [run] = await services.platform.select().from(jobRuns).where(eq(jobRuns.id, runId));
  const expected = Number((run?.outcome as { expected?: number } | null)?.expected ?? 0);
  if (!run || run.finishedAt) return;
  const [done] = await services.platform.select({ n: count(), failed: sql<number>`COALESCE(SUM(${jobTargets.ok} = 0), 0)` }).from(jobTargets).where(eq(jobTargets.runId, runId));
  if ((done?.n ?? 0) < expected) return;
  await services.platform
    .update(jobRuns)
    .set({ finishedAt: new Date().toISOString(), status: Number(done?.failed ?? 0) > 0 ? "partial" : "succeeded" })
    .where(and(eq(jobRuns.id, runId), sql`${jobRuns.finishedAt} IS NULL`));
}

/** The in-process report queue a runtime without a Cloudflare Queue uses (Node, or a script). */
export function inProcessReportQueue(services: () => Services): InProcessQueue {
  return new InProcessQueue((message, attempt) => handleReportMessage(services(), message, attempt, REPORT_ATTEMPTS), REPORT_CONCURRENCY, REPORT_ATTEMPTS - 1);
}
