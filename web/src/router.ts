/**
 * Hash routes: `#/u/dongguan/ledger/projects?year=2026`. The route is the path's segments and the
 * query; links are built with `href()` so every screen can be bookmarked and reloaded.
 */
import { createStore, useStore } from "./store";

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
if (typeof window !== "undefined") window.addEventListener("hashchange", () => routeStore.set(parse(location.hash)));

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
    routeStore.set(parse(link));
  } else location.hash = link;
}
