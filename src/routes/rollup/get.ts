import { createRoute, z } from "@hono/zod-openapi";
import { requireAuth } from "../../auth/middleware";
import { programRollup, UNIT_SORTS } from "../../rollup/rollup";
import type { Router } from "../../router";
import { bearer, errors, ok, pageQuery, ProgramSlugParam } from "../openapi-common";
import { requireProgramAccess } from "../programs/access";
import { PeriodQuery, toPeriod } from "../period-query";

export const RollupSchema = z
  .object({
    units: z.array(z.object({}).passthrough()),
    unitsPage: z.object({ offset: z.number().int(), limit: z.number().int(), sort: z.enum(UNIT_SORTS), total: z.number().int(), nextCursor: z.string().nullable() }),
  })
  .passthrough()
  .openapi("ProgramRollup", {
  description:
    "totals, areas (group lead + members summed), one page of units (unitsPage with nextCursor; each with its freshness and each rule's figures, the titles once in ruleTitles), notSubmitted, submittedLate, lagging (per requirement: count and the first units), excelling, names",
});

/**
 * The page of units: sorted by rules behind (fail counts double), funds, projects or name; 100 a page by
 * default, paged by the one contract (`cursor` from the previous answer's unitsPage.nextCursor).
 */
const RollupQuery = PeriodQuery.extend({
  ...pageQuery({ max: 500, default: 100 }, z.string().regex(/^\d{1,9}$/)),
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
    return c.json(await programRollup(c.get("services"), program, toPeriod(q), undefined, { offset: Number(q.cursor ?? 0), limit: q.limit, sort: q.sort }), 200);
  });
}
