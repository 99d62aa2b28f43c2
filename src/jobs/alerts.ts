/**
 * Deadline alerts, recorded by the daily job per unit: a quarterly submission due within 10 days
 * or late, a seconded cadre's term ending within 90 days or overdue. An alert is kept open while its
 * condition holds and resolved when it no longer does. Cadres are identified by record id only.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import { alerts } from "../../db/platform/schema";
import { cadres, submissions } from "../../db/tenant/schema";
import { newId } from "../ledger/ids";
import type { Services } from "../services";
import { programsOf } from "../tenants/middleware";

const SUBMISSION_DUE_DAYS = 5;
const SUBMISSION_WARN_DAYS = 10;
const TERM_WARN_DAYS = 90;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The report of the quarter before `day` is due on the 5th day after that quarter ends. */
function lastQuarterDue(day: string): { year: number; quarter: number; due: string } {
  const year = Number(day.slice(0, 4));
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1;
  const prev = q === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: q - 1 };
  const end = new Date(Date.UTC(prev.year, prev.quarter * 3, 0)).toISOString().slice(0, 10);
  return { ...prev, due: addDays(end, SUBMISSION_DUE_DAYS) };
}

type AlertKind = (typeof alerts.$inferInsert)["kind"];

export async function recordAlerts(services: Services, unitSlug: string, day: string): Promise<number> {
  const unit = await services.tenants.find(unitSlug);
  if (!unit) return 0;
  const { db } = await services.tenants.open(unit);
  const open: { program: string | null; kind: AlertKind; subject: string; dueDate: string }[] = [];

  const last = lastQuarterDue(day);
  for (const program of await programsOf(services.platform, unitSlug)) {
    const [s] = await db
      .select({ status: submissions.status })
      .from(submissions)
      .where(and(eq(submissions.year, last.year), eq(submissions.quarter, last.quarter), eq(submissions.program, program), isNull(submissions.voidedAt)));
    if (s?.status === "submitted") continue;
    const subject = `${last.year}-Q${last.quarter}`;
    if (day > last.due) open.push({ program, kind: "submission_late", subject, dueDate: last.due });
    else if (day >= addDays(last.due, -SUBMISSION_WARN_DAYS)) open.push({ program, kind: "submission_due", subject, dueDate: last.due });
  }

  const inPost = await db
    .select({ id: cadres.id, program: cadres.program, plannedEndDate: cadres.plannedEndDate })
    .from(cadres)
    .where(and(eq(cadres.status, "in_post"), isNull(cadres.voidedAt)));
  for (const c of inPost) {
    if (c.plannedEndDate < day) open.push({ program: c.program, kind: "cadre_term_overdue", subject: c.id, dueDate: c.plannedEndDate });
    else if (c.plannedEndDate <= addDays(day, TERM_WARN_DAYS)) open.push({ program: c.program, kind: "cadre_term_ending", subject: c.id, dueDate: c.plannedEndDate });
  }

  const now = new Date().toISOString();
  for (const a of open) {
    await services.platform
      .insert(alerts)
      .values({ id: newId(), unit: unitSlug, ...a, firstSeenAt: now, lastSeenAt: now })
      .onConflictDoUpdate({ target: [alerts.unit, alerts.kind, alerts.subject], set: { lastSeenAt: now, resolvedAt: null, dueDate: a.dueDate } });
  }
  // Whatever was open and no longer holds is resolved.
  const stillOpen = open.map((a) => `${a.kind}/${a.subject}`);
  const previous = await services.platform.select().from(alerts).where(and(eq(alerts.unit, unitSlug), isNull(alerts.resolvedAt)));
  const gone = previous.filter((p) => !stillOpen.includes(`${p.kind}/${p.subject}`)).map((p) => p.id);
  if (gone.length) await services.platform.update(alerts).set({ resolvedAt: now }).where(inArray(alerts.id, gone));
  return open.length;
}
