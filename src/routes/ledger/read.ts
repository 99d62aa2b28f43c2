/** GET /api/t/{unit}/{path}/{id} — one record, its version in the ETag. */
import { createRoute } from "@hono/zod-openapi";
import { ApiError } from "../../errors";
import { etag } from "../../ledger/etag";
import { visible, type ResourceDef } from "../../ledger/resource";
import { readRecord } from "../../ledger/write";
import type { Router } from "../../router";
import { seesProgram } from "../../tenants/access";
import { bearer, errors, ok } from "../openapi-common";
import { ledgerSchemas, RecordParams } from "./schemas";

export function registerRead(app: Router, def: ResourceDef): void {
  const { base, tags, Record } = ledgerSchemas(def);
  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/{id}`,
      tags,
      summary: `${def.label.zh}详情 Read`,
      security: bearer,
      request: { params: RecordParams },
      responses: { 200: ok(Record, "记录 Record (ETag header carries the version)"), ...errors(400, 401, 403, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const tenant = c.get("tenant");
      const row = await readRecord(def, { tenant }, id);
      if (!row || !seesProgram(tenant.access, row.program as string | null)) throw new ApiError("NOT_FOUND", "error.record_not_found", { entity: def.label.zh, id });
      c.header("ETag", etag(Number(row.version)));
      return c.json(visible(def, row, tenant.access.personal), 200);
    },
  );
}
