/**
 * Every operation's `operationId`, for the clients generated from /api/openapi.json (the web's, a
 * province's own): derived from method and path by one rule, so no route can be registered without
 * one and no two can share one — `get /api/t/{unit}/funds/{id}` is `getUnitFundsById`, `post
 * /api/t/{unit}/funds/{id}/void` is `postUnitFundsVoid`. A route may still name itself.
 */
import type { Router } from "../router";

/** Path words as they read in an id: "t" is the unit scope; kebab-case and dotted names become PascalCase. */
const WORD: Record<string, string> = { t: "Unit" };

const pascal = (s: string) => s.replace(/(^|[-_.])([a-z0-9])/g, (_, __, ch: string) => ch.toUpperCase());

export function operationIdOf(method: string, path: string): string {
  const segments = path.replace(/^\/api\/?/, "").split("/").filter(Boolean);
  const last = segments.at(-1);
  const words = segments.filter((s) => !s.startsWith("{")).map((s) => WORD[s] ?? pascal(s));
  const by = last?.startsWith("{") ? `By${pascal(last.slice(1, -1))}` : "";
  return `${method.toLowerCase()}${words.join("")}${by}`;
}

/** Gives every registered operation its id (before the document is built). */
export function nameOperations(app: Router): void {
  for (const def of app.openAPIRegistry.definitions) {
    if (def.type !== "route") continue;
    def.route.operationId ??= operationIdOf(def.route.method, def.route.path);
  }
}
