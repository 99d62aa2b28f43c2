/**
 * The web's session: the same JWT an API client sends as a bearer token, carried in a cookie page
 * scripts cannot read (HttpOnly), sent only to the API (Path=/api) and never on a request another
 * site starts (SameSite=Strict), living exactly as long as the token. Runtime-agnostic (hono/cookie).
 */
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../types";

/** The cookie's name (no `__Host-` prefix: that demands Path=/, and the cookie is for the API only). */
export const SESSION_COOKIE = "duikou_session";

const PATH = "/api";

/**
 * Whether the browser reached us over TLS: the request's own URL (Workers, a TLS-serving Node), or
 * behind a reverse proxy the operator trusts (TRUST_PROXY) the scheme that proxy forwarded.
 */
export function isHttps(c: Context<AppEnv>): boolean {
  if (new URL(c.req.url).protocol === "https:") return true;
  return c.get("services").config.trustProxy && c.req.header("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https";
}

/** The session cookie's token, if the request carries one. */
export function readSessionCookie(c: Context<AppEnv>): string | undefined {
  return getCookie(c, SESSION_COOKIE) || undefined;
}

/**
 * Sets (or replaces) the session cookie with a freshly issued token.
 * @example setSessionCookie(c, token, config.jwt.ttlSeconds)
 */
export function setSessionCookie(c: Context<AppEnv>, token: string, maxAgeSeconds: number): void {
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: "Strict", path: PATH, secure: isHttps(c), maxAge: maxAgeSeconds });
}

/** Tells the browser to forget the session cookie. */
export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, sameSite: "Strict", path: PATH, secure: isHttps(c) });
}
