/** Drill-down of a program rollup: one recipient area, or one unit. */
import { createRoute, z } from "@hono/zod-openapi";
import { requireAuth } from "../../auth/middleware";
import { ApiError } from "../../errors";
import { programRollup } from "../../rollup/rollup";
import type { Router } from "../../router";
import { bearer, errors, ok, ProgramSlugParam, UnitSlugParam } from "../openapi-common";
import { PeriodQuery, requireProgramAccess, toPeriod } from "../programs/access";

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
    const rollup = await programRollup(c.get("services"), program, toPeriod(c.req.valid("query")));
    const area = rollup.areas.find((a) => a.group.area.code === code);
    if (!area) throw new ApiError("NOT_FOUND", "error.not_found");
    const members = new Set(area.group.members.map((m) => m.slug));
    return c.json({ program, period: rollup.period, ...area, units: rollup.units.filter((u) => members.has(u.unit.slug)).map((u) => ({ unit: u.unit, freshness: u.freshness })) }, 200);
  });

  app.openapi(unitRoute, async (c) => {
    const { program, unit } = c.req.valid("param");
    const rollup = await programRollup(c.get("services"), program, toPeriod(c.req.valid("query")));
    const found = rollup.units.find((u) => u.unit.slug === unit);
    if (!found) throw new ApiError("NOT_FOUND", "error.unit_not_found", { unit });
    return c.json({ program, period: rollup.period, ...found }, 200);
  });
}
