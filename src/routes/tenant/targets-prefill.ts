/**
 * POST /api/t/{unit}/targets/prefill — fills a year's targets for every program the unit takes part in
 * with the figures its rules judge by (the program's parameters, else the documents' figures), leaving
 * targets the unit already has untouched. Idempotent.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { targets } from "../../../db/tenant/schema";
import { writeContext } from "../../ledger/context";
import { targetsResource } from "../../ledger/resources/targets";
import { importRecords } from "../../ledger/write";
import type { Router } from "../../router";
import { indicatorsFor, indicatorTarget } from "../../rules/indicators";
import { ruleSet } from "../../rules/rule-sets";
import { bearer, errors, ok, UnitSlugParam } from "../openapi-common";

const route = createRoute({
  method: "post",
  path: "/api/t/{unit}/targets/prefill",
  tags: ["targets"],
  summary: "按政策文件预填年度目标 Pre-fill a year's targets from the documents",
  security: bearer,
  request: {
    params: z.object({ unit: UnitSlugParam }),
    body: { content: { "application/json": { schema: z.object({ year: z.number().int().min(2016).max(2100) }).strict() } }, required: true },
  },
  responses: { 200: ok(z.object({ created: z.number().int(), existing: z.number().int() }), "已预填 Pre-filled"), ...errors(400, 401, 403) },
});

export function registerTargetsPrefill(app: Router) {
  app.openapi(route, async (c) => {
    const { year } = c.req.valid("json");
    const ctx = await writeContext(c);
    const have = await ctx.tenant.db
      .select({ program: targets.program, indicator: targets.indicator })
      .from(targets)
      .where(and(eq(targets.year, year)));
    const existing = new Set(have.map((t) => `${t.program}/${t.indicator}`));
    const missing = indicatorsFor(ctx.unitPrograms).filter((i) => !existing.has(`${i.program}/${i.key}`));
    // The figure each program's rules judge by now, not the document's default.
    const ruleSets = new Map(await Promise.all(ctx.unitPrograms.map(async (p) => [p, await ruleSet(ctx.platform, p)] as const)));
    const rows = missing.map((i, n) => ({ row: n + 1, errors: [], record: { year, program: i.program, indicator: i.key, target: indicatorTarget(i, ruleSets.get(i.program) ?? []), source: "rule", note: i.clause } }));
    // Only missing targets are written, so there is nothing to repeat.
    const created = rows.length ? (await importRecords(targetsResource, ctx, rows, (f) => f, "prefill", "keep")).created : 0;
    return c.json({ created, existing: existing.size }, 200);
  });
}
