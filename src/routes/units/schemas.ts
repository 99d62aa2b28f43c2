import { z } from "@hono/zod-openapi";

export const UNIT_KINDS = ["city", "provincial_organ", "state_enterprise", "central_enterprise", "central_unit", "ministry", "special_zone", "other"] as const;

export const UnitSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    kind: z.string(),
    status: z.enum(["provisioning", "active", "failed"]),
    schemaVersion: z.number().int(),
    demo: z.boolean(),
    createdAt: z.string(),
    groups: z.array(z.object({ program: z.string(), areaCode: z.string(), role: z.enum(["lead", "member"]) })).optional(),
  })
  .openapi("Unit");
