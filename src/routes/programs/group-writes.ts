/**
 * A program's groups administered by an admin or the program's coordinator: a group is opened for a
 * recipient area (the area must exist — a GB/T 2260 code or one of our special areas), with the clause
 * that sets it up and the basis on which the document has the area helped; its clause and basis change
 * under If-Match. A group is never deleted: its memberships end instead, and earlier periods keep it.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { areas, groups } from "../../../db/platform/schema";
import { requireAuth } from "../../auth/middleware";
import { groupId, listGroups } from "../../directory/programs";
import { ApiError } from "../../errors";
import { etag, requireIfMatch } from "../../ledger/etag";
import { auditIfWon } from "../../platform/guarded-write";
import type { Router } from "../../router";
import { bearer, errors, ok, ProgramSlugParam } from "../openapi-common";
import { requireProgramAccess } from "./access";
import { GroupBasis, GroupSchema } from "./schemas";

const Code = z.string().regex(/^\d{6}$/, "应为 6 位地区代码 | A 6-digit area code");
const Clause = z.string().trim().min(1).max(300).openapi({ description: "设立该结对的条款：文件及章节 The clause that sets the pairing up", example: "2016-guangdong-east-west-poverty-collaboration.txt §5" });

const createDef = createRoute({
  method: "post",
  path: "/api/programs/{program}/groups",
  tags: ["directory"],
  summary: "新建帮扶集团 Open a group for a recipient area",
  security: bearer,
  middleware: [requireAuth(), requireProgramAccess()] as const,
  request: {
    params: z.object({ program: ProgramSlugParam }),
    body: { content: { "application/json": { schema: z.object({ areaCode: Code, clause: Clause, basis: GroupBasis.default("pairing") }).strict().openapi("NewGroup") } }, required: true },
  },
  responses: { 201: ok(GroupSchema, "已新建 Created"), ...errors(400, 401, 403, 404, 409, 422) },
});

const updateDef = createRoute({
  method: "patch",
  path: "/api/programs/{program}/groups/{code}",
  tags: ["directory"],
  summary: "修改帮扶集团 Change a group's clause or basis (If-Match)",
  security: bearer,
  middleware: [requireAuth(), requireProgramAccess()] as const,
  request: {
    params: z.object({ program: ProgramSlugParam, code: Code }),
    headers: z.object({ "if-match": z.string().optional() }),
    body: {
      content: { "application/json": { schema: z.object({ clause: Clause.optional(), basis: GroupBasis.optional() }).strict().refine((o) => Object.keys(o).length > 0, "至少修改一项 | Change at least one thing").openapi("GroupUpdate") } },
      required: true,
    },
  },
  responses: { 200: ok(GroupSchema, "已修改 Updated"), ...errors(400, 401, 403, 404, 412, 428) },
});

export function registerGroupWrites(app: Router) {
  app.openapi(createDef, async (c) => {
    const { program } = c.req.valid("param");
    const body = c.req.valid("json");
    const services = c.get("services");
    const [area] = await services.platform.select({ code: areas.code }).from(areas).where(eq(areas.code, body.areaCode));
    if (!area) throw new ApiError("UNPROCESSABLE", "error.group_invalid", {}, [{ path: "body.areaCode", code: "unknown_area", message: `没有代码为 ${body.areaCode} 的地区；特殊地区（如兵团师）请先由管理员登记 | No area ${body.areaCode}; an admin registers special areas first` }]);
    const id = groupId(program, body.areaCode);
    const entry = { actor: c.get("auth").username, requestId: c.get("requestId"), action: "create", entity: "group", entityId: id, before: null, after: { program, ...body } };
    const [inserted] = await services.platformClient.batch(
      [
        { sql: "INSERT INTO groups (id, program, area_code, clause, basis) SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM groups WHERE program = ? AND area_code = ?)", args: [id, program, body.areaCode, body.clause, body.basis, program, body.areaCode] },
        auditIfWon(entry),
      ],
      "write",
    );
    if (inserted?.rowsAffected !== 1) throw new ApiError("CONFLICT", "error.group_exists", { program });
    const [group] = await listGroups(services.platform, program, { areaCode: body.areaCode });
    c.header("ETag", etag(group!.version));
    return c.json(group!, 201);
  });

  app.openapi(updateDef, async (c) => {
    const { program, code } = c.req.valid("param");
    const body = c.req.valid("json");
    const version = requireIfMatch(c.req.header("if-match"));
    const services = c.get("services");
    const [current] = await services.platform.select().from(groups).where(and(eq(groups.program, program), eq(groups.areaCode, code)));
    if (!current) throw new ApiError("NOT_FOUND", "error.not_found");
    if (current.version !== version) throw new ApiError("PRECONDITION_FAILED", "error.precondition_failed");
    const next = { clause: body.clause ?? current.clause, basis: body.basis ?? current.basis };
    const entry = { actor: c.get("auth").username, requestId: c.get("requestId"), action: "update", entity: "group", entityId: current.id, before: { clause: current.clause, basis: current.basis }, after: next };
    const [updated] = await services.platformClient.batch(
      [{ sql: "UPDATE groups SET clause = ?, basis = ?, version = version + 1 WHERE id = ? AND version = ?", args: [next.clause, next.basis, current.id, version] }, auditIfWon(entry)],
      "write",
    );
    if (updated?.rowsAffected !== 1) throw new ApiError("PRECONDITION_FAILED", "error.precondition_failed");
    const [group] = await listGroups(services.platform, program, { areaCode: code });
    c.header("ETag", etag(group!.version));
    return c.json(group!, 200);
  });
}
