/**
 * Cross-site request forgery: a cookie is sent with every request the browser makes, whoever's page
 * starts it, so a write authenticated by the session cookie must come from our own pages. SameSite=Strict
 * already keeps the cookie off requests other sites start; this is the second wall, for browsers or
 * setups where that does not hold. Unlike `hono/csrf` it checks every content type (a JSON body too)
 * and answers with the API's envelope. Bearer-token clients are not affected: another site's page
 * cannot attach an Authorization header without a CORS preflight, which this API never grants.
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { ApiError } from "../errors";
import type { AppEnv } from "../types";
import { readSessionCookie } from "./session-cookie";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether the browser says the request comes from a page of this origin. `Sec-Fetch-Site` is the
 * browser's own verdict and holds behind a proxy that rewrites Host; browsers without it send
 * `Origin`, whose host must be the request's. A request with neither is refused.
 */
export function isSameOrigin(c: Context<AppEnv>): boolean {
  const site = c.req.header("sec-fetch-site");
  if (site) return site === "same-origin";
  const origin = c.req.header("origin");
  if (!origin) return false;
  try {
    return new URL(origin).host === new URL(c.req.url).host;
  } catch {
    return false; // "null" (a sandboxed frame, a file) or garbage
  }
}

/**
 * Refuses (403) an unsafe method that would be authenticated by the session cookie (it carries the
 * cookie and no Authorization header) unless it comes from this origin. Runs before any route, so a
 * refused request has read and written nothing.
 * @example app.use("/api/*", refuseCrossSiteCookieWrites())
 */
export function refuseCrossSiteCookieWrites() {
  return createMiddleware<AppEnv>(async function refuseCrossSiteCookieWritesMiddleware(c, next) {
    if (!SAFE_METHODS.has(c.req.method) && !c.req.header("authorization") && readSessionCookie(c) !== undefined && !isSameOrigin(c)) {
      throw new ApiError("FORBIDDEN", "error.cross_site");
    }
    await next();
  });
}
