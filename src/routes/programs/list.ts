import { createRoute, z } from "@hono/zod-openapi";
import { requireAuth } from "../../auth/middleware";
import { listPrograms } from "../../directory/programs";
import type { Router } from "../../router";
import { bearer, errors, ok } from "../openapi-common";
import { ProgramSchema } from "./schemas";

const route = createRoute({
  method: "get",
  path: "/api/programs",
  tags: ["directory"],
  summary: "帮扶工作列表 Programs",
  security: bearer,
  middleware: [requireAuth()] as const,
  responses: { 200: ok(z.object({ items: z.array(ProgramSchema) }), "全部帮扶工作 All programs"), ...errors(401) },
});

export function registerListPrograms(app: Router) {
  app.openapi(route, async (c) => c.json({ items: await listPrograms(c.get("services").platform) }, 200));
}
