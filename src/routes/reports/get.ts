/** GET /api/reports/{id}?format=… — any report the caller may read; one it may not is not found. */
import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { reports } from "../../../db/platform/schema";
import { requireAuth } from "../../auth/middleware";
import { ApiError } from "../../errors";
import type { Router } from "../../router";
import { bearer, errors } from "../openapi-common";
import { renderReport } from "./render";
import { FormatQuery, formats, IdParam } from "./schemas";
import { mayRead } from "./read-access";

export function registerGetReport(app: Router): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/reports/{id}",
      tags: ["reports"],
      summary: "报告 Any report the caller may read",
      security: bearer,
      middleware: [requireAuth()] as const,
      request: { params: z.object({ id: IdParam }), query: FormatQuery },
      responses: { 200: formats, ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const auth = c.get("auth");
      const { platform } = c.get("services");
      const [report] = await platform.select().from(reports).where(eq(reports.id, id));
      // Existence is not revealed to those who may not read it.
      if (!report || !(await mayRead(auth, report, platform))) throw new ApiError("NOT_FOUND", "error.not_found");
      return renderReport(c, report, c.req.valid("query").format);
    },
  );
}
