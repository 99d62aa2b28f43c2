/** POST /api/users — creates a user (password hashed with PBKDF2-SHA-256), audited without the password. */
import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { platformAudit, ROLES, userPrograms, users } from "../../../db/platform/schema";
import { hashPassword } from "../../auth/password";
import { passwordProblems } from "../../auth/password-policy";
import { ApiError } from "../../errors";
import { newId } from "../../ledger/ids";
import { etag } from "../../ledger/etag";
import type { Router } from "../../router";
import { bearer, errors, ok } from "../openapi-common";
import { AreaCode, displayName, password, scopeProblems, slug, UserRecord, userView } from "./schemas";
import { admin, checkReferences, fail, outOfScope, scopeOf, UNIT_ROLE_SET } from "./access";
import { choice } from "../../choices";
import { ROLE_NAMES } from "../../labels";

export function registerCreateUser(app: Router): void {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/users",
      tags: ["admin"],
      summary: "新建用户 Create a user",
      security: bearer,
      middleware: admin(),
      request: {
        body: {
          content: {
            "application/json": {
              schema: z
                .object({
                  username: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, "用户名须为 2–40 位小写字母、数字或 . _ - | 2–40 lowercase letters, digits, . _ -"),
                  displayName,
                  password,
                  role: choice(ROLES, ROLE_NAMES),
                  unit: slug.optional(),
                  programs: z.array(slug).max(20).optional(),
                  areaCode: AreaCode.optional(),
                })
                .strict()
                .openapi("UserCreate"),
            },
          },
          required: true,
        },
      },
      responses: { 201: ok(UserRecord, "已创建 Created"), ...errors(400, 401, 403, 409) },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const { platform } = c.get("services");
      const scope = scopeOf(c);
      if (scope && (!UNIT_ROLE_SET.includes(body.role) || (body.unit ?? scope) !== scope)) throw outOfScope();
      if (scope) body.unit = scope;
      fail([
        ...scopeProblems(body.role, body.unit, body.programs, body.areaCode),
        ...(await checkReferences(platform, body.unit, body.programs, body.areaCode)),
        ...(await passwordProblems(c.get("services").platform, body.password, [body.username, body.displayName, body.unit ?? ""])),
      ]);
      if ((await platform.select({ id: users.id }).from(users).where(eq(users.username, body.username))).length) throw new ApiError("CONFLICT", "error.conflict", {}, [{ path: "body.username", message: "用户名已被使用 | Username taken" }]);
      const id = `user-${newId()}`;
      const passwordHash = await hashPassword(body.password);
      const after = { username: body.username, displayName: body.displayName, role: body.role, unit: body.unit ?? null, programs: body.programs ?? [], areaCode: body.areaCode ?? null };
      try {
        await platform.batch([
          platform.insert(users).values({ id, username: body.username, displayName: body.displayName, passwordHash, role: body.role, unit: body.unit ?? null, areaCode: body.areaCode ?? null }),
          ...(body.programs ?? []).map((program) => platform.insert(userPrograms).values({ userId: id, program })),
          platform.insert(platformAudit).values({ actor: c.get("auth").username, requestId: c.get("requestId"), action: "create", entity: "user", entityId: id, before: null, after }),
        ]);
      } catch (error) {
        if (String(error).includes("UNIQUE")) throw new ApiError("CONFLICT", "error.conflict", {}, [{ path: "body.username", message: "用户名已被使用 | Username taken" }]);
        throw error;
      }
      c.header("ETag", etag(1));
      return c.json((await userView(platform, id))!, 201);
    },
  );
}
