/**
 * GET /api/areas/{code}/helpers — the view a county, a city or the province looks for: every helper of
 * every program that supports the area (a county is helped in several programs; a prefecture's page
 * also lists the groups of its counties), with what each put into the area in the period, added up
 * from the same stored judgements as the rollup. An admin sees every program, a coordinator its own, a
 * recipient user every program of its own area.
 * Counts and sums only.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { requireAuth } from "../../auth/middleware";
import { areaLabels } from "../../directory/areas";
import { listGroups } from "../../directory/programs";
import { ApiError } from "../../errors";
import { inList } from "../../figures/standing";
import { addInto, emptyAreaSums } from "../../figures/summary";
import { periodKey } from "../../periods/period";
import { AREA_COLUMNS, areaSums, rollupBasis } from "../../rollup/rollup";
import { areaPrefix } from "../../rules/progress";
import type { Router } from "../../router";
import { bearer, errors, ok } from "../openapi-common";
import { PeriodQuery, toPeriod } from "../period-query";

const route = createRoute({
  method: "get",
  path: "/api/areas/{code}/helpers",
  tags: ["directory"],
  summary: "受援地的帮扶方 Every helper of every program for an area, with its figures in the area",
  security: bearer,
  middleware: [requireAuth()] as const,
  request: { params: z.object({ code: z.string().regex(/^\d{6}$/) }), query: PeriodQuery },
  responses: { 200: ok(z.object({}).passthrough().openapi("AreaHelpers"), "帮扶方 Helpers"), ...errors(400, 401, 403, 404) },
});

export function registerAreaHelpers(app: Router) {
  app.openapi(route, async (c) => {
    const { code } = c.req.valid("param");
    const period = toPeriod(c.req.valid("query"));
    const auth = c.get("auth");
    // A recipient sees its own area's page (a prefecture's user its counties' too), every program of it.
    const ownArea = auth.role === "recipient" && auth.area !== null && code.startsWith(areaPrefix(auth.area));
    if (auth.role !== "admin" && auth.role !== "coordinator" && !ownArea) throw new ApiError("FORBIDDEN", "error.forbidden_program");
    const services = c.get("services");
    const area = (await areaLabels(services.platform, [code])).get(code);
    if (!area) throw new ApiError("NOT_FOUND", "error.not_found");
    const prefix = areaPrefix(code);
    // The groups whose area holds this one (a prefecture's group helps its counties) or lies in it —
    // a few hundred groups in all, matched here with the one prefix rule the figures use.
    // Only programs whose term includes the period's year (one that ended supports the area no more).
    const all = await services.platform.all<{ program: string; name: string; docNumber: string; areaCode: string }>(sql`
      SELECT p.slug AS program, p.name AS name, p.doc_number AS docNumber, g.area_code AS areaCode FROM groups g JOIN programs p ON p.slug = g.program
      WHERE p.start_year <= ${period.year} AND p.end_year >= ${period.year} ORDER BY p.start_year, p.slug`);
    const covers = (groupArea: string) => code.startsWith(areaPrefix(groupArea)) || groupArea.startsWith(prefix);
    const rows = [...new Map(all.filter((r) => covers(r.areaCode)).map((r) => [r.program, r])).values()];
    const visible = rows.filter((r) => auth.role === "admin" || ownArea || auth.programs.includes(r.program));
    const key = periodKey(period);
    const totals = emptyAreaSums();
    const programs = [];
    for (const p of visible) {
      const groupList = (await listGroups(services.platform, p.program, { period })).filter((g) => covers(g.area.code));
      const slugs = [...new Set(groupList.flatMap((g) => g.members.map((m) => m.slug)))];
      if (slugs.length === 0) continue;
      // The same judgements as the rollup, brought current for these units only.
      const basis = await rollupBasis(services, p.program, period, undefined, slugs);
      const [fresh, sums] = await Promise.all([
        basis.freshness(slugs),
        services.platform.all<Record<string, unknown>>(sql`
          SELECT a.unit AS unit, ${AREA_COLUMNS} FROM unit_judgement_areas a WHERE a.program = ${p.program} AND a.period = ${key} AND a.unit IN (${inList(slugs)}) AND substr(a.area_code, 1, ${prefix.length}) = ${prefix}
          GROUP BY a.unit`),
      ]);
      const byUnit = new Map(sums.map((r) => [String(r.unit), areaSums(r)]));
      const programSums = emptyAreaSums();
      const groupsOut = groupList.map((g) => {
        const groupSums = emptyAreaSums();
        const helpers = g.members.map((m) => {
          const s = byUnit.get(m.slug) ?? emptyAreaSums();
          addInto(groupSums, s);
          const { name: _name, ...freshness } = fresh.get(m.slug) ?? { name: m.name, takenAt: null, ageSeconds: null, stale: true, error: null };
          return { unit: { slug: m.slug, name: m.name }, role: m.role, effectiveFrom: m.effectiveFrom ?? null, effectiveTo: m.effectiveTo ?? null, sums: s, freshness };
        });
        return { id: g.id, area: g.area, lead: g.lead, helpers, sums: groupSums };
      });
      // A unit in two of the program's groups here is counted once for the program.
      for (const s of byUnit.values()) addInto(programSums, s);
      addInto(totals, programSums);
      programs.push({ program: p.program, name: p.name, docNumber: p.docNumber, groups: groupsOut, sums: programSums });
    }
    return c.json({ area, period: key, programs, totals }, 200);
  });
}
