/**
 * The signed-in user. The session itself is an HttpOnly cookie the API set at sign-in, shared by
 * every tab of this browser and never readable here; what the UI knows of the user comes from
 * `GET /api/me` at start-up (undefined until it answers) or from the sign-in's answer. Signing out —
 * by hand or on a 401 — goes to the sign-in screen, which after a 401 returns to where the user was.
 */
import type { User } from "./api/types";
import { currentPlace, loginLink, navigate, returnPath } from "./router";
import { createStore, useStore } from "./store";

export interface Session {
  user: User;
}

/** The user, null when signed out, undefined while the start-up check has not answered. */
export const session = createStore<Session | null | undefined>(undefined);

/** Why the user is at the sign-in screen, in the server's words (shown there once). */
export const signOutReason = createStore<string | null>(null);

export function signIn(value: Session): void {
  signOutReason.set(null);
  session.set(value);
}

/**
 * Ends the session here and shows the sign-in screen. `reason` is what the server said when it
 * refused the session (disabled, rights changed, expired); `keepPlace` (not for a deliberate sign-out)
 * brings the user back to this screen after signing in again.
 */
export function signOut(reason: string | null = null, keepPlace = true): void {
  // A screen's other requests are refused too: the first refusal's reason and place stand.
  if (session.get() === null && /^#\/login(\?|$)/.test(location.hash)) return;
  const here = currentPlace();
  signOutReason.set(reason);
  session.set(null);
  navigate(loginLink(keepPlace ? here : null), true);
}

/** Where to go once signed in: the app screen the sign-in screen was asked to return to, else home. */
export function afterSignIn(user: User, next: string | undefined): string {
  const path = returnPath(next);
  return path ? `#${path}` : homeOf(user);
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

export function useSession(): Session | null | undefined {
  return useStore(session);
}

/** The home screen of a role: a unit's dashboard, a coordinator's first rollup, the admin's units. */
export function homeOf(user: User): string {
  if (user.unit) return `#/u/${user.unit}`;
  if (user.role === "recipient") return "#/recipient";
  if (user.role === "coordinator" && user.programs[0]) return `#/p/${user.programs[0]}/rollup`;
  return "#/admin/units";
}
