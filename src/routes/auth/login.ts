import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { ROLES, users } from "../../../db/platform/schema";
import { DUMMY_HASH, verifyPassword } from "../../auth/password";
import { clientOf } from "../../auth/client-address";
import { isSameOrigin } from "../../auth/csrf";
import { issueDeviceMark, verifyDeviceMark } from "../../auth/device";
import { setSessionCookie } from "../../auth/session-cookie";
import { attemptSucceeded, beginAttempt, tooManyAttempts } from "../../auth/throttle";
import { issueToken } from "../../auth/tokens";
import { loadAuthInfo } from "../../auth/users";
import { ApiError } from "../../errors";
import type { Router } from "../../router";
import { errors, ok } from "../openapi-common";

export const UserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    unit: z.string().nullable(),
    programs: z.array(z.string()),
    area: z.string().nullable().openapi({ description: "受援地用户的地区 A recipient user's area" }),
  })
  .openapi("User");

const LoginBody = z
  .object({
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
    /** The device mark this browser received at its last sign-in to this account, if any. */
    device: z.string().max(200).optional(),
    cookie: z.boolean().optional().openapi({ description: "网页登录：令牌放在 HttpOnly 会话 Cookie 中，不在应答里 The web's sign-in: the token goes into an HttpOnly session cookie, not into the answer" }),
  })
  .openapi("LoginRequest");

const LoginResponse = z
  .object({ token: z.string().optional().openapi({ description: "请求 cookie 时不返回 Absent when a cookie session was asked for" }), expiresAt: z.string(), user: UserSchema, device: z.string().openapi({ description: "设备标记：下次登录时带上 Send with the next sign-in" }) })
  .openapi("LoginResponse");

const route = createRoute({
  method: "post",
  path: "/api/auth/login",
  tags: ["auth"],
  summary: "登录 Sign in",
  description: "API clients take the token from the answer; the web asks for `cookie: true` and gets an HttpOnly session cookie instead (same-origin requests only).",
  request: { body: { content: { "application/json": { schema: LoginBody } }, required: true } },
  responses: { 200: ok(LoginResponse, "令牌 Token"), ...errors(400, 401, 403, 429, 503) },
});

export function registerLogin(app: Router) {
  app.openapi(route, async (c) => {
    const { username, password, device, cookie } = c.req.valid("json");
    const { platform, platformClient, config } = c.get("services");
    // A cookie session only for our own pages: another site must not sign a browser in as its account.
    if (cookie && !isSameOrigin(c)) throw new ApiError("FORBIDDEN", "error.cross_site");
    const attempt = { username, client: clientOf(c), device: await verifyDeviceMark(config.jwt, username, device) };
    // Counted before the password is checked, atomically: parallel guesses cannot pass the lock.
    const standing = await beginAttempt(platformClient, attempt);
    if (!standing.allowed) throw tooManyAttempts(standing.seconds);

    const [user] = await platform.select().from(users).where(eq(users.username, username.toLowerCase()));
    // Verify against a dummy hash when the user is unknown, so the answer takes as long either way.
    const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !valid || user.disabled) {
      if (standing.lockIfFailed > 0) throw tooManyAttempts(standing.lockIfFailed);
      throw new ApiError("UNAUTHORIZED", "error.invalid_credentials");
    }
    await attemptSucceeded(platformClient, attempt);
    const auth = await loadAuthInfo(platform, user);
    const { token, expiresAt } = await issueToken(config.jwt, auth);
    if (cookie) setSessionCookie(c, token, config.jwt.ttlSeconds);
    return c.json(
      {
        ...(cookie ? {} : { token }),
        expiresAt,
        user: { id: auth.userId, username: auth.username, name: auth.name, role: auth.role, unit: auth.unit, programs: auth.programs, area: auth.area },
        device: device && attempt.device ? device : await issueDeviceMark(config.jwt, username),
      },
      200,
    );
  });
}
