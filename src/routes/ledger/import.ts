/** POST /api/t/{unit}/{path}/import — XLSX/CSV: every row written, or none with each row's errors. */
import { createRoute, z } from "@hono/zod-openapi";
import { ApiError } from "../../errors";
import { writeContext } from "../../ledger/context";
import type { ResourceDef } from "../../ledger/resource";
import { parseUpload } from "../../ledger/upload";
import { importRecords } from "../../ledger/write";
import type { Router } from "../../router";
import { bearer, errors, ok } from "../openapi-common";
import { columnOf, ledgerSchemas, UnitParams } from "./schemas";

export function registerImport(app: Router, def: ResourceDef): void {
  const { base, tags } = ledgerSchemas(def);
  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/import`,
      tags,
      summary: `导入${def.label.zh} Import ${def.label.en} from XLSX/CSV (all rows or none)`,
      description:
        "Send the file as multipart/form-data field `file`, or as the raw body with its content type. Rows identical to a record already in the ledger (not voided) are refused with 409 and their row numbers, unless `?duplicates=skip` (leave them out) or `?duplicates=keep` (write them again).",
      security: bearer,
      request: { params: UnitParams },
      responses: { 201: ok(z.object({ created: z.number().int(), skipped: z.number().int() }), "全部写入 All rows written"), ...errors(400, 401, 403, 409, 413) },
    }),
    async (c) => {
      const { rows, headerErrors } = await parseUpload(c, def);
      const ctx = await writeContext(c);
      if (headerErrors.length) throw new ApiError("VALIDATION_FAILED", "error.import_invalid", { count: headerErrors.length }, headerErrors);
      const mode = c.req.query("duplicates");
      const written = await importRecords(def, ctx, rows, columnOf(def), "import", mode === "skip" || mode === "keep" ? mode : "ask");
      return c.json(written, 201);
    },
  );
}
