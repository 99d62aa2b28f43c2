/**
 * GET /api/t/{unit}/summary?year=&quarter=&program= — the unit's own figures for a period: funds,
 * projects, cadres (counts), activities, by area. Without a program, across its whole ledger (the
 * dashboard); with one, exactly the figures the coordinator's rollup shows for this unit.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { unitFigures } from "../../figures/pipeline";
import { today } from "../../periods/period";
import type { Router } from "../../router";
import { ApiError } from "../../errors";
import { bearer, errors, ok, UnitSlugParam } from "../openapi-common";
import { PeriodQuery, toPeriod } from "../period-query";

const route = createRoute({
  method: "get",
  path: "/api/t/{unit}/summary",
  tags: ["tenant"],
  summary: "本单位汇总 The unit's figures for a period (counts and sums)",
  security: bearer,
  request: { params: z.object({ unit: UnitSlugParam }), query: PeriodQuery.extend({ program: z.string().max(64).optional() }) },
  responses: { 200: ok(z.object({ period: z.string(), asOf: z.string(), program: z.string().nullable(), summary: z.object({}).passthrough() }).openapi("UnitSummary"), "汇总 Summary"), ...errors(400, 401, 403, 404) },
});

export function registerTenantSummary(app: Router) {
  app.openapi(route, async (c) => {
    const query = c.req.valid("query");
    const period = toPeriod(query);
    const { unit, db } = c.get("tenant");
    const services = c.get("services");
    const { access } = c.get("tenant");
    // Without a program the figures span the unit's whole ledger: only for those who may see all of it.
    const program = query.program ?? (access.scoped ? (access.programs[0] ?? null) : null);
    if (program !== null && !access.programs.includes(program)) throw new ApiError("NOT_FOUND", "error.program_not_found", { program: program.slice(0, 40) });
    const figures = await unitFigures(services, unit, program, period, today(), db);
    return c.json({ period: figures.period, asOf: figures.asOf, program, summary: { ...figures.summary, quarter: figures.quarter, submissions: figures.submissions, targets: figures.targets } }, 200);
  });
}
