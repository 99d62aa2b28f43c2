/** POST /api/t/{unit}/{path}/import/preview — the import's own checks, nothing written: counts, errors, rows by name. */
import { createRoute } from "@hono/zod-openapi";
import { writeContext } from "../../ledger/context";
import { displayNames } from "../../ledger/display-names";
import { planImport } from "../../ledger/import-plan";
import { importPreview, ImportPreviewSchema, shownRows } from "../../ledger/import-preview";
import type { ResourceDef } from "../../ledger/resource";
import { parseUpload } from "../../ledger/upload";
import type { Router } from "../../router";
import { bearer, errors, ok } from "../openapi-common";
import { columnOf, ledgerSchemas, refValues, UnitParams } from "./schemas";

export function registerImportPreview(app: Router, def: ResourceDef): void {
  const { base, tags } = ledgerSchemas(def);
  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/import/preview`,
      tags,
      summary: `导入预览 Preview an import of ${def.label.en} (nothing written)`,
      description:
        "The same file as for `/import`, read and checked by the same code up to the write, and nothing written: how many rows would be created, which are wrong (row, column, message) and which repeat records already in the ledger, with the first rows of each kind by name. A file that cannot be read at all is refused as `/import` refuses it.",
      security: bearer,
      request: { params: UnitParams },
      responses: { 200: ok(ImportPreviewSchema, "导入预览 What the import would do"), ...errors(400, 401, 403, 413) },
    }),
    async (c) => {
      const { rows, headerErrors } = await parseUpload(c, def);
      const ctx = await writeContext(c);
      // A file whose headers are wrong is not planned: its rows are not yet the columns they seem.
      const plan = headerErrors.length ? { records: [], errors: [], invalid: new Set<number>(), repeated: new Map<number, string>() } : await planImport(def, ctx, rows, columnOf(def), () => true);
      const shown = headerErrors.length ? [] : shownRows(rows, plan);
      const refIds = shown.flatMap(({ index }) => refValues(def, plan.records[index]!));
      const names = await displayNames(ctx.platform, ctx.tenant.db, def, refIds);
      return c.json(importPreview(def, rows, plan, headerErrors, shown, names, ctx.tenant.access.personal, c.get("lang") ?? "zh-CN"), 200);
    },
  );
}
