import { createRoute, z } from "@hono/zod-openapi";
import { requireAuth } from "../../auth/middleware";
import { ruleSet, type ConfiguredRule } from "../../rules/rule-sets";
import type { Router } from "../../router";
import { bearer, errors, ok, ProgramSlugParam } from "../openapi-common";
import { requireProgramAccess } from "../programs/access";

/** The parameters' JSON schema (of the rule's zod object): what the rule editor builds its form from. */
const ParamsSchema = z
  .object({
    properties: z
      .record(z.string(), z.object({ type: z.string(), title: z.string(), minimum: z.number(), maximum: z.number(), default: z.unknown() }).partial().passthrough())
      .optional(),
  })
  .passthrough();

export const RuleSchema = z
  .object({
    id: z.string(),
    title: z.object({ zh: z.string(), en: z.string() }),
    clause: z.string(),
    quote: z.string(),
    period: z.enum(["quarter", "year", "term"]),
    enabled: z.boolean(),
    params: z.record(z.string(), z.unknown()),
    paramsSchema: ParamsSchema,
    version: z.number().int(),
    updatedAt: z.string(),
    updatedBy: z.string(),
  })
  .openapi("ProgramRule");

/** A configured rule as the API shows it, with its parameters' JSON schema for forms. */
export function ruleView(r: ConfiguredRule) {
  return {
    id: r.rule.id,
    title: r.rule.title(r.params as never),
    clause: r.rule.clause,
    quote: r.rule.quote,
    period: r.rule.period,
    enabled: r.enabled,
    params: r.params,
    // A rule's params are a zod object, so each property is a schema object (never `true`).
    paramsSchema: z.toJSONSchema(r.rule.params, { io: "input", unrepresentable: "any" }) as z.infer<typeof ParamsSchema>,
    version: r.version,
    updatedAt: r.updatedAt,
    updatedBy: r.updatedBy,
  };
}

const route = createRoute({
  method: "get",
  path: "/api/programs/{program}/rules",
  tags: ["rules"],
  summary: "规则配置 A program's rule set (which rules, which parameters)",
  security: bearer,
  middleware: [requireAuth(), requireProgramAccess()] as const,
  request: { params: z.object({ program: ProgramSlugParam }) },
  responses: { 200: ok(z.object({ items: z.array(RuleSchema) }), "规则 Rules"), ...errors(401, 403, 404) },
});

export function registerListRules(app: Router) {
  app.openapi(route, async (c) => {
    const { program } = c.req.valid("param");
    return c.json({ items: (await ruleSet(c.get("services").platform, program)).map(ruleView) }, 200);
  });
}
