import { createRoute, z } from "@hono/zod-openapi";
import { and, asc, eq, gt, sql, type SQL } from "drizzle-orm";
import { units } from "../../../db/platform/schema";
import { requireAuth, requireRole } from "../../auth/middleware";
import type { Router } from "../../router";
import { bearer, errors, ok, pageOf, pageQuery } from "../openapi-common";
import { UNIT_KINDS, UnitSchema } from "./schemas";
import { choice } from "../../choices";
import { UNIT_KIND_NAMES } from "../../labels";

const route = createRoute({
  method: "get",
  path: "/api/units",
  tags: ["admin"],
  summary: "帮扶单位（租户）列表 Units (tenants)",
  description: "Admins, and coordinators (who place units in their programs' groups): directory fields only.",
  security: bearer,
  middleware: [requireAuth(), requireRole("admin", "coordinator")] as const,
  request: {
    query: z.object({
      kind: choice(UNIT_KINDS, UNIT_KIND_NAMES).optional(),
      q: z.string().trim().min(1).max(40).optional(),
      ...pageQuery({ max: 500, default: 100 }, z.string().max(40)),
    }),
  },
  responses: {
    200: ok(pageOf(UnitSchema), "单位 Units"),
    ...errors(400, 401, 403),
  },
});

export function registerListUnits(app: Router) {
  app.openapi(route, async (c) => {
    const { kind, q, cursor, limit } = c.req.valid("query");
    const where: SQL[] = [];
    if (kind) where.push(eq(units.kind, kind));
    if (q) where.push(sql`instr(${units.name} || ' ' || ${units.slug}, ${q}) > 0`);
    if (cursor) where.push(gt(units.slug, cursor));
    const rows = await c
      .get("services")
      .platform.select({
        slug: units.slug,
        name: units.name,
        kind: units.kind,
        status: units.status,
        schemaVersion: units.schemaVersion,
        demo: units.demo,
        createdAt: units.createdAt,
      })
      .from(units)
      .where(where.length ? and(...where) : undefined)
      .orderBy(asc(units.slug))
      .limit(limit + 1);
    const page = rows.slice(0, limit);
    return c.json({ items: page, nextCursor: rows.length > limit ? (page.at(-1)?.slug ?? null) : null }, 200);
  });
}
