/** GET /api/t/{unit}/{path}/template.xlsx — the import template: Chinese headers, dropdowns of names (areas, programs, referenced records). */
import { createRoute, z } from "@hono/zod-openapi";
import { templateChoices } from "../../ledger/import-names";
import { refChoices } from "../../ledger/ref-names";
import type { ResourceDef } from "../../ledger/resource";
import type { Router } from "../../router";
import { templateXlsx } from "../../sheets/export";
import { contentDisposition } from "../content-disposition";
import { bearer, errors } from "../openapi-common";
import { ledgerSchemas, UnitParams } from "./schemas";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function registerTemplate(app: Router, def: ResourceDef): void {
  const { base, tags } = ledgerSchemas(def);
  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/template.xlsx`,
      tags,
      summary: `${def.label.zh}导入模板 Import template`,
      security: bearer,
      request: { params: UnitParams },
      responses: { 200: { description: "XLSX", content: { [XLSX_TYPE]: { schema: z.string().openapi({ format: "binary" }) } } }, ...errors(401, 403) },
    }),
    async (c) => {
      const { db, unit } = c.get("tenant");
      const [choices, refs] = await Promise.all([templateChoices(c.get("services").platform, unit.slug), refChoices(db, def)]);
      const bytes = templateXlsx(def.label.zh, def.fields, { ...choices, refs });
      c.header("Content-Disposition", contentDisposition(`${def.label.zh}导入模板.xlsx`));
      return c.body(bytes, 200, { "Content-Type": XLSX_TYPE });
    },
  );
}
