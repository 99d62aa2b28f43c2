/** GET /api/t/{unit}/{path} — a resource's records: filters, period, search, sort, cursor. */
import { createRoute, z } from "@hono/zod-openapi";
import { listRecords, type ListQuery } from "../../ledger/list";
import { visible, type ResourceDef } from "../../ledger/resource";
import type { Router } from "../../router";
import { programScope } from "../../tenants/access";
import { bearer, errors, ok } from "../openapi-common";
import { ledgerSchemas, UnitParams } from "./schemas";

export function registerList(app: Router, def: ResourceDef): void {
  const { base, tags, Record, Query } = ledgerSchemas(def);
  app.openapi(
    createRoute({
      method: "get",
      path: base,
      tags,
      summary: `${def.label.zh}列表 List ${def.label.en}`,
      security: bearer,
      request: { params: UnitParams, query: Query },
      responses: { 200: ok(z.object({ items: z.array(Record), nextCursor: z.string().nullable(), total: z.number().int() }), "列表 Page"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { db, access } = c.get("tenant");
      const page = await listRecords(def, db, c.req.valid("query") as ListQuery, programScope(access));
      return c.json({ ...page, items: page.items.map((row) => visible(def, row, access.personal)) }, 200);
    },
  );
}
