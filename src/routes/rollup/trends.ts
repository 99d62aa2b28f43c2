/** Quarter-by-quarter trends of a program rollup's drill-downs: one recipient area, or one unit. */
import { createRoute, z } from "@hono/zod-openapi";
import { requireAuth } from "../../auth/middleware";
import { ApiError } from "../../errors";
import { areaTrend, unitTrend } from "../../rollup/trends";
import type { Router } from "../../router";
import { bearer, errors, ok, ProgramSlugParam, UnitSlugParam } from "../openapi-common";
import { requireProgramAccess } from "../programs/access";
import { PeriodQuery } from "../period-query";

/** ?year=&span= — the four quarters of a year, or every quarter of the program's term up to this year. */
const TrendQuery = z.object({ year: PeriodQuery.shape.year, span: z.enum(["year", "term"]).default("year") });

const QuarterSchema = z.object({
  year: z.number().int(),
  quarter: z.number().int().min(1).max(4),
  inFen: z.number().int().openapi({ description: "资金投入（分）Money put in during the quarter, fen" }),
  disbursedFen: z.number().int(),
  confirmedFen: z.number().int().openapi({ description: "受援方确认到位（分）Disbursements the recipient confirmed, fen" }),
  projects: z.number().int().openapi({ description: "Projects starting in the quarter" }),
  activities: z.number().int().nullable().openapi({ description: "Activity records in the quarter; null for an area" }),
  cadresInPost: z.number().int().openapi({ description: "Cadres in post at the quarter's end" }),
});

export const TrendSchema = z
  .object({
    program: z.string(),
    span: z.enum(["year", "term"]),
    years: z.array(z.number().int()),
    quarters: z.array(QuarterSchema),
    staleFacts: z.number().int().openapi({ description: "Member-years served from facts behind their unit's writes (a refresh is queued)" }),
    missingFacts: z.number().int().openapi({ description: "Member-years with no stored facts yet, counted as nothing (a refresh is queued)" }),
  })
  .openapi("Trend");

const areaRoute = createRoute({
  method: "get",
  path: "/api/programs/{program}/rollup/areas/{code}/trend",
  tags: ["rollup"],
  summary: "受援地分季度趋势 One recipient area, quarter by quarter: what its group's members put in",
  security: bearer,
  middleware: [requireAuth(), requireProgramAccess()] as const,
  request: { params: z.object({ program: ProgramSlugParam, code: z.string().regex(/^\d{6}$/) }), query: TrendQuery },
  responses: { 200: ok(TrendSchema, "趋势 Trend"), ...errors(400, 401, 403, 404) },
});

const unitRoute = createRoute({
  method: "get",
  path: "/api/programs/{program}/rollup/units/{unit}/trend",
  tags: ["rollup"],
  summary: "单位分季度趋势 One unit of the program, quarter by quarter",
  security: bearer,
  middleware: [requireAuth(), requireProgramAccess()] as const,
  request: { params: z.object({ program: ProgramSlugParam, unit: UnitSlugParam }), query: TrendQuery },
  responses: { 200: ok(TrendSchema, "趋势 Trend"), ...errors(400, 401, 403, 404) },
});

export function registerRollupTrends(app: Router) {
  app.openapi(areaRoute, async (c) => {
    const { program, code } = c.req.valid("param");
    const { year, span } = c.req.valid("query");
    const trend = await areaTrend(c.get("services"), program, code, span, year);
    if (!trend) throw new ApiError("NOT_FOUND", "error.not_found");
    return c.json(trend, 200);
  });

  app.openapi(unitRoute, async (c) => {
    const { program, unit } = c.req.valid("param");
    const { year, span } = c.req.valid("query");
    // A unit outside the program that year answers like an unknown one: existence is not revealed.
    const trend = await unitTrend(c.get("services"), program, unit, span, year);
    if (!trend) throw new ApiError("NOT_FOUND", "error.unit_not_found", { unit });
    return c.json(trend, 200);
  });
}
