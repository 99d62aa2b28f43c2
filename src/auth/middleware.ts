/** Authentication and role checks for routes. */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { Role } from "../../db/platform/schema";
import { ApiError } from "../errors";
import type { AppEnv } from "../types";
import { readSessionCookie } from "./session-cookie";
import { verifyToken } from "./tokens";
import { tokenStanding } from "./users";

/**
 * The token a request presents: its Authorization header's bearer token when it has that header
 * (then only that, well formed or not), else the web's session cookie.
 */
export function presentedToken(c: Context<AppEnv>): { token: string; via: "bearer" | "cookie" } | null {
  const header = c.req.header("authorization");
  if (header !== undefined) {
    const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(header.trim());
    return match?.[1] ? { token: match[1], via: "bearer" } : null;
  }
  const cookie = readSessionCookie(c);
  return cookie ? { token: cookie, via: "cookie" } : null;
}

/**
 * Requires a valid bearer token or session cookie and puts the caller on `c.var.auth` (and how it
 * came on `c.var.authVia`). Cookie-borne writes from other sites were refused before any route by
 * refuseCrossSiteCookieWrites().
 * @example router.use("/api/me", requireAuth())
 */
export function requireAuth() {
  return createMiddleware<AppEnv>(async function requireAuthMiddleware(c, next) {
    const presented = presentedToken(c);
    if (!presented) throw new ApiError("UNAUTHORIZED", "error.unauthorized", {}, [], { "WWW-Authenticate": 'Bearer realm="duikou"' });
    const auth = await verifyToken(c.get("services").config.jwt, presented.token);
    const standing = auth ? await tokenStanding(c.get("services").platform, auth) : "changed";
    if (!auth || standing !== "current") {
      // Say why, so a clerk whose account was changed does not think the session merely expired.
      const key = !auth ? "error.unauthorized" : standing === "disabled" ? "error.account_disabled" : standing === "ended" ? "error.session_ended" : "error.session_changed";
      throw new ApiError("UNAUTHORIZED", key, {}, [], { "WWW-Authenticate": 'Bearer error="invalid_token"' });
    }
    c.set("auth", auth);
    c.set("authVia", presented.via);
    await next();
  });
}

/**
 * Allows only the listed roles (after requireAuth).
 * @example router.use("/api/units", requireAuth(), requireRole("admin"))
 */
export function requireRole(...roles: Role[]) {
  if (roles.length === 0) throw new Error("requireRole needs at least one role");
  return createMiddleware<AppEnv>(async function requireRoleMiddleware(c, next) {
    if (!roles.includes(c.get("auth").role)) throw new ApiError("FORBIDDEN", "error.forbidden");
    await next();
  });
}
