import { z } from "@hono/zod-openapi";
import { choice } from "../../choices";
import { GROUP_BASES, GROUP_BASIS_NAMES } from "../../labels";

/** 结对帮扶 a pairing · 对口支援 support "按对口支援方式" · 资金支持 funds only. */
export const GroupBasis = choice(GROUP_BASES, GROUP_BASIS_NAMES).openapi({ description: "结对帮扶 pairing · 对口支援 support · 资金支持 funds only" });

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
    version: z.number().int().openapi({ description: "For If-Match when changing the program" }),
    groupCount: z.number().int(),
    unitCount: z.number().int(),
  })
  .openapi("Program");

export const AreaSchema = z
  .object({ code: z.string(), name: z.string(), fullName: z.string(), shortName: z.string().openapi({ description: "表格与图中的名称：县级带所属地级市（汕尾市城区）What tables and charts write: a county with its prefecture" }), level: z.number().int() })
  .openapi("AreaLabel");

export const GroupSchema = z
  .object({
    id: z.string(),
    program: z.string(),
    area: AreaSchema,
    clause: z.string(),
    basis: GroupBasis,
    version: z.number().int().openapi({ description: "For If-Match when changing the group's clause, basis, members or counties" }),
    counties: z.array(AreaSchema).openapi({ description: "登记的受援县 A prefecture's registered counties (the 2016 document §10 names none)" }),
    lead: z.object({ slug: z.string(), name: z.string() }).nullable(),
    members: z.array(
      z.object({
        id: z.number().int().openapi({ description: "The stay (a unit that left and joined again has two)" }),
        slug: z.string(),
        name: z.string(),
        role: z.enum(["lead", "member"]),
        effectiveFrom: z.string().nullable().openapi({ description: "First day in force (null: since the program began)" }),
        effectiveTo: z.string().nullable().openapi({ description: "Last day in force (null: still)" }),
        version: z.number().int().openapi({ description: "For If-Match when changing the membership" }),
      }),
    ),
  })
  .openapi("Group");

export const ParticipantSchema = z
  .object({
    id: z.number().int(),
    program: z.string(),
    slug: z.string(),
    name: z.string(),
    role: z.enum(["coordinating"]),
    clause: z.string(),
    effectiveFrom: z.string().nullable(),
    effectiveTo: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi("Participant");
