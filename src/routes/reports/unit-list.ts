/** GET /api/t/{unit}/reports — the unit's reports, newest first (unit roles, its programs' coordinators, admin). */
import { createRoute, z } from "@hono/zod-openapi";
import { eq, inArray } from "drizzle-orm";
import { reports } from "../../../db/platform/schema";
import type { Router } from "../../router";
import { programScope } from "../../tenants/access";
import { bearer, errors, ok, pageOf, UnitSlugParam } from "../openapi-common";
import { ListQuery, ReportItem } from "./schemas";
import { reportsPage } from "./read-access";

export function registerUnitReports(app: Router): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/t/{unit}/reports",
      tags: ["reports"],
      summary: "本单位报告 The unit's reports",
      security: bearer,
      request: { params: z.object({ unit: UnitSlugParam }), query: ListQuery },
      responses: { 200: ok(pageOf(ReportItem), "报告 Reports"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const { unit, access } = c.get("tenant");
      // A unit report belongs to one program: a coordinator sees those of its own programs only.
      const scope = programScope(access);
      const where = [eq(reports.unit, unit.slug), ...(scope ? [inArray(reports.program, [...scope])] : [])];
      if (q.kind) where.push(eq(reports.kind, q.kind));
      if (q.period) where.push(eq(reports.period, q.period));
      return c.json(await reportsPage(c.get("services").platform, where, q), 200);
    },
  );
}
