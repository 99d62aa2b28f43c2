/**
 * The tenant audit trail. A write builds its audit row with `auditRow(...)` and puts it in the same
 * batch as the write itself, so there is never a change without its record or a record without its change.
 */
import type { InStatement } from "@libsql/client";
import { auditLog } from "../../db/tenant/schema";
import type { TenantDb } from "../services";

export interface AuditActor {
  actor: string;
  actorRole: string;
  requestId: string | null;
  method: string;
  route: string;
}

/** The actor for writes made by the platform itself (seeding, jobs). */
export function systemActor(what: string): AuditActor {
  return { actor: `system:${what}`, actorRole: "system", requestId: null, method: "SYSTEM", route: what };
}

/**
 * The insert of one audit row, to be batched with the write it records.
 * @example await db.batch([db.insert(subUnits).values(row), auditRow(db, who, "sub_unit", row.id, "create", null, row)])
 */
export function auditRow(db: TenantDb, who: AuditActor, entity: string, entityId: string, action: string, before: unknown, after: unknown) {
  return db.insert(auditLog).values({ ...who, entity, entityId, action, before: before ?? null, after: after ?? null });
}

/**
 * The audit row as a raw statement for a write batch. `guarded`: inserted only if the statement before it
 * changed a row (`WHERE changes() = 1`), so a lost If-Match race leaves no audit row behind; `"abort"`: the
 * row's actor is NULL unless the statement before it changed a row, and the tenant's trigger
 * `audit_log_lost_race` (migration 0009) refuses such a row with LOST_RACE, so a lost race aborts the whole
 * batch — the guard of a write of many records, all or none (see `isLostRace`).
 */
export function auditStatement(who: AuditActor, entity: string, id: string, action: string, before: unknown, after: unknown, guarded: boolean | "abort"): InStatement {
  const actor = guarded === "abort" ? "CASE WHEN changes() = 1 THEN ? END" : "?";
  return {
    sql:
      "INSERT INTO audit_log (actor, actor_role, request_id, method, route, entity, entity_id, action, before, after) " +
      `SELECT ${actor}, ?, ?, ?, ?, ?, ?, ?, ?, ?${guarded === true ? " WHERE changes() = 1" : ""}`,
    args: [who.actor, who.actorRole, who.requestId, who.method, who.route, entity, id, action, before === null ? null : JSON.stringify(before), JSON.stringify(after)],
  };
}

/**
 * The audit rows of many new records at once (an import's), one statement for them all: one
 * prepared statement per slice of rows rather than per row (see write.ts insertRows).
 */
export function auditRowsStatement(who: AuditActor, entity: string, action: string, created: { id: string; after: unknown }[]): InStatement {
  return {
    sql: "INSERT INTO audit_log (actor, actor_role, request_id, method, route, entity, entity_id, action, before, after) VALUES " + created.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)").join(", "),
    args: created.flatMap(({ id, after }) => [who.actor, who.actorRole, who.requestId, who.method, who.route, entity, id, action, JSON.stringify(after)]),
  };
}

/** The code the tenant's `audit_log_lost_race` trigger raises (db/tenant/migrations/0009_lost-race.sql). */
export const LOST_RACE = "LOST_RACE";

/** Whether a write failed with `code` — a tenant trigger's, or SQLite's own wording (the driver puts it in the message or its cause). */
export function raisedBy(error: unknown, code: string): boolean {
  const text = error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? "")}` : String(error);
  return text.includes(code);
}

/** Whether a write failed because an `"abort"`-guarded audit row found its change had not landed. */
export function isLostRace(error: unknown): boolean {
  return raisedBy(error, LOST_RACE);
}
