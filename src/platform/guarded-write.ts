/**
 * The one way a directory record is changed under If-Match, the same as the ledger's
 * (src/ledger/write.ts): one write batch whose first statement is the guarded UPDATE
 * (`… WHERE id = ? AND version = ?`), whose second inserts the audit row only if that UPDATE changed
 * a row (`WHERE changes() = 1`), and whose further statements run only if that audit row is there.
 * Of two writers holding the same version exactly one wins; the loser's batch changes nothing, not
 * even the audit trail, and it answers 412.
 */
import type { InStatement } from "@libsql/client";

export interface PlatformAuditEntry {
  actor: string;
  requestId: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** The audit row, inserted only when the statement before it (the guarded UPDATE) changed one row. */
export function auditIfWon(entry: PlatformAuditEntry): InStatement {
  return {
    sql: "INSERT INTO platform_audit (actor, request_id, action, entity, entity_id, before, after) SELECT ?, ?, ?, ?, ?, ?, ? WHERE changes() = 1",
    args: [entry.actor, entry.requestId, entry.action, entry.entity, entry.entityId, entry.before === null ? null : JSON.stringify(entry.before), JSON.stringify(entry.after)],
  };
}

/**
 * A condition for the statements after the audit row: true only if the newest audit row is this
 * write's. Inside the write transaction nobody else can insert one, and a request id is unique, so
 * a loser (whose audit row was not inserted) sees someone else's row and skips.
 */
export function ifAudited(entry: Pick<PlatformAuditEntry, "requestId" | "entity" | "entityId">): { sql: string; args: string[] } {
  return {
    sql: "EXISTS (SELECT 1 FROM platform_audit WHERE id = (SELECT max(id) FROM platform_audit) AND request_id = ? AND entity = ? AND entity_id = ?)",
    args: [entry.requestId, entry.entity, entry.entityId],
  };
}
