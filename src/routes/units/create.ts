import { createRoute, z } from "@hono/zod-openapi";
import { platformAudit } from "../../../db/platform/schema";
import { requireAuth, requireRole } from "../../auth/middleware";
import { ApiError } from "../../errors";
import type { Router } from "../../router";
import { storableText } from "../../ledger/fields";
import { UNIT_SLUG_PATTERN } from "../../tenants/connector";
import { bearer, errors, ok } from "../openapi-common";
import { UNIT_KINDS, UnitSchema } from "./schemas";

const CreateUnitBody = z
  .object({
    slug: z.string().trim().toLowerCase().regex(UNIT_SLUG_PATTERN).openapi({
      description: "Lowercase letters, digits and hyphens, 1–40 characters; names the tenant database",
      example: "qingyuan",
    }),
    name: storableText(z.string().trim().min(1).max(100)).openapi({ example: "清远市" }),
    kind: z.enum(UNIT_KINDS),
  })
  .strict()
  .openapi("CreateUnit");

const route = createRoute({
  method: "post",
  path: "/api/units",
  tags: ["admin"],
  summary: "新建帮扶单位（创建其数据库） Create a unit and its database",
  security: bearer,
  middleware: [requireAuth(), requireRole("admin")] as const,
  request: { body: { content: { "application/json": { schema: CreateUnitBody } }, required: true } },
  responses: { 201: ok(UnitSchema, "已创建 Created"), ...errors(400, 401, 403, 409, 503) },
});

export function registerCreateUnit(app: Router) {
  app.openapi(route, async (c) => {
    const body = c.req.valid("json");
    const { tenants, platform } = c.get("services");
    if (await tenants.find(body.slug)) throw new ApiError("CONFLICT", "error.unit_exists", { unit: body.slug });
    let unit;
    try {
      unit = await tenants.provision({ slug: body.slug, name: body.name, kind: body.kind });
    } catch (error) {
      // Lost a race for the same slug: the other request created it.
      if (await tenants.find(body.slug)) throw new ApiError("CONFLICT", "error.unit_exists", { unit: body.slug });
      throw new ApiError("UNAVAILABLE", "error.tenant_unavailable", {}, [{ message: String(error instanceof Error ? error.name : "error") }]);
    }
    const after = { slug: unit.slug, name: unit.name, kind: unit.kind, status: unit.status, schemaVersion: unit.schemaVersion, demo: unit.demo, createdAt: unit.createdAt };
    await platform.insert(platformAudit).values({
      actor: c.get("auth").username,
      requestId: c.get("requestId"),
      action: "create",
      entity: "unit",
      entityId: unit.slug,
      before: null,
      after,
    });
    c.header("Location", `/api/t/${unit.slug}`);
    return c.json(after, 201);
  });
}
