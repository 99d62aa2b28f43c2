/** GET /api/users/{id} — one user, its version in the ETag. */
import { createRoute } from "@hono/zod-openapi";
import { ApiError } from "../../errors";
import { etag } from "../../ledger/etag";
import type { Router } from "../../router";
import { bearer, errors, ok } from "../openapi-common";
import { UserRecord, userView } from "./schemas";
import { admin, IdParam, scopeOf } from "./access";

export function registerGetUser(app: Router): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/users/{id}",
      tags: ["admin"],
      summary: "用户 One user",
      security: bearer,
      middleware: admin(),
      request: { params: IdParam },
      responses: { 200: ok(UserRecord, "用户 User"), ...errors(401, 403, 404) },
    }),
    async (c) => {
      const user = await userView(c.get("services").platform, c.req.valid("param").id);
      const scope = scopeOf(c);
      if (!user || (scope && user.unit !== scope)) throw new ApiError("NOT_FOUND", "error.not_found");
      c.header("ETag", etag(user.version));
      return c.json(user, 200);
    },
  );
}
