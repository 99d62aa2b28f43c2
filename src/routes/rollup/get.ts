import { createRoute, z } from "@hono/zod-openapi";
import { requireAuth } from "../../auth/middleware";
import { programRollup, rollupAnswer } from "../../rollup/rollup";
import type { Router } from "../../router";
import { bearer, errors, ok, ProgramSlugParam } from "../openapi-common";
import { PeriodQuery, requireProgramAccess, toPeriod } from "../programs/access";

export const RollupSchema = z.object({}).passthrough().openapi("ProgramRollup", {
  description: "totals, areas (group lead + members summed), units (with snapshot freshness; each rule's figures, with the titles once in ruleTitles), notSubmitted, lagging, excelling",
});

const route = createRoute({
  method: "get",
  path: "/api/programs/{program}/rollup",
  tags: ["rollup"],
  summary: "帮扶工作汇总 Federated rollup of a program (coordinator)",
  description: "Read from per-unit snapshots; each unit says how fresh its snapshot is. Counts and sums only — never personal data.",
  security: bearer,
  middleware: [requireAuth(), requireProgramAccess()] as const,
  request: { params: z.object({ program: ProgramSlugParam }), query: PeriodQuery },
  responses: { 200: ok(RollupSchema, "汇总 Rollup"), ...errors(400, 401, 403, 404) },
});

export function registerRollup(app: Router) {
  app.openapi(route, async (c) => {
    const { program } = c.req.valid("param");
    return c.json(rollupAnswer(await programRollup(c.get("services"), program, toPeriod(c.req.valid("query")))), 200);
  });
}
