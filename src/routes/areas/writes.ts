/**
 * Recipient areas administered by an admin. The GB/T 2260 codes are seeded; what the code list lacks —
 * 新疆生产建设兵团第三师, named in the 2016 document §5 — is registered as a special area with a stable
 * code of our own under a parent that exists (the 兵团 as 660000, the statistical yearbooks' 66). Names
 * change under If-Match (a county becomes a city). Areas are never deleted: groups and records cite them.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { areas } from "../../../db/platform/schema";
import { requireAuth, requireRole } from "../../auth/middleware";
import { ApiError } from "../../errors";
import { etag, requireIfMatch } from "../../ledger/etag";
import { auditIfWon } from "../../platform/guarded-write";
import type { Router } from "../../router";
import { bearer, errors, ok } from "../openapi-common";
import { AreaRow } from "./list";

const Code = z.string().regex(/^\d{6}$/, "应为 6 位代码 | A 6-digit code");
const Name = z.string().trim().min(1).max(60);

const createDef = createRoute({
  method: "post",
  path: "/api/areas",
  tags: ["admin"],
  summary: "登记特殊地区 Register an area the code list lacks (e.g. 新疆生产建设兵团第三师)",
  security: bearer,
  middleware: [requireAuth(), requireRole("admin")] as const,
  request: { body: { content: { "application/json": { schema: z.object({ code: Code, name: Name, parentCode: Code.nullable() }).strict().openapi("NewArea") } }, required: true } },
  responses: { 201: ok(AreaRow, "已登记 Registered"), ...errors(400, 401, 403, 409, 422) },
});

const updateDef = createRoute({
  method: "patch",
  path: "/api/areas/{code}",
  tags: ["admin"],
  summary: "修改地区名称 Rename an area (If-Match)",
  security: bearer,
  middleware: [requireAuth(), requireRole("admin")] as const,
  request: {
    params: z.object({ code: Code }),
    headers: z.object({ "if-match": z.string().optional() }),
    body: { content: { "application/json": { schema: z.object({ name: Name }).strict().openapi("AreaUpdate") } }, required: true },
  },
  responses: { 200: ok(AreaRow, "已修改 Updated"), ...errors(400, 401, 403, 404, 412, 428) },
});

export function registerAreaWrites(app: Router) {
  app.openapi(createDef, async (c) => {
    const body = c.req.valid("json");
    const services = c.get("services");
    const [parent] = body.parentCode ? await services.platform.select().from(areas).where(eq(areas.code, body.parentCode)) : [null];
    if (body.parentCode && !parent) throw new ApiError("UNPROCESSABLE", "error.area_invalid", {}, [{ path: "body.parentCode", code: "unknown_area", message: `没有代码为 ${body.parentCode} 的上级地区 | No parent area ${body.parentCode}` }]);
    const level = parent ? parent.level + 1 : 1;
    if (level > 3) throw new ApiError("UNPROCESSABLE", "error.area_invalid", {}, [{ path: "body.parentCode", code: "too_deep", message: "地区最多三级（省、地、县）| Areas have three levels at most" }]);
    const row = { code: body.code, name: body.name, parentCode: body.parentCode, level, special: true, version: 1 };
    const entry = { actor: c.get("auth").username, requestId: c.get("requestId"), action: "create", entity: "area", entityId: body.code, before: null, after: row };
    const [inserted] = await services.platformClient.batch(
      [
        { sql: "INSERT INTO areas (code, name, parent_code, level, special) SELECT ?, ?, ?, ?, 1 WHERE NOT EXISTS (SELECT 1 FROM areas WHERE code = ?)", args: [row.code, row.name, row.parentCode, row.level, row.code] },
        auditIfWon(entry),
      ],
      "write",
    );
    if (inserted?.rowsAffected !== 1) throw new ApiError("CONFLICT", "error.area_exists", { code: body.code });
    c.header("ETag", etag(1));
    return c.json(row, 201);
  });

  app.openapi(updateDef, async (c) => {
    const { code } = c.req.valid("param");
    const { name } = c.req.valid("json");
    const version = requireIfMatch(c.req.header("if-match"));
    const services = c.get("services");
    const [current] = await services.platform.select().from(areas).where(eq(areas.code, code));
    if (!current) throw new ApiError("NOT_FOUND", "error.area_not_found", { code });
    if (current.version !== version) throw new ApiError("PRECONDITION_FAILED", "error.precondition_failed");
    const entry = { actor: c.get("auth").username, requestId: c.get("requestId"), action: "update", entity: "area", entityId: code, before: { name: current.name }, after: { name } };
    const [updated] = await services.platformClient.batch(
      [{ sql: "UPDATE areas SET name = ?, version = version + 1 WHERE code = ? AND version = ?", args: [name, code, version] }, auditIfWon(entry)],
      "write",
    );
    if (updated?.rowsAffected !== 1) throw new ApiError("PRECONDITION_FAILED", "error.precondition_failed");
    c.header("ETag", etag(version + 1));
    return c.json({ ...current, name, version: version + 1 }, 200);
  });
}
