/**
 * POST /api/auth/logout — signs this session out: its token (the web's cookie, or the bearer token
 * an API client sends) is recorded as ended, so a copy of it is refused from now on, on every
 * process and isolate; the account's other sessions go on. The cookie is cleared too. Needs no
 * valid session, so a stale or changed one can always be cleared.
 */
import { createRoute } from "@hono/zod-openapi";
import { lt, sql } from "drizzle-orm";
import { endedSessions } from "../../../db/platform/schema";
import { presentedToken } from "../../auth/middleware";
import { clearSessionCookie } from "../../auth/session-cookie";
import { verifyToken } from "../../auth/tokens";
import type { Router } from "../../router";
import { errors } from "../openapi-common";

/** Expired rows purged per sign-out: the table stays as small as the sessions signed out and not yet expired. */
const PURGE_PER_SIGN_OUT = 100;

const route = createRoute({
  method: "post",
  path: "/api/auth/logout",
  tags: ["auth"],
  summary: "退出登录 Sign out (ends this session's token and clears the web's session cookie)",
  responses: { 204: { description: "已退出 Signed out" }, ...errors(403) },
});

export function registerLogout(app: Router) {
  app.openapi(route, async (c) => {
    const { config, platform } = c.get("services");
    const presented = presentedToken(c);
    const auth = presented ? await verifyToken(config.jwt, presented.token) : null;
    if (auth?.session) {
      const now = Math.floor(Date.now() / 1000);
      const expired = platform.select({ id: endedSessions.id }).from(endedSessions).where(lt(endedSessions.expiresAt, now)).limit(PURGE_PER_SIGN_OUT);
      await platform.batch([
        platform.insert(endedSessions).values({ id: auth.session.id, userId: auth.userId, expiresAt: auth.session.expiresAt }).onConflictDoNothing(),
        platform.delete(endedSessions).where(sql`${endedSessions.id} in ${expired}`),
      ]);
    }
    clearSessionCookie(c);
    return c.body(null, 204);
  });
}
