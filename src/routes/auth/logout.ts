/**
 * POST /api/auth/logout — the web signs out: the session cookie is cleared. Tokens are stateless
 * (there is no session table to end a single session in); the cookie was the only copy the browser
 * had, and page scripts never saw it. Needs no valid session, so a stale cookie can always be cleared.
 */
import { createRoute } from "@hono/zod-openapi";
import { clearSessionCookie } from "../../auth/session-cookie";
import type { Router } from "../../router";
import { errors } from "../openapi-common";

const route = createRoute({
  method: "post",
  path: "/api/auth/logout",
  tags: ["auth"],
  summary: "退出登录 Sign out (clears the web's session cookie)",
  responses: { 204: { description: "已退出 Signed out" }, ...errors(403) },
});

export function registerLogout(app: Router) {
  app.openapi(route, (c) => {
    clearSessionCookie(c);
    return c.body(null, 204);
  });
}
