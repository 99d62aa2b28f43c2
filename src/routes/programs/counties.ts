/**
 * A prefecture's registered counties: where a clause binds each county and the document names none (the
 * 2016 East–West document §10: "52个贫困县…共53个县" in its seven prefectures), the program's coordinator
 * registers them, and each registered county is judged (src/rules/catalog/fiscal-per-county.ts). The whole
 * list is replaced at once under the group's If-Match, audited with before and after; each county must lie
 * in the prefecture.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { and, eq, inArray } from "drizzle-orm";
import { areas, groupCounties, groups } from "../../../db/platform/schema";
import { requireAuth } from "../../auth/middleware";
import { listGroups } from "../../directory/programs";
import { ApiError, type ErrorDetail } from "../../errors";
import { etag, requireIfMatch } from "../../ledger/etag";
import { auditIfWon, ifAudited } from "../../platform/guarded-write";
import type { Router } from "../../router";
import { bearer, errors, ok, ProgramSlugParam } from "../openapi-common";
import { requireProgramAccess } from "./access";
import { GroupSchema } from "./schemas";

const Code = z.string().regex(/^\d{6}$/, "应为 6 位地区代码 | A 6-digit area code");

const route = createRoute({
  method: "put",
  path: "/api/programs/{program}/groups/{code}/counties",
  tags: ["directory"],
  summary: "登记受援县 Register a prefecture group's counties (the whole list, If-Match)",
  security: bearer,
  middleware: [requireAuth(), requireProgramAccess()] as const,
  request: {
    params: z.object({ program: ProgramSlugParam, code: Code }),
    headers: z.object({ "if-match": z.string().optional() }),
    body: { content: { "application/json": { schema: z.object({ counties: z.array(Code).max(200) }).strict().openapi("GroupCounties") } }, required: true },
  },
  responses: { 200: ok(GroupSchema, "已登记 Registered"), ...errors(400, 401, 403, 404, 412, 422, 428) },
});

export function registerGroupCounties(app: Router) {
  app.openapi(route, async (c) => {
    const { program, code } = c.req.valid("param");
    const asked = c.req.valid("json").counties;
    const wanted = [...new Set(asked)].sort();
    const version = requireIfMatch(c.req.header("if-match"));
    const services = c.get("services");
    const [group] = await services.platform.select().from(groups).where(and(eq(groups.program, program), eq(groups.areaCode, code)));
    if (!group) throw new ApiError("NOT_FOUND", "error.not_found");
    if (group.version !== version) throw new ApiError("PRECONDITION_FAILED", "error.precondition_failed");
    const [found, before] = await Promise.all([
      wanted.length ? services.platform.select().from(areas).where(inArray(areas.code, wanted)) : Promise.resolve([]),
      services.platform.select({ areaCode: groupCounties.areaCode }).from(groupCounties).where(eq(groupCounties.groupId, group.id)),
    ]);
    // Problems name the county by its place in the list as sent.
    const details: ErrorDetail[] = asked.flatMap((county, i) => {
      const area = found.find((a) => a.code === county);
      if (!area) return [{ path: `body.counties.${i}`, code: "unknown_area", message: `没有代码为 ${county} 的地区 | No area ${county}` }];
      if (area.parentCode !== code || area.level !== 3) return [{ path: `body.counties.${i}`, code: "outside_prefecture", message: `${area.name}（${county}）不是该市（州）所辖县（市、区）| ${county} is not a county of ${code}` }];
      return [];
    });
    if (details.length) throw new ApiError("UNPROCESSABLE", "error.group_invalid", {}, details);
    const entry = { actor: c.get("auth").username, requestId: c.get("requestId"), action: "update", entity: "group_counties", entityId: group.id, before: before.map((b) => b.areaCode).sort(), after: wanted };
    const audited = ifAudited(entry);
    const [guard] = await services.platformClient.batch(
      [
        { sql: "UPDATE groups SET version = version + 1 WHERE id = ? AND version = ?", args: [group.id, version] },
        auditIfWon(entry),
        { sql: `DELETE FROM group_counties WHERE group_id = ? AND ${audited.sql}`, args: [group.id, ...audited.args] },
        ...wanted.map((county) => ({ sql: `INSERT INTO group_counties (group_id, area_code) SELECT ?, ? WHERE ${audited.sql}`, args: [group.id, county, ...audited.args] })),
      ],
      "write",
    );
    if (guard?.rowsAffected !== 1) throw new ApiError("PRECONDITION_FAILED", "error.precondition_failed");
    const [saved] = await listGroups(services.platform, program, { areaCode: code });
    c.header("ETag", etag(saved!.version));
    return c.json(saved!, 200);
  });
}
