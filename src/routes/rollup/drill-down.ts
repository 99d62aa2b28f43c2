/** Drill-down of a program rollup: one recipient area, or one unit. */
import { createRoute, z } from "@hono/zod-openapi";
import { requireAuth } from "../../auth/middleware";
import { ApiError } from "../../errors";
import { membershipsOf } from "../../figures/in-force";
import { judgedWithTexts } from "../../figures/judgements";
import { emptyAreaSums } from "../../figures/summary";
import { periodKey } from "../../periods/period";
import { emptyAreaRules, groupRules, groupSums, rollupBasis, sharePercent } from "../../rollup/rollup";
import type { Router } from "../../router";
import { bearer, errors, ok, ProgramSlugParam, UnitSlugParam } from "../openapi-common";
import { requireProgramAccess } from "../programs/access";
import { PeriodQuery, toPeriod } from "../period-query";
import { listGroups } from "../../directory/programs";

const areaRoute = createRoute({
  method: "get",
  path: "/api/programs/{program}/rollup/areas/{code}",
  tags: ["rollup"],
  summary: "受援地汇总 One recipient area: its group and each member's contribution",
  security: bearer,
  middleware: [requireAuth(), requireProgramAccess()] as const,
  request: { params: z.object({ program: ProgramSlugParam, code: z.string().regex(/^\d{6}$/) }), query: PeriodQuery },
  responses: { 200: ok(z.object({}).passthrough(), "受援地 Area"), ...errors(400, 401, 403, 404) },
});

const unitRoute = createRoute({
  method: "get",
  path: "/api/programs/{program}/rollup/units/{unit}",
  tags: ["rollup"],
  summary: "单位汇总 One unit of the program: its summary, rule results and freshness",
  security: bearer,
  middleware: [requireAuth(), requireProgramAccess()] as const,
  request: { params: z.object({ program: ProgramSlugParam, unit: UnitSlugParam }), query: PeriodQuery },
  responses: { 200: ok(z.object({}).passthrough(), "单位 Unit"), ...errors(400, 401, 403, 404) },
});

export function registerRollupDrillDown(app: Router) {
  app.openapi(areaRoute, async (c) => {
    const { program, code } = c.req.valid("param");
    const services = c.get("services");
    const period = toPeriod(c.req.valid("query"));
    const [group] = await listGroups(services.platform, program, { areaCode: code, period });
    if (!group) throw new ApiError("NOT_FOUND", "error.not_found");
    // Only the group's members are read (and judged, where behind).
    const basis = await rollupBasis(services, program, period, undefined, group.members.map((m) => m.slug));
    const key = periodKey(period);
    const [total, perMember, rules, fresh] = await Promise.all([
      groupSums(services, program, period, [group]),
      groupSums(services, program, period, [group], true),
      groupRules(services, program, period, group.id),
      basis.freshness(group.members.map((m) => m.slug)),
    ]);
    const sums = total.get(group.id) ?? emptyAreaSums();
    return c.json(
      {
        program,
        period: key,
        group,
        sums: { ...sums, grassrootsSharePercent: sharePercent(sums.grassrootsInFen, sums.inFen) },
        rules: rules.get(group.id) ?? emptyAreaRules(),
        contributions: group.members.map((m) => ({ unit: m.slug, sums: perMember.get(`${group.id}/${m.slug}`) ?? emptyAreaSums() })),
        units: group.members.map((m) => {
          const { name: _name, ...freshness } = fresh.get(m.slug) ?? { name: m.name, takenAt: null, ageSeconds: null, stale: true, error: null };
          return { unit: { slug: m.slug, name: m.name }, freshness };
        }),
      },
      200,
    );
  });

  app.openapi(unitRoute, async (c) => {
    const { program, unit } = c.req.valid("param");
    const services = c.get("services");
    const basis = await rollupBasis(services, program, toPeriod(c.req.valid("query")), undefined, [unit]);
    const found = (await basis.freshness([unit])).get(unit);
    if (!found) throw new ApiError("NOT_FOUND", "error.unit_not_found", { unit });
    const { name, ...freshness } = found;
    // The basis above stored its judgement if it was behind; judged again here for the rules' texts (pure and cheap).
    const [summary, groups] = await Promise.all([judgedWithTexts(services, program, basis.inputs, unit), membershipsOf(services, program, basis.inputs.period, [unit])]);
    return c.json({ program, period: periodKey(basis.inputs.period), unit: { slug: unit, name }, groups: groups.get(unit) ?? [], freshness, summary }, 200);
  });
}
