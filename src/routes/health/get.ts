import { createRoute, z } from "@hono/zod-openapi";
import { isNotNull, sql } from "drizzle-orm";
import { appliedVersion, latestVersion } from "../../../db/migrate";
import { PLATFORM_MIGRATIONS } from "../../../db/platform/migrations";
import { units } from "../../../db/platform/schema";
import type { Router } from "../../router";
import { TENANT_SCHEMA_VERSION } from "../../tenants/directory";
import { errors, ok } from "../openapi-common";

const HealthSchema = z
  .object({
    /** "degraded" while some unit's database is failing: the platform serves, that unit does not. */
    status: z.enum(["ok", "degraded"]),
    runtime: z.enum(["node", "workers"]),
    mode: z.string(),
    time: z.string(),
    schema: z.object({
      platform: z.object({ current: z.number().int(), latest: z.number().int() }),
      tenant: z.object({ latest: z.number().int(), current: z.number().int(), behind: z.number().int() }),
    }),
    tenants: z.object({
      total: z.number().int(),
      active: z.number().int(),
      failed: z.number().int(),
      /** Units whose database last failed and has not succeeded since (src/tenants/faults.ts). */
      failing: z.number().int(),
      faults: z.array(z.object({ unit: z.string(), code: z.string(), since: z.string() })),
    }),
  })
  .openapi("Health");

const route = createRoute({
  method: "get",
  path: "/api/health",
  tags: ["platform"],
  summary: "运行状态 Health: runtime, schema versions, tenants",
  responses: { 200: ok(HealthSchema, "正常 Healthy"), ...errors(503) },
});

export function registerHealth(app: Router) {
  app.openapi(route, async (c) => {
    const { platform, platformClient, runtime, config } = c.get("services");
    const [counts] = await platform
      .select({
        total: sql<number>`COUNT(*)`,
        active: sql<number>`COALESCE(SUM(${units.status} = 'active'), 0)`,
        failed: sql<number>`COALESCE(SUM(${units.status} = 'failed'), 0)`,
        current: sql<number>`COALESCE(SUM(${units.schemaVersion} >= ${TENANT_SCHEMA_VERSION}), 0)`,
      })
      .from(units);
    const faults = await platform.select({ unit: units.slug, code: units.faultCode, since: units.faultAt }).from(units).where(isNotNull(units.faultCode)).limit(50);
    const total = Number(counts?.total ?? 0);
    const current = Number(counts?.current ?? 0);
    c.header("Cache-Control", "no-store");
    return c.json(
      {
        status: faults.length ? ("degraded" as const) : ("ok" as const),
        runtime,
        mode: config.mode,
        time: new Date().toISOString(),
        schema: {
          platform: { current: await appliedVersion(platformClient), latest: latestVersion(PLATFORM_MIGRATIONS) },
          tenant: { latest: TENANT_SCHEMA_VERSION, current, behind: total - current },
        },
        tenants: { total, active: Number(counts?.active ?? 0), failed: Number(counts?.failed ?? 0), failing: faults.length, faults: faults.map((f) => ({ unit: f.unit, code: f.code!, since: f.since! })) },
      },
      200,
    );
  });
}
