/**
 * Deadline alerts, recorded by the daily job per unit: the last quarter's submission due soon
 * (within the quarterly-submission rule's `remindDays`) or late (past its `dueDays`), a seconded
 * cadre's term ending within the cadre-terms rule's `warnDays` or overdue. The days come from each
 * program's own rule set, and the states from the same functions the rules use. An alert stays
 * open while its condition holds and is resolved when it no longer does. Cadres are identified by
 * record id only.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import { alerts } from "../../db/platform/schema";
import { cadres, submissions } from "../../db/tenant/schema";
import { programsOf } from "../directory/unit-programs";
import { notify, type Notice } from "../inbox/notifications";
import { inPostOn, termState } from "../figures/cadres";
import { submissionStanding } from "../figures/submissions";
import { newId } from "../ledger/ids";
import { addDays, previousQuarter } from "../periods/period";
import { deadlinesOf } from "../figures/judge";
import { ruleSet } from "../rules/rule-sets";
import type { Services, TenantDb } from "../services";

type AlertKind = (typeof alerts.$inferInsert)["kind"];

/** The kinds this module opens and resolves. */
const DEADLINE_KINDS = new Set<AlertKind>(["submission_due", "submission_late", "cadre_term_ending", "cadre_term_overdue"]);

export async function recordAlerts(services: Services, unitSlug: string, day: string): Promise<number> {
  const unit = await services.tenants.find(unitSlug);
  if (!unit) return 0;
  return services.tenants.use(unit, ({ db }) => recordAlertsOf(services, unitSlug, db, day));
}

async function recordAlertsOf(services: Services, unitSlug: string, db: TenantDb, day: string): Promise<number> {
  const open: { program: string | null; kind: AlertKind; subject: string; dueDate: string }[] = [];

  const last = previousQuarter(day);
  const programs = await programsOf(services.platform, unitSlug);
  const deadlines = new Map(await Promise.all(programs.map(async (p) => [p, deadlinesOf(await ruleSet(services.platform, p))] as const)));
  for (const program of programs) {
    const { submissionDueDays: dueDays, submissionRemindDays: remindDays } = deadlines.get(program)!;
    const rows = await db
      .select({ quarter: submissions.quarter, status: submissions.status, submittedAt: submissions.submittedAt })
      .from(submissions)
      .where(and(eq(submissions.year, last.year), eq(submissions.quarter, last.quarter), eq(submissions.program, program), isNull(submissions.voidedAt)));
    const standing = submissionStanding(rows, last.year, last.quarter!, dueDays, day);
    const subject = `${last.year}-Q${last.quarter}`;
    if (standing.state === "missing") open.push({ program, kind: "submission_late", subject, dueDate: standing.due });
    else if (standing.state === "not_due" && day >= addDays(standing.due, -remindDays)) open.push({ program, kind: "submission_due", subject, dueDate: standing.due });
  }

  // A cadre of no program (the unit's general work) is reminded by the widest window of its programs.
  const defaultWarn = Math.max(...[...deadlines.values()].map((d) => d.cadreWarnDays), deadlinesOf([]).cadreWarnDays);
  const inPost = await db
    .select({ id: cadres.id, program: cadres.program, startDate: cadres.startDate, plannedEndDate: cadres.plannedEndDate, actualEndDate: cadres.actualEndDate, status: cadres.status })
    .from(cadres)
    .where(and(eq(cadres.status, "in_post"), isNull(cadres.voidedAt)));
  for (const c of inPost) {
    if (!inPostOn(c, day)) continue;
    const state = termState(c, day, (c.program ? deadlines.get(c.program)?.cadreWarnDays : undefined) ?? defaultWarn);
    if (state === "overdue") open.push({ program: c.program, kind: "cadre_term_overdue", subject: c.id, dueDate: c.plannedEndDate });
    else if (state === "ending") open.push({ program: c.program, kind: "cadre_term_ending", subject: c.id, dueDate: c.plannedEndDate });
  }

  const now = new Date().toISOString();
  // What newly opened today reaches the unit's inbox once (an alert still open tomorrow is not told again).
  const before = await services.platform.select({ kind: alerts.kind, subject: alerts.subject }).from(alerts).where(and(eq(alerts.unit, unitSlug), isNull(alerts.resolvedAt)));
  const fresh = open.filter((a) => !before.some((b) => b.kind === a.kind && b.subject === a.subject));
  await notify(services, fresh.map((a) => deadlineNotice(unitSlug, a)));
  for (const a of open) {
    await services.platform
      .insert(alerts)
      .values({ id: newId(), unit: unitSlug, ...a, firstSeenAt: now, lastSeenAt: now })
      .onConflictDoUpdate({ target: [alerts.unit, alerts.kind, alerts.subject], set: { lastSeenAt: now, resolvedAt: null, dueDate: a.dueDate } });
  }
  // Whatever was open and no longer holds is resolved.
  const stillOpen = open.map((a) => `${a.kind}/${a.subject}`);
  const previous = await services.platform.select().from(alerts).where(and(eq(alerts.unit, unitSlug), isNull(alerts.resolvedAt)));
  // Only the kinds judged here: a report given up (src/jobs/daily.ts) stays open until someone acts on it.
  const gone = previous.filter((p) => DEADLINE_KINDS.has(p.kind) && !stillOpen.includes(`${p.kind}/${p.subject}`)).map((p) => p.id);
  if (gone.length) await services.platform.update(alerts).set({ resolvedAt: now }).where(inArray(alerts.id, gone));
  return open.length;
}

/** A deadline as the unit's inbox says it. */
function deadlineNotice(unit: string, a: { program: string | null; kind: string; subject: string; dueDate: string | null }): Notice {
  const due = a.dueDate ?? "—";
  const text: Record<string, [string, string]> = {
    submission_due: [`${a.subject.replace("-Q", " 年第 ")} 季度工作进展将于 ${due} 截止报送`, `The ${a.subject} report is due on ${due}`],
    submission_late: [`${a.subject.replace("-Q", " 年第 ")} 季度工作进展已逾期（截止 ${due}），请尽快报送`, `The ${a.subject} report is overdue (due ${due})`],
    cadre_term_ending: [`一名挂职干部将于 ${due} 期满，请及时安排轮换`, `A seconded cadre's term ends on ${due}`],
    cadre_term_overdue: [`一名挂职干部已过期满日（${due}），请办理轮换或延期`, `A seconded cadre is past the end of term (${due})`],
  };
  const [zh, en] = text[a.kind] ?? [`待办：${a.kind}`, a.kind];
  const link = a.kind.startsWith("cadre") ? `#/u/${unit}/ledger/cadres` : `#/u/${unit}/submissions`;
  return { audienceKind: "unit", audience: unit, kind: "deadline", zh, en, link };
}
