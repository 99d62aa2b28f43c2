/**
 * Slows repeated failed logins per username. Kept in the platform database, so every Node process
 * and every Worker isolate sees the same count. From the 5th consecutive failure the account is
 * locked for 30 s, doubling with each further failure up to 15 min; a success clears the count.
 */
import { eq } from "drizzle-orm";
import { loginFailures } from "../../db/platform/schema";
import type { PlatformDb } from "../services";

const FREE_ATTEMPTS = 4;
const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;
/** Failures older than this are forgotten. */
const WINDOW_MS = 60 * 60_000;

/** Seconds the caller must wait before trying this username again; 0 when it may try now. */
export async function lockedFor(db: PlatformDb, username: string, now = Date.now()): Promise<number> {
  const [row] = await db.select().from(loginFailures).where(eq(loginFailures.username, username.toLowerCase()));
  if (!row?.lockedUntil) return 0;
  const remaining = Date.parse(row.lockedUntil) - now;
  return remaining > 0 ? Math.ceil(remaining / 1000) : 0;
}

/** Records a failure; returns the lock it caused in seconds (0 when none yet). */
export async function recordFailure(db: PlatformDb, username: string, now = Date.now()): Promise<number> {
  const name = username.toLowerCase();
  const [row] = await db.select().from(loginFailures).where(eq(loginFailures.username, name));
  const recent = row && now - Date.parse(row.lastFailureAt) < WINDOW_MS;
  const failures = (recent ? row.failures : 0) + 1;
  const lockMs = failures > FREE_ATTEMPTS ? Math.min(BASE_LOCK_MS * 2 ** (failures - FREE_ATTEMPTS - 1), MAX_LOCK_MS) : 0;
  const values = {
    username: name,
    failures,
    lastFailureAt: new Date(now).toISOString(),
    lockedUntil: lockMs ? new Date(now + lockMs).toISOString() : null,
  };
  await db.insert(loginFailures).values(values).onConflictDoUpdate({ target: loginFailures.username, set: values });
  return Math.ceil(lockMs / 1000);
}

/** Forgets the failures of a username after a successful login. */
export async function clearFailures(db: PlatformDb, username: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.username, username.toLowerCase()));
}
