/**
 * Attachments of a record: listed from the tenant's `attachments` table, stored through the file store,
 * written with their audit row in one batch (the bytes first, so no row ever points at nothing).
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { attachments } from "../../db/tenant/schema";
import { ApiError } from "../errors";
import { newId } from "../ledger/ids";
import type { Services, TenantDb } from "../services";
import { SUBMISSION_LOCKED, submissionLocked } from "../ledger/resources/submissions";
import type { AuditActor } from "../tenants/audit";
import { auditRow, raisedBy } from "../tenants/audit";
import { isImage, MAX_THUMBNAIL_BYTES, sniff } from "./sniff";
import type { FileStore } from "./store";

export type Attachment = typeof attachments.$inferSelect;

/**
 * The records that take evidence, by their path, with their table and entity name — and, for a record
 * that can be locked, when: a submitted quarterly report is locked with its files (none added or voided)
 * until the coordinating office reopens it, as its text is.
 */
export const WITH_EVIDENCE = {
  funds: { entity: "fund", table: "funds", lockedWhen: "0" },
  projects: { entity: "project", table: "projects", lockedWhen: "0" },
  cadres: { entity: "cadre", table: "cadres", lockedWhen: "0" },
  activities: { entity: "activity", table: "activities", lockedWhen: "0" },
  submissions: { entity: "submission", table: "submissions", lockedWhen: "status = 'submitted'" },
} as const;
export type EvidenceResource = keyof typeof WITH_EVIDENCE;

export const fileKey = (unit: string, id: string, thumbnail = false) => `${unit}/${id}${thumbnail ? ".thumb" : ""}`;

export function fileStoreOf(services: Services): FileStore {
  if (!services.files) throw new ApiError("UNAVAILABLE", "error.files_unavailable");
  return services.files;
}

/** A record's attachments, oldest first (voided ones too, marked). */
export async function attachmentsOf(db: TenantDb, entity: string, recordId: string): Promise<Attachment[]> {
  return db.select().from(attachments).where(and(eq(attachments.entity, entity), eq(attachments.recordId, recordId))).orderBy(asc(attachments.createdAt), asc(attachments.id));
}

export interface EvidenceRecord {
  /** Its program, for who may read it. */
  program: string | null;
  voided: boolean;
  /** Whether its files are fixed for now (a submitted quarterly report). */
  locked: boolean;
}

/** The record an attachment would join, or undefined if there is none. */
export async function evidenceRecord(db: TenantDb, resource: EvidenceResource, id: string): Promise<EvidenceRecord | undefined> {
  const { table, lockedWhen } = WITH_EVIDENCE[resource];
  const [row] = await db.all<{ program: string | null; voided: number; locked: number }>(sql`SELECT program, voided_at IS NOT NULL AS voided, ${sql.raw(lockedWhen)} AS locked FROM ${sql.raw(table)} WHERE id = ${id}`);
  return row ? { program: row.program ?? null, voided: Boolean(row.voided), locked: Boolean(row.locked) } : undefined;
}

const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, "0")).join("");

/** Checks, stores and records one upload (and the browser's thumbnail of an image). */
export async function addAttachment(
  services: Services,
  tenant: { db: TenantDb; unit: { slug: string } },
  who: AuditActor,
  target: { entity: string; recordId: string },
  file: { name: string; bytes: Uint8Array },
  thumbnail: { name: string; bytes: Uint8Array } | null,
): Promise<Attachment> {
  const store = fileStoreOf(services);
  const sniffed = await sniff(file.name, file.bytes);
  let thumb: Uint8Array | null = null;
  if (thumbnail && isImage(sniffed.kind)) {
    const t = await sniff(thumbnail.name, thumbnail.bytes).catch(() => null);
    // A thumbnail that is not a small image is dropped, not stored: the original is what counts.
    if (t && isImage(t.kind) && thumbnail.bytes.length <= MAX_THUMBNAIL_BYTES) thumb = thumbnail.bytes;
  }
  const id = newId();
  const row: Attachment = {
    id,
    version: 1,
    entity: target.entity,
    recordId: target.recordId,
    name: file.name.slice(0, 200),
    kind: sniffed.kind,
    contentType: sniffed.contentType,
    size: file.bytes.length,
    sha256: hex(await crypto.subtle.digest("SHA-256", file.bytes as Uint8Array<ArrayBuffer>)),
    hasThumbnail: thumb !== null,
    createdAt: new Date().toISOString(),
    createdBy: who.actor,
    voidedAt: null,
    voidedBy: null,
    voidReason: null,
  };
  await store.put(fileKey(tenant.unit.slug, id), file.bytes, sniffed.contentType);
  if (thumb) await store.put(fileKey(tenant.unit.slug, id, true), thumb, "image/jpeg");
  // The route checked the lock; the trigger (tenant migration 0011) holds it against a submit in between.
  // The bytes stored for a refused row stay unreferenced: no row names them, so nothing serves them.
  await tenant.db
    .batch([tenant.db.insert(attachments).values(row), auditRow(tenant.db, who, "attachment", id, "create", null, { ...row, record: `${target.entity}/${target.recordId}` })])
    .catch((error: unknown) => {
      throw raisedBy(error, SUBMISSION_LOCKED) ? submissionLocked() : error;
    });
  return row;
}
