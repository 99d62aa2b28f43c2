import { createRoute, z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { appliedVersion, latestVersion } from "../../../db/migrate";
import { PLATFORM_MIGRATIONS } from "../../../db/platform/migrations";
import { units } from "../../../db/platform/schema";
import type { Router } from "../../router";
import { TENANT_SCHEMA_VERSION } from "../../tenants/directory";
import { errors, ok } from "../openapi-common";

const HealthSchema = z
  .object({
    status: z.literal("ok"),
    runtime: z.enum(["node", "workers"]),
    mode: z.string(),
    time: z.string(),
    schema: z.object({
      platform: z.object({ current: z.number().int(), latest: z.number().int() }),
      tenant: z.object({ latest: z.number().int(), current: z.number().int(), behind: z.number().int() }),
    }),
    tenants: z.object({ total: z.number().int(), active: z.number().int(), failed: z.number().int() }),
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
    const total = Number(counts?.total ?? 0);
    const current = Number(counts?.current ?? 0);
    c.header("Cache-Control", "no-store");
    return c.json(
      {
        status: "ok" as const,
        runtime,
        mode: config.mode,
        time: new Date().toISOString(),
        schema: {
          platform: { current: await appliedVersion(platformClient), latest: latestVersion(PLATFORM_MIGRATIONS) },
          tenant: { latest: TENANT_SCHEMA_VERSION, current, behind: total - current },
        },
        tenants: { total, active: Number(counts?.active ?? 0), failed: Number(counts?.failed ?? 0) },
      },
      200,
    );
  });
}
