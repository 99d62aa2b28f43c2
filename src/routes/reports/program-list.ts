/** GET /api/programs/{program}/reports — the program's reports, program and unit reports alike (coordinator, admin). */
import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { reports } from "../../../db/platform/schema";
import { requireAuth } from "../../auth/middleware";
import type { Router } from "../../router";
import { bearer, errors, ok, pageOf, ProgramSlugParam } from "../openapi-common";
import { requireProgramAccess } from "../programs/access";
import { ListQuery, ReportItem } from "./schemas";
import { reportsPage } from "./read-access";

export function registerProgramReports(app: Router): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/programs/{program}/reports",
      tags: ["reports"],
      summary: "帮扶工作报告 The program's reports (program and unit reports)",
      security: bearer,
      middleware: [requireAuth(), requireProgramAccess()] as const,
      request: { params: z.object({ program: ProgramSlugParam }), query: ListQuery },
      responses: { 200: ok(pageOf(ReportItem), "报告 Reports"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const where = [eq(reports.program, c.req.valid("param").program)];
      if (q.kind) where.push(eq(reports.kind, q.kind));
      if (q.period) where.push(eq(reports.period, q.period));
      return c.json(await reportsPage(c.get("services").platform, where, q), 200);
    },
  );
}
