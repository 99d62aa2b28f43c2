/**
 * GET /api/t/{unit}/summary?year=&quarter= — the unit's own figures for a period across its whole
 * ledger: funds, projects, cadres (counts), activities, by area. What the unit's dashboard shows;
 * the same summary, per program, is what the coordinator's rollup adds up.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { summarize } from "../../rollup/summary";
import { today } from "../../rollup/snapshots";
import { periodKey } from "../../rules/period";
import { loadPeriodData } from "../../rules/period-data";
import type { Router } from "../../router";
import { bearer, errors, ok, UnitSlugParam } from "../openapi-common";
import { PeriodQuery, toPeriod } from "../programs/access";

const route = createRoute({
  method: "get",
  path: "/api/t/{unit}/summary",
  tags: ["tenant"],
  summary: "本单位汇总 The unit's figures for a period (counts and sums)",
  security: bearer,
  request: { params: z.object({ unit: UnitSlugParam }), query: PeriodQuery },
  responses: { 200: ok(z.object({ period: z.string(), asOf: z.string(), summary: z.object({}).passthrough() }).openapi("UnitSummary"), "汇总 Summary"), ...errors(400, 401, 403, 404) },
});

export function registerTenantSummary(app: Router) {
  app.openapi(route, async (c) => {
    const period = toPeriod(c.req.valid("query"));
    const { unit, db } = c.get("tenant");
    const data = await loadPeriodData(db, c.get("services").platform, { slug: unit.slug, name: unit.name }, null, period, today());
    return c.json({ period: periodKey(period), asOf: data.asOf, summary: summarize(data, [], []) }, 200);
  });
}
