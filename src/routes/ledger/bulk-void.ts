/** POST /api/t/{unit}/{path}/bulk/void — 作废 the chosen records with one reason, all or none (see bulk-items.ts). */
import { createRoute, z } from "@hono/zod-openapi";
import { writeContext } from "../../ledger/context";
import type { ResourceDef } from "../../ledger/resource";
import { voidRecords } from "../../ledger/write";
import type { Router } from "../../router";
import { bearer, errors, ok } from "../openapi-common";
import { BulkDone, bulkDone, BulkItems } from "./bulk-items";
import { ledgerSchemas, pascal, UnitParams } from "./schemas";
import { VoidReason } from "./void";

export function registerBulkVoid(app: Router, def: ResourceDef): void {
  const { base, tags } = ledgerSchemas(def);
  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/bulk/void`,
      tags,
      summary: `批量作废${def.label.zh} Void many ${def.label.en} with one reason (all or none)`,
      security: bearer,
      request: {
        params: UnitParams,
        body: { content: { "application/json": { schema: z.object({ items: BulkItems, reason: VoidReason }).strict().openapi(`${pascal(def.entity)}BulkVoid`) } }, required: true },
      },
      responses: { 200: ok(BulkDone, "已作废 Voided, with the new versions"), ...errors(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { items, reason } = c.req.valid("json");
      return c.json(bulkDone(await voidRecords(def, await writeContext(c), items, reason)), 200);
    },
  );
}
