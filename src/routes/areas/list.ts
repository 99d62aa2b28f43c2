import { createRoute, z } from "@hono/zod-openapi";
import { and, asc, eq, gt, inArray, or, sql, type SQL } from "drizzle-orm";
import { areas } from "../../../db/platform/schema";
import { requireAuth } from "../../auth/middleware";
import { allAreaLabels } from "../../directory/areas";
import type { Router } from "../../router";
import { bearer, errors, ok, pageOf, pageQuery } from "../openapi-common";

export const AreaRow = z
  .object({
    code: z.string(),
    name: z.string(),
    parentCode: z.string().nullable(),
    level: z.number().int(),
    special: z.boolean().openapi({ description: "不在 GB/T 2260 中的特殊地区（代码由本平台编定）An area the code list lacks, with our own code" }),
    version: z.number().int(),
  })
  .openapi("Area");

/** An area as a search lists it: with the full name people tell 城区 from 城区 by. */
const ListedArea = AreaRow.extend({ fullName: z.string().openapi({ description: "省、市、县全称 The name with its province and prefecture, e.g. 广东省汕尾市城区" }) }).openapi("ListedArea");

const code = z.string().regex(/^\d{6}$/);

const route = createRoute({
  method: "get",
  path: "/api/areas",
  tags: ["directory"],
  summary: "行政区划 Recipient areas (GB/T 2260)",
  description: "Filter by parent code, level (1 province, 2 prefecture, 3 county), a list of codes, or a name fragment.",
  security: bearer,
  middleware: [requireAuth()] as const,
  request: {
    query: z.object({
      parent: code.optional(),
      level: z.coerce.number().int().min(1).max(3).optional(),
      codes: z
        .string()
        .regex(/^\d{6}(,\d{6}){0,199}$/)
        .optional()
        .openapi({ description: "Comma-separated codes (at most 200)" }),
      q: z.string().trim().min(1).max(20).optional(),
      ...pageQuery({ max: 2000, default: 500 }, code),
    }),
  },
  responses: { 200: ok(pageOf(ListedArea), "行政区划 Areas"), ...errors(400, 401) },
});

export function registerListAreas(app: Router) {
  app.openapi(route, async (c) => {
    const query = c.req.valid("query");
    const where: SQL[] = [];
    if (query.parent) where.push(eq(areas.parentCode, query.parent));
    if (query.level) where.push(eq(areas.level, query.level));
    if (query.codes) where.push(inArray(areas.code, query.codes.split(",")));
    if (query.cursor) where.push(gt(areas.code, query.cursor));
    if (query.q) {
      const pattern = `%${query.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
      where.push(or(sql`${areas.name} LIKE ${pattern} ESCAPE '\\'`, sql`${areas.code} LIKE ${pattern} ESCAPE '\\'`)!);
    }
    const items = await c
      .get("services")
      .platform.select()
      .from(areas)
      .where(where.length ? and(...where) : undefined)
      .orderBy(asc(areas.code))
      .limit(query.limit + 1);
    const labels = await allAreaLabels(c.get("services").platform);
    const page = items.slice(0, query.limit).map((a) => ({ ...a, fullName: labels.get(a.code)?.fullName ?? a.name }));
    return c.json({ items: page, nextCursor: items.length > query.limit ? page.at(-1)!.code : null }, 200);
  });
}
