/**
 * The tenant audit trail. A write builds its audit row with `auditRow(...)` and puts it in the same
 * batch as the write itself, so there is never a change without its record or a record without its change.
 */
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
