/** PATCH /api/users/{id} — name, role, unit, programs, disabling, a new password, under If-Match; audited. */
import { createRoute, z } from "@hono/zod-openapi";
import { ROLES } from "../../../db/platform/schema";
import { hashPassword } from "../../auth/password";
import { passwordProblems } from "../../auth/password-policy";
import { ApiError } from "../../errors";
import { etag, requireIfMatch } from "../../ledger/etag";
import type { Router } from "../../router";
import { auditIfWon, ifAudited } from "../../platform/guarded-write";
import { bearer, errors, ok } from "../openapi-common";
import { AreaCode, displayName, password, scopeProblems, slug, UserRecord, userView } from "./schemas";
import { admin, checkReferences, fail, IdParam, outOfScope, scopeOf, UNIT_ROLE_SET } from "./access";
import { choice } from "../../choices";
import { ROLE_NAMES } from "../../labels";

export function registerUpdateUser(app: Router): void {
  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/users/{id}",
      tags: ["admin"],
      summary: "修改用户 Change a user (If-Match)",
      security: bearer,
      middleware: admin(),
      request: {
        params: IdParam,
        headers: z.object({ "if-match": z.string().optional() }),
        body: {
          content: {
            "application/json": {
              schema: z
                .object({
                  displayName: displayName.optional(),
                  role: choice(ROLES, ROLE_NAMES).optional(),
                  unit: slug.nullable().optional(),
                  programs: z.array(slug).max(20).optional(),
                  areaCode: AreaCode.nullable().optional(),
                  disabled: z.boolean().optional(),
                  password: password.optional(),
                })
                .strict()
                .refine((o) => Object.keys(o).length > 0, "至少修改一项 | Change at least one thing")
                .openapi("UserUpdate"),
            },
          },
          required: true,
        },
      },
      responses: { 200: ok(UserRecord, "已修改 Updated"), ...errors(400, 401, 403, 404, 412, 428) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const body = c.req.valid("json");
      const version = requireIfMatch(c.req.header("if-match"));
      const { platform } = c.get("services");
      const before = await userView(platform, id);
      const scope = scopeOf(c);
      if (!before || (scope && (before.unit !== scope || !UNIT_ROLE_SET.includes(before.role)))) throw new ApiError("NOT_FOUND", "error.not_found");
      if (scope && ((body.role && !UNIT_ROLE_SET.includes(body.role)) || (body.unit !== undefined && body.unit !== scope))) throw outOfScope();
      if (before.version !== version) throw new ApiError("PRECONDITION_FAILED", "error.precondition_failed");
      const role = body.role ?? before.role;
      const unit = body.unit !== undefined ? body.unit : before.unit;
      const progs = body.programs ?? before.programs;
      const unitRole = role === "unit_admin" || role === "unit_editor" || role === "viewer";
      // Changing the role away from a unit or from coordinating clears what no longer applies.
      const nextUnit = unitRole ? unit : null;
      const nextPrograms = role === "coordinator" ? progs : [];
      const nextArea = role === "recipient" ? (body.areaCode !== undefined ? body.areaCode : before.areaCode) : null;
      fail([
        ...scopeProblems(role, nextUnit, nextPrograms, nextArea),
        ...(await checkReferences(platform, body.unit ?? undefined, body.programs, body.areaCode)),
        ...(body.password ? await passwordProblems(c.get("services").platform, body.password, [before.username, body.displayName ?? before.displayName, nextUnit ?? ""]) : []),
      ]);
      if (c.get("auth").userId === id && (body.disabled || (body.role && body.role !== "admin"))) {
        throw new ApiError("VALIDATION_FAILED", "error.validation", {}, [{ path: "body", message: "不能停用自己或取消自己的管理员角色 | You cannot disable yourself or drop your own admin role" }]);
      }
      const changes = {
        displayName: body.displayName ?? before.displayName,
        role,
        unit: nextUnit,
        disabled: body.disabled ?? before.disabled,
        ...(body.password ? { passwordHash: await hashPassword(body.password) } : {}),
        version: version + 1,
      };
      const after = { displayName: changes.displayName, role, unit: nextUnit, programs: nextPrograms, areaCode: nextArea, disabled: changes.disabled, passwordChanged: Boolean(body.password) };
      const entry = { actor: c.get("auth").username, requestId: c.get("requestId"), action: "update", entity: "user", entityId: id, before, after };
      const won = ifAudited(entry);
      const [updated] = await c.get("services").platformClient.batch(
        [
          {
            sql: "UPDATE users SET display_name = ?, role = ?, unit = ?, area_code = ?, disabled = ?, password_hash = COALESCE(?, password_hash), version = ?, updated_at = ? WHERE id = ? AND version = ?",
            args: [changes.displayName, role, nextUnit, nextArea, changes.disabled ? 1 : 0, ("passwordHash" in changes ? changes.passwordHash : null) ?? null, version + 1, new Date().toISOString(), id, version],
          },
          auditIfWon(entry),
          // Only the programs that change: each one ends the coordinator's sessions (a trigger), a
          // rename alone must not.
          ...before.programs.filter((p) => !nextPrograms.includes(p)).map((program) => ({ sql: `DELETE FROM user_programs WHERE user_id = ? AND program = ? AND ${won.sql}`, args: [id, program, ...won.args] })),
          ...nextPrograms.filter((p) => !before.programs.includes(p)).map((program) => ({ sql: `INSERT INTO user_programs (user_id, program) SELECT ?, ? WHERE ${won.sql}`, args: [id, program, ...won.args] })),
        ],
        "write",
      );
      if (!updated || updated.rowsAffected !== 1) throw new ApiError("PRECONDITION_FAILED", "error.precondition_failed");
      const view = (await userView(platform, id))!;
      c.header("ETag", etag(view.version));
      return c.json(view, 200);
    },
  );
}
