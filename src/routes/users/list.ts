/** GET /api/users — users by role, unit and search, a page at a time; a unit admin sees its own unit's only. */
import { createRoute, z } from "@hono/zod-openapi";
import { and, asc, eq, gt, sql, type SQL } from "drizzle-orm";
import { ROLES, users } from "../../../db/platform/schema";
import type { Router } from "../../router";
import { bearer, errors, ok, pageOf, pageQuery } from "../openapi-common";
import { slug, UserRecord, userView } from "./schemas";
import { admin, scopeOf } from "./access";
import { choice } from "../../choices";
import { ROLE_NAMES } from "../../labels";

export function registerListUsers(app: Router): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/users",
      tags: ["admin"],
      summary: "用户列表 Users",
      security: bearer,
      middleware: admin(),
      request: {
        query: z.object({
          role: choice(ROLES, ROLE_NAMES).optional(),
          unit: slug.optional(),
          q: z.string().trim().min(1).max(60).optional(),
          ...pageQuery({ max: 200, default: 50 }, z.string().max(80)),
        }),
      },
      responses: { 200: ok(pageOf(UserRecord), "用户 Users"), ...errors(400, 401, 403) },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const { platform } = c.get("services");
      const where: SQL[] = [];
      if (q.role) where.push(eq(users.role, q.role));
      const scope = scopeOf(c);
      if (scope) where.push(eq(users.unit, scope));
      else if (q.unit) where.push(eq(users.unit, q.unit));
      if (q.q) where.push(sql`instr(${users.username} || ' ' || ${users.displayName}, ${q.q}) > 0`);
      if (q.cursor) where.push(gt(users.username, q.cursor));
      const rows = await platform.select({ id: users.id, username: users.username }).from(users).where(where.length ? and(...where) : undefined).orderBy(asc(users.username)).limit(q.limit + 1);
      const page = rows.slice(0, q.limit);
      const items = (await Promise.all(page.map((r) => userView(platform, r.id)))).filter((u) => u !== undefined);
      return c.json({ items, nextCursor: rows.length > q.limit ? (page.at(-1)?.username ?? null) : null }, 200);
    },
  );
}
