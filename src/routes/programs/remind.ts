/**
 * 催报: the coordinator reminds every unit of the program that has not submitted a quarter's report — each
 * unit's inbox gets the quarter, the program and the deadline its rules set, with a link to the
 * submission. Who has not submitted is the rollup's own list (the stored judgements), all of it.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { platformAudit } from "../../../db/platform/schema";
import { requireAuth } from "../../auth/middleware";
import { deadlinesOf } from "../../figures/judge";
import { notify } from "../../inbox/notifications";
import { quarterDue } from "../../periods/period";
import { notSubmittedUnits, rollupBasis } from "../../rollup/rollup";
import type { Router } from "../../router";
import { bearer, errors, ok, ProgramSlugParam } from "../openapi-common";
import { requireProgramAccess } from "./access";
import { findProgram } from "../../directory/programs";

const route = createRoute({
  method: "post",
  path: "/api/programs/{program}/remind",
  tags: ["reports"],
  summary: "催报 Remind every unit that has not submitted a quarter's report",
  security: bearer,
  middleware: [requireAuth(), requireProgramAccess()] as const,
  request: {
    params: z.object({ program: ProgramSlugParam }),
    body: { content: { "application/json": { schema: z.object({ year: z.number().int().min(2016).max(2100), quarter: z.number().int().min(1).max(4) }).strict().openapi("Remind") } }, required: true },
  },
  responses: { 200: ok(z.object({ reminded: z.number().int(), units: z.array(z.string()).openapi({ description: "The first 100 reminded" }) }).openapi("Reminded"), "已催报 Reminded"), ...errors(400, 401, 403, 404) },
});

export function registerRemind(app: Router) {
  app.openapi(route, async (c) => {
    const { program } = c.req.valid("param");
    const { year, quarter } = c.req.valid("json");
    const services = c.get("services");
    const period = { year, quarter: quarter as 1 | 2 | 3 | 4 };
    const basis = await rollupBasis(services, program, period);
    const units = await notSubmittedUnits(services, basis);
    const due = quarterDue(year, period.quarter, deadlinesOf(basis.inputs.rules).submissionDueDays);
    const name = (await findProgram(services.platform, program))?.name ?? program;
    await notify(
      services,
      units.map((unit) => ({
        audienceKind: "unit" as const,
        audience: unit,
        kind: "remind" as const,
        zh: `请于 ${due} 前报送 ${year} 年第 ${quarter} 季度工作进展（《${name}》）`,
        en: `Please submit the ${year} Q${quarter} progress report for ${program} by ${due}`,
        link: `#/u/${unit}/submissions?year=${year}&quarter=${quarter}&program=${program}`,
      })),
    );
    await services.platform.insert(platformAudit).values({ actor: c.get("auth").username, requestId: c.get("requestId"), action: "remind", entity: "program", entityId: program, before: null, after: { year, quarter, units: units.length } });
    return c.json({ reminded: units.length, units: units.slice(0, 100) }, 200);
  });
}
