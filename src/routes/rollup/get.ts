import { createRoute, z } from "@hono/zod-openapi";
import { requireAuth } from "../../auth/middleware";
import { programRollup, UNIT_SORTS } from "../../rollup/rollup";
import type { Router } from "../../router";
import { bearer, errors, ok, ProgramSlugParam } from "../openapi-common";
import { PeriodQuery, requireProgramAccess, toPeriod } from "../programs/access";

export const RollupSchema = z.object({}).passthrough().openapi("ProgramRollup", {
  description:
    "totals, areas (group lead + members summed), one page of units (unitsPage; each with its freshness and each rule's figures, the titles once in ruleTitles), notSubmitted, submittedLate, lagging (per requirement: count and the first units), excelling, names",
});

/** The page of units: sorted by rules behind (fail counts double), funds, projects or name; 100 a page by default. */
const RollupQuery = PeriodQuery.extend({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
  sort: z.enum(UNIT_SORTS).default("-rules"),
});

const route = createRoute({
  method: "get",
  path: "/api/programs/{program}/rollup",
  tags: ["rollup"],
  summary: "帮扶工作汇总 Federated rollup of a program (coordinator)",
  description:
    "Added up from each unit's stored judgement; each unit says how fresh its figures are (units behind are judged or refreshed in the background and shown stale meanwhile). Counts and sums only — never personal data.",
  security: bearer,
  middleware: [requireAuth(), requireProgramAccess()] as const,
  request: { params: z.object({ program: ProgramSlugParam }), query: RollupQuery },
  responses: { 200: ok(RollupSchema, "汇总 Rollup"), ...errors(400, 401, 403, 404) },
});

export function registerRollup(app: Router) {
  app.openapi(route, async (c) => {
    const { program } = c.req.valid("param");
    const q = c.req.valid("query");
    return c.json(await programRollup(c.get("services"), program, toPeriod(q), undefined, { page: q.page, pageSize: q.pageSize, sort: q.sort }), 200);
  });
}
