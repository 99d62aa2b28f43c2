/**
 * GET /api/t/{unit}/compliance/{program}/{rule}/evidence?year=&quarter=&cursor=&limit= — the records
 * that count toward one rule's figure for the period, paged. Cadres appear by post and term only.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { ApiError } from "../../errors";
import { readEvidence } from "../../figures/evidence";
import { freshFacts, groupAreasOf, programTerms } from "../../figures/pipeline";
import { periodContext, today } from "../../periods/period";
import { ruleSet } from "../../rules/rule-sets";
import type { Router } from "../../router";
import { bearer, errors, ok, UnitSlugParam } from "../openapi-common";
import { PeriodQuery, toPeriod } from "../programs/access";

const Item = z.object({ entity: z.string(), id: z.string(), date: z.string().nullable(), label: z.string(), value: z.number().nullable() }).openapi("EvidenceItem");

const route = createRoute({
  method: "get",
  path: "/api/t/{unit}/compliance/{program}/{rule}/evidence",
  tags: ["rules"],
  summary: "核查依据 The records that count toward one rule (paged)",
  security: bearer,
  request: {
    params: z.object({ unit: UnitSlugParam, program: z.string().max(64), rule: z.string().max(64) }),
    query: PeriodQuery.extend({ cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
  },
  responses: { 200: ok(z.object({ rule: z.string(), program: z.string(), period: z.string(), items: z.array(Item), nextCursor: z.string().nullable() }), "依据 Evidence"), ...errors(400, 401, 403, 404) },
});

export function registerEvidence(app: Router) {
  app.openapi(route, async (c) => {
    const { program, rule: ruleId } = c.req.valid("param");
    const query = c.req.valid("query");
    const { unit, db, access } = c.get("tenant");
    const services = c.get("services");
    if (!access.programs.includes(program)) throw new ApiError("NOT_FOUND", "error.program_not_found", { program: program.slice(0, 40) });
    const configured = (await ruleSet(services.platform, program)).find((r) => r.rule.id === ruleId);
    if (!configured) throw new ApiError("NOT_FOUND", "error.not_found");
    const period = periodContext(toPeriod(query), today());
    const [terms, groupAreas, facts] = await Promise.all([programTerms(services, program), groupAreasOf(services, unit.slug, program, period), freshFacts(services, unit, program, period.year, db)]);
    const input = { unit: { slug: unit.slug, name: unit.name }, program, term: { startYear: terms!.startYear, endYear: terms!.endYear }, period, groupAreas, facts: facts.facts };
    const evidence = configured.rule.evidence(input, configured.params as never);
    const page = evidence ? await readEvidence(db, program, evidence, { cursor: query.cursor, limit: query.limit }) : { items: [], nextCursor: null };
    return c.json({ rule: ruleId, program, period: `${period.year}${period.quarter ? `-Q${period.quarter}` : ""}`, ...page }, 200);
  });
}
