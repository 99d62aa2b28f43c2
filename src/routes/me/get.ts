import { createRoute, z } from "@hono/zod-openapi";
import { eq, inArray } from "drizzle-orm";
import { programs, units } from "../../../db/platform/schema";
import { requireAuth } from "../../auth/middleware";
import { areaLabels } from "../../directory/areas";
import type { Router } from "../../router";
import { UserSchema } from "../auth/login";
import { bearer, errors, ok } from "../openapi-common";

const MeResponse = z
  .object({
    user: UserSchema,
    unit: z.object({ slug: z.string(), name: z.string(), kind: z.string() }).nullable(),
    area: z.object({ code: z.string(), fullName: z.string() }).nullable(),
    programs: z.array(z.object({ slug: z.string(), name: z.string() })),
  })
  .openapi("Me");

const route = createRoute({
  method: "get",
  path: "/api/me",
  tags: ["auth"],
  summary: "当前用户 The signed-in user",
  security: bearer,
  middleware: [requireAuth()] as const,
  responses: { 200: ok(MeResponse, "当前用户 Current user"), ...errors(401) },
});

export function registerMe(app: Router) {
  app.openapi(route, async (c) => {
    const auth = c.get("auth");
    const { platform } = c.get("services");
    const [unit] = auth.unit
      ? await platform.select({ slug: units.slug, name: units.name, kind: units.kind }).from(units).where(eq(units.slug, auth.unit))
      : [];
    const [area] = auth.area ? [...(await areaLabels(platform, [auth.area])).values()] : [];
    const progs = auth.programs.length
      ? await platform.select({ slug: programs.slug, name: programs.name }).from(programs).where(inArray(programs.slug, auth.programs))
      : [];
    return c.json(
      {
        user: { id: auth.userId, username: auth.username, name: auth.name, role: auth.role, unit: auth.unit, programs: auth.programs, area: auth.area },
        unit: unit ?? null,
        area: area ? { code: area.code, fullName: area.fullName } : null,
        programs: progs,
      },
      200,
    );
  });
}
