import { z } from "@hono/zod-openapi";

export const ProgramSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    nameEn: z.string(),
    document: z.string().openapi({ description: "Policy document file in shared/policy" }),
    docNumber: z.string(),
    startYear: z.number().int(),
    endYear: z.number().int(),
    coordinator: z.string(),
    cadreTermMonths: z.number().int().nullable(),
    groupCount: z.number().int(),
    unitCount: z.number().int(),
  })
  .openapi("Program");

export const AreaSchema = z
  .object({ code: z.string(), name: z.string(), fullName: z.string(), level: z.number().int() })
  .openapi("AreaLabel");

export const GroupSchema = z
  .object({
    id: z.string(),
    program: z.string(),
    area: AreaSchema,
    clause: z.string(),
    lead: z.object({ slug: z.string(), name: z.string() }).nullable(),
    members: z.array(
      z.object({
        slug: z.string(),
        name: z.string(),
        role: z.enum(["lead", "member"]),
        effectiveFrom: z.string().nullable().optional().openapi({ description: "First day in force (null: since the program began)" }),
        effectiveTo: z.string().nullable().optional().openapi({ description: "Last day in force (null: still)" }),
        version: z.number().int().optional().openapi({ description: "For If-Match when changing the membership" }),
      }),
    ),
  })
  .openapi("Group");
