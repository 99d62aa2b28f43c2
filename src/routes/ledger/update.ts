/** PATCH /api/t/{unit}/{path}/{id} — a merge patch under If-Match (412 when stale, 428 without it). */
import { createRoute } from "@hono/zod-openapi";
import { writeContext } from "../../ledger/context";
import { etag, requireIfMatch } from "../../ledger/etag";
import type { ResourceDef, Row } from "../../ledger/resource";
import { updateRecord } from "../../ledger/write";
import type { Router } from "../../router";
import { bearer, errors, ok } from "../openapi-common";
import { IfMatch, ledgerSchemas, RecordParams } from "./schemas";

export function registerUpdate(app: Router, def: ResourceDef): void {
  const { base, tags, Record, Update } = ledgerSchemas(def);
  app.openapi(
    createRoute({
      method: "patch",
      path: `${base}/{id}`,
      tags,
      summary: `修改${def.label.zh} Update (If-Match required)`,
      security: bearer,
      request: { params: RecordParams, headers: IfMatch, body: { content: { "application/json": { schema: Update } }, required: true } },
      responses: { 200: ok(Record, "已修改 Updated"), ...errors(400, 401, 403, 404, 409, 412, 428) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const version = requireIfMatch(c.req.header("if-match"));
      const row = await updateRecord(def, await writeContext(c), id, version, c.req.valid("json") as Row);
      c.header("ETag", etag(Number(row.version)));
      return c.json(row, 200);
    },
  );
}
