import { createRoute, z } from "@hono/zod-openapi";
import { requireAuth } from "../../auth/middleware";
import { ruleSet, type ConfiguredRule } from "../../rules/rule-sets";
import type { Router } from "../../router";
import { bearer, errors, ok, ProgramSlugParam } from "../openapi-common";
import { requireProgramAccess } from "../programs/access";

export const RuleSchema = z
  .object({
    id: z.string(),
    title: z.object({ zh: z.string(), en: z.string() }),
    clause: z.string(),
    quote: z.string(),
    period: z.enum(["quarter", "year", "term"]),
    enabled: z.boolean(),
    params: z.record(z.string(), z.unknown()),
    paramsSchema: z.unknown(),
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
    paramsSchema: z.toJSONSchema(r.rule.params, { io: "input", unrepresentable: "any" }),
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
