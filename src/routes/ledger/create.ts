/** POST /api/t/{unit}/{path} — creates a record: 201 with its ETag and Location. */
import { createRoute } from "@hono/zod-openapi";
import { writeContext } from "../../ledger/context";
import { etag } from "../../ledger/etag";
import type { ResourceDef, Row } from "../../ledger/resource";
import { createRecord } from "../../ledger/write";
import type { Router } from "../../router";
import { bearer, errors, ok } from "../openapi-common";
import { ledgerSchemas, UnitParams } from "./schemas";

export function registerCreate(app: Router, def: ResourceDef): void {
  const { base, tags, Record, Create } = ledgerSchemas(def);
  app.openapi(
    createRoute({
      method: "post",
      path: base,
      tags,
      summary: `新增${def.label.zh} Create`,
      security: bearer,
      request: { params: UnitParams, body: { content: { "application/json": { schema: Create } }, required: true } },
      responses: { 201: ok(Record, "已创建 Created"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const row = await createRecord(def, await writeContext(c), c.req.valid("json") as Row);
      c.header("ETag", etag(1));
      c.header("Location", `/api/t/${c.get("tenant").unit.slug}/${def.path}/${String(row.id)}`);
      return c.json(row, 201);
    },
  );
}
