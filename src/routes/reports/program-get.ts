/** GET /api/programs/{program}/reports/{id}?format=… — one of the program's reports. */
import { createRoute, z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { reports } from "../../../db/platform/schema";
import { requireAuth } from "../../auth/middleware";
import { ApiError } from "../../errors";
import type { Router } from "../../router";
import { bearer, errors, ProgramSlugParam } from "../openapi-common";
import { requireProgramAccess } from "../programs/access";
import { renderReport } from "./render";
import { FormatQuery, formats, IdParam } from "./schemas";

export function registerProgramReport(app: Router): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/programs/{program}/reports/{id}",
      tags: ["reports"],
      summary: "帮扶工作报告 One of the program's reports",
      security: bearer,
      middleware: [requireAuth(), requireProgramAccess()] as const,
      request: { params: z.object({ program: ProgramSlugParam, id: IdParam }), query: FormatQuery },
      responses: { 200: formats, ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { program, id } = c.req.valid("param");
      const [report] = await c.get("services").platform.select().from(reports).where(and(eq(reports.id, id), eq(reports.program, program)));
      if (!report) throw new ApiError("NOT_FOUND", "error.not_found");
      return renderReport(c, report, c.req.valid("query").format);
    },
  );
}
