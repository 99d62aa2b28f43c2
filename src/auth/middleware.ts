/** Authentication and role checks for routes. */
import { createMiddleware } from "hono/factory";
import type { Role } from "../../db/platform/schema";
import { ApiError } from "../errors";
import type { AppEnv } from "../types";
import { verifyToken } from "./tokens";
import { tokenStanding } from "./users";

/**
 * Requires a valid bearer token and puts the caller on `c.var.auth`.
 * @example router.use("/api/me", requireAuth())
 */
export function requireAuth() {
  return createMiddleware<AppEnv>(async function requireAuthMiddleware(c, next) {
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(header.trim());
    if (!match?.[1]) throw new ApiError("UNAUTHORIZED", "error.unauthorized", {}, [], { "WWW-Authenticate": 'Bearer realm="duikou"' });
    const auth = await verifyToken(c.get("services").config.jwt, match[1]);
    const standing = auth ? await tokenStanding(c.get("services").platform, auth) : "changed";
    if (!auth || standing !== "current") {
      // Say why, so a clerk whose account was changed does not think the session merely expired.
      const key = !auth ? "error.unauthorized" : standing === "disabled" ? "error.account_disabled" : "error.session_changed";
      throw new ApiError("UNAUTHORIZED", key, {}, [], { "WWW-Authenticate": 'Bearer error="invalid_token"' });
    }
    c.set("auth", auth);
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
