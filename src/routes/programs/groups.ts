import { createRoute, z } from "@hono/zod-openapi";
import { requireAuth } from "../../auth/middleware";
import { findProgram, listGroups } from "../../directory/programs";
import { ApiError } from "../../errors";
import type { Router } from "../../router";
import { bearer, errors, ok, ProgramSlugParam, UnitSlugParam } from "../openapi-common";
import { GroupSchema } from "./schemas";

const route = createRoute({
  method: "get",
  path: "/api/programs/{program}/groups",
  tags: ["directory"],
  summary: "帮扶集团 A program's groups (lead and members per recipient area)",
  security: bearer,
  middleware: [requireAuth()] as const,
  request: {
    params: z.object({ program: ProgramSlugParam }),
    query: z.object({ unit: UnitSlugParam.optional().openapi({ param: { name: "unit", in: "query" } }) }),
  },
  responses: { 200: ok(z.object({ items: z.array(GroupSchema) }), "帮扶集团 Groups"), ...errors(400, 401, 404) },
});

export function registerListGroups(app: Router) {
  app.openapi(route, async (c) => {
    const { program } = c.req.valid("param");
    const { unit } = c.req.valid("query");
    const { platform } = c.get("services");
    if (!(await findProgram(platform, program))) throw new ApiError("NOT_FOUND", "error.program_not_found", { program });
    return c.json({ items: await listGroups(platform, program, unit ? { unit } : {}) }, 200);
  });
}
