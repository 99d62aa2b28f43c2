/**
 * Sign-in throttling, counted in the platform database so every process and isolate counts together.
 * Each attempt is counted under three keys before the password is even checked — and counting is
 * one atomic upsert per key that refuses while the key is locked — so parallel guesses cannot slip
 * between a lock check and a failure record:
 *
 * - this account from this client (or this known device): 4 free attempts, then a lock of 30 s
 *   doubling to 15 min. Stops guessing one account from one place.
 * - this client, across accounts: 30 failures per 15 min. Stops spraying one guess over many accounts.
 * - this account, from everywhere: 100 failures per hour. Stops guessing one account from many places.
 *
 * A device that has signed in to the account before carries a device mark (signed, see device.ts)
 * and is exempt from the last two, so an attacker who locks an account or a shared address does not
 * lock out its real user. A success clears the account's counts and returns one to its client.
 */
import type { Client, InStatement } from "@libsql/client";
import { ApiError } from "../errors";

interface Limit {
  prefix: string;
  /** Attempts counted before the first lock. */
  free: number;
  baseLockMs: number;
  maxLockMs: number;
  /** A key unused for this long starts again from zero. */
  windowMs: number;
}

const ACCOUNT_HERE: Limit = { prefix: "a", free: 4, baseLockMs: 30_000, maxLockMs: 15 * 60_000, windowMs: 60 * 60_000 };
const CLIENT: Limit = { prefix: "c", free: 30, baseLockMs: 60_000, maxLockMs: 15 * 60_000, windowMs: 15 * 60_000 };
const ACCOUNT: Limit = { prefix: "u", free: 100, baseLockMs: 60_000, maxLockMs: 15 * 60_000, windowMs: 60 * 60_000 };
const LONGEST_WINDOW_MS = Math.max(ACCOUNT_HERE.windowMs, CLIENT.windowMs, ACCOUNT.windowMs);
/** Stale rows removed per attempt: more than the at most three an attempt adds, so the table stays bounded. */
const PURGE_PER_ATTEMPT = 20;

export interface Attempt {
  username: string;
  /** The client's address, as the runtime reports it (see clientKey). */
  client: string;
  /** The device mark, when it is valid for this username. */
  device: string | null;
}

export type AttemptStanding = { allowed: true; lockIfFailed: number } | { allowed: false; seconds: number };

function keysOf(attempt: Attempt): { key: string; limit: Limit }[] {
  const name = attempt.username.toLowerCase();
  const here = attempt.device ? `d:${attempt.device}` : attempt.client;
  const keys = [{ key: `${ACCOUNT_HERE.prefix}:${name}|${here}`, limit: ACCOUNT_HERE }];
  if (!attempt.device) keys.push({ key: `${CLIENT.prefix}:${attempt.client}`, limit: CLIENT }, { key: `${ACCOUNT.prefix}:${name}`, limit: ACCOUNT });
  return keys;
}

/** Counts one attempt under a key unless the key is locked; returns the row only when counted. */
function count(key: string, limit: Limit, now: number): InStatement {
  const fresh = "CASE WHEN last_at < ?3 THEN 1 ELSE failures + 1 END";
  return {
    sql:
      "INSERT INTO login_throttle (key, failures, last_at, locked_until) VALUES (?1, 1, ?2, 0) " +
      `ON CONFLICT(key) DO UPDATE SET failures = ${fresh}, last_at = ?2, ` +
      `locked_until = CASE WHEN ${fresh} > ?4 THEN ?2 + min(?5 << min(${fresh} - ?4 - 1, 20), ?6) ELSE 0 END ` +
      "WHERE locked_until <= ?2 RETURNING locked_until",
    args: [key, now, now - limit.windowMs, limit.free, limit.baseLockMs, limit.maxLockMs],
  };
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * Counts an attempt before its password is checked. Refused while any of its keys is locked;
 * otherwise says how long the lock will be should the password prove wrong (0: no lock yet).
 */
export async function beginAttempt(db: Client, attempt: Attempt, now = Date.now()): Promise<AttemptStanding> {
  const keys = keysOf(attempt);
  const results = await db.batch(
    [
      {
        sql: "DELETE FROM login_throttle WHERE key IN (SELECT key FROM login_throttle WHERE last_at < ? AND locked_until < ? ORDER BY last_at LIMIT ?)",
        args: [now - LONGEST_WINDOW_MS, now, PURGE_PER_ATTEMPT],
      },
      ...keys.map(({ key, limit }) => count(key, limit, now)),
      { sql: `SELECT max(locked_until) AS until FROM login_throttle WHERE key IN (${keys.map(() => "?").join(", ")})`, args: keys.map((k) => k.key) },
    ],
    "write",
  );
  const counted = results.slice(1, 1 + keys.length).every((r) => r.rows.length === 1);
  const until = Number(results.at(-1)?.rows[0]?.until ?? 0);
  if (!counted) return { allowed: false, seconds: seconds(until - now) };
  return { allowed: true, lockIfFailed: until > now ? seconds(until - now) : 0 };
}

/** The answer to an attempt refused, or to the failure that locked: 429 with how long to wait. */
export function tooManyAttempts(seconds: number): ApiError {
  return new ApiError("TOO_MANY_REQUESTS", "error.too_many_attempts", { seconds }, [], { "Retry-After": String(seconds) });
}

/** After a right password: the account's counts are cleared and the client gets its attempt back. */
export async function attemptSucceeded(db: Client, attempt: Attempt): Promise<void> {
  const [here, client, account] = keysOf(attempt);
  const statements: InStatement[] = [{ sql: "DELETE FROM login_throttle WHERE key = ?", args: [here!.key] }];
  if (account) statements.push({ sql: "DELETE FROM login_throttle WHERE key = ?", args: [account.key] });
  if (client) statements.push({ sql: "UPDATE login_throttle SET failures = max(failures - 1, 0) WHERE key = ?", args: [client.key] });
  await db.batch(statements, "write");
}

/**
 * The key of a client address: IPv4 as is, IPv6 by its /64 (one household or office holds a whole
 * /64, so counting single v6 addresses would give an attacker 2^64 fresh clients).
 */
export function clientKey(address: string | undefined | null): string {
  const text = (address ?? "").trim().toLowerCase();
  if (!text) return "unknown";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (mapped) return mapped[1]!;
  if (!text.includes(":")) return text;
  const [head = "", tail = ""] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const full = text.includes("::") ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right] : left;
  return `${full.slice(0, 4).map((h) => h.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}
