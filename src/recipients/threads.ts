/**
 * A record's thread, and the writes that add to it: the recipient's verdict (confirmed, or disputed with a
 * reason and what it says arrived), a reply from either side, a coordinator's return. Each write is one
 * batch in the helper's database with its audit row, guarded by the record's version (a verdict is on the
 * version the recipient saw: a correction made meanwhile answers 412, and the recipient looks again).
 */
import type { InStatement } from "@libsql/client";
import { asc, and, eq, inArray } from "drizzle-orm";
import { recordThreads, type Confirmable } from "../../db/tenant/schema";
import { recipientVerdicts } from "../../db/tenant/schema";
import { notify } from "../inbox/notifications";
import type { JobQueue } from "../jobs/queue";
import { auditStatement, type AuditActor } from "../tenants/audit";
import type { PlatformDb, TenantDb } from "../services";
import { tableOf, type ClaimEntity } from "./claims";

export type ThreadEntry = typeof recordThreads.$inferSelect;
export type Side = ThreadEntry["side"];

/** The whole thread of a record, oldest first. */
export async function threadOf(db: TenantDb, entity: string, recordId: string): Promise<ThreadEntry[]> {
  return db.select().from(recordThreads).where(and(eq(recordThreads.entity, entity), eq(recordThreads.recordId, recordId))).orderBy(asc(recordThreads.id));
}


export interface Verdict {
  verdict: "confirmed" | "disputed";
  reason: string | null;
  amountFen: number | null;
  date: string | null;
}

/** The recipient's verdict on one version of a record: the standing replaced, the thread and the audit appended. */
export function verdictStatements(entity: Confirmable, recordId: string, version: number, v: Verdict, area: string, who: AuditActor, name: string): InStatement[] {
  const entry = { entity, recordId, recordVersion: version, ...v, areaCode: area, by: who.actor };
  const text = v.reason ?? (v.verdict === "confirmed" ? "受援地已确认 | Confirmed by the recipient" : "");
  return [
    {
      sql: `INSERT INTO recipient_verdicts (entity, record_id, record_version, verdict, amount_fen, date, reason, area_code, by, by_name, at)
        SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE EXISTS (SELECT 1 FROM ${tableOf(entity)} WHERE id = ? AND version = ? AND voided_at IS NULL)
        ON CONFLICT(entity, record_id) DO UPDATE SET record_version = excluded.record_version, verdict = excluded.verdict, amount_fen = excluded.amount_fen, date = excluded.date,
          reason = excluded.reason, area_code = excluded.area_code, by = excluded.by, by_name = excluded.by_name, at = excluded.at`,
      args: [entity, recordId, version, v.verdict, v.amountFen, v.date, v.reason, area, who.actor, name, recordId, version],
    },
    auditStatement(who, "recipient_verdict", `${entity}/${recordId}`, v.verdict, null, entry, true),
    {
      sql: "INSERT INTO record_threads (entity, record_id, record_version, kind, side, author, author_name, text, amount_fen, date) SELECT ?, ?, ?, ?, 'recipient', ?, ?, ?, ?, ? WHERE changes() = 1",
      args: [entity, recordId, version, v.verdict, who.actor, name, text, v.amountFen, v.date],
    },
  ];
}

/** A message on a record's thread from one side: the record must exist and be live. */
export function messageStatements(entity: ClaimEntity, recordId: string, kind: ThreadEntry["kind"], side: Side, text: string, who: AuditActor, name: string): InStatement[] {
  const table = tableOf(entity);
  return [
    {
      sql: `INSERT INTO record_threads (entity, record_id, record_version, kind, side, author, author_name, text)
        SELECT ?, ?, version, ?, ?, ?, ?, ? FROM ${table} WHERE id = ? AND voided_at IS NULL`,
      args: [entity, recordId, kind, side, who.actor, name, text, recordId],
    },
    auditStatement(who, "record_thread", `${entity}/${recordId}`, kind, null, { side, kind, text }, true),
  ];
}

/**
 * A quarterly submission's own thread entry, in the batch that returns or resubmits it (run only if that
 * change landed): the coordinator's reason, or the unit's resubmission — so the back and forth stays with it.
 */
export function submissionEntry(submissionId: string, newVersion: number, kind: "returned" | "resubmitted", side: Side, text: string, who: AuditActor, name: string): InStatement {
  return {
    sql: "INSERT INTO record_threads (entity, record_id, record_version, kind, side, author, author_name, text) SELECT 'submission', ?, ?, ?, ?, ?, ?, ? WHERE changes() = 1",
    args: [submissionId, newVersion, kind, side, who.actor, name, text],
  };
}

/**
 * Added to a correction's batch (src/ledger/write.ts updateRecord): a record the recipient disputed,
 * changed by the helper, says so on its thread — so the recipient sees that it waits for it again.
 */
export function amendedStatement(entity: string, recordId: string, newVersion: number, who: AuditActor): InStatement {
  return {
    sql: `INSERT INTO record_threads (entity, record_id, record_version, kind, side, author, author_name, text)
      SELECT ?, ?, ?, 'amended', 'helper', ?, ?, '帮扶单位已更正该记录，请受援地再次确认 | Corrected by the helper: please confirm again'
      WHERE changes() = 1 AND EXISTS (SELECT 1 FROM recipient_verdicts WHERE entity = ? AND record_id = ? AND verdict = 'disputed')`,
    args: [entity, recordId, newVersion, who.actor, who.actor, entity, recordId],
  };
}

/** After corrections of records the recipient disputed: each recipient area's inbox is told to look again. */
export async function amendedNotice(ctx: { tenant: { db: TenantDb; unit: { slug: string; name: string } }; platform: PlatformDb; queue: JobQueue }, entity: string, recordIds: string[]): Promise<void> {
  const disputed = await ctx.tenant.db
    .select({ recordId: recipientVerdicts.recordId, area: recipientVerdicts.areaCode })
    .from(recipientVerdicts)
    .where(and(eq(recipientVerdicts.entity, entity as Confirmable), inArray(recipientVerdicts.recordId, recordIds), eq(recipientVerdicts.verdict, "disputed")));
  if (!disputed.length) return;
  const { slug, name } = ctx.tenant.unit;
  await notify(
    ctx,
    disputed.map((v) => ({ audienceKind: "area" as const, audience: v.area, kind: "amended" as const, zh: `${name}已更正您提出异议的记录，请再次确认`, en: `${name} corrected a record you disputed: please confirm it again`, link: `#/recipient?entity=${entity}&thread=${slug}/${v.recordId}` })),
  );
}
