import { createRoute, z } from "@hono/zod-openapi";
import { requireAuth } from "../../auth/middleware";
import { findProgram } from "../../directory/programs";
import { ApiError } from "../../errors";
import type { Router } from "../../router";
import { bearer, errors, ok, ProgramSlugParam } from "../openapi-common";
import { ProgramSchema } from "./schemas";

const route = createRoute({
  method: "get",
  path: "/api/programs/{program}",
  tags: ["directory"],
  summary: "帮扶工作详情 One program",
  security: bearer,
  middleware: [requireAuth()] as const,
  request: { params: z.object({ program: ProgramSlugParam }) },
  responses: { 200: ok(ProgramSchema, "帮扶工作 Program"), ...errors(400, 401, 404) },
});

export function registerGetProgram(app: Router) {
  app.openapi(route, async (c) => {
    const { program } = c.req.valid("param");
    const found = await findProgram(c.get("services").platform, program);
    if (!found) throw new ApiError("NOT_FOUND", "error.program_not_found", { program });
    return c.json(found, 200);
  });
}
