/** GET /api/t/{unit}/reports/{id}?format=json|html|xlsx|docx — one of the unit's reports. */
import { createRoute, z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { reports } from "../../../db/platform/schema";
import { ApiError } from "../../errors";
import type { Router } from "../../router";
import { seesProgram } from "../../tenants/access";
import { bearer, errors, UnitSlugParam } from "../openapi-common";
import { renderReport } from "./render";
import { FormatQuery, formats, IdParam } from "./schemas";

export function registerUnitReport(app: Router): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/t/{unit}/reports/{id}",
      tags: ["reports"],
      summary: "本单位报告 One of the unit's reports",
      security: bearer,
      request: { params: z.object({ unit: UnitSlugParam, id: IdParam }), query: FormatQuery },
      responses: { 200: formats, ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const { unit, access } = c.get("tenant");
      const [report] = await c.get("services").platform.select().from(reports).where(and(eq(reports.id, id), eq(reports.unit, unit.slug)));
      if (!report || !seesProgram(access, report.program)) throw new ApiError("NOT_FOUND", "error.not_found");
      return renderReport(c, report, c.req.valid("query").format);
    },
  );
}
