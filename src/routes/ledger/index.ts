/**
 * The routes every ledger resource gets, one file per operation, from the resource's declaration
 * (src/ledger/resources/):
 *
 *   GET    /api/t/{unit}/{path}                list.ts           filters, period, search, sort, cursor
 *   GET    /api/t/{unit}/{path}/template.xlsx  template.ts       import template with Chinese headers
 *   GET    /api/t/{unit}/{path}/export         export.ts         the filtered list as XLSX or CSV
 *   POST   /api/t/{unit}/{path}/import         import.ts         XLSX/CSV: every row written, or none with row errors
 *   POST   /api/t/{unit}/{path}/import/preview import-preview.ts the same checks, nothing written
 *   POST   /api/t/{unit}/{path}                create.ts         → 201 + ETag
 *   POST   /api/t/{unit}/{path}/bulk/void      bulk-void.ts      many records, one reason, all or none
 *   POST   /api/t/{unit}/{path}/bulk/program   bulk-program.ts   many records under one program
 *   GET    /api/t/{unit}/{path}/{id}           read.ts           → ETag
 *   PATCH  /api/t/{unit}/{path}/{id}           update.ts         If-Match required → 412 when stale
 *   POST   /api/t/{unit}/{path}/{id}/void      void.ts           with a reason, If-Match
 *
 * A resource with its own write routes (`customWrites`) gets the reads only. Fixed paths are
 * registered before `/{id}`, which would otherwise take "export" or "bulk" for an id.
 */
import type { ResourceDef } from "../../ledger/resource";
import type { Router } from "../../router";
import { registerBulkProgram } from "./bulk-program";
import { registerBulkVoid } from "./bulk-void";
import { registerCreate } from "./create";
import { registerExport } from "./export";
import { registerImport } from "./import";
import { registerImportPreview } from "./import-preview";
import { registerList } from "./list";
import { registerRead } from "./read";
import { registerTemplate } from "./template";
import { registerUpdate } from "./update";
import { registerVoid } from "./void";

export function registerLedgerRoutes(app: Router, resources: readonly ResourceDef[]): void {
  for (const def of resources) {
    const writes = !def.customWrites;
    registerList(app, def);
    registerTemplate(app, def);
    registerExport(app, def);
    if (writes) {
      registerImport(app, def);
      registerImportPreview(app, def);
      registerCreate(app, def);
      registerBulkVoid(app, def);
      if (def.fields.program) registerBulkProgram(app, def);
    }
    registerRead(app, def);
    if (writes) {
      registerUpdate(app, def);
      registerVoid(app, def);
    }
  }
}
