/**
 * Hash routes: `#/u/dongguan/ledger/projects?year=2026`. The route is the path's segments and the
 * query; links are built with `href()` so every screen can be bookmarked and reloaded.
 */
import { createStore, useStore } from "./store";
import { mayLeave } from "./unsaved";

export interface Route {
  segments: string[];
  query: Record<string, string>;
}

function parse(hash: string): Route {
  const raw = hash.replace(/^#/, "") || "/";
  const [path = "/", search = ""] = raw.split("?");
  const segments = path.split("/").filter(Boolean).map(decodeURIComponent);
  const query: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(search)) query[k] = v;
  return { segments, query };
}

const routeStore = createStore<Route>(parse(typeof location === "undefined" ? "" : location.hash));

/** The hash the screen shows, to go back to when the user stays on a form with unsaved input. */
let shown = typeof location === "undefined" ? "" : location.hash;
/** Where a link the user confirmed leads: that navigation is not asked about again. */
let agreedTo: string | null = null;

function show(hash: string): void {
  shown = hash;
  routeStore.set(parse(hash));
}

if (typeof window !== "undefined") {
  // Back, forward, a typed hash, navigate(): the address has already changed, so staying puts it back.
  window.addEventListener("hashchange", () => {
    if (location.hash === shown) return;
    if (agreedTo === location.hash || mayLeave()) show(location.hash);
    else history.pushState(null, "", shown || "#/");
    agreedTo = null;
  });
  // A link is asked about before it is followed, so a "stay" leaves the history as it was.
  document.addEventListener(
    "click",
    (e) => {
      const link = e.target instanceof Element ? e.target.closest("a[href^='#']") : null;
      if (!(link instanceof HTMLAnchorElement) || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || link.target) return;
      const target = new URL(link.href).hash;
      if (target === location.hash) return;
      if (mayLeave()) agreedTo = target;
      else {
        e.preventDefault();
        e.stopPropagation();
      }
    },
    true,
  );
}

/** The current route; re-renders on navigation. */
export function useRoute(): Route {
  return useStore(routeStore);
}

/**
 * A hash link from path segments and query values (empty values left out).
 * @example href(["u", "dongguan", "ledger", "funds"], { year: 2026 }) // "#/u/dongguan/ledger/funds?year=2026"
 */
export function href(segments: (string | number)[], query: Record<string, string | number | undefined | null> = {}): string {
  const path = segments.map((s) => encodeURIComponent(String(s))).join("/");
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  const search = params.toString();
  return `#/${path}${search ? `?${search}` : ""}`;
}

/** Goes to a hash link (replacing the history entry when asked, e.g. for redirects). */
export function navigate(link: string, replace = false): void {
  if (replace) {
    history.replaceState(null, "", link);
    show(location.hash);
  } else location.hash = link;
}

/** The first segments of the app's own screens: the only places a sign-in may return to. */
export const APP_AREAS = ["u", "p", "areas", "admin", "recipient", "inbox"];

/**
 * A hash path of one of the app's own screens (`/u/dongguan/ledger/funds?year=2025`), or null for
 * anything else — the sign-in screen, an outside URL, a scheme, a protocol-relative or backslashed path.
 * @example returnPath("/u/dongguan?year=2025") // "/u/dongguan?year=2025"; returnPath("//evil.example") // null
 */
export function returnPath(path: string | undefined | null): string | null {
  if (!path || !/^\/[^/\\]/.test(path) || /[\s\\]|:\/\//.test(path) || path.length > 500) return null;
  return APP_AREAS.includes(path.slice(1).split(/[/?]/)[0] ?? "") ? path : null;
}

/** The screen to come back to after signing in: the one shown, or the one the sign-in screen already remembers. */
export function currentPlace(): string | null {
  const route = parse(location.hash);
  return route.segments[0] === "login" ? (route.query.next ?? null) : location.hash.replace(/^#/, "");
}

/** The sign-in screen, remembering the screen to return to (if it is one of the app's). */
export function loginLink(next: string | null = null): string {
  return href(["login"], { next: returnPath(next) });
}
