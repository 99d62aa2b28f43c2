/**
 * GET /api/t/{unit}/compliance/{program}/{rule}/evidence?year=&quarter=&cursor=&limit=&counted= — the
 * records that count toward one rule's figure for the period, paged; with `counted=false`, the
 * unit's records of the same kind near the filter that do not, each with why (codes and words).
 * Cadres appear by post and term only; a coordinator never sees records of programs it does not
 * coordinate, not even as "not counted".
 */
import { createRoute, z } from "@hono/zod-openapi";
import { allAreaLabels } from "../../directory/areas";
import { listPrograms } from "../../directory/programs";
import { ApiError } from "../../errors";
import { readEvidence, readNotCounted } from "../../figures/evidence";
import { reasonWords } from "../../figures/not-counted-words";
import { freshFacts, groupAreasOf, programTerms } from "../../figures/pipeline";
import { periodContext, today } from "../../periods/period";
import { ruleSet } from "../../rules/rule-sets";
import { programScope } from "../../tenants/access";
import type { Router } from "../../router";
import { bearer, errors, ok, UnitSlugParam } from "../openapi-common";
import { PeriodQuery, toPeriod } from "../period-query";

const Text = z.object({ zh: z.string(), en: z.string() });
const Reason = z
  .object({
    code: z.string().openapi({ description: "voided, program, window, kind, direction, leader_level, area, agreement_year, document_type, pairing_kind, source, grassroots, in_force, in_post, ends_by, year" }),
    actual: z.union([z.string(), z.number()]).nullable().openapi({ description: "The record's own value" }),
    expected: z.array(z.union([z.string(), z.number()])).openapi({ description: "What the rule asks (a window is [from, to])" }),
    text: Text,
  })
  .openapi("EvidenceReason");
const Item = z
  .object({ entity: z.string(), id: z.string(), date: z.string().nullable(), label: z.string(), value: z.number().nullable(), reasons: z.array(Reason).optional() })
  .openapi("EvidenceItem");

const route = createRoute({
  method: "get",
  path: "/api/t/{unit}/compliance/{program}/{rule}/evidence",
  tags: ["rules"],
  summary: "核查依据 The records that count toward one rule, or those near it that do not (paged)",
  security: bearer,
  request: {
    params: z.object({ unit: UnitSlugParam, program: z.string().max(64), rule: z.string().max(64) }),
    query: PeriodQuery.extend({
      cursor: z.string().max(200).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      counted: z.enum(["true", "false"]).default("true").openapi({ description: "false: the records that do not count, with why" }),
    }),
  },
  responses: {
    200: ok(z.object({ rule: z.string(), program: z.string(), period: z.string(), counted: z.boolean(), items: z.array(Item), nextCursor: z.string().nullable() }), "依据 Evidence"),
    ...errors(400, 401, 403, 404),
  },
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
    const periodText = `${period.year}${period.quarter ? `-Q${period.quarter}` : ""}`;
    const paging = { cursor: query.cursor, limit: query.limit };
    const areas = await allAreaLabels(services.platform);
    const areaName = (code: string) => areas.get(code)?.fullName ?? code;
    if (query.counted === "true") {
      const page = evidence ? await readEvidence(db, program, evidence, paging, { area: areaName }) : { items: [], nextCursor: null };
      return c.json({ rule: ruleId, program, period: periodText, counted: true, ...page }, 200);
    }
    if (!evidence) return c.json({ rule: ruleId, program, period: periodText, counted: false, items: [], nextCursor: null }, 200);
    const page = await readNotCounted(db, program, evidence, period, programScope(access), paging, { area: areaName });
    const programs = await listPrograms(services.platform);
    const ctx = {
      entity: evidence.entity,
      areaName,
      programName: (slug: string) => {
        const p = programs.find((x) => x.slug === slug);
        return { zh: p?.name ?? slug, en: p?.nameEn ?? p?.name ?? slug };
      },
    };
    const items = page.items.map((item) => ({ ...item, reasons: item.reasons.map((r) => ({ ...r, text: reasonWords(r, ctx) })) }));
    return c.json({ rule: ruleId, program, period: periodText, counted: false, items, nextCursor: page.nextCursor }, 200);
  });
}
