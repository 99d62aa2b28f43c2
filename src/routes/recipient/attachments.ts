/**
 * The evidence on a record the recipient may see (a voucher with a disbursement, a project's acceptance
 * papers): listed and downloaded through the recipient's own route, for its area's records only. A cadre's
 * files are the helper unit's alone, as the cadre's personal fields are.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { attachments } from "../../../db/tenant/schema";
import { requireAuth, requireRole } from "../../auth/middleware";
import { ApiError } from "../../errors";
import { attachmentsOf, fileKey, fileStoreOf } from "../../files/attachments";
import type { Router } from "../../router";
import { bearer, errors, ok, UnitSlugParam } from "../openapi-common";
import { AttachmentSchema, fileResponse } from "../tenant/attachments";
import { claimOrNotFound, helperOf, recipientArea } from "./access";

const params = z.object({ unit: UnitSlugParam, entity: z.enum(["fund", "project", "activity"]), id: z.string().min(1).max(64) });

const listRoute = createRoute({
  method: "get",
  path: "/api/recipient/claims/{unit}/{entity}/{id}/attachments",
  tags: ["recipient"],
  summary: "记录的附件 A record's evidence, as the recipient sees it",
  security: bearer,
  middleware: [requireAuth(), requireRole("recipient")] as const,
  request: { params },
  responses: { 200: ok(z.object({ items: z.array(AttachmentSchema) }), "附件 Attachments"), ...errors(400, 401, 403, 404) },
});

const fileRoute = createRoute({
  method: "get",
  path: "/api/recipient/claims/{unit}/{entity}/{id}/attachments/{attachmentId}",
  tags: ["recipient"],
  summary: "下载附件 Download a record's evidence file (or its thumbnail)",
  security: bearer,
  middleware: [requireAuth(), requireRole("recipient")] as const,
  request: { params: params.extend({ attachmentId: z.string().min(1).max(64) }), query: z.object({ thumbnail: z.enum(["true", "false"]).optional() }) },
  responses: { 200: { description: "文件 The file", content: { "application/octet-stream": { schema: z.any().openapi({ type: "string", format: "binary" }) } } }, ...errors(400, 401, 403, 404, 503) },
});

export function registerRecipientAttachments(app: Router) {
  app.openapi(listRoute, async (c) => {
    const area = recipientArea(c);
    const { unit: slug, entity, id } = c.req.valid("param");
    const { unit } = await helperOf(c, area, slug);
    const items = await c.get("services").tenants.use(unit, async ({ db }) => {
      await claimOrNotFound(db, entity, area, id);
      return attachmentsOf(db, entity, id);
    });
    return c.json({ items }, 200);
  });

  app.openapi(fileRoute, async (c) => {
    const area = recipientArea(c);
    const { unit: slug, entity, id, attachmentId } = c.req.valid("param");
    const thumbnail = c.req.valid("query").thumbnail === "true";
    const services = c.get("services");
    const { unit } = await helperOf(c, area, slug);
    const row = await services.tenants.use(unit, async ({ db }) => {
      await claimOrNotFound(db, entity, area, id);
      const [found] = await db.select().from(attachments).where(and(eq(attachments.id, attachmentId), eq(attachments.entity, entity), eq(attachments.recordId, id)));
      return found;
    });
    if (!row || (thumbnail && !row.hasThumbnail)) throw new ApiError("NOT_FOUND", "error.not_found");
    const stored = await fileStoreOf(services).get(fileKey(slug, row.id, thumbnail));
    if (!stored) throw new ApiError("NOT_FOUND", "error.not_found");
    return fileResponse(stored.bytes, thumbnail ? stored.contentType : row.contentType, row.name, thumbnail) as never;
  });
}
