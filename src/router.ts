/**
 * Every router comes from createRouter(), so every route shares one validation hook: a zod
 * failure anywhere becomes a 400 VALIDATION_FAILED envelope with the field paths.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import { ApiError } from "./errors";
import type { AppEnv } from "./types";
import { issuesToDetails } from "./validation";

const TARGET_PREFIX: Record<string, string> = { json: "body", form: "body", query: "query", param: "path", header: "header", cookie: "cookie" };

export type Router = OpenAPIHono<AppEnv>;

/** @example const app = createRouter(); app.openapi(route, handler) */
export function createRouter(): Router {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const lang = c.get("lang") ?? "zh-CN";
      const details = issuesToDetails(result.error.issues, (result as { data?: unknown }).data, lang, TARGET_PREFIX[result.target] ?? result.target);
      throw new ApiError("VALIDATION_FAILED", "error.validation", {}, details);
    },
  });
}
