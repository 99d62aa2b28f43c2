/**
 * GET /api/t/{unit}/compliance?year=&quarter= — every applicable rule of each of the unit's programs,
 * evaluated on the unit's current records, with what counted (evidence) and why.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { evaluateRules } from "../../rules/evaluate";
import { loadPeriodData } from "../../rules/period-data";
import { ruleSet } from "../../rules/rule-sets";
import { today } from "../../rollup/snapshots";
import type { Router } from "../../router";
import { programsOf } from "../../tenants/middleware";
import { periodKey } from "../../rules/period";
import { bearer, errors, ok, UnitSlugParam } from "../openapi-common";
import { PeriodQuery, toPeriod } from "../programs/access";

const Result = z
  .object({
    rule: z.string(),
    title: z.object({ zh: z.string(), en: z.string() }),
    clause: z.string(),
    period: z.string(),
    params: z.record(z.string(), z.unknown()),
    status: z.enum(["pass", "fail", "warn", "not_applicable"]),
    actual: z.number().nullable(),
    expected: z.number().nullable(),
    target: z.number().nullable(),
    unit: z.string(),
    explanation: z.object({ zh: z.string(), en: z.string() }),
    evidence: z.array(z.object({ entity: z.string(), id: z.string(), label: z.string(), value: z.number().optional() })),
  })
  .openapi("RuleResult");

const route = createRoute({
  method: "get",
  path: "/api/t/{unit}/compliance",
  tags: ["rules"],
  summary: "规则核查 The unit's rule results for a period, with evidence",
  security: bearer,
  request: { params: z.object({ unit: UnitSlugParam }), query: PeriodQuery },
  responses: {
    200: ok(z.object({ period: z.string(), asOf: z.string(), programs: z.array(z.object({ program: z.string(), results: z.array(Result) })) }), "核查结果 Results"),
    ...errors(400, 401, 403, 404),
  },
});

export function registerCompliance(app: Router) {
  app.openapi(route, async (c) => {
    const period = toPeriod(c.req.valid("query"));
    const { unit, db } = c.get("tenant");
    const { platform } = c.get("services");
    const day = today();
    let asOf = day;
    const programs = [];
    for (const program of await programsOf(platform, unit.slug)) {
      const data = await loadPeriodData(db, platform, { slug: unit.slug, name: unit.name }, program, period, day);
      asOf = data.asOf;
      programs.push({ program, results: evaluateRules(data, await ruleSet(platform, program)) });
    }
    return c.json({ period: periodKey(period), asOf, programs }, 200);
  });
}
