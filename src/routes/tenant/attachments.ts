/**
 * Evidence on a record, from the helper's side: list a record's attachments, upload one (multipart:
 * `file`, and for an image the browser's `thumbnail`), download one (or its thumbnail), void one with a
 * reason (If-Match). Only those who may read the record see or fetch its files: its unit's staff, a
 * coordinator of its program — and a cadre's files the unit's own staff only, like the cadre's personal fields.
 * A submitted quarterly report's files are locked with it (423) until it is reopened.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { attachments } from "../../../db/tenant/schema";
import { ApiError } from "../../errors";
import { addAttachment, attachmentsOf, evidenceRecord, fileKey, fileStoreOf, WITH_EVIDENCE, type Attachment, type EvidenceRecord, type EvidenceResource } from "../../files/attachments";
import { requestActor } from "../../ledger/context";
import { SUBMISSION_LOCKED, submissionLocked } from "../../ledger/resources/submissions";
import { auditStatement, raisedBy } from "../../tenants/audit";
import { etag, requireIfMatch } from "../../ledger/etag";
import type { Router } from "../../router";
import { seesProgram, type TenantAccess } from "../../tenants/access";
import { bearer, errors, ok, UnitSlugParam } from "../openapi-common";
import { contentDisposition } from "../content-disposition";

export const AttachmentSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    entity: z.string(),
    recordId: z.string(),
    name: z.string(),
    kind: z.string().openapi({ description: "pdf · png · jpeg · webp · docx · xlsx · doc · xls, from the file's own bytes" }),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    hasThumbnail: z.boolean(),
    createdAt: z.string(),
    createdBy: z.string(),
    voidedAt: z.string().nullable(),
    voidedBy: z.string().nullable(),
    voidReason: z.string().nullable(),
  })
  .openapi("Attachment");

const recordParams = z.object({ unit: UnitSlugParam, id: z.string().min(1).max(64) });
// Checked in the handler (after the record is found), so a request for another unit's record is 404 whatever it sends.
const Upload = z.object({ file: z.any().optional().openapi({ type: "string", format: "binary" }), thumbnail: z.any().optional().openapi({ type: "string", format: "binary", description: "An image's thumbnail, made by the browser (≤ 200 KB)" }) }).openapi("AttachmentUpload");

/** Whether this reader may see the record's files. */
function mayRead(access: Pick<TenantAccess, "scoped" | "programs" | "personal">, resource: EvidenceResource, program: string | null): boolean {
  if (resource === "cadres" && !access.personal) return false;
  return seesProgram(access, program);
}

function registerFor(app: Router, resource: EvidenceResource) {
  const { entity } = WITH_EVIDENCE[resource];
  app.openapi(
    createRoute({
      method: "get",
      path: `/api/t/{unit}/${resource}/{id}/attachments`,
      tags: ["tenant"],
      summary: "附件 A record's evidence files",
      security: bearer,
      request: { params: recordParams },
      responses: { 200: ok(z.object({ items: z.array(AttachmentSchema) }), "附件 Attachments"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const tenant = c.get("tenant");
      const record = await evidenceRecord(tenant.db, resource, id);
      if (!record || !mayRead(tenant.access, resource, record.program)) throw new ApiError("NOT_FOUND", "error.not_found");
      return c.json({ items: await attachmentsOf(tenant.db, entity, id) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: "post",
      path: `/api/t/{unit}/${resource}/{id}/attachments`,
      tags: ["tenant"],
      summary: "上传附件 Attach evidence: PDF, an image, Word or Excel, checked by its content",
      security: bearer,
      request: { params: recordParams, body: { content: { "multipart/form-data": { schema: Upload } }, required: true } },
      responses: { 201: ok(AttachmentSchema, "已上传 Attached"), ...errors(400, 401, 403, 404, 413, 422, 423, 503) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const tenant = c.get("tenant");
      const record = await evidenceRecord(tenant.db, resource, id);
      if (!record || record.voided || !mayRead(tenant.access, resource, record.program)) throw new ApiError("NOT_FOUND", "error.not_found");
      // Only a submitted quarterly report is ever locked (WITH_EVIDENCE).
      if (record.locked) throw submissionLocked();
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const file = form.file;
      if (!(file instanceof File)) throw new ApiError("VALIDATION_FAILED", "error.validation", {}, [{ path: "body.file", code: "required", message: "请选择要上传的文件 | Choose a file to upload" }]);
      const thumb = form.thumbnail instanceof File ? form.thumbnail : null;
      const row = await addAttachment(
        c.get("services"),
        tenant,
        requestActor(c),
        { entity, recordId: id },
        { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
        thumb ? { name: thumb.name || "thumbnail.jpg", bytes: new Uint8Array(await thumb.arrayBuffer()) } : null,
      );
      c.header("ETag", etag(1));
      return c.json(row, 201);
    },
  );
}

const fileRoute = createRoute({
  method: "get",
  path: "/api/t/{unit}/attachments/{attachmentId}",
  tags: ["tenant"],
  summary: "下载附件 Download an evidence file (or its thumbnail)",
  security: bearer,
  request: {
    params: z.object({ unit: UnitSlugParam, attachmentId: z.string().min(1).max(64) }),
    query: z.object({ thumbnail: z.enum(["true", "false"]).optional() }),
  },
  responses: { 200: { description: "文件 The file", content: { "application/octet-stream": { schema: z.any().openapi({ type: "string", format: "binary" }) } } }, ...errors(400, 401, 403, 404, 503) },
});

const voidRoute = createRoute({
  method: "post",
  path: "/api/t/{unit}/attachments/{attachmentId}/void",
  tags: ["tenant"],
  summary: "作废附件 Void an attachment with a reason (If-Match); the file is kept",
  security: bearer,
  request: {
    params: z.object({ unit: UnitSlugParam, attachmentId: z.string().min(1).max(64) }),
    headers: z.object({ "if-match": z.string().optional() }),
    body: { content: { "application/json": { schema: z.object({ reason: z.string().trim().min(1).max(500) }).strict().openapi("AttachmentVoid") } }, required: true },
  },
  responses: { 200: ok(AttachmentSchema, "已作废 Voided"), ...errors(400, 401, 403, 404, 409, 412, 423, 428) },
});

/** The attachment and its record's standing, if this reader may see it. */
async function readable(tenant: { db: Parameters<typeof attachmentsOf>[0]; access: Pick<TenantAccess, "scoped" | "programs" | "personal"> }, attachmentId: string): Promise<{ row: Attachment; record: EvidenceRecord }> {
  const [row] = await tenant.db.select().from(attachments).where(eq(attachments.id, attachmentId));
  const resource = row ? (Object.keys(WITH_EVIDENCE) as EvidenceResource[]).find((r) => WITH_EVIDENCE[r].entity === row.entity) : undefined;
  const record = row && resource ? await evidenceRecord(tenant.db, resource, row.recordId) : undefined;
  if (!row || !resource || !record || !mayRead(tenant.access, resource, record.program)) throw new ApiError("NOT_FOUND", "error.not_found");
  return { row, record };
}

/** The bytes, as what they are: never sniffed or run by the browser, saved under their own name. */
export function fileResponse(bytes: Uint8Array, contentType: string, name: string, inline: boolean): Response {
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      "Content-Type": contentType,
      "Content-Length": String(bytes.length),
      "Content-Disposition": contentDisposition(name, inline ? "inline" : "attachment"),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}

export function registerAttachments(app: Router) {
  for (const resource of Object.keys(WITH_EVIDENCE) as EvidenceResource[]) registerFor(app, resource);

  app.openapi(fileRoute, async (c) => {
    const { unit, attachmentId } = c.req.valid("param");
    const thumbnail = c.req.valid("query").thumbnail === "true";
    const tenant = c.get("tenant");
    const { row } = await readable(tenant, attachmentId);
    if (thumbnail && !row.hasThumbnail) throw new ApiError("NOT_FOUND", "error.not_found");
    const stored = await fileStoreOf(c.get("services")).get(fileKey(unit, row.id, thumbnail));
    if (!stored) throw new ApiError("NOT_FOUND", "error.not_found");
    return fileResponse(stored.bytes, thumbnail ? stored.contentType : row.contentType, row.name, thumbnail) as never;
  });

  app.openapi(voidRoute, async (c) => {
    const { attachmentId } = c.req.valid("param");
    const version = requireIfMatch(c.req.header("if-match"));
    const tenant = c.get("tenant");
    const { row, record } = await readable(tenant, attachmentId);
    if (record.locked) throw submissionLocked();
    if (row.voidedAt) throw new ApiError("CONFLICT", "error.record_voided", { entity: "附件" });
    if (row.version !== version) throw new ApiError("PRECONDITION_FAILED", "error.precondition_failed");
    const who = requestActor(c);
    const after = { ...row, version: version + 1, voidedAt: new Date().toISOString(), voidedBy: who.actor, voidReason: c.req.valid("json").reason };
    const [result] = await tenant.client
      .batch(
        [
          { sql: "UPDATE attachments SET version = ?, voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ? AND version = ?", args: [after.version, after.voidedAt, after.voidedBy, after.voidReason, row.id, version] },
          auditStatement(who, "attachment", row.id, "void", row, after, true),
        ],
        "write",
      )
      .catch((error: unknown) => {
        // Submitted between the check above and this batch: the trigger (tenant migration 0011) refused it.
        throw raisedBy(error, SUBMISSION_LOCKED) ? submissionLocked() : error;
      });
    if (result?.rowsAffected !== 1) throw new ApiError("PRECONDITION_FAILED", "error.precondition_failed");
    c.header("ETag", etag(after.version));
    return c.json(after, 200);
  });
}

