/**
 * POST /api/me/password — a signed-in user changes their own password. The current password is
 * required (a token left on a shared computer must not be enough) and is throttled like a sign-in;
 * the new one must pass the password policy. Every other session of the user ends (the changed hash
 * bumps the user's auth version); this one continues with the fresh token in the answer (or, for the
 * web's cookie session, in a re-issued cookie).
 */
import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { users } from "../../../db/platform/schema";
import { clientOf } from "../../auth/client-address";
import { requireAuth } from "../../auth/middleware";
import { setSessionCookie } from "../../auth/session-cookie";
import { hashPassword, verifyPassword } from "../../auth/password";
import { passwordProblems } from "../../auth/password-policy";
import { attemptSucceeded, beginAttempt, tooManyAttempts } from "../../auth/throttle";
import { tokenForUser } from "../../auth/users";
import { ApiError } from "../../errors";
import { auditIfWon } from "../../platform/guarded-write";
import type { Router } from "../../router";
import { bearer, errors, ok } from "../openapi-common";

const route = createRoute({
  method: "post",
  path: "/api/me/password",
  tags: ["auth"],
  summary: "修改本人密码 Change your own password",
  security: bearer,
  middleware: [requireAuth()] as const,
  request: {
    body: {
      content: {
        "application/json": {
          schema: z.object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(1024) }).strict().openapi("PasswordChange"),
        },
      },
      required: true,
    },
  },
  responses: { 200: ok(z.object({ token: z.string().optional().openapi({ description: "会话 Cookie 登录时改为重新发放 Cookie Absent for the web's cookie session, whose cookie is re-issued" }), expiresAt: z.string() }).openapi("PasswordChanged"), "已修改，其他登录已退出 Changed; other sessions ended"), ...errors(400, 401, 429, 503) },
});

export function registerChangePassword(app: Router) {
  app.openapi(route, async (c) => {
    const { currentPassword, newPassword } = c.req.valid("json");
    const { platform, platformClient, config } = c.get("services");
    const auth = c.get("auth");
    const attempt = { username: auth.username, client: clientOf(c), device: null };
    const standing = await beginAttempt(platformClient, attempt);
    if (!standing.allowed) throw tooManyAttempts(standing.seconds);
    const [user] = await platform.select().from(users).where(eq(users.id, auth.userId));
    if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
      throw new ApiError("VALIDATION_FAILED", "error.validation", {}, [{ path: "body.currentPassword", code: "wrong_password", message: "当前密码不正确 | The current password is wrong" }]);
    }
    await attemptSucceeded(platformClient, attempt);
    const problems = await passwordProblems(c.get("services").platform, newPassword, [user.username, user.displayName, user.unit ?? ""], "body.newPassword");
    if (newPassword === currentPassword) problems.push({ path: "body.newPassword", code: "password_unchanged", message: "新密码不能与当前密码相同 | The new password must differ from the current one" });
    if (problems.length) throw new ApiError("VALIDATION_FAILED", "error.validation", {}, problems);
    const [updated] = await platformClient.batch(
      [
        { sql: "UPDATE users SET password_hash = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?", args: [await hashPassword(newPassword), new Date().toISOString(), user.id, user.version] },
        auditIfWon({ actor: auth.username, requestId: c.get("requestId"), action: "change_password", entity: "user", entityId: user.id, before: null, after: { passwordChanged: true } }),
      ],
      "write",
    );
    if (!updated || updated.rowsAffected !== 1) throw new ApiError("PRECONDITION_FAILED", "error.precondition_failed");
    const { token, expiresAt } = await tokenForUser(platform, config.jwt, user.id);
    // The web's session is replaced in its cookie; the token stays out of page scripts' reach.
    if (c.get("authVia") === "cookie") {
      setSessionCookie(c, token, config.jwt.ttlSeconds);
      return c.json({ expiresAt }, 200);
    }
    return c.json({ token, expiresAt }, 200);
  });
}
