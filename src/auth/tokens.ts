/**
 * JWTs with jose: HS256 only (pinned, so `alg: none` and algorithm confusion are refused),
 * issuer, audience and expiry always checked.
 */
import { SignJWT, jwtVerify } from "jose";
import { z } from "zod";
import { ROLES } from "../../db/platform/schema";
import type { Config } from "../env";
import type { AuthInfo } from "./claims";

const ALG = "HS256";

const claimsSchema = z.object({
  sub: z.string().min(1),
  username: z.string().min(1),
  name: z.string(),
  role: z.enum(ROLES),
  unit: z.string().nullable(),
  programs: z.array(z.string()),
  area: z.string().nullable().default(null),
  ver: z.number().int().min(1),
  jti: z.string().min(1).max(64),
  exp: z.number().int(),
});

const keys = new Map<string, CryptoKey>();

/** The HMAC key of a secret, imported once per process or isolate rather than on every request. */
export async function hmacKey(secret: string): Promise<CryptoKey> {
  let found = keys.get(secret);
  if (!found) {
    found = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
    keys.set(secret, found);
  }
  return found;
}

/** Issues a token for a user; returns it with its expiry (ISO time). */
export async function issueToken(jwt: Config["jwt"], auth: AuthInfo): Promise<{ token: string; expiresAt: string }> {
  const nowSeconds = Math.floor(Date.now() / 1000);
  const exp = nowSeconds + jwt.ttlSeconds;
  const token = await new SignJWT({ username: auth.username, name: auth.name, role: auth.role, unit: auth.unit, programs: auth.programs, area: auth.area, ver: auth.authVersion })
    .setProtectedHeader({ alg: ALG, typ: "JWT" })
    .setSubject(auth.userId)
    // Each token is a session of its own, so that signing out can end it alone (ended_sessions).
    .setJti(crypto.randomUUID())
    .setIssuer(jwt.issuer)
    .setAudience(jwt.audience)
    .setIssuedAt(nowSeconds)
    .setExpirationTime(exp)
    .sign(await hmacKey(jwt.secret));
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}

/** Verifies a token; returns null for any token that is not ours, valid and current. */
export async function verifyToken(jwt: Config["jwt"], token: string): Promise<AuthInfo | null> {
  try {
    const { payload } = await jwtVerify(token, await hmacKey(jwt.secret), {
      algorithms: [ALG],
      issuer: jwt.issuer,
      audience: jwt.audience,
      requiredClaims: ["exp", "iat", "sub", "jti"],
    });
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) return null;
    const c = claims.data;
    return { userId: c.sub, username: c.username, name: c.name, role: c.role, unit: c.unit, programs: c.programs, area: c.area, authVersion: c.ver, session: { id: c.jti, expiresAt: c.exp } };
  } catch {
    return null;
  }
}
