import { createRoute, z } from "@hono/zod-openapi";
import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { auditLog } from "../../../db/tenant/schema";
import type { Router } from "../../router";
import { bearer, errors, ok, UnitSlugParam, idCursor, pageOf, pageQuery } from "../openapi-common";

const AuditEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string(),
    actorRole: z.string(),
    requestId: z.string().nullable(),
    method: z.string(),
    route: z.string(),
    entity: z.string(),
    entityId: z.string(),
    action: z.string(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
  })
  .openapi("AuditEntry");

const route = createRoute({
  method: "get",
  path: "/api/t/{unit}/audit",
  tags: ["tenant"],
  summary: "操作记录 Audit trail (read-only, newest first)",
  description: "Before/after contents are shown only to the unit's own roles; others see who did what and when.",
  security: bearer,
  request: {
    params: z.object({ unit: UnitSlugParam }),
    query: z.object({
      entity: z.string().max(40).optional(),
      entityId: z.string().max(80).optional(),
      actor: z.string().max(64).optional(),
      from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().openapi({ description: "First day (UTC), YYYY-MM-DD" }),
      to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().openapi({ description: "Last day (UTC), YYYY-MM-DD" }),
      ...pageQuery({ max: 200, default: 50 }, idCursor()),
    }),
  },
  responses: {
    200: ok(pageOf(AuditEntry), "操作记录 Audit entries"),
    ...errors(400, 401, 403, 404),
  },
});

export function registerTenantAudit(app: Router) {
  app.openapi(route, async (c) => {
    const { db, access } = c.get("tenant");
    const q = c.req.valid("query");
    const where: SQL[] = [];
    if (q.entity) where.push(eq(auditLog.entity, q.entity));
    if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
    if (q.actor) where.push(eq(auditLog.actor, q.actor));
    if (q.cursor) where.push(lt(auditLog.id, Number(q.cursor)));
    // Days as stored (UTC timestamps): from the first day's start to the end of the last day.
    if (q.from) where.push(gte(auditLog.at, q.from));
    if (q.to) where.push(lt(auditLog.at, `${q.to}T99`));
    const rows = await db
      .select()
      .from(auditLog)
      .where(where.length ? and(...where) : undefined)
      .orderBy(desc(auditLog.id))
      .limit(q.limit + 1);
    const page = rows.slice(0, q.limit).map((r) => (access.personal ? r : { ...r, before: null, after: null }));
    const last = page.at(-1);
    return c.json({ items: page, nextCursor: rows.length > q.limit && last ? String(last.id) : null }, 200);
  });
}
