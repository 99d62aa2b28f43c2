/** POST /api/t/{unit}/{path}/{id}/void — voids a record with a reason, under If-Match; nothing is deleted. */
import { createRoute, z } from "@hono/zod-openapi";
import { writeContext } from "../../ledger/context";
import { etag, requireIfMatch } from "../../ledger/etag";
import type { ResourceDef } from "../../ledger/resource";
import { voidRecord } from "../../ledger/write";
import type { Router } from "../../router";
import { bearer, errors, ok } from "../openapi-common";
import { IfMatch, ledgerSchemas, RecordParams } from "./schemas";

export const VoidReason = z.string().trim().min(2).max(500);

export function registerVoid(app: Router, def: ResourceDef): void {
  const { base, tags, Record } = ledgerSchemas(def);
  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/{id}/void`,
      tags,
      summary: `作废${def.label.zh} Void with a reason (If-Match required)`,
      security: bearer,
      request: {
        params: RecordParams,
        headers: IfMatch,
        body: { content: { "application/json": { schema: z.object({ reason: VoidReason }).strict().openapi("VoidRequest") } }, required: true },
      },
      responses: { 200: ok(Record, "已作废 Voided"), ...errors(400, 401, 403, 404, 409, 412, 428) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const version = requireIfMatch(c.req.header("if-match"));
      const row = await voidRecord(def, await writeContext(c), id, version, c.req.valid("json").reason);
      c.header("ETag", etag(Number(row.version)));
      return c.json(row, 200);
    },
  );
}
