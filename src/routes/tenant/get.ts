import { createRoute, z } from "@hono/zod-openapi";
import { isNull, sql } from "drizzle-orm";
import { subUnits } from "../../../db/tenant/schema";
import { listPrograms } from "../../directory/programs";
import { listGroups } from "../../directory/programs";
import type { Router } from "../../router";
import { bearer, errors, ok, UnitSlugParam } from "../openapi-common";
import { GroupSchema } from "../programs/schemas";

const TenantSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    kind: z.string(),
    schemaVersion: z.number().int(),
    demo: z.boolean(),
    access: z.object({ write: z.boolean(), personal: z.boolean(), programs: z.array(z.string()), scoped: z.boolean() }),
    programs: z.array(z.object({ slug: z.string(), name: z.string(), groups: z.array(GroupSchema) })),
    counts: z.object({ subUnits: z.number().int(), placeholders: z.number().int() }),
  })
  .openapi("Tenant");

const route = createRoute({
  method: "get",
  path: "/api/t/{unit}",
  tags: ["tenant"],
  summary: "本单位概况 The unit: its programs, groups and what it holds",
  security: bearer,
  request: { params: z.object({ unit: UnitSlugParam }) },
  responses: { 200: ok(TenantSchema, "单位 Unit"), ...errors(401, 403, 404, 503) },
});

export function registerGetTenant(app: Router) {
  app.openapi(route, async (c) => {
    const { unit, db, access } = c.get("tenant");
    const { platform } = c.get("services");
    const programs = [];
    for (const p of await listPrograms(platform)) {
      if (!access.programs.includes(p.slug)) continue;
      const groups = await listGroups(platform, p.slug, { unit: unit.slug });
      if (groups.length) programs.push({ slug: p.slug, name: p.name, groups });
    }
    const [counts] = await db
      .select({ total: sql<number>`COUNT(*)`, placeholders: sql<number>`COALESCE(SUM(${subUnits.placeholder}), 0)` })
      .from(subUnits)
      .where(isNull(subUnits.voidedAt));
    return c.json(
      {
        slug: unit.slug,
        name: unit.name,
        kind: unit.kind,
        schemaVersion: unit.schemaVersion,
        demo: unit.demo,
        access: { ...access, programs: [...access.programs] },
        programs,
        counts: { subUnits: Number(counts?.total ?? 0), placeholders: Number(counts?.placeholders ?? 0) },
      },
      200,
    );
  });
}
