/** GET /api/t/{unit}/{path}/export — the filtered list as XLSX or CSV, by name, in Beijing time. */
import { createRoute, z } from "@hono/zod-openapi";
import { displayNames } from "../../ledger/display-names";
import { recordPages, type ListQuery } from "../../ledger/list";
import type { ResourceDef } from "../../ledger/resource";
import { today } from "../../periods/period";
import type { Router } from "../../router";
import { programScope } from "../../tenants/access";
import { contentDisposition } from "../content-disposition";
import { bearer, errors } from "../openapi-common";
import { ledgerSchemas, UnitParams } from "./schemas";
import { XLSX_TYPE } from "./template";

const MAX_EXPORT_ROWS = 100_000;

export function registerExport(app: Router, def: ResourceDef): void {
  const { base, tags, Query } = ledgerSchemas(def);
  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/export`,
      tags,
      summary: `导出${def.label.zh} Export ${def.label.en} (XLSX or CSV)`,
      security: bearer,
      request: { params: UnitParams, query: Query.extend({ format: z.enum(["xlsx", "csv"]).default("xlsx") }) },
      responses: { 200: { description: "XLSX or CSV", content: { "text/csv": { schema: z.string() } } }, ...errors(400, 401, 403) },
    }),
    async (c) => {
      const { db, access, unit } = c.get("tenant");
      const query = c.req.valid("query") as ListQuery & { format: "xlsx" | "csv" };
      const name = `${unit.name}-${def.label.zh}-${today()}`;
      const names = await displayNames(c.get("services").platform, db, def);
      const file = await c.get("services").sheets.render(def.path, query.format, recordPages(def, db, query, MAX_EXPORT_ROWS, programScope(access)), access.personal, names);
      if (query.format === "csv") {
        c.header("Content-Disposition", contentDisposition(`${name}.csv`));
        return c.body(file as string, 200, { "Content-Type": "text/csv; charset=utf-8" });
      }
      c.header("Content-Disposition", contentDisposition(`${name}.xlsx`));
      return c.body(file as Uint8Array<ArrayBuffer>, 200, { "Content-Type": XLSX_TYPE });
    },
  );
}
