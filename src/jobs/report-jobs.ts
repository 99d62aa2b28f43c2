/**
 * The quarterly and annual report jobs: plan one message per unit and program, handle each by
 * issuing its report if it is missing, and record every target's outcome on the run. A target that
 * fails is recorded, and the daily job retries it for the run's own period (src/jobs/daily.ts);
 * the others never wait for it.
 */
import { eq } from "drizzle-orm";
import { groupMembers, groups, programParticipants, programs } from "../../db/platform/schema";
import { inForce, inForceOf } from "../figures/in-force";
import { judgeAndStore, judgingInputs } from "../figures/judgements";
import { issueReport } from "../reports/issue";
import { inTerm, today, type Period } from "../periods/period";
import type { Services } from "../services";
import type { JobQueue, RefreshMessage, ReportMessage } from "./queue";
import { recordTarget, startRun } from "./runs";

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
  const unitMessages: ReportMessage[] = [];
  /** Annual runs issue no unit reports: their units' facts for the year are brought current first, so the program report reads current facts (it never reads a tenant itself). */
  const refreshMessages: RefreshMessage[] = [];
  // Reports of a period go to the units in the program during it: members of its groups, and participants without a pairing.
  const [grouped, participating] = await Promise.all([
    services.platform.selectDistinct({ unit: groupMembers.unit, program: groups.program }).from(groupMembers).innerJoin(groups, eq(groups.id, groupMembers.groupId)).where(inForce(period)),
    services.platform.selectDistinct({ unit: programParticipants.unit, program: programParticipants.program }).from(programParticipants).where(inForceOf(programParticipants, period)),
  ]);
  const memberships = [...grouped, ...participating];
  const inRun = memberships.filter((m) => programRows.includes(m.program));
  if (job === "quarterly") for (const m of inRun) unitMessages.push({ runId, job, target: { kind: "unit", unit: m.unit, program: m.program }, period, ...(options.reissue ? { reissue: true } : {}) });
  else for (const unit of new Set(inRun.map((m) => m.unit))) refreshMessages.push({ runId: "", job: "refresh", target: { kind: "unit", unit }, years: [period.year], judge: [period] });
  const programMessages: ReportMessage[] = programRows.map((program) => ({ runId, job, target: { kind: "program", program }, period, ...(options.reissue ? { reissue: true } : {}) }));
  await startRun(services, { id: runId, job, cron: options.cron ?? null, expected: unitMessages.length + programMessages.length, outcome: { period } });
  await queue.send([...unitMessages, ...refreshMessages]);
  // Unit reports (or refreshes) first; program reports after them (held back in the Queue, or awaited in-process).
  if (queue.delays) await queue.send(programMessages, { delaySeconds: services.config.programReportDelaySeconds });
  else {
    await queue.settled();
    await queue.send(programMessages);
  }
  // In-process work is finished here; a Cloudflare Queue resolves at once and finishes the run later.
  await queue.settled();
  return runId;
}

export function targetKey(m: ReportMessage): string {
  return m.target.kind === "unit" ? `${m.target.program}/${m.target.unit}` : m.target.program;
}

/**
 * Handles one message: issues the report if absent and records the outcome. Throws on failure so
 * the queue can retry; the last attempt's failure is recorded on the run.
 */
export async function handleReportMessage(services: Services, message: ReportMessage, attempt = 1, maxAttempts = REPORT_ATTEMPTS): Promise<void> {
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
    // The unit's judgement for the period, stored for the program report that follows (it adds them up).
    if (message.target.kind === "unit") await judgeAndStore(services, message.target.program, await judgingInputs(services, message.target.program, message.period, today()), [message.target.unit]);
    await recordTarget(services, message.runId, targetKey(message), true, created ? `issued ${report.id}` : `exists ${report.id}`);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    services.log.warn("report job target failed", { runId: message.runId, target: targetKey(message), attempt, error: detail });
    if (attempt >= maxAttempts) await recordTarget(services, message.runId, targetKey(message), false, detail.slice(0, 500));
    throw error;
  }
}
