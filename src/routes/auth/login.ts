import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { userPrograms, users } from "../../../db/platform/schema";
import type { AuthInfo } from "../../auth/claims";
import { DUMMY_HASH, verifyPassword } from "../../auth/password";
import { clearFailures, lockedFor, recordFailure } from "../../auth/throttle";
import { issueToken } from "../../auth/tokens";
import { ApiError } from "../../errors";
import type { Router } from "../../router";
import type { PlatformDb } from "../../services";
import { errors, ok } from "../openapi-common";

export const UserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    name: z.string(),
    role: z.enum(["admin", "coordinator", "unit_admin", "unit_editor", "viewer"]),
    unit: z.string().nullable(),
    programs: z.array(z.string()),
  })
  .openapi("User");

const LoginBody = z
  .object({
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
  })
  .openapi("LoginRequest");

const LoginResponse = z.object({ token: z.string(), expiresAt: z.string(), user: UserSchema }).openapi("LoginResponse");

const route = createRoute({
  method: "post",
  path: "/api/auth/login",
  tags: ["auth"],
  summary: "登录 Sign in",
  request: { body: { content: { "application/json": { schema: LoginBody } }, required: true } },
  responses: { 200: ok(LoginResponse, "令牌 Token"), ...errors(400, 401, 429) },
});

/** Loads a user's claims; coordinators carry the programs they coordinate. */
export async function loadAuthInfo(db: PlatformDb, user: typeof users.$inferSelect): Promise<AuthInfo> {
  const programs =
    user.role === "coordinator"
      ? (await db.select({ program: userPrograms.program }).from(userPrograms).where(eq(userPrograms.userId, user.id))).map((r) => r.program).sort()
      : [];
  return { userId: user.id, username: user.username, name: user.displayName, role: user.role, unit: user.unit, programs };
}

export function registerLogin(app: Router) {
  app.openapi(route, async (c) => {
    const { username, password } = c.req.valid("json");
    const { platform, config } = c.get("services");
    const wait = await lockedFor(platform, username);
    if (wait > 0) throw new ApiError("TOO_MANY_REQUESTS", "error.too_many_attempts", { seconds: wait }, [], { "Retry-After": String(wait) });

    const [user] = await platform.select().from(users).where(eq(users.username, username.toLowerCase()));
    // Verify against a dummy hash when the user is unknown, so the answer takes as long either way.
    const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !valid || user.disabled) {
      const lock = await recordFailure(platform, username);
      if (lock > 0) throw new ApiError("TOO_MANY_REQUESTS", "error.too_many_attempts", { seconds: lock }, [], { "Retry-After": String(lock) });
      throw new ApiError("UNAUTHORIZED", "error.invalid_credentials");
    }
    await clearFailures(platform, username);
    const auth = await loadAuthInfo(platform, user);
    const { token, expiresAt } = await issueToken(config.jwt, auth);
    return c.json(
      { token, expiresAt, user: { id: auth.userId, username: auth.username, name: auth.name, role: auth.role, unit: auth.unit, programs: auth.programs } },
      200,
    );
  });
}
