/**
 * GET /api/t/{unit}/compliance?year=&quarter= — every applicable rule of each of the unit's programs,
 * judged by the figures pipeline (the same judgement the rollup and the reports show). The records
 * behind a rule are read on demand: GET /api/t/{unit}/compliance/{program}/{rule}/evidence.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { unitFigures } from "../../figures/pipeline";
import { periodKey, today } from "../../periods/period";
import type { Router } from "../../router";
import { bearer, errors, ok, UnitSlugParam } from "../openapi-common";
import { PeriodQuery, toPeriod } from "../period-query";
import { RULE_UNITS } from "../../rules/types";

export const RuleResultSchema = z
  .object({
    rule: z.string(),
    title: z.object({ zh: z.string(), en: z.string() }),
    clause: z.string(),
    quote: z.string(),
    period: z.string(),
    params: z.record(z.string(), z.unknown()),
    status: z.enum(["pass", "fail", "warn", "not_applicable"]),
    actual: z.number().nullable(),
    expected: z.number().nullable(),
    target: z.number().nullable(),
    unit: z.enum(RULE_UNITS),
    explanation: z.object({ zh: z.string(), en: z.string() }),
  })
  .openapi("RuleResult");

const route = createRoute({
  method: "get",
  path: "/api/t/{unit}/compliance",
  tags: ["rules"],
  summary: "规则核查 The unit's rule results for a period",
  security: bearer,
  request: { params: z.object({ unit: UnitSlugParam }), query: PeriodQuery },
  responses: {
    200: ok(
      z.object({
        period: z.string(),
        asOf: z.string(),
        programs: z.array(
          z.object({
            program: z.string(),
            inTerm: z.boolean(),
            /** The versions the judgement was computed from (data, rule set, term, catalog). */
            /** The deadline days this program's rules set, for showing what is due. */
            deadlines: z.object({ submissionDueDays: z.number(), submissionRemindDays: z.number(), cadreWarnDays: z.number() }),
            inputs: z.object({ dataVersions: z.record(z.string(), z.number()), rulesVersion: z.number(), term: z.string(), catalog: z.number(), factsComputedAt: z.string().nullable() }),
            results: z.array(RuleResultSchema),
          }),
        ),
      }),
      "核查结果 Results",
    ),
    ...errors(400, 401, 403, 404),
  },
});

export function registerCompliance(app: Router) {
  app.openapi(route, async (c) => {
    const period = toPeriod(c.req.valid("query"));
    const { unit, db } = c.get("tenant");
    const services = c.get("services");
    const day = today();
    const programs = [];
    let asOf = day;
    for (const program of c.get("tenant").access.programs) {
      const figures = await unitFigures(services, unit, program, period, day, db);
      asOf = figures.asOf;
      programs.push({ program, inTerm: figures.inTerm, deadlines: figures.deadlines, inputs: figures.inputs, results: figures.rules });
    }
    return c.json({ period: periodKey(period), asOf, programs }, 200);
  });
}
