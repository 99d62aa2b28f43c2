/**
 * PUT /api/programs/{program}/rules/{rule} — a coordinator switches a rule on or off or changes its
 * parameters for the program. Validated with the rule's own schema; guarded by the version read
 * (If-Match); audited with before and after. Evaluations from then on use it; issued reports keep theirs.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { requireAuth } from "../../auth/middleware";
import { ApiError } from "../../errors";
import { etag, requireIfMatch } from "../../ledger/etag";
import { auditIfWon, ifAudited } from "../../platform/guarded-write";
import { configuredRule } from "../../rules/rule-sets";
import type { Router } from "../../router";
import { issuesToDetails } from "../../validation";
import { bearer, errors, ok, ProgramSlugParam } from "../openapi-common";
import { requireProgramAccess } from "../programs/access";
import { ruleView, RuleSchema } from "./list";

const route = createRoute({
  method: "put",
  path: "/api/programs/{program}/rules/{rule}",
  tags: ["rules"],
  summary: "修改规则 Switch a rule or change its parameters (If-Match)",
  security: bearer,
  middleware: [requireAuth(), requireProgramAccess()] as const,
  request: {
    params: z.object({ program: ProgramSlugParam, rule: z.string().regex(/^[a-z0-9-]{1,60}$/) }),
    headers: z.object({ "if-match": z.string().optional() }),
    body: {
      content: {
        "application/json": {
          schema: z
            .object({ enabled: z.boolean().optional(), params: z.record(z.string(), z.unknown()).optional() })
            .strict()
            .refine((o) => o.enabled !== undefined || o.params !== undefined, "至少修改一项 | Change at least one thing")
            .openapi("RuleUpdate"),
        },
      },
      required: true,
    },
  },
  responses: { 200: ok(RuleSchema, "已修改 Updated"), ...errors(400, 401, 403, 404, 412, 428) },
});

export function registerPutRule(app: Router) {
  app.openapi(route, async (c) => {
    const { program, rule: ruleId } = c.req.valid("param");
    const body = c.req.valid("json");
    const version = requireIfMatch(c.req.header("if-match"));
    const { platform } = c.get("services");
    const current = await configuredRule(platform, program, ruleId);
    if (!current) throw new ApiError("NOT_FOUND", "error.not_found");
    if (current.version !== version) throw new ApiError("PRECONDITION_FAILED", "error.precondition_failed");
    let params = current.params;
    if (body.params) {
      const parsed = current.rule.params.safeParse({ ...current.params, ...body.params });
      if (!parsed.success) throw new ApiError("VALIDATION_FAILED", "error.validation", {}, issuesToDetails(parsed.error.issues, body.params, c.get("lang"), "body.params"));
      params = parsed.data as Record<string, unknown>;
    }
    const enabled = body.enabled ?? current.enabled;
    const now = new Date().toISOString();
    const actor = c.get("auth").username;
    const entry = {
      actor,
      requestId: c.get("requestId"),
      action: "update",
      entity: "program_rule",
      entityId: `${program}/${ruleId}`,
      before: { enabled: current.enabled, params: current.params, version },
      after: { enabled, params, version: version + 1 },
    };
    const won = ifAudited(entry);
    const [updated] = await c.get("services").platformClient.batch(
      [
        {
          sql: "UPDATE program_rules SET enabled = ?, params = ?, version = ?, updated_at = ?, updated_by = ? WHERE program = ? AND rule = ? AND version = ?",
          args: [enabled ? 1 : 0, JSON.stringify(params), version + 1, now, actor, program, ruleId, version],
        },
        auditIfWon(entry),
        // The program's rule-set version moves with the rule, only when the guarded update above won.
        { sql: `UPDATE programs SET rules_version = rules_version + 1 WHERE slug = ? AND ${won.sql}`, args: [program, ...won.args] },
      ],
      "write",
    );
    if (!updated || updated.rowsAffected !== 1) throw new ApiError("PRECONDITION_FAILED", "error.precondition_failed");
    const after = await configuredRule(platform, program, ruleId);
    c.header("ETag", etag(version + 1));
    return c.json(ruleView(after!), 200);
  });
}
