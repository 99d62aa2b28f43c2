/**
 * Attachments of a record: listed from the tenant's `attachments` table, stored through the file store,
 * written with their audit row in one batch (the bytes first, so no row ever points at nothing).
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { attachments } from "../../db/tenant/schema";
import { ApiError } from "../errors";
import { newId } from "../ledger/ids";
import type { Services, TenantDb } from "../services";
import type { AuditActor } from "../tenants/audit";
import { auditRow } from "../tenants/audit";
import { isImage, MAX_THUMBNAIL_BYTES, sniff } from "./sniff";
import type { FileStore } from "./store";

export type Attachment = typeof attachments.$inferSelect;

/** The records that take evidence, by their path, with their table and entity name. */
export const WITH_EVIDENCE = {
  funds: { entity: "fund", table: "funds" },
  projects: { entity: "project", table: "projects" },
  cadres: { entity: "cadre", table: "cadres" },
  activities: { entity: "activity", table: "activities" },
  submissions: { entity: "submission", table: "submissions" },
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

/** The record an attachment would join: its program (for who may read it), or undefined if there is none live. */
export async function evidenceRecord(db: TenantDb, resource: EvidenceResource, id: string): Promise<{ program: string | null; voided: boolean } | undefined> {
  const [row] = await db.all<{ program: string | null; voided: number }>(sql`SELECT program, voided_at IS NOT NULL AS voided FROM ${sql.raw(WITH_EVIDENCE[resource].table)} WHERE id = ${id}`);
  return row ? { program: row.program ?? null, voided: Boolean(row.voided) } : undefined;
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
  await tenant.db.batch([tenant.db.insert(attachments).values(row), auditRow(tenant.db, who, "attachment", id, "create", null, { ...row, record: `${target.entity}/${target.recordId}` })]);
  return row;
}
