/** GET /api/t/{unit}/alerts — the unit's open deadline alerts recorded by the daily job. */
import { createRoute, z } from "@hono/zod-openapi";
import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import { alerts } from "../../../db/platform/schema";
import type { Router } from "../../router";
import { programScope, type ProgramScope } from "../../tenants/access";
import { bearer, errors, ok, UnitSlugParam } from "../openapi-common";

const Alert = z
  .object({
    id: z.string(),
    program: z.string().nullable(),
    kind: z.enum(alerts.kind.enumValues),
    subject: z.string().openapi({ description: "A period (2026-Q3) or a cadre record id" }),
    dueDate: z.string(),
    firstSeenAt: z.string(),
    lastSeenAt: z.string(),
  })
  .openapi("Alert");

const route = createRoute({
  method: "get",
  path: "/api/t/{unit}/alerts",
  tags: ["tenant"],
  summary: "待办提醒 Open deadline alerts (submissions due or late, cadre terms ending)",
  security: bearer,
  request: { params: z.object({ unit: UnitSlugParam }) },
  responses: { 200: ok(z.object({ items: z.array(Alert) }), "提醒 Alerts"), ...errors(401, 403, 404) },
});

/** A coordinator sees the alerts of its own programs and the unit's alerts of no program (as seesProgram decides). */
function inScope(scope: ProgramScope) {
  return scope ? [or(isNull(alerts.program), inArray(alerts.program, [...scope]))!] : [];
}

export function registerTenantAlerts(app: Router) {
  app.openapi(route, async (c) => {
    const rows = await c
      .get("services")
      .platform.select({
        id: alerts.id,
        program: alerts.program,
        kind: alerts.kind,
        subject: alerts.subject,
        dueDate: alerts.dueDate,
        firstSeenAt: alerts.firstSeenAt,
        lastSeenAt: alerts.lastSeenAt,
      })
      .from(alerts)
      .where(and(eq(alerts.unit, c.get("tenant").unit.slug), isNull(alerts.resolvedAt), ...inScope(programScope(c.get("tenant").access))))
      .orderBy(asc(alerts.dueDate));
    return c.json({ items: rows }, 200);
  });
}
