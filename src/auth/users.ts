/**
 * A token is a copy of the user row at the time it was issued. Every authenticated request reads the
 * row's `disabled` and `auth_version`, and whether the token's session was signed out (one query of
 * two primary keys, not cached: a change must hold on the very next request, in every process and
 * isolate). Triggers bump `auth_version` on every change of role, unit, password, disabled flag or
 * coordinated programs; a sign-out ends one session (ended_sessions).
 */
import { eq, sql } from "drizzle-orm";
import { endedSessions, userPrograms, users } from "../../db/platform/schema";
import type { PlatformDb } from "../services";
import type { Config } from "../env";
import type { AuthInfo } from "./claims";
import { issueToken } from "./tokens";

export type TokenStanding = "current" | "disabled" | "changed" | "ended";

/** Whether a verified token still speaks for its user. */
export async function tokenStanding(db: PlatformDb, auth: AuthInfo): Promise<TokenStanding> {
  const ended = sql<number>`exists (select 1 from ${endedSessions} where ${endedSessions.id} = ${auth.session?.id ?? ""})`;
  const [row] = await db.select({ disabled: users.disabled, authVersion: users.authVersion, ended }).from(users).where(eq(users.id, auth.userId));
  if (!row) return "changed";
  if (row.disabled) return "disabled";
  if (Number(row.ended)) return "ended";
  return row.authVersion === auth.authVersion ? "current" : "changed";
}

/** A user's claims as the directory has them now; coordinators carry the programs they coordinate. */
export async function loadAuthInfo(db: PlatformDb, user: typeof users.$inferSelect): Promise<AuthInfo> {
  const programs =
    user.role === "coordinator"
      ? (await db.select({ program: userPrograms.program }).from(userPrograms).where(eq(userPrograms.userId, user.id))).map((r) => r.program).sort()
      : [];
  return { userId: user.id, username: user.username, name: user.displayName, role: user.role, unit: user.unit, programs, area: user.areaCode, authVersion: user.authVersion };
}

/** Reloads a user by id (after a change that ended their sessions, to issue a fresh token). */
export async function loadAuthInfoById(db: PlatformDb, id: string): Promise<AuthInfo | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user ? loadAuthInfo(db, user) : undefined;
}

/** A fresh token for a user as the directory has them now. */
export async function tokenForUser(db: PlatformDb, jwt: Config["jwt"], id: string): Promise<{ token: string; expiresAt: string; auth: AuthInfo }> {
  const auth = await loadAuthInfoById(db, id);
  if (!auth) throw new Error(`No such user: ${id}`);
  return { ...(await issueToken(jwt, auth)), auth };
}
