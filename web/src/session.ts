/**
 * The signed-in user: token and claims kept in sessionStorage (gone when the tab closes). Signing
 * out — by hand or on a 401 — clears it and goes to the sign-in screen.
 */
import type { User } from "./api/types";
import { navigate } from "./router";
import { createStore, useStore } from "./store";

export interface Session {
  token: string;
  expiresAt: string;
  user: User;
}

const STORAGE_KEY = "duikou.session";

function load(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Session;
    return Date.parse(parsed.expiresAt) > Date.now() ? parsed : null;
  } catch {
    return null;
  }
}

export const session = createStore<Session | null>(typeof sessionStorage === "undefined" ? null : load());

/** Why the user is at the sign-in screen, in the server's words (shown there once). */
export const signOutReason = createStore<string | null>(null);

export function signIn(value: Session): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(value));
  signOutReason.set(null);
  session.set(value);
}

/** Signs out; `reason` is what the server said when it refused the token (disabled, rights changed, expired). */
export function signOut(reason: string | null = null): void {
  sessionStorage.removeItem(STORAGE_KEY);
  signOutReason.set(reason);
  session.set(null);
  navigate("#/login", true);
}

/** Replaces the token after the user changed their own password (their other sessions ended). */
export function replaceToken(token: string, expiresAt: string): void {
  const current = session.get();
  if (current) signIn({ ...current, token, expiresAt });
}

/**
 * The device mark of an account on this browser: kept across sessions (localStorage), sent with
 * the next sign-in so that an attacker's guesses elsewhere cannot lock this browser out.
 */
export const deviceMark = {
  get(username: string): string | undefined {
    try {
      return localStorage.getItem(`duikou.device.${username.toLowerCase()}`) ?? undefined;
    } catch {
      return undefined;
    }
  },
  set(username: string, mark: string): void {
    try {
      localStorage.setItem(`duikou.device.${username.toLowerCase()}`, mark);
    } catch {
      // private mode: no mark, the throttle treats this browser as any other
    }
  },
};

export function useSession(): Session | null {
  return useStore(session);
}

/** The home screen of a role: a unit's dashboard, a coordinator's first rollup, the admin's units. */
export function homeOf(user: User): string {
  if (user.unit) return `#/u/${user.unit}`;
  if (user.role === "recipient") return "#/recipient";
  if (user.role === "coordinator" && user.programs[0]) return `#/p/${user.programs[0]}/rollup`;
  return "#/admin/units";
}
